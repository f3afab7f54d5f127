// The shared part of creating and editing an activity: read the form, parse it, resolve the municipality.
import { fieldErrors, text, texts, type FormErrors } from '$lib/forms';
import { ACTIVITY_TEXT_FIELDS, activitySchema, type ActivityValues } from '$lib/schemas/activity';
import type { ActivityChanges } from '$lib/server/db/activity-admin';
import type { Db } from '$lib/server/supabase';
import { withMunicipality } from '../../typed-municipality';

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
	return withMunicipality(db, values.municipality, parsed, errors);
}
