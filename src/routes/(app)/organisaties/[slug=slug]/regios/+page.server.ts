import { fieldErrors, text, type FormErrors } from '$lib/forms';
import { resolveMunicipality } from '$lib/municipalities';
import { m } from '$lib/paraglide/messages';
import { REGION_PLACES_MAX, regionSchema } from '$lib/schemas/community';
import { resolveMunicipalityList } from '$lib/schemas/offer';
import { ADMIN_ROLES, requireOrganisationRole } from '$lib/server/auth/require-org-role';
import { proposeRegion, regionsProposedBy } from '$lib/server/db/communities';
import { DbFieldError } from '$lib/server/db/db-errors';
import { listCurrentMunicipalities } from '$lib/server/db/municipalities';
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

type Field = 'name' | 'slug' | 'municipalities' | 'description';

/** Regions are proposed by academies, through their owners and admins (propose_region says the same). */
async function requireAcademyAdmin(locals: App.Locals, url: URL, slug: string) {
	const organisation = await requireOrganisationRole(locals, url, slug, ADMIN_ROLES);
	if (organisation.kind !== 'academy') error(404, m.app_academy_only());
	return organisation;
}

export const load = (async ({ locals, url, params }) => {
	const organisation = await requireAcademyAdmin(locals, url, params.slug);
	return { organisation, proposals: await regionsProposedBy(locals.supabase, organisation.id) };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ locals, url, params, request }) => {
		const organisation = await requireAcademyAdmin(locals, url, params.slug);
		const form = await request.formData();
		const values: Record<Field, string> = {
			name: text(form, 'name'),
			slug: text(form, 'slug'),
			municipalities: text(form, 'municipalities'),
			description: text(form, 'description')
		};
		const parsed = regionSchema.safeParse(values);
		const errors: FormErrors<Field> = parsed.success ? {} : fieldErrors<Field>(parsed.error);
		const municipalities = await listCurrentMunicipalities(locals.supabase);
		const places = resolveMunicipalityList(values.municipalities, (typed) =>
			resolveMunicipality(municipalities, typed)
		);
		if (places.unknown.length > 0) {
			errors.municipalities = m.cm_region_unknown({ names: places.unknown.join(', ') });
		} else if (places.nis.length < 2 || places.nis.length > REGION_PLACES_MAX) {
			errors.municipalities = m.cm_error_region_places();
		}
		if (!parsed.success || Object.keys(errors).length > 0) {
			return fail(400, { values, errors });
		}
		try {
			await proposeRegion(locals.supabase, {
				organisationId: organisation.id,
				name: parsed.data.name,
				slug: parsed.data.slug,
				municipalities: places.nis,
				description: parsed.data.description
			});
		} catch (caught) {
			if (caught instanceof DbFieldError) {
				return fail(caught.field === 'form' ? 403 : 400, {
					values,
					errors: { [caught.field]: caught.message } as FormErrors<Field>
				});
			}
			throw caught;
		}
		return { done: m.cm_region_proposed_done() };
	}
} satisfies Actions;
