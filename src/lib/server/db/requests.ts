// Requests: what academies ask for. RLS decides who reads and writes; these functions turn the database's
// refusals into messages next to the right field, by their code.
import type { RequestCardData } from '$lib/exchange-cards';
import type { RequestSort } from '$lib/exchange-sorts';
import type { RequestKind, RequestStatus } from '$lib/exchange-vocabulary';
import { slotValues, type WeeklySlot } from '$lib/schemas/offer';
import type { RequestForm, RequestValues } from '$lib/schemas/request';
import type { Db } from '$lib/server/supabase';
import type { QueryData } from '@supabase/supabase-js';
import { MEMBERS_ONLY, raiseDbError, raiseUnlessCreatedBefore } from './db-errors';
import { cardBase, type CardRowBase } from './list-cards';
import { fetchPage, listPage, OWN_LIST_PAGE_SIZE, type ListPageAnswer, type Page } from './paging';
import { formEuro, formNumber, slotRows, weeklySlots } from './rows';

export type RequestChanges = Omit<RequestForm, 'municipality'> & { municipalityNis: string };

export type RequestDetails = {
	id: string;
	organisationId: string;
	organisation: { name: string; slug: string } | null;
	kind: RequestKind;
	status: RequestStatus;
	title: string;
	description: string;
	quantity: string | null;
	people: number | null;
	amountEur: number | null;
	municipalityNis: string;
	municipalityName: string;
	domains: string[];
	ageMin: number | null;
	ageMax: number | null;
	neededFrom: string | null;
	neededUntil: string | null;
	deadline: string | null;
	slots: WeeklySlot[];
};

const SELECT = `id, organisation_id, kind, status, title, description, quantity, people, amount_eur,
	municipality_nis, domains, age_min, age_max, needed_from, needed_until, deadline,
	organisations(name, slug), municipalities(name_nl), request_slots(weekday, starts_at, ends_at)`;

const selectRequests = (db: Db) => db.from('requests').select(SELECT);
type Row = QueryData<ReturnType<typeof selectRequests>>[number];

export function toDetails(row: Row): RequestDetails {
	return {
		id: row.id,
		organisationId: row.organisation_id,
		organisation: row.organisations,
		kind: row.kind as RequestKind,
		status: row.status as RequestStatus,
		title: row.title,
		description: row.description,
		quantity: row.quantity,
		people: row.people,
		amountEur: row.amount_eur,
		municipalityNis: row.municipality_nis,
		municipalityName: row.municipalities?.name_nl ?? row.municipality_nis,
		domains: row.domains,
		ageMin: row.age_min,
		ageMax: row.age_max,
		neededFrom: row.needed_from,
		neededUntil: row.needed_until,
		deadline: row.deadline,
		slots: weeklySlots(row.request_slots)
	};
}

/** One request the caller may read (open/in progress for everyone, all of their own academy's); else null. */
export async function getRequest(db: Db, id: string): Promise<RequestDetails | null> {
	const { data, error } = await selectRequests(db).eq('id', id).maybeSingle();
	if (error) throw error;
	return data ? toDetails(data) : null;
}

/** One page of an organisation's requests, newest first (RLS: its members see closed ones too). */
export async function listOrganisationRequests(
	db: Db,
	organisationId: string,
	page: number
): Promise<Page<RequestDetails>> {
	const found = await fetchPage(page, OWN_LIST_PAGE_SIZE, ({ from, to }) =>
		db
			.from('requests')
			.select(SELECT, { count: 'exact' })
			.eq('organisation_id', organisationId)
			.order('created_at', { ascending: false })
			.order('id')
			.range(from, to)
	);
	return { ...found, rows: found.rows.map(toDetails) };
}

export type RequestFilters = {
	kind: RequestKind | null;
	municipalityNis: string | null;
	sort: RequestSort;
	page: number;
};

export const REQUESTS_PAGE_SIZE = 24;

const LIVE = ['open', 'in_progress'];

/** Open and in-progress requests in these municipalities (a community's places), newest first. */
export async function listLiveRequestsIn(
	db: Db,
	municipalities: readonly string[],
	limit: number
): Promise<RequestDetails[]> {
	if (municipalities.length === 0) return [];
	const { data, error } = await db
		.from('requests')
		.select(SELECT)
		.in('status', LIVE)
		.in('municipality_nis', municipalities)
		.order('created_at', { ascending: false })
		.order('id')
		.limit(limit);
	if (error) throw error;
	return data.map(toDetails);
}

/**
 * One page of open and in-progress requests for the public list as their cards show them, in the chosen
 * order, with how many match the filters and how many there are in all: one call (live_requests_page(); a
 * page past the end is the last one).
 */
export async function listLiveRequests(
	db: Db,
	filters: RequestFilters
): Promise<Page<RequestCardData> & { all: number }> {
	const { data, error } = await db.rpc('live_requests_page', {
		p_kind: filters.kind ?? undefined,
		p_nis: filters.municipalityNis ?? undefined,
		p_sort: filters.sort,
		p_page: filters.page,
		p_page_size: REQUESTS_PAGE_SIZE
	});
	if (error) throw error;
	return listPage(data as unknown as ListPageAnswer<CardRow>, REQUESTS_PAGE_SIZE, requestCardOf);
}

