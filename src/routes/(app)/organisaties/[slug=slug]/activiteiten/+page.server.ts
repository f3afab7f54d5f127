import { requestedPage } from '$lib/paging';
import { listAcademyActivities } from '$lib/server/db/activity-admin';
import { requireAcademyMember } from './activity-access';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url, params }) => {
	const organisation = await requireAcademyMember(locals, url, params.slug);
	const { rows, ...paging } = await listAcademyActivities(
		locals.supabase,
		organisation.id,
		requestedPage(url.searchParams)
	);
	return { organisation, activities: rows, paging };
}) satisfies PageServerLoad;
