import { fieldErrors, text, type FormErrors } from '$lib/forms';
import { parsePeriod, periodChoices } from '$lib/inclusion-period';
import { todayInBelgium } from '$lib/public/format';
import { ruleSchema } from '$lib/schemas/inclusion';
import { schoolYearOf } from '$lib/school-year';
import { requireStaff } from '$lib/server/auth/require-staff';
import { DbFieldError } from '$lib/server/db/db-errors';
import { currentRule, inclusionFigures, setRule } from '$lib/server/db/inclusion';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	await requireStaff(locals, url);
	const today = todayInBelgium();
	const currentYear = schoolYearOf(today);
	const period = parsePeriod(url.searchParams, currentYear);
	const [figures, rule] = await Promise.all([
		inclusionFigures(locals.supabase, period),
		currentRule(locals.supabase, today)
	]);
	return { period, choices: periodChoices(currentYear), figures, rule, today };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ locals, url, request }) => {
		await requireStaff(locals, url);
		const form = await request.formData();
		const values = {
			minGirlsPct: text(form, 'minGirlsPct').slice(0, 20),
			minParticipants: text(form, 'minParticipants').slice(0, 20),
			validFrom: text(form, 'validFrom').slice(0, 20)
		};
		const parsed = ruleSchema.safeParse(values);
		if (!parsed.success) {
			return fail(400, { values, errors: fieldErrors<keyof typeof values>(parsed.error) });
		}
		try {
			await setRule(locals.supabase, parsed.data);
		} catch (caught) {
			if (caught instanceof DbFieldError) {
				const errors: FormErrors<keyof typeof values> = { [caught.field]: caught.message };
				return fail(caught.field === 'form' ? 403 : 400, { values, errors });
			}
			throw caught;
		}
		return { saved: true };
	}
} satisfies Actions;
