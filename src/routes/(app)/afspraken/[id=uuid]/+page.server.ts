import { fieldErrors, text, type FormErrors } from '$lib/forms';
import { m } from '$lib/paraglide/messages';
import {
	allowedActions,
	fulfilSchema,
	messageSchema,
	noteSchema,
	writingSide,
	type AgreementAction,
	type FulfilValues
} from '$lib/schemas/agreement';
import {
	bringsPeople,
	firstSessionSchema,
	volunteerNameSchema,
	type FirstSessionValues,
	type VolunteerNameValues
} from '$lib/schemas/agreement-volunteer';
import { todayInBelgium } from '$lib/public/format';
import { volunteerCheckSchema } from '$lib/schemas/volunteer-check';
import { requireUser } from '$lib/server/auth/require-user';
import {
	addAgreementVolunteer,
	removeAgreementVolunteer,
	setFirstSession
} from '$lib/server/db/agreement-volunteers';
import {
	AgreementRefusal,
	getAgreement,
	postMessage,
	setAgreementStatus,
	type StatusChange
} from '$lib/server/db/agreements';
import { DbFieldError } from '$lib/server/db/db-errors';
import { helperCheck, isOrganisationAdmin } from '$lib/server/db/help';
import { recordVolunteerCheck } from '$lib/server/db/volunteer-checks';
import { sendPendingNotificationMails } from '$lib/server/notification-mail';
import { bringsHeader } from '$lib/server/page-header';
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load = bringsHeader(async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const agreement = await getAgreement(locals.supabase, params.id, user.id);
	if (!agreement) error(404, m.ag_not_found());
	const people = bringsPeople(agreement.offer.kind);
	// The names come with the agreement (agreement_page); only a person's agreement asks more.
	const helper = await helperSafeguarding(locals.supabase, agreement, user.id);
	const volunteers = people ? agreement.volunteers : [];
	return {
		agreement,
		actions: allowedActions(agreement),
		side: writingSide(agreement),
		writesAsPerson: agreement.isHelper,
		helper,
		// "Wie komt er?": for agreements that bring people; names change while accepted, by either side.
		people,
		volunteers,
		canName: people && agreement.status === 'accepted' && agreement.mySides.length > 0,
		canSetFirstSession:
			people && agreement.status === 'accepted' && agreement.mySides.includes(agreement.academyId)
	};
}) satisfies PageServerLoad;

/**
 * A person's agreement: the person named, and for the academy's owners and admins whether their extract
 * (model 2) is recorded and still counts. Null between organisations.
 */
async function helperSafeguarding(
	db: App.Locals['supabase'],
	agreement: NonNullable<Awaited<ReturnType<typeof getAgreement>>>,
	userId: string
) {
	const helper = agreement.helper;
	if (!helper) return null;
	const onAcademy = agreement.mySides.includes(agreement.academyId);
	const admin =
		onAcademy && (await isOrganisationAdmin(db, { organisationId: agreement.academyId, userId }));
	const live = agreement.status === 'proposed' || agreement.status === 'accepted';
	return {
		id: helper.id,
		name: helper.name,
		availability: agreement.helperAvailability,
		onAcademy,
		admin,
		check:
			admin && helper.id
				? await helperCheck(db, { academyId: agreement.academyId, name: helper.name })
				: null,
		canRecordCheck: admin && live && helper.id !== null,
		canSetFirstSession: onAcademy && agreement.status === 'accepted'
	};
}

/** The agreement for a "Wie komt er?" action: 404 when it is not the person's to see. */
async function agreementForPeople(event: { locals: App.Locals; url: URL; params: { id: string } }) {
	const user = requireUser(event.locals, event.url);
	const agreement = await getAgreement(event.locals.supabase, event.params.id, user.id);
	if (!agreement) error(404, m.ag_not_found());
	return agreement;
}

const doneMessage: Record<AgreementAction, () => string> = {
	accept: m.ag_accepted_done,
	decline: m.ag_declined_done,
	withdraw: m.ag_withdrawn_done,
	fulfil: m.ag_fulfilled_done
};

/** Mails the other side in the background; a mail problem never fails the action. */
function mailInBackground(origin: string) {
	void sendPendingNotificationMails(origin);
}

type FulfilField = keyof FulfilValues;

/** Runs one status change; a refusal (wrong side, overlap, closed request) is shown as an alert. */
async function changeStatus(
	event: { locals: App.Locals; url: URL; params: { id: string } },
	action: AgreementAction,
	change: StatusChange,
	keep: {
		fulfil?: { values: FulfilValues; errors: FormErrors<FulfilField> };
		note?: { values: { note: string }; errors: FormErrors<'note'> };
	} = {}
) {
	requireUser(event.locals, event.url);
	try {
		await setAgreementStatus(event.locals.supabase, event.params.id, change);
	} catch (caught) {
		if (caught instanceof AgreementRefusal) {
			return fail(caught.status, { action, message: caught.message, ...keep });
		}
		throw caught;
	}
	mailInBackground(event.url.origin);
	return { action, done: doneMessage[action]() };
}

/** Declining or withdrawing, with an optional reason for the history. */
async function changeStatusWithNote(
	event: { locals: App.Locals; url: URL; params: { id: string }; request: Request },
	action: 'decline' | 'withdraw',
	status: 'declined' | 'withdrawn'
) {
	const values = { note: text(await event.request.formData(), 'note') };
	const parsed = noteSchema.safeParse(values);
	if (!parsed.success) {
		return fail(400, { action, note: { values, errors: fieldErrors<'note'>(parsed.error) } });
	}
	return changeStatus(
		event,
		action,
		{ status, note: parsed.data.note },
		{ note: { values, errors: {} } }
	);
}

