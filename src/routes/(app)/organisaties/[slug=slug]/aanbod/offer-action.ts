// The shared part of creating and editing an offer: read the form, parse it, resolve the municipality and
// the municipalities of its area.
import { text, texts, type FormErrors } from '$lib/forms';
import { resolveMunicipality } from '$lib/municipalities';
import { m } from '$lib/paraglide/messages';
import {
	AREA_MUNICIPALITIES_MAX,
	OFFER_TEXT_FIELDS,
	parseOffer,
	requestedSlotRows,
	resolveMunicipalityList,
	slotFields,
	type OfferValues,
	type SlotField
} from '$lib/schemas/offer';
import { listCurrentMunicipalities } from '$lib/server/db/municipalities';
import type { OfferChanges } from '$lib/server/db/offers';
import type { Db } from '$lib/server/supabase';

export type OfferErrors = FormErrors<keyof OfferValues>;

/** Whether the form was sent with "nog een moment toevoegen" (show one more row, save nothing). */
export const wantsMoreSlots = (form: FormData): boolean => form.has('addSlot');

/**
 * The weekly-slot rows as sent: as many as the form showed (its hidden count), plus an empty one when
 * "nog een moment toevoegen" was pressed.
 */
export function slotFormValues(form: FormData): Record<SlotField, string> {
	const rows = requestedSlotRows(text(form, 'slotRows'), wantsMoreSlots(form));
	const values = {} as Record<SlotField, string>;
	for (const field of slotFields(rows)) values[field] = text(form, field);
	return values;
}

export function offerFormValues(form: FormData): OfferValues {
	const values = {
		domains: texts(form, 'domains'),
		conditions: texts(form, 'conditions')
	} as unknown as OfferValues;
	for (const field of OFFER_TEXT_FIELDS) values[field] = text(form, field);
	return Object.assign(values, slotFormValues(form));
}

export async function parseOfferForm(
	db: Db,
	values: OfferValues
): Promise<{ ok: true; changes: OfferChanges } | { ok: false; errors: OfferErrors }> {
	const parsed = parseOffer(values);
	const errors: OfferErrors = parsed.success ? {} : (parsed.errors as OfferErrors);
	const municipalities = await listCurrentMunicipalities(db);
	const municipalityNis =
		values.municipality.trim() === ''
			? null
			: resolveMunicipality(municipalities, values.municipality);
	if (municipalityNis === undefined) errors.municipality ??= m.error_municipality_unknown();

	const area = resolveMunicipalityList(values.areaMunicipalities, (typed) =>
		resolveMunicipality(municipalities, typed)
	);
	if (area.unknown.length > 0) {
		errors.areaMunicipalities ??= m.vw_error_area_unknown({ names: area.unknown.join(', ') });
	} else if (area.tooMany) {
		errors.areaMunicipalities ??= m.vw_error_area_too_many({ max: AREA_MUNICIPALITIES_MAX });
	}

	if (!parsed.success || !municipalityNis || errors.areaMunicipalities)
		return { ok: false, errors };
	const { municipality: _typed, areaMunicipalities: _area, ...form } = parsed.data;
	return { ok: true, changes: { ...form, municipalityNis, areaMunicipalities: area.nis } };
}
