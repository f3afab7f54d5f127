// The shared part of creating and editing a request: read the form, parse it, resolve the municipality.
import { text, texts, type FormErrors } from '$lib/forms';
import { resolveMunicipality } from '$lib/municipalities';
import { m } from '$lib/paraglide/messages';
import { REQUEST_TEXT_FIELDS, parseRequest, type RequestValues } from '$lib/schemas/request';
import { listCurrentMunicipalities } from '$lib/server/db/municipalities';
import type { RequestChanges } from '$lib/server/db/requests';
import type { Db } from '$lib/server/supabase';
import { slotFormValues } from '../aanbod/offer-action';

export { wantsMoreSlots } from '../aanbod/offer-action';

export type RequestErrors = FormErrors<keyof RequestValues>;

export function requestFormValues(form: FormData): RequestValues {
	const values = {
		domains: texts(form, 'domains')
	} as unknown as RequestValues;
	for (const field of REQUEST_TEXT_FIELDS) values[field] = text(form, field);
	return Object.assign(values, slotFormValues(form));
}

export async function parseRequestForm(
	db: Db,
	values: RequestValues
): Promise<{ ok: true; changes: RequestChanges } | { ok: false; errors: RequestErrors }> {
	const parsed = parseRequest(values);
	const errors: RequestErrors = parsed.success ? {} : (parsed.errors as RequestErrors);
	const municipalityNis =
		values.municipality.trim() === ''
			? null
			: resolveMunicipality(await listCurrentMunicipalities(db), values.municipality);
	if (municipalityNis === undefined) errors.municipality ??= m.error_municipality_unknown();

	if (!parsed.success || !municipalityNis) return { ok: false, errors };
	const { municipality: _typed, ...form } = parsed.data;
	return { ok: true, changes: { ...form, municipalityNis } };
}
