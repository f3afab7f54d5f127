import { requestedPage } from '$lib/paging';
import { requireUser } from '$lib/server/auth/require-user';
import { listMyAgreements } from '$lib/server/db/agreements';
import { bringsHeader } from '$lib/server/page-header';
import type { PageServerLoad } from './$types';

export const load = bringsHeader(async ({ locals, url }) => {
	requireUser(locals, url);
	const { rows, ...paging } = await listMyAgreements(
		locals.supabase,
		requestedPage(url.searchParams)
	);
	return { agreements: rows, paging };
}) satisfies PageServerLoad;
