// Agreements between an academy's request and an offer: the list of my organisations' agreements, one
// agreement with its history, thread and bookings, status changes through set_agreement_status(), and
// messages. RLS and the RPC decide; their refusals come back as AgreementRefusal.
import { m } from '$lib/paraglide/messages';
import type { AgreementStatus } from '$lib/exchange-vocabulary';
import type { Db } from '$lib/server/supabase';
import type { PostgrestError, QueryData } from '@supabase/supabase-js';
import { DbFieldError, fieldErrorFor, NOT_FOUND, RLS_DENIED, type Refusals } from './db-errors';
import { fetchPage, type Page } from './paging';

type Party = { id: string; name: string; slug: string };

export type AgreementSummary = {
	id: string;
	status: AgreementStatus;
	requestTitle: string;
	/** On a person's agreement: "Hulp van <name>". */
	offerTitle: string;
	academy: Party;
	/** On a person's agreement: the person, by name (id and slug empty). */
	provider: Party;
	/** A person's agreement ("Ik wil helpen"): the person who helps; null between organisations. */
	helper: Helper | null;
	updatedAt: string;
};

/** The person of a person's agreement; `id` null once their account is gone. */
export type Helper = { id: string | null; name: string };

export type AgreementEvent = {
	id: number;
	status: AgreementStatus;
	/** Null when the profile is hidden from the reader or the account is gone (then actorGone). */
	actorName: string | null;
	/** The account that acted was deleted: shown as "verwijderde gebruiker". */
	actorGone: boolean;
	organisationName: string | null;
	note: string | null;
	createdAt: string;
};

export type AgreementMessage = {
	id: number;
	body: string;
	/** Null when the profile is hidden from the reader or the account is gone (then authorGone). */
	authorName: string | null;
	/** The account that wrote it was deleted: shown as "verwijderde gebruiker". */
	authorGone: boolean;
	organisationName: string;
	createdAt: string;
};

export type AgreementDetail = AgreementSummary & {
	academyId: string;
	providerId: string;
	proposedBy: string;
	request: { id: string; title: string; kind: string; description: string };
	offer: { id: string; title: string; kind: string; description: string };
	booking: {
		weekday: number;
		starts: string;
		ends: string;
		from: string;
		until: string;
		sessions: number;
	} | null;
	given: {
		sessions: number | null;
		hours: number | null;
		items: number | null;
		thankYou: string | null;
	};
	events: AgreementEvent[];
	messages: AgreementMessage[];
	/** Volunteers, expertise, visit: the first session, set by the academy (rooms: booking.from). */
	firstSessionOn: string | null;
	/** The organisations of the two sides the signed-in person belongs to. */
	mySides: string[];
	/** The signed-in person is the helper of this person's agreement. */
	isHelper: boolean;
	/** A person's agreement: when the person said they can help. */
	helperAvailability: string | null;
};

/** A refusal by the database the person should see, with the HTTP status the action answers with. */
export class AgreementRefusal<Field extends string = string> extends DbFieldError<Field> {
	constructor(
		readonly status: number,
		field: Field | 'form',
		message: string
	) {
		super(field, message);
		this.name = 'AgreementRefusal';
	}
}

/** HTTP status per SQLSTATE the agreement functions raise. */
const STATUS_BY_SQLSTATE: Readonly<Record<string, number>> = {
	'42501': 403,
	[NOT_FOUND]: 404,
	'23P01': 409,
	'23514': 409,
	'22023': 400
};

/**
 * Turns a refusal into an AgreementRefusal: the message and field by the refusal's code (`overrides`
 * first, then the table of all refusals), the HTTP status by its SQLSTATE. Anything else is thrown as is.
 */
export function refusalFor(
	error: PostgrestError,
	{
		overrides,
		statuses = STATUS_BY_SQLSTATE
	}: { overrides?: Refusals; statuses?: Readonly<Record<string, number>> } = {}
): AgreementRefusal {
	const status = statuses[error.code];
	const mapped = status ? fieldErrorFor(error, overrides) : null;
	if (!status || !mapped) throw error;
	return new AgreementRefusal(status, mapped.field, mapped.message);
}

const SUMMARY_COLUMNS = `id, status, updated_at, academy_id, offer_id, provider_id, proposed_by_organisation,
	helper_id,
	request:requests!agreements_request_id_fkey(id, title, kind, description),
	offer:offers!agreements_offer_id_fkey(id, title, kind, description),
	academy:organisations!agreements_academy_id_fkey(id, name, slug),
	provider:organisations!agreements_provider_id_fkey(id, name, slug)`;

