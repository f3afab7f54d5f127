import { m } from '$lib/paraglide/messages';
import { requestedPage } from '$lib/paging';
import { PROVINCES } from '$lib/public/provinces';
import { listMunicipalityIndex, MUNICIPALITY_SEARCH_MAX } from '$lib/server/db/communities';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals: { supabase }, url }) => {
	const params = url.searchParams;
	const typed = params.get('zoek')?.trim() ?? '';
	// No municipality's name is longer; a longer search finds nothing, and says why.
	const tooLong = typed.length > MUNICIPALITY_SEARCH_MAX;
	const search = tooLong ? typed.slice(0, MUNICIPALITY_SEARCH_MAX) : typed;
	const provinceParam = params.get('provincie') ?? '';
	const province = PROVINCES.some((p) => p.slug === provinceParam) ? provinceParam : null;
	const { rows, ...paging } = await listMunicipalityIndex(supabase, {
		search,
		province,
		page: requestedPage(params)
	});
	return {
		search: typed,
		searchError: tooLong ? m.cm_index_search_too_long() : null,
		province: province ?? '',
		rows,
		paging
	};
}) satisfies PageServerLoad;
