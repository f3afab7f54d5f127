import type { FormErrors } from '$lib/forms';
import {
	organisationValues,
	withSuggestedSlug,
	type OrganisationValues
} from '$lib/schemas/organisation';
import { requireUser } from '$lib/server/auth/require-user';
import { DbFieldError } from '$lib/server/db/db-errors';
import { createOrganisation } from '$lib/server/db/organisation-admin';
import { fail, redirect } from '@sveltejs/kit';
import { parseOrganisationForm } from '../organisation-action';
import type { Actions, PageServerLoad } from './$types';

const EMPTY: OrganisationValues = {
	kind: '',
	partnerType: '',
	name: '',
	slug: '',
	description: '',
	website: '',
	publicEmail: '',
	publicPhone: '',
	streetAddress: '',
	postalCode: '',
	municipality: '',
	contactName: '',
	contactEmail: '',
	contactPhone: ''
};

export const load = (async ({ locals, url }) => {
	requireUser(locals, url);
	return { values: EMPTY };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, url }) => {
		requireUser(locals, url);
		const values = withSuggestedSlug(organisationValues(await request.formData()));
		const result = await parseOrganisationForm(locals.supabase, values);
		if (!result.ok) return fail(400, { values, errors: result.errors });

		let created: { slug: string };
		try {
			created = await createOrganisation(locals.supabase, result.changes);
		} catch (error) {
			if (error instanceof DbFieldError) {
				const errors: FormErrors<keyof OrganisationValues> = { [error.field]: error.message };
				return fail(400, { values, errors });
			}
			throw error;
		}
		redirect(303, `/organisaties/${created.slug}?aangemaakt`);
	}
} satisfies Actions;
