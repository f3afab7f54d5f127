// The shared part of creating and editing a request: read the form, parse it, resolve the municipality.
import { texts, type FormErrors } from '$lib/forms';
import { REQUEST_TEXT_FIELDS, parseRequest, type RequestValues } from '$lib/schemas/request';
import type { RequestChanges } from '$lib/server/db/requests';
import { formTexts, slotFormValues, type Parsed } from '$lib/server/exchange-form';
import type { Db } from '$lib/server/supabase';
import { withMunicipality } from '../../typed-municipality';

export type RequestErrors = FormErrors<keyof RequestValues>;

export function requestFormValues(form: FormData): RequestValues {
	return {
		...formTexts(form, REQUEST_TEXT_FIELDS),
		...slotFormValues(form),
		domains: texts(form, 'domains')
	};
}

export async function parseRequestForm(
	db: Db,
	values: RequestValues
): Promise<Parsed<RequestChanges, RequestErrors>> {
	const parsed = parseRequest(values);
	const errors: RequestErrors = parsed.success ? {} : (parsed.errors as RequestErrors);
	return withMunicipality(db, values.municipality, parsed, errors);
}
