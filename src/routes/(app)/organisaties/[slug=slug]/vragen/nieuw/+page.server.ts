import { text } from '$lib/forms';
import { municipalityLabel } from '$lib/municipalities';
import { emptyRequestValues } from '$lib/schemas/request';
import { DbFieldError } from '$lib/server/db/db-errors';
import { listCurrentMunicipalities } from '$lib/server/db/municipalities';
import { createRequest } from '$lib/server/db/requests';
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireAcademyMember } from '../../activiteiten/activity-access';
import {
	parseRequestForm,
	requestFormValues,
	wantsMoreSlots,
	type RequestErrors
} from '../request-action';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url, params }) => {
	const organisation = await requireAcademyMember(locals, url, params.slug);
	const municipalities = await listCurrentMunicipalities(locals.supabase);
	const home = municipalities.find((option) => option.nis === organisation.municipalityNis);
	return {
		organisation,
		values: emptyRequestValues(home ? municipalityLabel(home) : ''),
		requestId: crypto.randomUUID(),
		municipalityLabels: municipalities.map(municipalityLabel)
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, url, params }) => {
		const organisation = await requireAcademyMember(locals, url, params.slug);
		const form = await request.formData();
		const values = requestFormValues(form);
		const requestId = z.uuid().safeParse(text(form, 'requestId')).data ?? crypto.randomUUID();
		// "Nog een moment toevoegen": the same form again with one more row, nothing saved.
		if (wantsMoreSlots(form)) return { values, requestId, moreSlots: true };
		const result = await parseRequestForm(locals.supabase, values);
		if (!result.ok) return fail(400, { values, requestId, errors: result.errors });
		try {
			await createRequest(locals.supabase, {
				id: requestId,
				organisationId: organisation.id,
				changes: result.changes
			});
		} catch (caught) {
			if (caught instanceof DbFieldError) {
				const errors: RequestErrors = { [caught.field]: caught.message };
				return fail(400, { values, requestId, errors });
			}
			throw caught;
		}
		// The request's public page shows the suggestions to the academy's members.
		redirect(303, `/vragen/${requestId}?aangemaakt`);
	}
} satisfies Actions;
