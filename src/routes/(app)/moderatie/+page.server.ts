import { fieldErrors, text } from '$lib/forms';
import { m } from '$lib/paraglide/messages';
import { dismissSchema, formId } from '$lib/schemas/post';
import { requireUser } from '$lib/server/auth/require-user';
import { DbFieldError } from '$lib/server/db/db-errors';
import { dismissReport, moderationQueue, unblockFromCommunity } from '$lib/server/db/posts';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { queue: await moderationQueue(locals.supabase, user.id) };
}) satisfies PageServerLoad;

async function attempt(
	target: string,
	values: Record<string, string>,
	write: () => Promise<void>,
	done: string
) {
	try {
		await write();
	} catch (caught) {
		if (caught instanceof DbFieldError) {
			return fail(caught.field === 'form' ? 403 : 400, {
				target,
				values,
				errors: { [caught.field]: caught.message }
			});
		}
		throw caught;
	}
	return { target, done };
}

export const actions = {
	dismiss: async ({ request, locals, url }) => {
		requireUser(locals, url);
		const form = await request.formData();
		const reportId = formId(text(form, 'reportId'));
		const target = `dismiss-${reportId ?? ''}`;
		const values = { reason: text(form, 'reason') };
		if (!reportId) return fail(404, { target, values, errors: { form: m.po_error_not_found() } });
		const parsed = dismissSchema.safeParse(values);
		if (!parsed.success) {
			return fail(400, { target, values, errors: fieldErrors<'reason'>(parsed.error) });
		}
		return attempt(
			target,
			values,
			() => dismissReport(locals.supabase, { reportId, reason: parsed.data.reason }),
			m.po_dismissed_done()
		);
	},

	unblock: async ({ request, locals, url }) => {
		requireUser(locals, url);
		const form = await request.formData();
		const communityId = formId(text(form, 'communityId'));
		const userId = formId(text(form, 'userId'));
		if (!communityId || !userId) {
			return fail(404, {
				target: 'unblock',
				values: {},
				errors: { form: m.po_error_block_not_found() }
			});
		}
		return attempt(
			'unblock',
			{},
			() => unblockFromCommunity(locals.supabase, { communityId, userId }),
			m.po_unblocked_done()
		);
	}
} satisfies Actions;
