import { m } from '$lib/paraglide/messages';
import { todayInBelgium } from '$lib/public/format';
import { getPublicActivity } from '$lib/server/db/activities';
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals: { supabase }, params }) => {
	// One round trip; drafts, unknown ids and ids that are no uuid are all "not found".
	const activity = await getPublicActivity(supabase, params.id);
	if (!activity) error(404, m.pub_activity_not_found());
	return { activity, past: activity.endDate < todayInBelgium() };
}) satisfies PageServerLoad;