export const actions = {
	accept: (event) => changeStatus(event, 'accept', { status: 'accepted' }),
	decline: (event) => changeStatusWithNote(event, 'decline', 'declined'),
	withdraw: (event) => changeStatusWithNote(event, 'withdraw', 'withdrawn'),

	fulfil: async (event) => {
		const form = await event.request.formData();
		const values: FulfilValues = {
			givenSessions: text(form, 'givenSessions'),
			givenHours: text(form, 'givenHours'),
			givenItems: text(form, 'givenItems'),
			thankYou: text(form, 'thankYou')
		};
		const parsed = fulfilSchema.safeParse(values);
		if (!parsed.success) {
			return fail(400, {
				action: 'fulfil' as const,
				fulfil: { values, errors: fieldErrors<FulfilField>(parsed.error) }
			});
		}
		return changeStatus(
			event,
			'fulfil',
			{ status: 'fulfilled', ...parsed.data },
			{ fulfil: { values, errors: {} } }
		);
	},

	addVolunteer: async (event) => {
		const agreement = await agreementForPeople(event);
		const values: VolunteerNameValues = { name: text(await event.request.formData(), 'name') };
		const parsed = volunteerNameSchema.safeParse(values);
		if (!parsed.success) {
			return fail(400, { people: { values, errors: fieldErrors<'name'>(parsed.error) } });
		}
		try {
			await addAgreementVolunteer(event.locals.supabase, {
				agreementId: agreement.id,
				name: parsed.data.name
			});
		} catch (caught) {
			if (caught instanceof AgreementRefusal) {
				const errors: FormErrors<'name'> = { [caught.field]: caught.message };
				return fail(caught.status, { people: { values, errors } });
			}
			throw caught;
		}
		return { peopleDone: m.vw_name_added({ name: parsed.data.name }) };
	},

	removeVolunteer: async (event) => {
		const agreement = await agreementForPeople(event);
		const form = await event.request.formData();
		try {
			await removeAgreementVolunteer(event.locals.supabase, {
				agreementId: agreement.id,
				id: text(form, 'volunteerId')
			});
		} catch (caught) {
			if (caught instanceof AgreementRefusal) {
				return fail(caught.status, {
					people: { values: { name: '' }, errors: { form: caught.message } }
				});
			}
			throw caught;
		}
		return { peopleDone: m.vw_name_removed({ name: text(form, 'name') || '?' }) };
	},

	firstSession: async (event) => {
		const agreement = await agreementForPeople(event);
		const values: FirstSessionValues = {
			firstSessionOn: text(await event.request.formData(), 'firstSessionOn')
		};
		const parsed = firstSessionSchema.safeParse(values);
		if (!parsed.success) {
			return fail(400, {
				session: { values, errors: fieldErrors<'firstSessionOn'>(parsed.error) }
			});
		}
		try {
			await setFirstSession(event.locals.supabase, {
				agreementId: agreement.id,
				day: parsed.data.firstSessionOn
			});
		} catch (caught) {
			if (caught instanceof AgreementRefusal) {
				const errors: FormErrors<'firstSessionOn'> = { [caught.field]: caught.message };
				return fail(caught.status, { session: { values, errors } });
			}
			throw caught;
		}
		return { sessionDone: m.vw_first_session_saved() };
	},

	recordCheck: async (event) => {
		const agreement = await agreementForPeople(event);
		if (!agreement.helper?.id) error(404, m.ag_not_found());
		const form = await event.request.formData();
		const values = { seenOn: text(form, 'seenOn'), seenByName: text(form, 'seenByName') };
		const parsed = volunteerCheckSchema(todayInBelgium()).safeParse({
			...values,
			volunteerName: agreement.helper.name,
			agreementId: agreement.id
		});
		if (!parsed.success) {
			return fail(400, {
				check: { values, errors: fieldErrors<'seenOn' | 'seenByName'>(parsed.error) }
			});
		}
		try {
			await recordVolunteerCheck(event.locals.supabase, {
				organisationId: agreement.academyId,
				form: parsed.data
			});
		} catch (caught) {
			if (caught instanceof DbFieldError) {
				// The name is the person's own: a refusal about it, or about who may record, is the form's.
				const field =
					caught.field === 'seenOn' || caught.field === 'seenByName' ? caught.field : 'form';
				const errors: FormErrors<'seenOn' | 'seenByName'> = { [field]: caught.message };
				return fail(field === 'form' ? 403 : 400, { check: { values, errors } });
			}
			throw caught;
		}
		return { checkDone: m.hp_check_saved({ name: agreement.helper.name }) };
	},

	message: async ({ request, locals, url, params }) => {
		const user = requireUser(locals, url);
		const form = await request.formData();
		const values = { body: text(form, 'body') };
		const parsed = messageSchema.safeParse(values);
		if (!parsed.success) {
			return fail(400, { thread: { values, errors: fieldErrors<'body'>(parsed.error) } });
		}
		const agreement = await getAgreement(locals.supabase, params.id, user.id);
		if (!agreement) error(404, m.ag_not_found());
		// The person of a person's agreement writes for themselves (no organisation).
		const side = agreement.isHelper ? null : writingSide(agreement);
		if (!side && !agreement.isHelper) error(403, m.app_forbidden_not_member());
		try {
			await postMessage(locals.supabase, {
				agreementId: agreement.id,
				organisationId: side,
				body: parsed.data.body
			});
		} catch (caught) {
			if (caught instanceof AgreementRefusal) {
				const errors: FormErrors<'body'> = { [caught.field]: caught.message };
				return fail(caught.status, { thread: { values, errors } });
			}
			throw caught;
		}
		mailInBackground(url.origin);
		return { sent: m.ag_message_sent() };
	}
} satisfies Actions;
