import { listAcademyActivities } from '$lib/server/db/activity-admin';
import { requireAcademyMember } from './activity-access';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url, params }) => {
	const organisation = await requireAcademyMember(locals, url, params.slug);
	return {
		organisation,
		activities: await listAcademyActivities(locals.supabase, organisation.id)
	};
}) satisfies PageServerLoad;
