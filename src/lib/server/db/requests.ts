// Requests: what academies ask for. RLS decides who reads and writes; these functions turn the database's
// refusals into Dutch messages next to the right field.
import type { RequestKind, RequestStatus } from '$lib/exchange-vocabulary';
import { slotValues, type WeeklySlot } from '$lib/schemas/offer';
import type { RequestForm, RequestValues } from '$lib/schemas/request';
import { m } from '$lib/paraglide/messages';
import type { Db } from '$lib/server/supabase';
import { DbFieldError, NOT_FOUND, raiseDbError, type DbErrorRule } from './db-errors';
import { isUuid, weeklySlots } from './rows';

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

type Field = keyof RequestValues;

const REQUEST_RULES: readonly DbErrorRule<Field>[] = [
	{ message: /afgesloten/i, field: 'form' },
	{ message: /academie kan iets vragen/i, field: 'form' },
	{ message: /bedrag/i, field: 'amountEur' },
	{ message: /aantal mensen/i, field: 'people' },
	{ message: /einddatum/i, field: 'neededUntil' },
	{ message: /leeftijd/i, field: 'ageMax' },
	{ message: /einduur/i, field: 'slotEnd0' },
	{ message: /dag van maandag/i, field: 'slotDay0' },
	{ message: /huidige gemeente/i, field: 'municipality' },
	{ message: /hoogstens \d+ wekelijkse momenten/, field: 'slotDay0' },
	{ code: '42501', field: 'form' },
	{ code: '23514', field: 'form' }
];

const SELECT = `id, organisation_id, kind, status, title, description, quantity, people, amount_eur,
	municipality_nis, domains, age_min, age_max, needed_from, needed_until, deadline,
	organisations(name, slug), municipalities(name_nl), request_slots(weekday, starts_at, ends_at)`;

type Row = {
	id: string;
	organisation_id: string;
	kind: string;
	status: string;
	title: string;
	description: string;
	quantity: string | null;
	people: number | null;
	amount_eur: number | string | null;
	municipality_nis: string;
	domains: string[];
	age_min: number | null;
	age_max: number | null;
	needed_from: string | null;
	needed_until: string | null;
	deadline: string | null;
	organisations: { name: string; slug: string } | null;
	municipalities: { name_nl: string } | null;
	request_slots: { weekday: number; starts_at: string; ends_at: string }[];
};

function toDetails(row: Row): RequestDetails {
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
		amountEur: row.amount_eur === null ? null : Number(row.amount_eur),
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
	if (!isUuid(id)) return null;
	const { data, error } = await db.from('requests').select(SELECT).eq('id', id).maybeSingle();
	if (error) throw error;
	return data ? toDetails(data as unknown as Row) : null;
}

/** All requests of one academy (RLS: its members see closed ones too), newest first. */
export async function listOrganisationRequests(
	db: Db,
	organisationId: string
): Promise<RequestDetails[]> {
	const { data, error } = await db
		.from('requests')
		.select(SELECT)
		.eq('organisation_id', organisationId)
		.order('created_at', { ascending: false });
	if (error) throw error;
	return (data as unknown as Row[]).map(toDetails);
}

export type RequestFilters = { kind: RequestKind | null; municipalityNis: string | null };

/** Open and in-progress requests for the public list, newest first. */
export async function listLiveRequests(
	db: Db,
	filters: RequestFilters,
	limit = 50
): Promise<RequestDetails[]> {
	let query = db.from('requests').select(SELECT).in('status', ['open', 'in_progress']);
	if (filters.kind) query = query.eq('kind', filters.kind);
	if (filters.municipalityNis) query = query.eq('municipality_nis', filters.municipalityNis);
	const { data, error } = await query.order('created_at', { ascending: false }).limit(limit);
	if (error) throw error;
	return (data as unknown as Row[]).map(toDetails);
}

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
		p_slots: changes.slots.map((slot) => ({
			weekday: slot.weekday,
			starts_at: slot.startsAt,
			ends_at: slot.endsAt
		})),
		p_create: create
	});
	if (!error) return;
	if (create && (error.code === '23505' || error.code === NOT_FOUND)) {
		// The same form sent twice at the same moment: the first one created it. Another organisation's id
		// is refused (NOT_FOUND, "bestaat niet") and never counts as created.
		const existing = await getRequest(db, id);
		if (existing?.organisationId === organisationId) return;
	}
	if (error.code === NOT_FOUND) throw new DbFieldError('form', m.ex_request_not_found());
	raiseDbError(error, REQUEST_RULES);
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
	if (error) raiseDbError(error, REQUEST_RULES);
	return (data ?? []).length > 0;
}

/** The form's values for an existing request. */
export function requestValues(request: RequestDetails, municipalityLabel: string): RequestValues {
	const text = (value: number | string | null) => (value === null ? '' : String(value));
	return {
		kind: request.kind,
		title: request.title,
		description: request.description,
		quantity: request.quantity ?? '',
		people: text(request.people),
		amountEur: request.amountEur === null ? '' : String(request.amountEur).replace('.', ','),
		municipality: municipalityLabel,
		ageMin: text(request.ageMin),
		ageMax: text(request.ageMax),
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
	if (error) {
		if (['23514', '23P01', '22023', NOT_FOUND, '42501'].includes(error.code)) {
			throw new DbFieldError('form', error.message);
		}
		throw error;
	}
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
