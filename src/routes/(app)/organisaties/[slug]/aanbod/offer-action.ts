// The shared part of creating and editing an offer: read the form, parse it, resolve the municipality.
import { text, type FormErrors } from '$lib/forms';
import { resolveMunicipality } from '$lib/municipalities';
import { m } from '$lib/paraglide/messages';
import { OFFER_TEXT_FIELDS, parseOffer, type OfferValues } from '$lib/schemas/offer';
import { listCurrentMunicipalities } from '$lib/server/db/municipalities';
import type { OfferChanges } from '$lib/server/db/offers';
import type { Db } from '$lib/server/supabase';

export type OfferErrors = FormErrors<keyof OfferValues>;

const list = (form: FormData, name: string) =>
	form.getAll(name).filter((value): value is string => typeof value === 'string');

export function offerFormValues(form: FormData): OfferValues {
	const values = {
		domains: list(form, 'domains'),
		conditions: list(form, 'conditions')
	} as unknown as OfferValues;
	for (const field of OFFER_TEXT_FIELDS) values[field] = text(form, field);
	return values;
}

export async function parseOfferForm(
	db: Db,
	values: OfferValues
): Promise<{ ok: true; changes: OfferChanges } | { ok: false; errors: OfferErrors }> {
	const parsed = parseOffer(values);
	const errors: OfferErrors = parsed.success ? {} : (parsed.errors as OfferErrors);
	const municipalityNis =
		values.municipality.trim() === ''
			? null
			: resolveMunicipality(await listCurrentMunicipalities(db), values.municipality);
	if (municipalityNis === undefined) errors.municipality ??= m.error_municipality_unknown();

	if (!parsed.success || !municipalityNis) return { ok: false, errors };
	const { municipality: _typed, ...form } = parsed.data;
	return { ok: true, changes: { ...form, municipalityNis } };
}
