// Loads the activity of a management page, or a 404 when it is not this academy's (the [id=uuid] matcher
// has already refused ids that are not uuids).
import { m } from '$lib/paraglide/messages';
import { getActivity } from '$lib/server/db/activity-admin';
import type { Db } from '$lib/server/supabase';
import { error } from '@sveltejs/kit';

export async function requireActivity(db: Db, organisationId: string, activityId: string) {
	const activity = await getActivity(db, { organisationId, activityId });
	if (!activity) error(404, m.app_activity_not_found());
	return activity;
}
