import { requireUser } from '$lib/server/auth/require-user';
import { listMyAgreements } from '$lib/server/db/agreements';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { agreements: await listMyAgreements(locals.supabase, user.id) };
}) satisfies PageServerLoad;
