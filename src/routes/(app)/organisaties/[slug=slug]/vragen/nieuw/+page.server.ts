import { text } from '$lib/forms';
import { emptyRequestValues } from '$lib/schemas/request';
import { createRequest } from '$lib/server/db/requests';
import { formMunicipalities, submitExchangeForm } from '$lib/server/exchange-form';
import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireAcademyMember } from '../../activiteiten/activity-access';
import { parseRequestForm, requestFormValues } from '../request-action';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url, params }) => {
	const organisation = await requireAcademyMember(locals, url, params.slug);
	const { labelOf } = await formMunicipalities(locals.supabase);
	return {
		organisation,
		values: emptyRequestValues(labelOf(organisation.municipalityNis) ?? ''),
		requestId: crypto.randomUUID()
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, url, params }) => {
		const organisation = await requireAcademyMember(locals, url, params.slug);
		const form = await request.formData();
		const requestId = z.uuid().safeParse(text(form, 'requestId')).data ?? crypto.randomUUID();
		const unsaved = await submitExchangeForm(form, {
			values: requestFormValues(form),
			extra: { requestId },
			parse: (values) => parseRequestForm(locals.supabase, values),
			save: (changes) =>
				createRequest(locals.supabase, { id: requestId, organisationId: organisation.id, changes })
		});
		if (unsaved) return unsaved;
		// The request's public page shows the suggestions to the academy's members.
		redirect(303, `/vragen/${requestId}?aangemaakt`);
	}
} satisfies Actions;
