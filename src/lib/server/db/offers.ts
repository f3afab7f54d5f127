// Offers: a school's rooms and a company's pledges. RLS decides who reads and writes; these functions turn
// the database's refusals into messages next to the right field, by their code.
import type { OfferCardData } from '$lib/exchange-cards';
import type { OfferSort } from '$lib/exchange-sorts';
import type { OfferKind, OfferStatus } from '$lib/exchange-vocabulary';
import type { OfferForm, OfferValues, WeeklySlot } from '$lib/schemas/offer';
import { slotValues } from '$lib/schemas/offer';
import type { Db } from '$lib/server/supabase';
import type { QueryData } from '@supabase/supabase-js';
import { raiseUnlessCreatedBefore } from './db-errors';
import { cardBase, type CardRowBase } from './list-cards';
import { fetchPage, listPage, OWN_LIST_PAGE_SIZE, type ListPageAnswer, type Page } from './paging';
import { formEuro, formNumber, slotRows, weeklySlots } from './rows';

export type OfferChanges = Omit<OfferForm, 'municipality' | 'areaMunicipalities'> & {
	municipalityNis: string;
	/** NIS codes of the municipalities the offer serves (besides or instead of a radius). */
	areaMunicipalities: string[];
};

export type OfferDetails = {
	id: string;
	organisationId: string;
	organisation: { name: string; slug: string; kind: string } | null;
	kind: OfferKind;
	status: OfferStatus;
	title: string;
	description: string;
	municipalityNis: string;
	municipalityName: string;
	radiusKm: number | null;
	areaMunicipalities: string[];
	domains: string[];
	ageMin: number | null;
	ageMax: number | null;
	roomType: string | null;
	capacity: number | null;
	equipment: string | null;
	accessible: boolean | null;
	conditions: string[];
	feeEur: number | null;
	termStart: string | null;
	termEnd: string | null;
	people: number | null;
	hoursPerYear: number | null;
	materials: string | null;
	quantity: number | null;
	amountEur: number | null;
	slots: WeeklySlot[];
	unavailableDates: string[];
};

export type OfferSummary = Pick<
	OfferDetails,
	| 'id'
	| 'kind'
	| 'status'
	| 'title'
	| 'municipalityName'
	| 'roomType'
	| 'capacity'
	| 'people'
	| 'amountEur'
	| 'organisation'
>;

export const OFFER_SELECT = `id, organisation_id, kind, status, title, description, municipality_nis, radius_km, area_municipalities, domains,
	age_min, age_max, room_type, capacity, equipment, accessible, conditions, fee_eur, term_start, term_end,
	people, hours_per_year, materials, quantity, amount_eur,
	organisations(name, slug, kind), municipalities(name_nl),
	offer_slots(weekday, starts_at, ends_at), offer_unavailable_dates(day)`;

// For the type only: what the select with its embeds answers.
const _selectOffers = (db: Db) => db.from('offers').select(OFFER_SELECT);
/** An offer as OFFER_SELECT reads it (and private.offer_json() builds it). */
type Row = QueryData<ReturnType<typeof _selectOffers>>[number];

export function toDetails(row: Row): OfferDetails {
	return {
		id: row.id,
		organisationId: row.organisation_id,
		organisation: row.organisations,
		kind: row.kind as OfferKind,
		status: row.status as OfferStatus,
		title: row.title,
		description: row.description,
		municipalityNis: row.municipality_nis,
		municipalityName: row.municipalities?.name_nl ?? row.municipality_nis,
		radiusKm: row.radius_km,
		areaMunicipalities: row.area_municipalities,
		domains: row.domains,
		ageMin: row.age_min,
		ageMax: row.age_max,
		roomType: row.room_type,
		capacity: row.capacity,
		equipment: row.equipment,
		accessible: row.accessible,
		conditions: row.conditions,
		feeEur: row.fee_eur,
		termStart: row.term_start,
		termEnd: row.term_end,
		people: row.people,
		hoursPerYear: row.hours_per_year,
		materials: row.materials,
		quantity: row.quantity,
		amountEur: row.amount_eur,
		slots: weeklySlots(row.offer_slots),
		unavailableDates: row.offer_unavailable_dates.map((d) => d.day).sort()
	};
}

/**
 * One offer the caller may read (active ones for everyone, all of their own organisation's); else null.
 * One call, offer_page(): private.offer_json()'s object, the columns and embeds of OFFER_SELECT. It costs
 * PostgREST a fifth of the CPU of that select with its embeds.
 */
export async function getOffer(db: Db, id: string): Promise<OfferDetails | null> {
	const { data, error } = await db.rpc('offer_page', { p_id: id });
	if (error) throw error;
	return data ? toDetails(data as unknown as Row) : null;
}

/** One page of an organisation's offers, newest first (RLS: its members see paused and withdrawn ones too). */
export async function listOrganisationOffers(
	db: Db,
	organisationId: string,
	page: number
): Promise<Page<OfferDetails>> {
	const found = await fetchPage(page, OWN_LIST_PAGE_SIZE, ({ from, to }) =>
		db
			.from('offers')
			.select(OFFER_SELECT, { count: 'exact' })
			.eq('organisation_id', organisationId)
			.order('created_at', { ascending: false })
			.order('id')
			.range(from, to)
	);
	return { ...found, rows: found.rows.map(toDetails) };
}

export type OfferFilters = {
	kind: OfferKind | null;
	municipalityNis: string | null;
	sort: OfferSort;
	page: number;
};

export const OFFERS_PAGE_SIZE = 24;

/**
 * The active offers with these ids, in the order given (a community's offers that reach its places come
 * from community_offer_ids(), newest first).
 */
