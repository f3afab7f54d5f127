import { municipalityLabel } from '$lib/municipalities';
import { m } from '$lib/paraglide/messages';
import { organisationValues, type OrganisationValues } from '$lib/schemas/organisation';
import { ADMIN_ROLES, requireOrganisationRole } from '$lib/server/auth/require-org-role';
import { DbFieldError } from '$lib/server/db/db-errors';
import { listCurrentMunicipalities } from '$lib/server/db/municipalities';
import { getOrganisationDetails, updateOrganisation } from '$lib/server/db/organisation-admin';
import { getOrganisationLogo } from '$lib/server/db/pictures';
import { picture } from '$lib/pictures';
import { supabaseUrl } from '$lib/server/supabase';
import type { FormErrors } from '$lib/forms';
import { error, fail, redirect } from '@sveltejs/kit';
import { parseOrganisationForm } from '../../organisation-action';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url, params }) => {
	const organisation = await requireOrganisationRole(locals, url, params.slug, ADMIN_ROLES);
	const [details, municipalities, logoPath] = await Promise.all([
		getOrganisationDetails(locals.supabase, organisation.id),
		listCurrentMunicipalities(locals.supabase),
		getOrganisationLogo(locals.supabase, organisation.id)
	]);
	if (!details) error(404, m.app_organisation_not_found());

	const municipality = municipalities.find((option) => option.nis === details.municipalityNis);
	const values: OrganisationValues = {
		kind: details.kind,
		partnerType: details.partnerType ?? '',
		name: details.name,
		slug: details.slug,
		description: details.description,
		website: details.website ?? '',
		publicEmail: details.publicEmail ?? '',
		publicPhone: details.publicPhone ?? '',
		streetAddress: details.streetAddress ?? '',
		postalCode: details.postalCode ?? '',
		municipality: municipality ? municipalityLabel(municipality) : '',
		contactName: details.contactName ?? '',
		contactEmail: details.contactEmail ?? '',
		contactPhone: details.contactPhone ?? ''
	};
	return {
		organisation,
		values,
		saved: url.searchParams.has('opgeslagen'),
		logo: picture(supabaseUrl(), 'logo', logoPath),
		logoNotice:
			url.searchParams.get('logo') === 'opgeslagen'
				? m.img_logo_saved()
				: url.searchParams.get('logo') === 'verwijderd'
					? m.img_logo_removed()
					: undefined
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, url, params }) => {
		const organisation = await requireOrganisationRole(locals, url, params.slug, ADMIN_ROLES);
		// The kind is fixed: it comes from the stored organisation, never from the form.
		const values = { ...organisationValues(await request.formData()), kind: organisation.kind };
		const result = await parseOrganisationForm(locals.supabase, values);
		if (!result.ok) return fail(400, { values, errors: result.errors });

		let saved: { slug: string };
		try {
			saved = await updateOrganisation(locals.supabase, organisation.id, result.changes);
		} catch (caught) {
			if (caught instanceof DbFieldError) {
				const errors: FormErrors<keyof OrganisationValues> = { [caught.field]: caught.message };
				return fail(400, { values, errors });
			}
			throw caught;
		}
		// The slug may have changed: go to the page's new address.
		redirect(303, `/organisaties/${saved.slug}/bewerken?opgeslagen`);
	}
} satisfies Actions;
