// Scores a matching candidate (one row of suggest_offers() or suggest_requests()) and says why, in Dutch:
// "3,2 km · woensdag 13:00–16:00 vrij · robotica". Pure: no database, no clock.
import { formatNumber, formatTimeRange } from '$lib/public/format';
import { domainName, labels, weekdayName } from './labels';

/** The facts the database gives for one offer–request pair. */
export type MatchCandidate = {
	offerId: string;
	requestId: string;
	/** The other side's organisation: the offer's for suggest_offers, the request's for suggest_requests. */
	organisationId: string;
	organisationName: string;
	offerKind: string;
	requestKind: string;
	title: string;
	roomType: string | null;
	municipalityNis: string;
	municipalityName: string;
	distanceKm: number;
	reach: 'radius' | 'municipalities';
	radiusKm: number | null;
	requestSlotCount: number;
	requestedMinutes: number;
	overlapMinutes: number;
	/** The first weekly window in which both are free: ISO weekday and "HH:MM(:SS)" times. */
	overlap: { weekday: number; starts: string; ends: string } | null;
	termStart: string | null;
	termEnd: string | null;
	neededFrom: string | null;
	neededUntil: string | null;
	deadline: string | null;
	offerDomains: string[];
	requestDomains: string[];
	sharedDomains: string[];
	offerAges: { min: number | null; max: number | null };
	requestAges: { min: number | null; max: number | null };
	capacity: number | null;
	people: number | null;
	quantity: number | null;
	amountEur: number | null;
	hoursPerYear: number | null;
	neededPeople: number | null;
	neededAmountEur: number | null;
	neededQuantity: string | null;
	accessible: boolean | null;
	conditions: string[];
	feeEur: number | null;
	agreement: { id: string; status: string } | null;
};

export type Suggestion = { score: number; reasons: string[] };

/** Points per aspect; together 100. The database's rough order (matching_rank_hint) uses the same. */
export const WEIGHTS = {
	kind: 10,
	distance: 30,
	time: 30,
	domains: 15,
	ages: 10,
	amount: 5
} as const;

const EXACT_KINDS: Record<string, string> = {
	venue: 'room',
	volunteers: 'volunteers',
	materials: 'materials',
	funding: 'funding',
	expertise: 'expertise'
};

/** Whether an offer of this kind can serve a request of that kind at all. */
export function kindsMatch(offerKind: string, requestKind: string): boolean {
	return (
		EXACT_KINDS[requestKind] === offerKind || (requestKind === 'expertise' && offerKind === 'visit')
	);
}

/** 3.24 -> "3,2 km"; 12.6 -> "13 km"; under 1 km: "minder dan 1 km". In the reader's language. */
export function formatDistance(km: number): string {
	if (!Number.isFinite(km) || km < 1) return labels.nearby;
	if (km < 10) {
		const tenths = Math.round(km * 10) / 10;
		return `${formatNumber(tenths, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} km`;
	}
	return `${formatNumber(Math.round(km))} km`;
}

/** Wednesday 13:00–16:00 -> "woensdag 13:00–16:00": the one clock format of every page. */
export function formatWindow(window: { weekday: number; starts: string; ends: string }): string {
	const day = weekdayName(window.weekday);
	return `${day} ${formatTimeRange(window.starts, window.ends)}`.trim();
}

/** 2500 -> "2.500"; 12.5 -> "12,50" (in English "2,500" and "12.50"). */
export function formatEuro(amount: number): string {
	const whole = Number.isInteger(Math.round(amount * 100) / 100);
	return formatNumber(amount, {
		minimumFractionDigits: whole ? 0 : 2,
		maximumFractionDigits: 2
	});
}

function clamp(value: number, low = 0, high = 1): number {
	return Math.min(high, Math.max(low, value));
}

function agesKnown(ages: { min: number | null; max: number | null }): boolean {
	return ages.min !== null || ages.max !== null;
}

/** The ages both suit, or null when either side says nothing or they do not meet. */
export function ageOverlap(
	offer: { min: number | null; max: number | null },
	request: { min: number | null; max: number | null }
): { min: number; max: number } | null {
	if (!agesKnown(offer) || !agesKnown(request)) return null;
	const min = Math.max(offer.min ?? 2, request.min ?? 2);
	const max = Math.min(offer.max ?? 25, request.max ?? 25);
	return min <= max ? { min, max } : null;
}

