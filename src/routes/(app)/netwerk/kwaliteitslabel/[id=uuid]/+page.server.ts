import { text } from '$lib/forms';
import { m } from '$lib/paraglide/messages';
import { todayInBelgium } from '$lib/public/format';
import { DEFAULT_LABEL_YEARS, QUALITY_CRITERIA } from '$lib/quality-vocabulary';
import { addYears, parseReview, reviewValues, type ReviewValues } from '$lib/schemas/quality';
import { requireStaff } from '$lib/server/auth/require-staff';
import { DbFieldError } from '$lib/server/db/db-errors';
import { getQualityApplication, reviewQualityApplication } from '$lib/server/db/quality';
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url, params }) => {
	await requireStaff(locals, url);
	const found = await getQualityApplication(locals.supabase, params.id);
	if (!found) error(404, m.ql_error_not_found());
	const { application } = found;
	const values: ReviewValues = {
		...(Object.fromEntries(
			QUALITY_CRITERIA.map((c) => [
				c,
				{
					verdict: application.assessments[c].verdict ?? '',
					comment: application.assessments[c].reviewComment
				}
			])
		) as Omit<ReviewValues, 'decision' | 'expiresOn'>),
		decision: '',
		expiresOn: addYears(todayInBelgium(), DEFAULT_LABEL_YEARS)
	};
	return { ...found, values };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, url, params }) => {
		await requireStaff(locals, url);
		const form = await request.formData();
		const values = reviewValues((name) => text(form, name));
		const parsed = parseReview(values, todayInBelgium());
		if ('errors' in parsed) return fail(400, { values, errors: parsed.errors });
		try {
			await reviewQualityApplication(locals.supabase, params.id, parsed.input);
		} catch (caught) {
			if (caught instanceof DbFieldError) {
				const status = caught.field === 'form' ? 409 : 400;
				return fail(status, { values, errors: { [caught.field]: caught.message } });
			}
			throw caught;
		}
		return { decided: parsed.input.decision };
	}
} satisfies Actions;
