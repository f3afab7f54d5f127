import { requestedPage } from '$lib/paging';
import { requireUser } from '$lib/server/auth/require-user';
import { listMyOrganisations } from '$lib/server/db/organisation-admin';
import { OWN_LIST_PAGE_SIZE, slicePage } from '$lib/server/db/paging';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url);
	// A person belongs to a handful of organisations: read whole, sorted by name, then paged.
	const { rows, ...paging } = slicePage(
		await listMyOrganisations(locals.supabase, user.id),
		requestedPage(url.searchParams),
		OWN_LIST_PAGE_SIZE
	);
	return { organisations: rows, paging, left: url.searchParams.has('verlaten') };
}) satisfies PageServerLoad;
