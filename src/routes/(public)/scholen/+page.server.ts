import { loadListPage } from '$lib/public/list-page';
import { listCurrentMunicipalities } from '$lib/server/db/municipalities';
import { listOrganisations, PAGE_SIZE } from '$lib/server/db/organisations';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals: { supabase }, url }) => {
	const { rows, ...list } = await loadListPage({
		params: url.searchParams,
		fields: ['province', 'municipality'],
		pageSize: PAGE_SIZE,
		listMunicipalities: () => listCurrentMunicipalities(supabase),
		list: (filters) => listOrganisations(supabase, 'school', filters)
	});
	return { ...list, organisations: rows };
}) satisfies PageServerLoad;
