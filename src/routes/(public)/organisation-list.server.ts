// The loads of the public lists and pages of schools, companies and partners: the same filters and
// queries, one kind each.
import { loadListPage } from '$lib/public/list-page';
import { listCurrentMunicipalities } from '$lib/server/db/municipalities';
import { getOrganisationBySlug, listOrganisations, PAGE_SIZE } from '$lib/server/db/organisations';
import type { Db } from '$lib/server/supabase';
import { error } from '@sveltejs/kit';
import { organisationPages, type ListedKind } from './organisation-kinds';

export async function loadOrganisationList(supabase: Db, url: URL, kind: ListedKind) {
	const { rows, ...list } = await loadListPage({
		params: url.searchParams,
		fields: ['province', 'municipality'],
		pageSize: PAGE_SIZE,
		listMunicipalities: () => listCurrentMunicipalities(supabase),
		list: (filters) => listOrganisations(supabase, kind, filters)
	});
	return { ...list, organisations: rows };
}

export type OrganisationListData = Awaited<ReturnType<typeof loadOrganisationList>>;

export async function loadOrganisationPage(supabase: Db, slug: string, kind: ListedKind) {
	const organisation = await getOrganisationBySlug(supabase, kind, slug);
	if (!organisation) error(404, organisationPages[kind].notFound());
	return { organisation };
}
