import { todayInBelgium } from '$lib/public/format';
import { requireStaff } from '$lib/server/auth/require-staff';
import { countedAcademies } from '$lib/server/db/statistics';
import { parsedOr400, statisticsTables } from '$lib/server/statistics';
import { parseStatisticsQuery } from '$lib/statistics-params';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	await requireStaff(locals, url);
	const query = parsedOr400(() => parseStatisticsQuery(url.searchParams, todayInBelgium()));
	const [tables, academies] = await Promise.all([
		statisticsTables(locals.supabase, query),
		countedAcademies(locals.supabase)
	]);
	return { ...query, tables, academies, search: url.search };
}) satisfies PageServerLoad;