const DETAIL_COLUMNS =
	`${SUMMARY_COLUMNS}, booking_weekday, booking_starts, booking_ends, booking_from,
	booking_until, given_sessions, given_hours, given_items, thank_you, first_session_on,
	helper_availability` as const;

/** The organisations the person belongs to. */
async function myOrganisationIds(db: Db, userId: string): Promise<string[]> {
	const { data, error } = await db
		.from('memberships')
		.select('organisation_id')
		.eq('user_id', userId);
	if (error) throw error;
	return data.map((row) => row.organisation_id);
}

const selectSummaries = (db: Db) =>
	db.from('agreements').select(SUMMARY_COLUMNS, { count: 'exact' });
type SummaryRow = QueryData<ReturnType<typeof selectSummaries>>[number];

const unknownParty: Party = { id: '', name: '?', slug: '' };

function toSummary(row: SummaryRow, names: Map<string, string>): AgreementSummary {
	// A person's agreement has no offer: the person stands where the offer and its organisation stand.
	const helper: Helper | null =
		row.offer_id === null
			? {
					id: row.helper_id,
					name: row.helper_id ? (names.get(row.helper_id) ?? m.ag_someone()) : m.data_deleted_user()
				}
			: null;
	return {
		id: row.id,
		status: row.status as AgreementStatus,
		requestTitle: row.request?.title ?? '?',
		offerTitle: helper ? m.hp_offer_title({ name: helper.name }) : (row.offer?.title ?? '?'),
		academy: row.academy ?? unknownParty,
		provider: helper ? { id: '', name: helper.name, slug: '' } : (row.provider ?? unknownParty),
		helper,
		updatedAt: row.updated_at
	};
}

/** The agreements of the person's own organisations (network staff see only theirs here too), newest first. */
export const AGREEMENTS_PAGE_SIZE = 20;

/** One page of the agreements of the person's organisations, last changed first, and how many in all. */
export async function listMyAgreements(
	db: Db,
	userId: string,
	page: number
): Promise<Page<AgreementSummary>> {
	const ids = await myOrganisationIds(db, userId);
	const list = ids.join(',');
	// The organisations' agreements and the ones in which the person helps themselves.
	const mine = [
		...(ids.length > 0 ? [`academy_id.in.(${list})`, `provider_id.in.(${list})`] : []),
		`helper_id.eq.${userId}`
	].join(',');
	const found = await fetchPage(page, AGREEMENTS_PAGE_SIZE, ({ from, to }) =>
		selectSummaries(db)
			.or(mine)
			.order('updated_at', { ascending: false })
			.order('id')
			.range(from, to)
	);
	const names = await displayNames(
		db,
		found.rows.map((row) => row.helper_id)
	);
	return { ...found, rows: found.rows.map((row) => toSummary(row, names)) };
}

/** Display names of people whose profiles allow it. */
async function displayNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
	const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
	const names = new Map<string, string>();
	if (wanted.length === 0) return names;
	const { data, error } = await db.from('profiles').select('id, display_name').in('id', wanted);
	if (error) throw error;
	for (const row of data) names.set(row.id, row.display_name);
	return names;
}