/** A request as its card shows it, from a card row of live_requests_page() or community_page(). */
export function requestCardOf(row: CardRow): RequestCardData {
	return {
		...cardBase(row),
		neededFrom: row.needed_from,
		neededUntil: row.needed_until,
		deadline: row.deadline
	};
}

/** A card row of live_requests_page() and community_page(): what a request's card shows. */
export type CardRow = CardRowBase & {
	needed_from: string | null;
	needed_until: string | null;
	deadline: string | null;
};

function columns(changes: RequestChanges) {
	return {
		title: changes.title,
		description: changes.description,
		quantity: changes.quantity,
		people: changes.people,
		amount_eur: changes.amountEur,
		municipality_nis: changes.municipalityNis,
		domains: changes.domains,
		age_min: changes.ageMin,
		age_max: changes.ageMax,
		needed_from: changes.neededFrom,
		needed_until: changes.neededUntil,
		deadline: changes.deadline
	};
}

/**
 * Saves the request with its weekly slots in one transaction (save_request, security invoker: RLS
 * decides). A refused slot leaves nothing written.
 */
async function saveRequest(
	db: Db,
	{
		id,
		organisationId,
		changes,
		create
	}: { id: string; organisationId: string; changes: RequestChanges; create: boolean }
): Promise<void> {
	const { error } = await db.rpc('save_request', {
		p_id: id,
		p_organisation_id: organisationId,
		p_request: { kind: changes.kind, ...columns(changes) },
		p_slots: slotRows(changes.slots),
		p_create: create
	});
	if (error) {
		await raiseUnlessCreatedBefore(error, {
			create,
			organisationId,
			find: () => getRequest(db, id)
		});
	}
}

/** Creates a request with its weekly slots, all or nothing; the id is chosen by the form (sending twice creates one). */
export async function createRequest(
	db: Db,
	{ id, organisationId, changes }: { id: string; organisationId: string; changes: RequestChanges }
): Promise<string> {
	await saveRequest(db, { id, organisationId, changes, create: true });
	return id;
}

/** Saves an edited request (not its kind) with its weekly slots, all or nothing. A closed one is refused. */
export async function updateRequest(
	db: Db,
	id: string,
	organisationId: string,
	changes: RequestChanges
): Promise<void> {
	await saveRequest(db, { id, organisationId, changes, create: false });
}

/** Closes a request (final). A request that is already closed or fulfilled gets the database's message. */
export async function closeRequest(db: Db, id: string): Promise<boolean> {
	const { data, error } = await db
		.from('requests')
		.update({ status: 'closed' })
		.eq('id', id)
		.select('id');
	if (error) raiseDbError(error, MEMBERS_ONLY);
	return (data ?? []).length > 0;
}

/** The form's values for an existing request. */
export function requestValues(request: RequestDetails, municipalityLabel: string): RequestValues {
	return {
		kind: request.kind,
		title: request.title,
		description: request.description,
		quantity: request.quantity ?? '',
		people: formNumber(request.people),
		amountEur: formEuro(request.amountEur),
		municipality: municipalityLabel,
		ageMin: formNumber(request.ageMin),
		ageMax: formNumber(request.ageMax),
		neededFrom: request.neededFrom ?? '',
		neededUntil: request.neededUntil ?? '',
		deadline: request.deadline ?? '',
		domains: request.domains,
		...slotValues(request.slots)
	};
}

/**
 * Proposes an agreement between a request and an offer (the caller's side proposes). For a room, the
 * booking (weekday, hours, first and last day) is required. Returns the agreement's id.
 */
export async function proposeAgreement(
	db: Db,
	proposal: {
		requestId: string;
		offerId: string;
		booking?: { weekday: number; starts: string; ends: string; from: string; until: string };
	}
): Promise<string> {
	const { data, error } = await db.rpc('propose_agreement', {
		p_request_id: proposal.requestId,
		p_offer_id: proposal.offerId,
		...(proposal.booking
			? {
					p_booking_weekday: proposal.booking.weekday,
					p_booking_starts: proposal.booking.starts,
					p_booking_ends: proposal.booking.ends,
					p_booking_from: proposal.booking.from,
					p_booking_until: proposal.booking.until
				}
			: {})
	});
	if (error) raiseDbError(error, MEMBERS_ONLY);
	return data;
}

/** The ids of the academies the signed-in person belongs to. */
export async function myAcademyIds(db: Db, userId: string): Promise<string[]> {
	const { data, error } = await db
		.from('memberships')
		.select('organisation_id, organisations(kind)')
		.eq('user_id', userId);
	if (error) throw error;
	return data
		.filter((row) => row.organisations?.kind === 'academy')
		.map((row) => row.organisation_id);
}
