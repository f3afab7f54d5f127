import { OFFER_STATUSES, offerStatusLabel, type OfferStatus } from '$lib/exchange-vocabulary';
import { text } from '$lib/forms';
import { municipalityLabel } from '$lib/municipalities';
import { m } from '$lib/paraglide/messages';
import { DbFieldError } from '$lib/server/db/db-errors';
import { listCurrentMunicipalities } from '$lib/server/db/municipalities';
import { getOffer, offerValues, setOfferStatus, updateOffer } from '$lib/server/db/offers';
import type { Db } from '$lib/server/supabase';
import { error, fail } from '@sveltejs/kit';
import { requireProviderMember } from '../offer-access';
import { offerFormValues, parseOfferForm, wantsMoreSlots, type OfferErrors } from '../offer-action';
import type { Actions, PageServerLoad } from './$types';

/** The offer when it belongs to this organisation; another organisation's offer is "not found". */
async function ownOffer(db: Db, organisationId: string, id: string) {
	const offer = await getOffer(db, id);
	if (!offer || offer.organisationId !== organisationId) error(404, m.ex_offer_not_found());
	return offer;
}

export const load = (async ({ locals, url, params }) => {
	const organisation = await requireProviderMember(locals, url, params.slug);
	const offer = await ownOffer(locals.supabase, organisation.id, params.id);
	const municipalities = await listCurrentMunicipalities(locals.supabase);
	const place = municipalities.find((option) => option.nis === offer.municipalityNis);
	const byNis = new Map(municipalities.map((option) => [option.nis, municipalityLabel(option)]));
	const areaLabels = offer.areaMunicipalities.map((nis) => byNis.get(nis) ?? nis);
	return {
		organisation,
		offer,
		values: offerValues(offer, place ? municipalityLabel(place) : '', areaLabels),
		municipalityLabels: municipalities.map(municipalityLabel),
		created: url.searchParams.has('aangemaakt')
	};
}) satisfies PageServerLoad;

export const actions = {
	save: async ({ request, locals, url, params }) => {
		const organisation = await requireProviderMember(locals, url, params.slug);
		const offer = await ownOffer(locals.supabase, organisation.id, params.id);
		const form = await request.formData();
		const values = offerFormValues(form);
		values.kind = offer.kind; // fixed once created
		// "Nog een moment toevoegen": the same form again with one more row, nothing saved.
		if (wantsMoreSlots(form)) return { values, moreSlots: true };
		const result = await parseOfferForm(locals.supabase, values);
		if (!result.ok) return fail(400, { values, errors: result.errors });
		try {
			await updateOffer(locals.supabase, offer.id, organisation.id, result.changes);
		} catch (caught) {
			if (caught instanceof DbFieldError) {
				const errors: OfferErrors = { [caught.field]: caught.message };
				return fail(400, { values, errors });
			}
			throw caught;
		}
		return { saved: true };
	},
	status: async ({ request, locals, url, params }) => {
		const organisation = await requireProviderMember(locals, url, params.slug);
		const offer = await ownOffer(locals.supabase, organisation.id, params.id);
		const status = text(await request.formData(), 'status');
		if (!(OFFER_STATUSES as readonly string[]).includes(status)) error(400, m.ex_error_kind());
		if (!(await setOfferStatus(locals.supabase, offer.id, status as OfferStatus))) {
			error(403, m.app_forbidden_not_member());
		}
		return { statusChanged: offerStatusLabel[status as OfferStatus]() };
	}
} satisfies Actions;
