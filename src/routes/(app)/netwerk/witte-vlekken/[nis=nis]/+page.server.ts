import { fieldErrors, text } from '$lib/forms';
import { m } from '$lib/paraglide/messages';
import { coachLinkSchema, connectSchema } from '$lib/schemas/starters';
import { requireStaff } from '$lib/server/auth/require-staff';
import { DbFieldError } from '$lib/server/db/db-errors';
import { connectInterest, linkCoach, whiteSpotDetail } from '$lib/server/db/starters';
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url, params }) => {
	await requireStaff(locals, url);
	const detail = await whiteSpotDetail(locals.supabase, params.nis);
	if (!detail) error(404, m.pub_municipality_not_found());
	return { detail };
}) satisfies PageServerLoad;

export const actions = {
	connect: async ({ locals, url, request }) => {
		await requireStaff(locals, url);
		const form = await request.formData();
		const values = { interestId: text(form, 'interestId'), note: text(form, 'note') };
		const parsed = connectSchema.safeParse(values);
		if (!parsed.success) {
			const errors = fieldErrors<keyof typeof values>(parsed.error);
			return fail(400, {
				...values,
				error: errors.note ?? errors.interestId ?? m.form_has_errors()
			});
		}
		try {
			await connectInterest(locals.supabase, parsed.data.interestId, parsed.data.note);
		} catch (caught) {
			if (caught instanceof DbFieldError) return fail(409, { ...values, error: caught.message });
			throw caught;
		}
		return { done: m.sa_staff_connect_saved(), interestId: values.interestId };
	},
	coach: async ({ locals, url, request, params }) => {
		await requireStaff(locals, url);
		const form = await request.formData();
		const parsed = coachLinkSchema.safeParse({
			academyId: text(form, 'academyId'),
			linked: text(form, 'linked') || 'true'
		});
		if (!parsed.success) return fail(400, { coachError: m.sa_staff_coach_required() });
		try {
			await linkCoach(locals.supabase, { nis: params.nis, ...parsed.data });
		} catch (caught) {
			if (caught instanceof DbFieldError) return fail(409, { coachError: caught.message });
			throw caught;
		}
		return { done: parsed.data.linked ? m.sa_staff_coach_linked() : m.sa_staff_coach_unlinked() };
	}
} satisfies Actions;
