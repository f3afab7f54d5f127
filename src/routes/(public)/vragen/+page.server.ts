import { REQUEST_KINDS } from '$lib/exchange-vocabulary';
import { listLiveRequests } from '$lib/server/db/requests';
import { exchangeFilters } from '$lib/server/exchange-filters';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals: { supabase }, url }) => {
	const { query, form } = await exchangeFilters(supabase, url, REQUEST_KINDS);
	return { requests: await listLiveRequests(supabase, query), ...form };
}) satisfies PageServerLoad;
