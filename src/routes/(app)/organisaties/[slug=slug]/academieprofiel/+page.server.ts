import { fieldErrors, text, texts, type FormErrors } from '$lib/forms';
import { m } from '$lib/paraglide/messages';
import { academyProfileSchema, type AcademyProfileValues } from '$lib/schemas/academy-profile';
import { ADMIN_ROLES, requireOrganisationRole } from '$lib/server/auth/require-org-role';
import { DbFieldError } from '$lib/server/db/db-errors';
import { getAcademyProfile, updateAcademyProfile } from '$lib/server/db/organisation-admin';
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

async function requireAcademy(locals: App.Locals, url: URL, slug: string) {
	const organisation = await requireOrganisationRole(locals, url, slug, ADMIN_ROLES);
	if (organisation.kind !== 'academy') error(404, m.app_academy_only());
	return organisation;
}

export const load = (async ({ locals, url, params }) => {
	const organisation = await requireAcademy(locals, url, params.slug);
	const profile = await getAcademyProfile(locals.supabase, organisation.id);
	if (!profile) error(404, m.app_academy_only());
	const values: AcademyProfileValues = {
		stemLetters: profile.stemLetters,
		accentLetters: profile.accentLetters,
		creativeLink: profile.creativeLink,
		domains: profile.domains,
		ageMin: profile.ageMin === null ? '' : String(profile.ageMin),
		ageMax: profile.ageMax === null ? '' : String(profile.ageMax),
		languages: profile.languages,
		officiallyRecognised: profile.officiallyRecognised
	};
	return { organisation, values, qualityLabel: profile.qualityLabel };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, url, params }) => {
		const organisation = await requireAcademy(locals, url, params.slug);
		const form = await request.formData();
		const values: AcademyProfileValues = {
			stemLetters: texts(form, 'stemLetters'),
			accentLetters: texts(form, 'accentLetters'),
			creativeLink: form.has('creativeLink'),
			domains: texts(form, 'domains'),
			ageMin: text(form, 'ageMin'),
			ageMax: text(form, 'ageMax'),
			languages: texts(form, 'languages'),
			officiallyRecognised: form.has('officiallyRecognised')
		};
		const parsed = academyProfileSchema.safeParse(values);
		if (!parsed.success) {
			return fail(400, { values, errors: fieldErrors<keyof AcademyProfileValues>(parsed.error) });
		}
		try {
			await updateAcademyProfile(locals.supabase, organisation.id, parsed.data);
		} catch (caught) {
			if (caught instanceof DbFieldError) {
				const errors: FormErrors<keyof AcademyProfileValues> = { [caught.field]: caught.message };
				return fail(400, { values, errors });
			}
			throw caught;
		}
		return { saved: true };
	}
} satisfies Actions;
