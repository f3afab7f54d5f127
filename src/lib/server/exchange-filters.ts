// The filters of the public lists of offers and requests, read from the address: a kind from the list's
// vocabulary (anything else means all kinds), a municipality as it was typed, an order from the list's
// own orders (anything else means the first, newest first) and the page.
import { resolveMunicipality } from '$lib/municipalities';
import { requestedPage } from '$lib/paging';
import { listCurrentMunicipalities } from '$lib/server/db/municipalities';
import type { Db } from '$lib/server/supabase';

export const SORT_PARAM = 'sorteer';

export async function exchangeFilters<Kind extends string, Sort extends string>(
	db: Db,
	url: URL,
	{ kinds, sorts }: { kinds: readonly Kind[]; sorts: readonly [Sort, ...Sort[]] }
) {
	const kindParam = url.searchParams.get('soort') ?? '';
	const kind = (kinds as readonly string[]).includes(kindParam) ? (kindParam as Kind) : null;
	const sortParam = url.searchParams.get(SORT_PARAM) ?? '';
	const sort = (sorts as readonly string[]).includes(sortParam) ? (sortParam as Sort) : sorts[0];
	const municipality = url.searchParams.get('gemeente') ?? '';
	const municipalities = await listCurrentMunicipalities(db);
	const municipalityNis = resolveMunicipality(municipalities, municipality) ?? null;
	return {
		/** What the list query filters on, in which order, and which page. */
		query: { kind, municipalityNis, sort, page: requestedPage(url.searchParams) },
		/** What the page's filter form shows. */
		form: {
			filters: { kind: kind ?? '', municipality, sort },
			filtered: kind !== null || municipality.trim() !== '',
			municipalityUnknown: municipality.trim() !== '' && municipalityNis === null
		}
	};
}
