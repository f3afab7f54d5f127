import { fieldErrors, text, type FormErrors } from '$lib/forms';
import { REACH_FIELDS, reachSchema, type ReachValues } from '$lib/schemas/reach';
import { DbFieldError } from '$lib/server/db/db-errors';
import { getReachReport, saveReachReport } from '$lib/server/db/activity-admin';
import { fail } from '@sveltejs/kit';
import { requireAcademyMember } from '../../activity-access';
import { requireActivity } from '../activity-load';
import type { Actions, PageServerLoad } from './$types';

/** Today's date in Belgium, as the database compares it (YYYY-MM-DD). */
function todayInBelgium(): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
}

const count = (value: number | null) => (value === null ? '' : String(value));

export const load = (async ({ locals, url, params }) => {
	const organisation = await requireAcademyMember(locals, url, params.slug);
	const activity = await requireActivity(locals.supabase, organisation.id, params.id);
	const report = await getReachReport(locals.supabase, activity.id);
	const values: ReachValues = {
		participants: count(report?.participants ?? null),
		girls: count(report?.girls ?? null),
		disadvantaged: count(report?.disadvantaged ?? null),
		nonDutchHomeLanguage: count(report?.nonDutchHomeLanguage ?? null),
		specialNeeds: count(report?.specialNeeds ?? null)
	};
	return {
		organisation,
		activity: {
			id: activity.id,
			title: activity.title,
			status: activity.status,
			startDate: activity.startDate
		},
		reportable: activity.status !== 'draft' && activity.startDate <= todayInBelgium(),
		filed: report !== null,
		values
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, url, params }) => {
		const organisation = await requireAcademyMember(locals, url, params.slug);
		const activity = await requireActivity(locals.supabase, organisation.id, params.id);
		const form = await request.formData();
		const values = Object.fromEntries(
			REACH_FIELDS.map((field) => [field, text(form, field)])
		) as ReachValues;
		const parsed = reachSchema.safeParse(values);
		if (!parsed.success) {
			return fail(400, { values, errors: fieldErrors<keyof ReachValues>(parsed.error) });
		}
		try {
			await saveReachReport(locals.supabase, activity.id, parsed.data);
		} catch (caught) {
			if (caught instanceof DbFieldError) {
				const errors: FormErrors<keyof ReachValues> = { [caught.field]: caught.message };
				return fail(400, { values, errors });
			}
			throw caught;
		}
		return { saved: true, values };
	}
} satisfies Actions;
