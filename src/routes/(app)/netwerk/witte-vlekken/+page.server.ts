import { requireStaff } from '$lib/server/auth/require-staff';
import { whiteSpotOverview } from '$lib/server/db/starters';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	await requireStaff(locals, url);
	return { spots: await whiteSpotOverview(locals.supabase) };
}) satisfies PageServerLoad;
