import { requireUser } from '$lib/server/auth/require-user';
import { listMyOrganisations } from '$lib/server/db/organisation-admin';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return {
		organisations: await listMyOrganisations(locals.supabase, user.id),
		left: url.searchParams.has('verlaten')
	};
}) satisfies PageServerLoad;
