// Loads the activity of a management page, or a 404 when it is not this academy's.
import { m } from '$lib/paraglide/messages';
import { getActivity } from '$lib/server/db/activity-admin';
import type { Db } from '$lib/server/supabase';
import { error } from '@sveltejs/kit';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function requireActivity(db: Db, organisationId: string, activityId: string) {
	if (!UUID.test(activityId)) error(404, m.app_activity_not_found());
	const activity = await getActivity(db, { organisationId, activityId });
	if (!activity) error(404, m.app_activity_not_found());
	return activity;
}
