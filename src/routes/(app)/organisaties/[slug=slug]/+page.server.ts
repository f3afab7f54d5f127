import { MEMBER_ROLES, requireOrganisationRole } from '$lib/server/auth/require-org-role';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url, params }) => {
	const organisation = await requireOrganisationRole(locals, url, params.slug, MEMBER_ROLES);
	return {
		organisation,
		created: url.searchParams.has('aangemaakt'),
		joined: url.searchParams.has('lid-geworden')
	};
}) satisfies PageServerLoad;
