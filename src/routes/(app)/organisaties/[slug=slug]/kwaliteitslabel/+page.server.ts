import { text, type FormErrors } from '$lib/forms';
import { m } from '$lib/paraglide/messages';
import { todayInBelgium } from '$lib/public/format';
import { assessmentValues, parseAssessment, type AssessmentValues } from '$lib/schemas/quality';
import { QUALITY_CRITERIA } from '$lib/quality-vocabulary';
import {
	ADMIN_ROLES,
	MEMBER_ROLES,
	requireOrganisationRole
} from '$lib/server/auth/require-org-role';
import { DbFieldError } from '$lib/server/db/db-errors';
import {
	getAcademyQuality,
	saveQualityApplication,
	submitQualityApplication,
	type QualityApplication
} from '$lib/server/db/quality';
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

async function requireAcademy(locals: App.Locals, url: URL, slug: string, admin: boolean) {
	const organisation = await requireOrganisationRole(
		locals,
		url,
		slug,
		admin ? ADMIN_ROLES : MEMBER_ROLES
	);
	if (organisation.kind !== 'academy') error(404, m.app_academy_only());
	return organisation;
}

/** The form's starting values: the open application's texts, else the last round's (a renewal). */
function startValues(application: QualityApplication | null): AssessmentValues {
	return Object.fromEntries(
		QUALITY_CRITERIA.map((c) => [
			c,
			{
				text: application?.assessments[c].selfAssessment ?? '',
				links: application?.assessments[c].links.join('\n') ?? ''
			}
		])
	) as AssessmentValues;
}

export const load = (async ({ locals, url, params }) => {
	const organisation = await requireAcademy(locals, url, params.slug, false);
	const quality = await getAcademyQuality(locals.supabase, organisation.id, todayInBelgium());
	return {
		organisation,
		canEdit: ADMIN_ROLES.includes(organisation.role),
		...quality,
		values: startValues(quality.latest)
	};
}) satisfies PageServerLoad;

type Result = { values: AssessmentValues; errors: FormErrors<string> };

/** Saves what was typed (checked first; nothing is written when any field is wrong). */
async function save(locals: App.Locals, url: URL, slug: string, form: FormData, complete: boolean) {
	const organisation = await requireAcademy(locals, url, slug, true);
	const values = assessmentValues((name) => text(form, name));
	const parsed = parseAssessment(values, { complete });
	if ('errors' in parsed)
		return { failure: fail(400, { values, errors: parsed.errors } satisfies Result) };
	try {
		const id = await saveQualityApplication(locals.supabase, organisation.id, parsed.input);
		return { id, values };
	} catch (caught) {
		if (caught instanceof DbFieldError) {
			const status = caught.field === 'form' ? 409 : 400;
			return {
				failure: fail(status, { values, errors: { form: caught.message } } satisfies Result)
			};
		}
		throw caught;
	}
}

export const actions = {
	save: async ({ request, locals, url, params }) => {
		const result = await save(locals, url, params.slug, await request.formData(), false);
		if ('failure' in result) return result.failure;
		return { saved: true };
	},
	submit: async ({ request, locals, url, params }) => {
		const result = await save(locals, url, params.slug, await request.formData(), true);
		if ('failure' in result) return result.failure;
		try {
			await submitQualityApplication(locals.supabase, result.id);
		} catch (caught) {
			if (caught instanceof DbFieldError) {
				return fail(409, { values: result.values, errors: { form: caught.message } });
			}
			throw caught;
		}
		return { submitted: true };
	}
} satisfies Actions;
