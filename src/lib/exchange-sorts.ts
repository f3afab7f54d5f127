// The orders of the public lists of offers and requests, as the address names them (`?sorteer=`); the
// first is the default.
import { m } from '$lib/paraglide/messages';

export const OFFER_SORTS = ['nieuw', 'beschikbaar', 'naam'] as const;
export type OfferSort = (typeof OFFER_SORTS)[number];

export const REQUEST_SORTS = ['nieuw', 'deadline', 'naam'] as const;
export type RequestSort = (typeof REQUEST_SORTS)[number];

export const sortLabel: Record<OfferSort | RequestSort, () => string> = {
	nieuw: m.list_sort_newest,
	beschikbaar: m.list_sort_available,
	deadline: m.list_sort_deadline,
	naam: m.list_sort_title
};
