// The shared part of creating and editing an activity: read the form, parse it, resolve the municipality.
import { fieldErrors, text, texts, type FormErrors } from '$lib/forms';
import { resolveMunicipality } from '$lib/municipalities';
import { m } from '$lib/paraglide/messages';
import { ACTIVITY_TEXT_FIELDS, activitySchema, type ActivityValues } from '$lib/schemas/activity';
import type { ActivityChanges } from '$lib/server/db/activity-admin';
import { listCurrentMunicipalities } from '$lib/server/db/municipalities';
import type { Db } from '$lib/server/supabase';

export type ActivityErrors = FormErrors<keyof ActivityValues>;

export function activityFormValues(form: FormData): ActivityValues {
	const values = {
		domains: texts(form, 'domains')
	} as ActivityValues;
	for (const field of ACTIVITY_TEXT_FIELDS) values[field] = text(form, field);
	return values;
}

export async function parseActivityForm(
	db: Db,
	values: ActivityValues
): Promise<{ ok: true; changes: ActivityChanges } | { ok: false; errors: ActivityErrors }> {
	const parsed = activitySchema.safeParse(values);
	const errors: ActivityErrors = parsed.success
		? {}
		: fieldErrors<keyof ActivityValues>(parsed.error);
	const municipalityNis =
		values.municipality.trim() === ''
			? null
			: resolveMunicipality(await listCurrentMunicipalities(db), values.municipality);
	if (municipalityNis === undefined) errors.municipality ??= m.error_municipality_unknown();

	if (!parsed.success || !municipalityNis) return { ok: false, errors };
	const { municipality: _typed, ...form } = parsed.data;
	return { ok: true, changes: { ...form, municipalityNis } };
}
