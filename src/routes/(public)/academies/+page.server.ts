import { academyCard } from '$lib/public/cards';
import { loadListPage } from '$lib/public/list-page';
import { listCurrentMunicipalities } from '$lib/server/db/municipalities';
import { listAcademies, PAGE_SIZE } from '$lib/server/db/organisations';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals: { supabase }, url }) => {
	const { rows, ...list } = await loadListPage({
		params: url.searchParams,
		fields: ['province', 'municipality', 'domain', 'format', 'age', 'label'],
		pageSize: PAGE_SIZE,
		listMunicipalities: () => listCurrentMunicipalities(supabase),
		list: (filters) => listAcademies(supabase, filters)
	});
	return { ...list, academies: rows.map(academyCard) };
}) satisfies PageServerLoad;
