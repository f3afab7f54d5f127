import { m } from '$lib/paraglide/messages';
import { getOrganisationBySlug } from '$lib/server/db/organisations';
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals: { supabase }, params }) => {
	const organisation = await getOrganisationBySlug(supabase, 'company', params.slug);
	if (!organisation) error(404, m.pub_company_not_found());
	return { organisation };
}) satisfies PageServerLoad;
