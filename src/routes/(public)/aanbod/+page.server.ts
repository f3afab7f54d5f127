import { OFFER_KINDS } from '$lib/exchange-vocabulary';
import { listActiveOffers } from '$lib/server/db/offers';
import { exchangeFilters } from '$lib/server/exchange-filters';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals: { supabase }, url }) => {
	const { query, form } = await exchangeFilters(supabase, url, OFFER_KINDS);
	return { offers: await listActiveOffers(supabase, query), ...form };
}) satisfies PageServerLoad;
