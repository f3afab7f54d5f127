import { requireUser } from '$lib/server/auth/require-user';
import { feedToken } from '$lib/server/db/events';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	requireUser(locals, url);
	const token = await feedToken(locals.supabase, { reset: false });
	return { feedUrl: `${url.origin}/agenda/${token}.ics` };
}) satisfies PageServerLoad;

export const actions = {
	reset: async ({ locals, url }) => {
		requireUser(locals, url);
		await feedToken(locals.supabase, { reset: true });
		return { reset: true };
	}
} satisfies Actions;
