import { fieldErrors, text, type FormErrors } from '$lib/forms';
import { requestedPage } from '$lib/paging';
import { m } from '$lib/paraglide/messages';
import { todayInBelgium } from '$lib/public/format';
import { stillToCheck } from '$lib/schemas/agreement-volunteer';
import {
	prefilledCheckValues,
	recordedName,
	volunteerCheckSchema,
	type VolunteerCheckValues
} from '$lib/schemas/volunteer-check';
import { listSessionChecks } from '$lib/server/db/agreement-volunteers';
import {
	ADMIN_ROLES,
	MEMBER_ROLES,
	requireOrganisationRole
} from '$lib/server/auth/require-org-role';
import { DbFieldError } from '$lib/server/db/db-errors';
import { OWN_LIST_PAGE_SIZE, slicePage } from '$lib/server/db/paging';
import { listVolunteerStatus, recordVolunteerCheck } from '$lib/server/db/volunteer-checks';
import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

/**
 * Volunteer checks belong to academies. Every member opens the page; only owners and admins see and record
 * the checks (RLS says the same), the others read who does.
 */
async function requireAcademy(
	locals: App.Locals,
	url: URL,
	slug: string,
	roles: typeof MEMBER_ROLES = MEMBER_ROLES
) {
	const organisation = await requireOrganisationRole(locals, url, slug, roles);
	if (organisation.kind !== 'academy') error(404, m.app_academy_only());
	return organisation;
}

export const load = (async ({ locals, url, params }) => {
	const organisation = await requireAcademy(locals, url, params.slug);
	if (!ADMIN_ROLES.includes(organisation.role)) {
		return {
			organisation,
			keepsChecks: false,
			volunteers: [],
			paging: { total: 0, page: 1, pageCount: 1 },
			recorded: null,
			toCheck: [],
			prefilled: prefilledCheckValues(new URLSearchParams()),
			today: todayInBelgium()
		};
	}
	const [volunteers, sessionChecks] = await Promise.all([
		listVolunteerStatus(locals.supabase, organisation.id),
		listSessionChecks(locals.supabase, organisation.id)
	]);
	// Back from recording a check (?genoteerd=NAME): confirm it, with the form empty again.
	const recorded = recordedName(
		url.searchParams,
		volunteers.map((volunteer) => volunteer.volunteerName)
	);
	const { rows, ...paging } = slicePage(
		volunteers,
		requestedPage(url.searchParams),
		OWN_LIST_PAGE_SIZE
	);
	return {
		organisation,
		keepsChecks: true,
		volunteers: rows,
		paging,
		recorded: recorded ? m.ag_recorded({ name: recorded }) : null,
		// Named on an accepted agreement, without a check that still counts on the first session.
		toCheck: stillToCheck(sessionChecks),
		prefilled: prefilledCheckValues(url.searchParams),
		today: todayInBelgium()
	};
}) satisfies PageServerLoad;

type CheckField = keyof VolunteerCheckValues;

export const actions = {
	record: async ({ request, locals, url, params }) => {
		const organisation = await requireAcademy(locals, url, params.slug, ADMIN_ROLES);
		const form = await request.formData();
		const values: VolunteerCheckValues = {
			volunteerName: text(form, 'volunteerName'),
			seenOn: text(form, 'seenOn'),
			seenByName: text(form, 'seenByName'),
			agreementId: text(form, 'agreementId')
		};
		const parsed = volunteerCheckSchema(todayInBelgium()).safeParse(values);
		if (!parsed.success) {
			return fail(400, { values, errors: fieldErrors<CheckField>(parsed.error) });
		}
		try {
			await recordVolunteerCheck(locals.supabase, {
				organisationId: organisation.id,
				form: parsed.data
			});
		} catch (caught) {
			if (caught instanceof DbFieldError) {
				const errors: FormErrors<CheckField> = { [caught.field]: caught.message };
				return fail(400, { values, errors });
			}
			throw caught;
		}
		// Back to the page without the prefill (?naam=…&afspraak=…), so the form does not fill itself again
		// and a second click cannot record the same check twice.
		const query = new URLSearchParams({ genoteerd: parsed.data.volunteerName });
		redirect(303, `${url.pathname}?${query}#record-heading`);
	}
} satisfies Actions;