/** What the offer gives in the unit the request counts in, and what the request needs. */
function offeredAndNeeded(c: MatchCandidate): { offered: number | null; needed: number | null } {
	switch (c.offerKind) {
		case 'room':
			return { offered: c.capacity, needed: c.neededPeople };
		case 'funding':
			return { offered: c.amountEur, needed: c.neededAmountEur };
		case 'materials':
			return { offered: c.quantity, needed: null };
		default:
			return { offered: c.people, needed: c.neededPeople };
	}
}

function amountReason(c: MatchCandidate, offered: number, needed: number | null): string | null {
	const short = needed !== null && offered < needed;
	switch (c.offerKind) {
		case 'room':
			return short ? labels.tooSmall(offered, needed!) : labels.places(offered);
		case 'funding':
			return short
				? labels.amountShort(formatEuro(offered), formatEuro(needed!))
				: labels.amount(formatEuro(offered));
		case 'materials':
			return labels.items(offered);
		default:
			return short ? labels.tooFewPeople(offered, needed!) : labels.people(offered);
	}
}

/**
 * The score (0–100, higher is better) and the reasons, strongest first: distance, the first common weekly
 * window, shared domains, ages, and how much is offered against what is needed. Kinds that do not meet
 * score 0 with no reasons.
 */
export function scoreSuggestion(c: MatchCandidate): Suggestion {
	if (!kindsMatch(c.offerKind, c.requestKind)) return { score: 0, reasons: [] };
	const reasons: string[] = [];
	let score = c.offerKind === 'visit' ? WEIGHTS.kind * 0.7 : WEIGHTS.kind;

	const distance = Math.max(0, c.distanceKm);
	score += WEIGHTS.distance / (1 + distance / 10);
	reasons.push(
		c.reach === 'municipalities' && distance < 1 ? labels.inArea : formatDistance(distance)
	);

	if (c.requestSlotCount === 0 || c.requestedMinutes <= 0) {
		score += WEIGHTS.time / 2;
	} else if (c.overlapMinutes > 0 && c.overlap) {
		const share = clamp(c.overlapMinutes / c.requestedMinutes);
		score += WEIGHTS.time * share;
		reasons.push(`${formatWindow(c.overlap)} ${labels.free}`);
		if (share < 0.999) reasons.push(labels.partlyFree(Math.round(share * 100)));
	} else {
		reasons.push(labels.noCommonTime);
	}

	if (c.requestDomains.length === 0) {
		score += WEIGHTS.domains / 2;
	} else {
		const shared = c.sharedDomains.filter((d) => c.requestDomains.includes(d));
		score += (WEIGHTS.domains * shared.length) / c.requestDomains.length;
		if (shared.length > 0) reasons.push(shared.map(domainName).join(', '));
	}

	if (!agesKnown(c.offerAges) || !agesKnown(c.requestAges)) {
		score += WEIGHTS.ages / 2;
	} else {
		const ages = ageOverlap(c.offerAges, c.requestAges);
		if (ages) {
			score += WEIGHTS.ages;
			reasons.push(labels.ages(ages.min, ages.max));
		} else {
			reasons.push(labels.agesMismatch);
		}
	}

	const { offered, needed } = offeredAndNeeded(c);
	if (offered === null || needed === null || needed <= 0) {
		score += WEIGHTS.amount / 2;
	} else {
		score += WEIGHTS.amount * clamp(offered / needed);
	}
	if (offered !== null) {
		const reason = amountReason(c, offered, needed);
		if (reason) reasons.push(reason);
	}
	if (c.offerKind === 'room' && c.accessible) reasons.push(labels.accessible);

	return { score: Math.round(score * 10) / 10, reasons };
}

/** The reasons as one line: "3,2 km · woensdag 13:00–16:00 vrij · robotica". */
export function reasonLine(suggestion: Suggestion): string {
	return suggestion.reasons.join(' · ');
}

/** Best first; equal scores: nearer first, then by id, so the order is stable. */
export function rankSuggestions<T extends { candidate: MatchCandidate; suggestion: Suggestion }>(
	items: T[]
): T[] {
	return [...items].sort(
		(a, b) =>
			b.suggestion.score - a.suggestion.score ||
			a.candidate.distanceKm - b.candidate.distanceKm ||
			(a.candidate.offerId + a.candidate.requestId).localeCompare(
				b.candidate.offerId + b.candidate.requestId
			)
	);
}
