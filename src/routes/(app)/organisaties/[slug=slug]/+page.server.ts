import { MEMBER_ROLES, requireOrganisationRole } from '$lib/server/auth/require-org-role';
import { getOrganisationOverview } from '$lib/server/db/organisation-overview';
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url, params }) => {
	const organisation = await requireOrganisationRole(locals, url, params.slug, MEMBER_ROLES);
	const overview = await getOrganisationOverview(locals.supabase, organisation.id);
	// The guard found a membership a moment ago; only a membership removed in between gets here.
	if (!overview) error(404);
	return {
		organisation,
		overview,
		created: url.searchParams.has('aangemaakt'),
		joined: url.searchParams.has('lid-geworden')
	};
}) satisfies PageServerLoad;
