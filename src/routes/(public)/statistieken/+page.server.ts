import { todayInBelgium } from '$lib/public/format';
import { parsedOr400, statisticsTables } from '$lib/server/statistics';
import { parseStatisticsQuery } from '$lib/statistics-params';
import { serverOnly } from '$lib/server-only';
import type { PageServerLoad } from './$types';

// Nothing here needs JavaScript (a GET form, tables, links), so the page sends none, and no copy of the
// tables for hydration either (serverOnly()).
export const csr = false;

export const load = (async ({ locals, url, isDataRequest }) => {
	const params = new URLSearchParams(url.searchParams);
	// The public summary has no filters: the whole network only.
	params.delete('provincie');
	params.delete('academie');
	const query = parsedOr400(() => parseStatisticsQuery(params, todayInBelgium()));
	return {
		periods: query.periods,
		tables: serverOnly(await statisticsTables(locals.supabase, query), { isDataRequest }),
		search: `?${params}`
	};
}) satisfies PageServerLoad;
