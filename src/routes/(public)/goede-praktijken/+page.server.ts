import { parsePracticeFilters } from '$lib/public/practice-filters';
import { listGoodPractices } from '$lib/server/db/good-practices';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals: { supabase }, url }) => {
	const { filters, invalidMessage } = parsePracticeFilters(url.searchParams);
	const page = await listGoodPractices(supabase, filters);
	return {
		filters: { ...filters, page: page.page },
		invalidMessage,
		practices: page.rows,
		total: page.total,
		pageCount: page.pageCount
	};
}) satisfies PageServerLoad;
