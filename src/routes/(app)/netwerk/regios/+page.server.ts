import { fieldErrors, text } from '$lib/forms';
import { m } from '$lib/paraglide/messages';
import { decisionSchema } from '$lib/schemas/community';
import { requireStaff } from '$lib/server/auth/require-staff';
import { decideRegion, proposedRegions } from '$lib/server/db/communities';
import { DbFieldError } from '$lib/server/db/db-errors';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	await requireStaff(locals, url);
	return { proposals: await proposedRegions(locals.supabase) };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ locals, url, request }) => {
		await requireStaff(locals, url);
		const form = await request.formData();
		const values = {
			communityId: text(form, 'communityId'),
			decision: text(form, 'decision'),
			note: text(form, 'note')
		};
		const name = text(form, 'name').slice(0, 80);
		const parsed = decisionSchema.safeParse(values);
		if (!parsed.success) {
			const errors = fieldErrors<keyof typeof values>(parsed.error);
			return fail(400, {
				communityId: values.communityId,
				note: values.note,
				error: errors.note ?? errors.communityId ?? errors.decision ?? m.form_has_errors()
			});
		}
		const approve = parsed.data.decision === 'approve';
		try {
			await decideRegion(locals.supabase, {
				communityId: parsed.data.communityId,
				approve,
				note: parsed.data.note
			});
		} catch (caught) {
			if (caught instanceof DbFieldError) {
				return fail(caught.field === 'form' ? 409 : 400, {
					communityId: values.communityId,
					note: values.note,
					error: caught.message
				});
			}
			throw caught;
		}
		return { done: approve ? m.cm_staff_approved({ name }) : m.cm_staff_declined({ name }) };
	}
} satisfies Actions;
