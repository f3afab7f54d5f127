// Why an open request suits a teacher or volunteer ("wat kan ik hier doen"), in the words and formats of
// the offer–request matching: "past bij: een gastles geven · 3,2 km · woensdag 13:00–16:00 vrij ·
// programmeren". Pure: the rank comes from help_suggestions(); this only explains it.
import { m } from '$lib/paraglide/messages';
import { interestLabel, labelFor } from '$lib/people-vocabulary';
import { formatDistance, formatWindow } from './score';
import { domainName, labels } from './labels';

/** One row of help_suggestions(); the generated types call its nullable columns non-null. */
export type HelpCandidate = {
	interests: string[];
	distanceKm: number | null;
	inMyCommunity: boolean;
	requestSlotCount: number;
	requestedMinutes: number;
	overlapMinutes: number;
	overlap: { weekday: number; starts: string; ends: string } | null;
	sharedDomains: string[];
	agesFit: boolean | null;
	ageMin: number | null;
	ageMax: number | null;
};

/** The reasons, strongest first: what it asks of the person, where, when, about what, for whom. */
export function helpReasons(c: HelpCandidate): string[] {
	const reasons: string[] = [];
	if (c.interests.length > 0) {
		const interests = c.interests
			.map((interest) => labelFor(interestLabel, interest).toLocaleLowerCase())
			.join(', ');
		reasons.push(m.tp_reason_interest({ interests }));
	}
	if (c.distanceKm !== null) reasons.push(formatDistance(c.distanceKm));
	if (c.inMyCommunity) reasons.push(m.tp_reason_community());
	if (c.requestSlotCount > 0 && c.requestedMinutes > 0) {
		if (c.overlap && c.overlapMinutes > 0) {
			reasons.push(`${formatWindow(c.overlap)} ${labels.free}`);
			const share = Math.min(1, c.overlapMinutes / c.requestedMinutes);
			if (share < 0.999) reasons.push(labels.partlyFree(Math.round(share * 100)));
		} else {
			reasons.push(labels.noCommonTime);
		}
	}
	if (c.sharedDomains.length > 0) reasons.push(c.sharedDomains.map(domainName).join(', '));
	if (c.agesFit === true) {
		reasons.push(
			c.ageMin !== null && c.ageMax !== null ? labels.ages(c.ageMin, c.ageMax) : m.tp_reason_ages()
		);
	} else if (c.agesFit === false) {
		reasons.push(labels.agesMismatch);
	}
	return reasons;
}
