import { fieldErrors, text, type FormErrors } from '$lib/forms';
import { m } from '$lib/paraglide/messages';
import { todayInBelgium } from '$lib/public/format';
import { HELP_REQUEST_KINDS, helpSchema, type HelpValues } from '$lib/schemas/help';
import { proposedBooking } from '$lib/schemas/request';
import { AgreementRefusal } from '$lib/server/db/agreements';
import { DbFieldError } from '$lib/server/db/db-errors';
import { AlreadyHelping, offerHelp } from '$lib/server/db/help';
import { suggestOffers } from '$lib/server/db/matching';
import { requestView } from '$lib/server/db/pages/request-page';
import { getRequest, proposeAgreement } from '$lib/server/db/requests';
import { bringsHeader } from '$lib/server/page-header';
import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

const LIVE = ['open', 'in_progress'];

export const load = bringsHeader(async ({ locals: { supabase, user }, params, url }) => {
	// The request, whether the person belongs to its academy, its suggestions and the person's offer of
	// help, in one call (request_view_page()).
	const view = await requestView(supabase, params.id, 10);
	if (!view) error(404, m.ex_request_not_found());
	const { request, member } = view;
	// Closed requests stay visible to their own academy only.
	if (!member && !LIVE.includes(request.status)) error(404, m.ex_request_not_found());
	const today = todayInBelgium();
	const suggestions =
		view.suggestions?.map(({ candidate, suggestion }) => ({
			offerId: candidate.offerId,
			title: candidate.title,
			organisationName: candidate.organisationName,
			reasons: suggestion.reasons,
			agreement: candidate.agreement,
			// A room needs a weekly booking to propose; other kinds do not.
			proposable: candidate.offerKind !== 'room' || proposedBooking(candidate, today) !== null
		})) ?? null;
	// "Ik wil helpen": a person answers a live request for volunteers or expertise themselves.
	const helpable = HELP_REQUEST_KINDS.includes(request.kind) && LIVE.includes(request.status);
	const help = helpable
		? { signedIn: user !== null, live: user && !member ? view.liveHelp : null }
		: null;
	return { request, member, suggestions, help, created: url.searchParams.has('aangemaakt') };
}) satisfies PageServerLoad;

export const actions = {
	propose: async ({ request: httpRequest, locals: { supabase, user }, params }) => {
		if (!user) error(401, m.app_forbidden_not_member());
		const offerId = text(await httpRequest.formData(), 'offerId');
		const request = await getRequest(supabase, params.id);
		if (!request) error(404, m.ex_request_not_found());
		// The candidate as the matching sees it gives the common weekly slot for a room.
		const candidate = (await suggestOffers(supabase, request.id, 100)).find(
			(item) => item.candidate.offerId === offerId
		)?.candidate;
		if (!candidate) return fail(400, { error: m.ex_offer_not_found() });
		let booking;
		if (candidate.offerKind === 'room') {
			booking = proposedBooking(candidate, todayInBelgium()) ?? undefined;
			if (!booking) return fail(400, { error: m.ex_propose_no_time() });
		}
		let agreementId: string;
		try {
			agreementId = await proposeAgreement(supabase, { requestId: request.id, offerId, booking });
		} catch (caught) {
			if (caught instanceof DbFieldError) return fail(400, { error: caught.message });
			throw caught;
		}
		redirect(303, `/afspraken/${agreementId}`);
	},

	help: async ({ request: httpRequest, locals: { supabase, user }, params, url }) => {
		if (!user) {
			redirect(303, `/aanmelden?${new URLSearchParams({ redirectTo: url.pathname })}`);
		}
		const form = await httpRequest.formData();
		const values: HelpValues = {
			message: text(form, 'message'),
			availability: text(form, 'availability')
		};
		const parsed = helpSchema.safeParse(values);
		if (!parsed.success) {
			return fail(400, { help: { values, errors: fieldErrors<keyof HelpValues>(parsed.error) } });
		}
		let agreementId: string;
		try {
			agreementId = await offerHelp(supabase, { requestId: params.id, ...parsed.data });
		} catch (caught) {
			if (caught instanceof AlreadyHelping) {
				return fail(caught.status, {
					help: { values, errors: { form: caught.message } as FormErrors<keyof HelpValues> },
					existing: caught.agreementId
				});
			}
			if (caught instanceof AgreementRefusal) {
				// The database names the first message's column (body); the form calls it message.
				const field = caught.field === 'body' ? 'message' : caught.field;
				const errors = { [field]: caught.message } as FormErrors<keyof HelpValues>;
				return fail(caught.status, { help: { values, errors } });
			}
			throw caught;
		}
		redirect(303, `/afspraken/${agreementId}`);
	}
} satisfies Actions;
