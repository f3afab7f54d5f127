import { fieldErrors, text, texts, type FormErrors } from '$lib/forms';
import { parseSlots, slotValues, type SlotField } from '$lib/schemas/offer';
import { teacherProfileSchema, type TeacherProfileValues } from '$lib/schemas/teacher-profile';
import { requireUser } from '$lib/server/auth/require-user';
import { DbFieldError } from '$lib/server/db/db-errors';
import {
	getHelperProfile,
	getSchoolLink,
	listSchools,
	saveHelperProfile
} from '$lib/server/db/teacher-profiles';
import { slotFormValues, wantsMoreSlots } from '$lib/server/exchange-form';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

type Values = TeacherProfileValues & Record<SlotField, string>;
type Errors = FormErrors<keyof Values>;

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const [profile, link, schools] = await Promise.all([
		getHelperProfile(locals.supabase, user.id),
		getSchoolLink(locals.supabase, user.id),
		listSchools(locals.supabase)
	]);
	const values: Values = {
		school: link?.schoolId ?? '',
		subjects: profile?.subjects ?? [],
		grades: profile?.grades ?? [],
		interests: profile?.interests ?? [],
		about: profile?.about ?? '',
		visibility: profile?.visibility ?? 'communities',
		...slotValues(profile?.slots ?? [])
	};
	return { userId: user.id, values, link, schools };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, url }) => {
		requireUser(locals, url);
		const form = await request.formData();
		const values: Values = {
			school: text(form, 'school'),
			subjects: texts(form, 'subjects'),
			grades: texts(form, 'grades'),
			interests: texts(form, 'interests'),
			about: text(form, 'about'),
			visibility: text(form, 'visibility'),
			...slotFormValues(form)
		};
		// "Nog een moment toevoegen": the same form with one more row, nothing saved.
		if (wantsMoreSlots(form)) return { values, errors: {} as Errors, more: true };

		const parsed = teacherProfileSchema.safeParse(values);
		const errors: Errors = parsed.success ? {} : fieldErrors<keyof Values>(parsed.error);
		const { slots, issues } = parseSlots(values);
		for (const issue of issues) errors[issue.path as SlotField] ??= issue.message;
		if (!parsed.success || issues.length > 0) return fail(400, { values, errors, more: false });

		try {
			await saveHelperProfile(locals.supabase, parsed.data, slots);
		} catch (caught) {
			if (caught instanceof DbFieldError) {
				const field = caught.field === 'school_id' ? 'school' : caught.field;
				return fail(400, { values, errors: { [field]: caught.message } as Errors, more: false });
			}
			throw caught;
		}
		return { values, errors: {} as Errors, more: false, saved: true };
	}
} satisfies Actions;
