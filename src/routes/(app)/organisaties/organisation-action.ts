// The shared part of the create and edit actions: parse, resolve the municipality, collect every error.
import { fieldErrors, type FormErrors } from '$lib/forms';
import { resolveMunicipality } from '$lib/municipalities';
import { m } from '$lib/paraglide/messages';
import { createOrganisationSchema, type OrganisationValues } from '$lib/schemas/organisation';
import { listCurrentMunicipalities } from '$lib/server/db/municipalities';
import type { OrganisationChanges } from '$lib/server/db/organisation-admin';
import type { Db } from '$lib/server/supabase';

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

	// Resolve the typed municipality even when other fields are wrong, so every error shows at once.
	const municipalityNis =
		values.municipality.trim() === ''
			? null
			: resolveMunicipality(await listCurrentMunicipalities(db), values.municipality);
	if (municipalityNis === undefined) errors.municipality ??= m.error_municipality_unknown();

	if (!parsed.success || !municipalityNis) return { ok: false, errors };
	const { municipality: _typed, ...form } = parsed.data;
	return { ok: true, changes: { ...form, municipalityNis } };
}
