import { OFFER_SORTS } from '$lib/exchange-sorts';
import { OFFER_KINDS } from '$lib/exchange-vocabulary';
import { listActiveOffers } from '$lib/server/db/offers';
import { exchangeFilters } from '$lib/server/exchange-filters';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals: { supabase }, url }) => {
	const { query, form } = await exchangeFilters(supabase, url, {
		kinds: OFFER_KINDS,
		sorts: OFFER_SORTS
	});
	const { rows, ...paging } = await listActiveOffers(supabase, query);
	return { offers: rows, paging, sorts: OFFER_SORTS, ...form };
}) satisfies PageServerLoad;
