import { todayInBelgium } from '$lib/public/format';
import { parsedOr400, statisticsTables } from '$lib/server/statistics';
import { parseStatisticsQuery } from '$lib/statistics-params';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const params = new URLSearchParams(url.searchParams);
	// The public summary has no filters: the whole network only.
	params.delete('provincie');
	params.delete('academie');
	const query = parsedOr400(() => parseStatisticsQuery(params, todayInBelgium()));
	return {
		periods: query.periods,
		tables: await statisticsTables(locals.supabase, query),
		search: `?${params}`
	};
}) satisfies PageServerLoad;
