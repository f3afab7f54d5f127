import { REQUEST_SORTS } from '$lib/exchange-sorts';
import { REQUEST_KINDS } from '$lib/exchange-vocabulary';
import { listLiveRequests } from '$lib/server/db/requests';
import { exchangeFilters } from '$lib/server/exchange-filters';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals: { supabase }, url }) => {
	const { query, form } = await exchangeFilters(supabase, url, {
		kinds: REQUEST_KINDS,
		sorts: REQUEST_SORTS
	});
	const { rows, ...paging } = await listLiveRequests(supabase, query);
	return { requests: rows, paging, sorts: REQUEST_SORTS, ...form };
}) satisfies PageServerLoad;
