// What an academy's and an activity's card in a list show (academy-card.svelte, activity-card.svelte), picked
// out of the lists' rows. A page's data goes to the browser a second time for hydration, and every character
// of a page counts: one over ~65 500 characters costs the server about a millisecond more to hash and send
// (docs/benchmarks.md). The lists' rows carry more (provinces, coordinates, the STEAM link) for other pages.
import type { AcademySummary, ActivitySummary, Place, StemProfile } from './types';

type CardPlace = Pick<Place, 'nis' | 'name'>;

export type AcademyCardData = Pick<
	AcademySummary,
	'id' | 'name' | 'slug' | 'domains' | 'verified'
> &
	Partial<Pick<AcademySummary, 'upcomingActivityCount' | 'logo' | 'qualityLabel'>> & {
		place: CardPlace;
		stem: Pick<StemProfile, 'letters' | 'accents'>;
	};

export type ActivityCardData = Pick<
	ActivitySummary,
	| 'id'
	| 'title'
	| 'format'
	| 'domains'
	| 'ageMin'
	| 'ageMax'
	| 'startDate'
	| 'endDate'
	| 'priceEur'
	| 'status'
	| 'academy'
	| 'photo'
> & { place: CardPlace };

const cardPlace = (place: CardPlace): CardPlace => ({ nis: place.nis, name: place.name });

/** An academy as its card shows it, and no more. */
export function academyCard(academy: AcademyCardData): AcademyCardData {
	return {
		id: academy.id,
		name: academy.name,
		slug: academy.slug,
		place: cardPlace(academy.place),
		stem: { letters: academy.stem.letters, accents: academy.stem.accents },
		domains: academy.domains,
		verified: academy.verified,
		upcomingActivityCount: academy.upcomingActivityCount,
		logo: academy.logo ?? null,
		qualityLabel: academy.qualityLabel ?? null
	};
}

/** An activity as its card shows it, and no more. */
export function activityCard(activity: ActivityCardData): ActivityCardData {
	return {
		id: activity.id,
		title: activity.title,
		format: activity.format,
		domains: activity.domains,
		ageMin: activity.ageMin,
		ageMax: activity.ageMax,
		startDate: activity.startDate,
		endDate: activity.endDate,
		priceEur: activity.priceEur,
		status: activity.status,
		place: cardPlace(activity.place),
		academy: activity.academy && { name: activity.academy.name, slug: activity.academy.slug },
		photo: activity.photo ?? null
	};
}
