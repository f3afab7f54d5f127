// One table of /statistieken as CSV (domeinen.csv, formaten.csv, provincies.csv) for the page's periods.
import { todayInBelgium } from '$lib/public/format';
import { parsedOr400, publishedTableCsv, statisticsTables } from '$lib/server/statistics';
import { tableOfFile } from '$lib/statistics';
import { parseStatisticsQuery } from '$lib/statistics-params';
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET = (async ({ locals, url, params }) => {
	const dimension = tableOfFile(params.file.replace(/\.csv$/, ''));
	if (!params.file.endsWith('.csv') || !dimension) error(404);
	const search = new URLSearchParams(url.searchParams);
	search.delete('provincie');
	search.delete('academie');
	const query = parsedOr400(() => parseStatisticsQuery(search, todayInBelgium()));
	const tables = await statisticsTables(locals.supabase, query);
	return publishedTableCsv(tables[dimension], `statistieken-${params.file}`);
}) satisfies RequestHandler;
