import { text } from '$lib/forms';
import { requestedPage } from '$lib/paging';
import { m } from '$lib/paraglide/messages';
import { requireUser } from '$lib/server/auth/require-user';
import { listNotificationPage, markAllRead, markRead } from '$lib/server/db/notifications';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url);
	// The unread count comes with the header (the root layout's account_header): not asked twice.
	const { rows, ...paging } = await listNotificationPage(
		locals.supabase,
		user.id,
		requestedPage(url.searchParams)
	);
	return { notifications: rows, paging };
}) satisfies PageServerLoad;

export const actions = {
	read: async ({ request, locals, url }) => {
		const user = requireUser(locals, url);
		const id = Number(text(await request.formData(), 'id'));
		if (!Number.isSafeInteger(id) || id <= 0) {
			return fail(400, { message: m.app_error_unknown_item() });
		}
		if (!(await markRead(locals.supabase, user.id, id))) {
			return fail(404, { message: m.app_error_unknown_item() });
		}
		return { done: m.ag_marked_read() };
	},

	readAll: async ({ locals, url }) => {
		const user = requireUser(locals, url);
		await markAllRead(locals.supabase, user.id);
		return { done: m.ag_marked_all_read() };
	}
} satisfies Actions;
