// One table of /netwerk/statistieken as CSV (domeinen.csv, formaten.csv, provincies.csv), with the page's
// periods and filters.
import { todayInBelgium } from '$lib/public/format';
import { requireStaff } from '$lib/server/auth/require-staff';
import { parsedOr400, publishedTableCsv, statisticsTables } from '$lib/server/statistics';
import { tableOfFile } from '$lib/statistics';
import { parseStatisticsQuery } from '$lib/statistics-params';
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET = (async ({ locals, url, params }) => {
	const dimension = tableOfFile(params.file.replace(/\.csv$/, ''));
	if (!params.file.endsWith('.csv') || !dimension) error(404);
	await requireStaff(locals, url);
	const query = parsedOr400(() => parseStatisticsQuery(url.searchParams, todayInBelgium()));
	const tables = await statisticsTables(locals.supabase, query);
	return publishedTableCsv(tables[dimension], `netwerk-${params.file}`);
}) satisfies RequestHandler;
