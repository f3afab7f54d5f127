import { requestedPage } from '$lib/paging';
import { listOrganisationRequests } from '$lib/server/db/requests';
import { requireAcademyMember } from '../activiteiten/activity-access';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url, params }) => {
	const organisation = await requireAcademyMember(locals, url, params.slug);
	const { rows, ...paging } = await listOrganisationRequests(
		locals.supabase,
		organisation.id,
		requestedPage(url.searchParams)
	);
	return { organisation, requests: rows, paging };
}) satisfies PageServerLoad;
