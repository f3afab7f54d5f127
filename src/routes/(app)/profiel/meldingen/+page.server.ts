import { fieldErrors, text } from '$lib/forms';
import { notificationPreferencesSchema, type Choice } from '$lib/schemas/notification-preferences';
import { requireUser } from '$lib/server/auth/require-user';
import {
	getNotificationChoices,
	listNotificationKinds,
	saveNotificationChoices
} from '$lib/server/db/notification-preferences';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const kinds = await listNotificationKinds(locals.supabase);
	const choices = await getNotificationChoices(
		locals.supabase,
		user.id,
		kinds.map((k) => k.kind)
	);
	return { kinds, choices };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, url }) => {
		requireUser(locals, url);
		const form = await request.formData();
		const kinds = (await listNotificationKinds(locals.supabase)).map((k) => k.kind);
		const values = Object.fromEntries(kinds.map((kind) => [kind, text(form, kind)]));

		const parsed = notificationPreferencesSchema(kinds).safeParse(values);
		if (!parsed.success) {
			return fail(400, { values, errors: fieldErrors<string>(parsed.error) });
		}
		await saveNotificationChoices(locals.supabase, parsed.data as Record<string, Choice>);
		return { saved: true };
	}
} satisfies Actions;
