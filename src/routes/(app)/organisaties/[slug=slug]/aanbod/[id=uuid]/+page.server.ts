import { OFFER_STATUSES, offerStatusLabel, type OfferStatus } from '$lib/exchange-vocabulary';
import { text } from '$lib/forms';
import { m } from '$lib/paraglide/messages';
import { getOffer, offerValues, setOfferStatus, updateOffer } from '$lib/server/db/offers';
import { formMunicipalities, submitExchangeForm } from '$lib/server/exchange-form';
import type { Db } from '$lib/server/supabase';
import { error } from '@sveltejs/kit';
import { requireProviderMember } from '../offer-access';
import { offerFormValues, parseOfferForm } from '../offer-action';
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
	const { labelOf } = await formMunicipalities(locals.supabase);
	const areaLabels = offer.areaMunicipalities.map((nis) => labelOf(nis) ?? nis);
	return {
		organisation,
		offer,
		values: offerValues(offer, labelOf(offer.municipalityNis) ?? '', areaLabels),
		created: url.searchParams.has('aangemaakt')
	};
}) satisfies PageServerLoad;

export const actions = {
	save: async ({ request, locals, url, params }) => {
		const organisation = await requireProviderMember(locals, url, params.slug);
		const offer = await ownOffer(locals.supabase, organisation.id, params.id);
		const form = await request.formData();
		const unsaved = await submitExchangeForm(form, {
			// The kind is fixed once created.
			values: { ...offerFormValues(form), kind: offer.kind },
			parse: (values) => parseOfferForm(locals.supabase, values),
			save: (changes) => updateOffer(locals.supabase, offer.id, organisation.id, changes)
		});
		return unsaved ?? { saved: true };
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
