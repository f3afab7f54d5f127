// Agreements between an academy's request and an offer: the list of my organisations' agreements, one
// agreement with its history, thread and bookings, status changes through set_agreement_status(), and
// messages. RLS and the RPC decide; their refusals come back as AgreementRefusal.
import { m } from '$lib/paraglide/messages';
import type { AgreementStatus } from '$lib/exchange-vocabulary';
import { pageHeader } from '$lib/server/page-header';
import type { Db } from '$lib/server/supabase';
import type { PostgrestError } from '@supabase/supabase-js';
import { DbFieldError, fieldErrorFor, NOT_FOUND, RLS_DENIED, type Refusals } from './db-errors';
import { pageCount } from '$lib/paging';
import type { Page } from './paging';

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
	/** "Wie komt er?": the names on it, alphabetically (empty when the caller may not read them). */
	volunteers: { id: string; name: string }[];
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

type Part = { id: string; title: string; kind: string; description: string };

/** An agreement with its request, offer and sides, as agreement_page and my_agreements_page give it. */
type SummaryRow = {
	id: string;
	status: string;
	updated_at: string;
	academy_id: string;
	offer_id: string | null;
	provider_id: string | null;
	proposed_by_organisation: string | null;
	helper_id: string | null;
	request: Part | null;
	offer: Part | null;
	academy: Party | null;
	provider: Party | null;
};

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

/**
 * One page of the agreements of the person's organisations, last changed first, and how many in all: one
 * API round trip (my_agreements_page, security invoker: the caller's RLS decides, as it did for the
 * separate requests), with the page's header. A page past the end shows the last page.
 */
export async function listMyAgreements(db: Db, page: number): Promise<Page<AgreementSummary>> {
	const { data, error } = await db.rpc('my_agreements_page', {
		p_page: page,
		p_size: AGREEMENTS_PAGE_SIZE
	});
	if (error) throw error;
	const found = data as {
		total: number;
		page: number;
		rows: SummaryRow[];
		names: Record<string, string>;
		account: unknown;
	};
	pageHeader(db, found.account);
	const names = new Map(Object.entries(found.names));
	return {
		rows: found.rows.map((row) => toSummary(row, names)),
		total: found.total,
		page: found.page,
		pageCount: pageCount(found.total, AGREEMENTS_PAGE_SIZE)
	};
}

type DetailRow = SummaryRow & {
	booking_weekday: number | null;
	booking_starts: string | null;
	booking_ends: string | null;
	booking_from: string | null;
	booking_until: string | null;
	given_sessions: number | null;
	given_hours: number | null;
	given_items: number | null;
	thank_you: string | null;
	first_session_on: string | null;
	helper_availability: string | null;
};

/** What agreement_page() answers: the rows the separate requests of before gave, under the same RLS. */
type AgreementPageRow = {
	agreement: DetailRow;
	events: {
		id: number;
		status: string;
		actor: string | null;
		organisation_id: string | null;
		note: string | null;
		created_at: string;
	}[];
	messages: {
		id: number;
		body: string;
		author: string | null;
		organisation_id: string;
		created_at: string;
	}[];
	bookings: number;
	my_sides: string[];
	names: Record<string, string>;
	volunteers: { id: string; name: string }[];
	/** The page's header (src/lib/server/page-header.ts). */
	account: unknown;
};

/**
 * The agreement page in one API round trip (agreement_page, security invoker: the caller's RLS decides,
 * as it did for the separate requests), with the page's header; null when the agreement is not the
 * person's to see or no uuid.
 */
async function agreementPage(db: Db, id: string): Promise<AgreementPageRow | null> {
	const { data, error } = await db.rpc('agreement_page', { p_id: id });
	if (error) {
		if (error.code === '22P02') return null; // not a uuid
		throw error;
	}
	const page = (data as AgreementPageRow | null) ?? null;
	pageHeader(db, page?.account);
	return page;
}

/** One agreement with everything its page shows; null when it does not exist or is not the person's. */
export async function getAgreement(
	db: Db,
	id: string,
	userId: string
): Promise<AgreementDetail | null> {
	const page = await agreementPage(db, id);
	if (!page) return null;
	const row = page.agreement;
	const mySides = page.my_sides;
	const names = new Map(Object.entries(page.names));

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
					sessions: page.bookings
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
		events: page.events.map((event) => ({
			id: event.id,
			status: event.status as AgreementStatus,
			actorName: event.actor ? (names.get(event.actor) ?? null) : null,
			actorGone: event.actor === null,
			organisationName: organisationName(event.organisation_id),
			note: event.note,
			createdAt: event.created_at
		})),
		messages: page.messages.map((message) => ({
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
		helperAvailability: row.helper_availability,
		volunteers: page.volunteers.sort((a, b) => a.name.localeCompare(b.name, 'nl'))
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
