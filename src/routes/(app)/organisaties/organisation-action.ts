// The shared part of the create and edit actions: parse, resolve the municipality, collect every error.
import { fieldErrors, type FormErrors } from '$lib/forms';
import { createOrganisationSchema, type OrganisationValues } from '$lib/schemas/organisation';
import type { OrganisationChanges } from '$lib/server/db/organisation-admin';
import type { Db } from '$lib/server/supabase';
import { withMunicipality } from './typed-municipality';

export type OrganisationFormResult =
	| { ok: true; changes: OrganisationChanges }
	| { ok: false; errors: FormErrors<keyof OrganisationValues> };

export async function parseOrganisationForm(
	db: Db,
	values: OrganisationValues
): Promise<OrganisationFormResult> {
	const parsed = createOrganisationSchema.safeParse(values);
	const errors: FormErrors<keyof OrganisationValues> = parsed.success
		? {}
		: fieldErrors<keyof OrganisationValues>(parsed.error);

	return withMunicipality(db, values.municipality, parsed, errors);
}
