import { m } from '$lib/paraglide/messages';
import { DbFieldError } from '$lib/server/db/db-errors';
import { closeRequest, getRequest, requestValues, updateRequest } from '$lib/server/db/requests';
import { formMunicipalities, submitExchangeForm } from '$lib/server/exchange-form';
import { organisationRequestPage } from '$lib/server/db/pages/organisation-pages';
import { bringsHeader } from '$lib/server/page-header';
import type { Db } from '$lib/server/supabase';
import { error, fail } from '@sveltejs/kit';
import { requireAcademyMember } from '../../activiteiten/activity-access';
import { parseRequestForm, requestFormValues, type RequestErrors } from '../request-action';
import type { Actions, PageServerLoad } from './$types';

async function ownRequest(db: Db, organisationId: string, id: string) {
	const request = await getRequest(db, id);
	if (!request || request.organisationId !== organisationId) error(404, m.ex_request_not_found());
	return request;
}

export const load = bringsHeader(async ({ locals, url, params }) => {
	// One wave: the academy with the person's role and its request (one call: organisation_request_page,
	// the request only for its members), and the municipality labels (kept in the process).
	const [{ organisation, request }, { labelOf }] = await Promise.all([
		organisationRequestPage(locals, url, params.slug, params.id),
		formMunicipalities(locals.supabase)
	]);
	return {
		organisation,
		request,
		values: requestValues(request, labelOf(request.municipalityNis) ?? '')
	};
}) satisfies PageServerLoad;

export const actions = {
	save: async ({ request: httpRequest, locals, url, params }) => {
		const organisation = await requireAcademyMember(locals, url, params.slug);
		const request = await ownRequest(locals.supabase, organisation.id, params.id);
		const form = await httpRequest.formData();
		const final = request.status === 'closed' || request.status === 'fulfilled';
		const unsaved = await submitExchangeForm(form, {
			// The kind is fixed once created.
			values: { ...requestFormValues(form), kind: request.kind },
			parse: async (values) =>
				final
					? { ok: false as const, errors: { form: m.ex_request_closed() } as RequestErrors }
					: parseRequestForm(locals.supabase, values),
			save: (changes) => updateRequest(locals.supabase, request.id, organisation.id, changes)
		});
		return unsaved ?? { saved: true };
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
