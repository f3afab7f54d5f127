import { requireStaff } from '$lib/server/auth/require-staff';
import { listQualityQueue } from '$lib/server/db/quality';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	await requireStaff(locals, url);
	return await listQualityQueue(locals.supabase);
}) satisfies PageServerLoad;
