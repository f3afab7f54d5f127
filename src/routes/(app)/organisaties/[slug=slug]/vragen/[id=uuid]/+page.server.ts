import { municipalityLabel } from '$lib/municipalities';
import { m } from '$lib/paraglide/messages';
import { DbFieldError } from '$lib/server/db/db-errors';
import { listCurrentMunicipalities } from '$lib/server/db/municipalities';
import { closeRequest, getRequest, requestValues, updateRequest } from '$lib/server/db/requests';
import type { Db } from '$lib/server/supabase';
import { error, fail } from '@sveltejs/kit';
import { requireAcademyMember } from '../../activiteiten/activity-access';
import {
	parseRequestForm,
	requestFormValues,
	wantsMoreSlots,
	type RequestErrors
} from '../request-action';
import type { Actions, PageServerLoad } from './$types';

async function ownRequest(db: Db, organisationId: string, id: string) {
	const request = await getRequest(db, id);
	if (!request || request.organisationId !== organisationId) error(404, m.ex_request_not_found());
	return request;
}

export const load = (async ({ locals, url, params }) => {
	const organisation = await requireAcademyMember(locals, url, params.slug);
	const request = await ownRequest(locals.supabase, organisation.id, params.id);
	const municipalities = await listCurrentMunicipalities(locals.supabase);
	const place = municipalities.find((option) => option.nis === request.municipalityNis);
	return {
		organisation,
		request,
		values: requestValues(request, place ? municipalityLabel(place) : ''),
		municipalityLabels: municipalities.map(municipalityLabel)
	};
}) satisfies PageServerLoad;

export const actions = {
	save: async ({ request: httpRequest, locals, url, params }) => {
		const organisation = await requireAcademyMember(locals, url, params.slug);
		const request = await ownRequest(locals.supabase, organisation.id, params.id);
		const form = await httpRequest.formData();
		const values = requestFormValues(form);
		values.kind = request.kind; // fixed once created
		// "Nog een moment toevoegen": the same form again with one more row, nothing saved.
		if (wantsMoreSlots(form)) return { values, moreSlots: true };
		if (request.status === 'closed' || request.status === 'fulfilled') {
			return fail(400, { values, errors: { form: m.ex_request_closed() } as RequestErrors });
		}
		const result = await parseRequestForm(locals.supabase, values);
		if (!result.ok) return fail(400, { values, errors: result.errors });
		try {
			await updateRequest(locals.supabase, request.id, organisation.id, result.changes);
		} catch (caught) {
			if (caught instanceof DbFieldError) {
				const errors: RequestErrors = { [caught.field]: caught.message };
				return fail(400, { values, errors });
			}
			throw caught;
		}
		return { saved: true };
	},
	close: async ({ locals, url, params }) => {
		const organisation = await requireAcademyMember(locals, url, params.slug);
		const request = await ownRequest(locals.supabase, organisation.id, params.id);
		try {
			if (!(await closeRequest(locals.supabase, request.id))) {
				error(403, m.app_forbidden_not_member());
			}
		} catch (caught) {
			if (caught instanceof DbFieldError) {
				return fail(400, { errors: { form: caught.message } as RequestErrors });
			}
			throw caught;
		}
		return { closed: true };
	}
} satisfies Actions;
