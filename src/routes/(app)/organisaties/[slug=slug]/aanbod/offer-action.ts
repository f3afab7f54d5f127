// The shared part of creating and editing an offer: read the form, parse it, resolve the municipality and
// the municipalities of its area.
import { texts, type FormErrors } from '$lib/forms';
import { resolveMunicipality } from '$lib/municipalities';
import { m } from '$lib/paraglide/messages';
import {
	AREA_MUNICIPALITIES_MAX,
	OFFER_TEXT_FIELDS,
	parseOffer,
	resolveMunicipalityList,
	type OfferValues
} from '$lib/schemas/offer';
import { listCurrentMunicipalities } from '$lib/server/db/municipalities';
import type { OfferChanges } from '$lib/server/db/offers';
import { formTexts, slotFormValues, type Parsed } from '$lib/server/exchange-form';
import type { Db } from '$lib/server/supabase';
import { typedMunicipality } from '../../typed-municipality';

export type OfferErrors = FormErrors<keyof OfferValues>;

export function offerFormValues(form: FormData): OfferValues {
	return {
		...formTexts(form, OFFER_TEXT_FIELDS),
		...slotFormValues(form),
		domains: texts(form, 'domains'),
		conditions: texts(form, 'conditions')
	};
}

export async function parseOfferForm(
	db: Db,
	values: OfferValues
): Promise<Parsed<OfferChanges, OfferErrors>> {
	const parsed = parseOffer(values);
	const errors: OfferErrors = parsed.success ? {} : (parsed.errors as OfferErrors);
	const municipalities = await listCurrentMunicipalities(db);
	const municipalityNis = typedMunicipality(municipalities, values.municipality, errors);

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