export async function listActiveOffersByIds(
	db: Db,
	ids: readonly string[]
): Promise<OfferDetails[]> {
	if (ids.length === 0) return [];
	const { data, error } = await db
		.from('offers')
		.select(OFFER_SELECT)
		.eq('status', 'active')
		.in('id', ids);
	if (error) throw error;
	const byId = new Map(data.map((row) => [row.id, toDetails(row)]));
	return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * One page of active offers for the public list as their cards show them, in the chosen order, with how
 * many match the filters and how many there are in all: one call (active_offers_page(); a page past the
 * end is the last one).
 */
export async function listActiveOffers(
	db: Db,
	filters: OfferFilters
): Promise<Page<OfferCardData> & { all: number }> {
	const { data, error } = await db.rpc('active_offers_page', {
		p_kind: filters.kind ?? undefined,
		p_nis: filters.municipalityNis ?? undefined,
		p_sort: filters.sort,
		p_page: filters.page,
		p_page_size: OFFERS_PAGE_SIZE
	});
	if (error) throw error;
	return listPage(data as unknown as ListPageAnswer<CardRow>, OFFERS_PAGE_SIZE, offerCardOf);
}

/** An offer as its card shows it, from a card row of active_offers_page() or community_page(). */
export function offerCardOf(row: CardRow): OfferCardData {
	return {
		...cardBase(row),
		roomType: row.room_type,
		capacity: row.capacity,
		people: row.people,
		hoursPerYear: row.hours_per_year,
		amountEur: row.amount_eur,
		termStart: row.term_start
	};
}

/** A card row of active_offers_page() and community_page(): what an offer's card shows. */
export type CardRow = CardRowBase & {
	room_type: string | null;
	capacity: number | null;
	people: number | null;
	hours_per_year: number | null;
	amount_eur: number | null;
	term_start: string | null;
};

function columns(changes: OfferChanges) {
	const room = changes.room;
	const pledge = changes.pledge;
	return {
		title: changes.title,
		description: changes.description,
		municipality_nis: changes.municipalityNis,
		radius_km: changes.radiusKm,
		area_municipalities: changes.areaMunicipalities,
		domains: changes.domains,
		age_min: changes.ageMin,
		age_max: changes.ageMax,
		room_type: room?.roomType ?? null,
		capacity: room?.capacity ?? null,
		equipment: room?.equipment ?? null,
		accessible: room ? room.accessible : null,
		conditions: room?.conditions ?? [],
		fee_eur: room?.feeEur ?? null,
		term_start: room?.termStart ?? null,
		term_end: room?.termEnd ?? null,
		people: pledge?.people ?? null,
		hours_per_year: pledge?.hoursPerYear ?? null,
		materials: pledge?.materials ?? null,
		quantity: pledge?.quantity ?? null,
		amount_eur: pledge?.amountEur ?? null
	};
}

/**
 * Saves the offer, its weekly slots and its days off in one transaction (save_offer, security invoker: RLS
 * decides). A refused slot leaves nothing written.
 */
async function saveOffer(
	db: Db,
	{
		id,
		organisationId,
		changes,
		create
	}: { id: string; organisationId: string; changes: OfferChanges; create: boolean }
): Promise<void> {
	const { error } = await db.rpc('save_offer', {
		p_id: id,
		p_organisation_id: organisationId,
		p_offer: { kind: changes.kind, ...columns(changes) },
		p_slots: slotRows(changes.slots),
		p_unavailable_dates: changes.unavailableDates,
		p_create: create
	});
	if (error) {
		await raiseUnlessCreatedBefore(error, { create, organisationId, find: () => getOffer(db, id) });
	}
}

/**
 * Creates an offer with its slots and days off, all or nothing. The id is chosen by the form, so sending it
 * twice creates one offer.
 */
export async function createOffer(
	db: Db,
	{ id, organisationId, changes }: { id: string; organisationId: string; changes: OfferChanges }
): Promise<string> {
	await saveOffer(db, { id, organisationId, changes, create: true });
	return id;
}

/** Saves an edited offer (its kind and organisation stay) with its slots and days off, all or nothing. */
export async function updateOffer(
	db: Db,
	id: string,
	organisationId: string,
	changes: OfferChanges
): Promise<void> {
	await saveOffer(db, { id, organisationId, changes, create: false });
}

/** Pauses, reactivates or withdraws an offer. Returns false when the caller could not change it. */
export async function setOfferStatus(db: Db, id: string, status: OfferStatus): Promise<boolean> {
	const { data, error } = await db.from('offers').update({ status }).eq('id', id).select('id');
	if (error) throw error;
	return (data ?? []).length > 0;
}

/** The form's values for an existing offer. */
export function offerValues(
	offer: OfferDetails,
	municipalityLabel: string,
	areaLabels: readonly string[] = []
): OfferValues {
	return {
		kind: offer.kind,
		title: offer.title,
		description: offer.description,
		municipality: municipalityLabel,
		radiusKm: formNumber(offer.radiusKm),
		areaMunicipalities: areaLabels.join('\n'),
		ageMin: formNumber(offer.ageMin),
		ageMax: formNumber(offer.ageMax),
		roomType: offer.roomType ?? '',
		capacity: formNumber(offer.capacity),
		equipment: offer.equipment ?? '',
		accessible: offer.accessible ? 'on' : '',
		feeEur: formEuro(offer.feeEur),
		termStart: offer.termStart ?? '',
		termEnd: offer.termEnd ?? '',
		people: formNumber(offer.people),
		hoursPerYear: formNumber(offer.hoursPerYear),
		materials: offer.materials ?? '',
		quantity: formNumber(offer.quantity),
		amountEur: formEuro(offer.amountEur),
		unavailableDates: offer.unavailableDates.join('\n'),
		domains: offer.domains,
		conditions: offer.conditions,
		...slotValues(offer.slots)
	};
}
