import type { OfferKind } from '$lib/exchange-vocabulary';
import { municipalityLabel } from '$lib/municipalities';
import { emptyOfferValues } from '$lib/schemas/offer';
import { DbFieldError } from '$lib/server/db/db-errors';
import { listCurrentMunicipalities } from '$lib/server/db/municipalities';
import { createOffer } from '$lib/server/db/offers';
import { text } from '$lib/forms';
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireProviderMember } from '../offer-access';
import { offerFormValues, parseOfferForm, wantsMoreSlots, type OfferErrors } from '../offer-action';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url, params }) => {
	const organisation = await requireProviderMember(locals, url, params.slug);
	const municipalities = await listCurrentMunicipalities(locals.supabase);
	const home = municipalities.find((option) => option.nis === organisation.municipalityNis);
	const kind: OfferKind | '' = organisation.kind === 'school' ? 'room' : '';
	return {
		organisation,
		values: emptyOfferValues(kind, home ? municipalityLabel(home) : ''),
		// The new offer's id, fixed now so that sending the form twice creates it once.
		offerId: crypto.randomUUID(),
		municipalityLabels: municipalities.map(municipalityLabel)
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, url, params }) => {
		const organisation = await requireProviderMember(locals, url, params.slug);
		const form = await request.formData();
		const values = offerFormValues(form);
		const offerId = z.uuid().safeParse(text(form, 'offerId')).data ?? crypto.randomUUID();
		// "Nog een moment toevoegen": the same form again with one more row, nothing saved.
		if (wantsMoreSlots(form)) return { values, offerId, moreSlots: true };
		const result = await parseOfferForm(locals.supabase, values);
		if (!result.ok) return fail(400, { values, offerId, errors: result.errors });

		try {
			await createOffer(locals.supabase, {
				id: offerId,
				organisationId: organisation.id,
				changes: result.changes
			});
		} catch (caught) {
			if (caught instanceof DbFieldError) {
				const errors: OfferErrors = { [caught.field]: caught.message };
				return fail(400, { values, offerId, errors });
			}
			throw caught;
		}
		redirect(303, `/organisaties/${organisation.slug}/aanbod/${offerId}?aangemaakt`);
	}
} satisfies Actions;
