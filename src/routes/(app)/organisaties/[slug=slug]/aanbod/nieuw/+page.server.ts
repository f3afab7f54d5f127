import type { OfferKind } from '$lib/exchange-vocabulary';
import { text } from '$lib/forms';
import { emptyOfferValues } from '$lib/schemas/offer';
import { createOffer } from '$lib/server/db/offers';
import { formMunicipalities, submitExchangeForm } from '$lib/server/exchange-form';
import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireProviderMember } from '../offer-access';
import { offerFormValues, parseOfferForm } from '../offer-action';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url, params }) => {
	const organisation = await requireProviderMember(locals, url, params.slug);
	const { labelOf } = await formMunicipalities(locals.supabase);
	const kind: OfferKind | '' = organisation.kind === 'school' ? 'room' : '';
	return {
		organisation,
		values: emptyOfferValues(kind, labelOf(organisation.municipalityNis) ?? ''),
		// The new offer's id, fixed now so that sending the form twice creates it once.
		offerId: crypto.randomUUID()
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, url, params }) => {
		const organisation = await requireProviderMember(locals, url, params.slug);
		const form = await request.formData();
		const offerId = z.uuid().safeParse(text(form, 'offerId')).data ?? crypto.randomUUID();
		const unsaved = await submitExchangeForm(form, {
			values: offerFormValues(form),
			extra: { offerId },
			parse: (values) => parseOfferForm(locals.supabase, values),
			save: (changes) =>
				createOffer(locals.supabase, { id: offerId, organisationId: organisation.id, changes })
		});
		if (unsaved) return unsaved;
		redirect(303, `/organisaties/${organisation.slug}/aanbod/${offerId}?aangemaakt`);
	}
} satisfies Actions;