/** One agreement with everything its page shows; null when it does not exist or is not the person's. */
export async function getAgreement(
	db: Db,
	id: string,
	userId: string
): Promise<AgreementDetail | null> {
	// One wave: the agreement and its parts (RLS shows the parts only with the agreement itself) and the
	// person's memberships, narrowed to the agreement's two sides below.
	const [found, events, messages, bookings, memberships] = await Promise.all([
		db.from('agreements').select(DETAIL_COLUMNS).eq('id', id).maybeSingle(),
		db
			.from('agreement_events')
			.select('id, status, actor, organisation_id, note, created_at')
			.eq('agreement_id', id)
			.order('id'),
		db
			.from('agreement_messages')
			.select('id, body, author, organisation_id, created_at')
			.eq('agreement_id', id)
			.order('id'),
		db.from('room_bookings').select('id', { count: 'exact', head: true }).eq('agreement_id', id),
		db.from('memberships').select('organisation_id').eq('user_id', userId)
	]);
	const { data: row, error } = found;
	if (error) {
		if (error.code === '22P02') return null; // not a uuid
		throw error;
	}
	if (!row) return null;
	for (const result of [events, messages, bookings, memberships]) {
		if (result.error) throw result.error;
	}
	const mySides = (memberships.data ?? [])
		.map((membership) => membership.organisation_id)
		.filter((id) => id === row.academy_id || id === row.provider_id);

	const names = await displayNames(db, [
		row.helper_id,
		...(events.data ?? []).map((event) => event.actor),
		...(messages.data ?? []).map((message) => message.author)
	]);
	const summary = toSummary(row, names);
	// On a person's agreement the person's side is no organisation: said as "in their own name".
	const organisationName = (organisationId: string | null) =>
		organisationId === summary.academy.id
			? summary.academy.name
			: summary.helper
				? m.hp_side_person()
				: organisationId === summary.provider.id
					? summary.provider.name
					: null;

	const booking =
		row.booking_weekday !== null &&
		row.booking_starts &&
		row.booking_ends &&
		row.booking_from &&
		row.booking_until
			? {
					weekday: row.booking_weekday,
					starts: row.booking_starts.slice(0, 5),
					ends: row.booking_ends.slice(0, 5),
					from: row.booking_from,
					until: row.booking_until,
					sessions: bookings.count ?? 0
				}
			: null;

	return {
		...summary,
		academyId: row.academy_id,
		providerId: row.provider_id ?? '',
		proposedBy: row.proposed_by_organisation ?? '',
		request: row.request ?? { id: '', title: '?', kind: '', description: '' },
		offer: row.offer ?? { id: '', title: '?', kind: '', description: '' },
		booking,
		given: {
			sessions: row.given_sessions,
			hours: row.given_hours,
			items: row.given_items,
			thankYou: row.thank_you
		},
		events: (events.data ?? []).map((event) => ({
			id: event.id,
			status: event.status as AgreementStatus,
			actorName: event.actor ? (names.get(event.actor) ?? null) : null,
			actorGone: event.actor === null,
			organisationName: organisationName(event.organisation_id),
			note: event.note,
			createdAt: event.created_at
		})),
		messages: (messages.data ?? []).map((message) => ({
			id: message.id,
			body: message.body,
			authorName: message.author ? (names.get(message.author) ?? null) : null,
			authorGone: message.author === null,
			organisationName: organisationName(message.organisation_id) ?? '?',
			createdAt: message.created_at
		})),
		firstSessionOn: row.first_session_on,
		mySides,
		isHelper: row.helper_id !== null && row.helper_id === userId,
		helperAvailability: row.helper_availability
	};
}

export type StatusChange = {
	status: Exclude<AgreementStatus, 'proposed'>;
	note?: string | null;
	givenSessions?: number | null;
	givenHours?: number | null;
	givenItems?: number | null;
	thankYou?: string | null;
};

/**
 * Changes the status through set_agreement_status(). The same status again is a no-op (a double click);
 * a refusal (wrong side, closed request, overlapping room) throws an AgreementRefusal with its message.
 */
export async function setAgreementStatus(db: Db, id: string, change: StatusChange): Promise<void> {
	const { error } = await db.rpc('set_agreement_status', {
		p_agreement_id: id,
		p_status: change.status,
		...(change.note ? { p_note: change.note } : {}),
		...(change.givenSessions != null ? { p_given_sessions: change.givenSessions } : {}),
		...(change.givenHours != null ? { p_given_hours: change.givenHours } : {}),
		...(change.givenItems != null ? { p_given_items: change.givenItems } : {}),
		...(change.thankYou ? { p_thank_you: change.thankYou } : {})
	});
	if (error) throw refusalFor(error, { overrides: answerRefusals(change.status) });
}

/** Only the other side answers a proposal: said for the answer that was tried. */
function answerRefusals(status: StatusChange['status']): Refusals {
	const message =
		status === 'accepted'
			? m.dberr_agreements_accepted_by_the_other_side
			: status === 'declined'
				? m.dberr_agreements_declined_by_the_other_side
				: m.dberr_agreements_answered_by_the_other_side;
	return { agreements_answered_by_the_other_side: { field: 'form', message } };
}

/**
 * Writes a message in the thread for one of the two sides (organisationId null: the person of a person's
 * agreement, for themselves); refusals come back as AgreementRefusal.
 */
export async function postMessage(
	db: Db,
	{
		agreementId,
		organisationId,
		body
	}: { agreementId: string; organisationId: string | null; body: string }
): Promise<void> {
	const { error } = await db
		.from('agreement_messages')
		.insert({ agreement_id: agreementId, organisation_id: organisationId, body });
	if (error) {
		throw refusalFor(error, {
			overrides: { [RLS_DENIED]: { field: 'form', message: m.ag_not_found } },
			statuses: { '42501': 403, '23514': 400, '23503': 404 }
		});
	}
}
