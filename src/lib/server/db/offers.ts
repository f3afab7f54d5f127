// Offers: a school's rooms and a company's pledges. RLS decides who reads and writes; these functions turn
// the database's refusals into Dutch messages next to the right field.
import type { OfferKind, OfferStatus } from '$lib/exchange-vocabulary';
import type { OfferForm, OfferValues, WeeklySlot } from '$lib/schemas/offer';
import { slotValues } from '$lib/schemas/offer';
import { m } from '$lib/paraglide/messages';
import type { Db } from '$lib/server/supabase';
import { DbFieldError, NOT_FOUND, raiseDbError, type DbErrorRule } from './db-errors';
import { isUuid, weeklySlots } from './rows';

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

type Field = keyof OfferValues;

/** Database refusals a person can fix, and the field they belong to (the message is the database's Dutch). */
const OFFER_RULES: readonly DbErrorRule<Field>[] = [
	{ message: /lokaal aanbieden|mensen, materiaal, geld/, field: 'kind' },
	{ message: /capaciteit/i, field: 'capacity' },
	{ message: /vergoeding/i, field: 'feeEur' },
	{ message: /bedrag/i, field: 'amountEur' },
	{ message: /aantal mensen/i, field: 'people' },
	{ message: /uren per jaar/i, field: 'hoursPerYear' },
	{ message: /einddatum/i, field: 'termEnd' },
	{ message: /straal|gemeenten die je bedient/i, field: 'radiusKm' },
	{ message: /leeftijd/i, field: 'ageMax' },
	{ message: /einduur/i, field: 'slotEnd0' },
	{ message: /dag van maandag/i, field: 'slotDay0' },
	{ message: /huidige gemeenten/i, field: 'areaMunicipalities' },
	{ message: /huidige gemeente/i, field: 'municipality' },
	{ message: /hoogstens \d+ dagen/, field: 'unavailableDates' },
	{ message: /hoogstens \d+ wekelijkse momenten/, field: 'slotDay0' },
	{ code: '42501', field: 'form' },
	{ code: '23514', field: 'form' }
];

const SELECT = `id, organisation_id, kind, status, title, description, municipality_nis, radius_km, area_municipalities, domains,
	age_min, age_max, room_type, capacity, equipment, accessible, conditions, fee_eur, term_start, term_end,
	people, hours_per_year, materials, quantity, amount_eur,
	organisations(name, slug, kind), municipalities(name_nl),
	offer_slots(weekday, starts_at, ends_at), offer_unavailable_dates(day)`;

type Row = {
	id: string;
	organisation_id: string;
	kind: string;
	status: string;
	title: string;
	description: string;
	municipality_nis: string;
	radius_km: number | null;
	area_municipalities: string[];
	domains: string[];
	age_min: number | null;
	age_max: number | null;
	room_type: string | null;
	capacity: number | null;
	equipment: string | null;
	accessible: boolean | null;
	conditions: string[];
	fee_eur: number | string | null;
	term_start: string | null;
	term_end: string | null;
	people: number | null;
	hours_per_year: number | null;
	materials: string | null;
	quantity: number | null;
	amount_eur: number | string | null;
	organisations: { name: string; slug: string; kind: string } | null;
	municipalities: { name_nl: string } | null;
	offer_slots: { weekday: number; starts_at: string; ends_at: string }[];
	offer_unavailable_dates: { day: string }[];
};

const num = (value: number | string | null) => (value === null ? null : Number(value));

function toDetails(row: Row): OfferDetails {
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
		feeEur: num(row.fee_eur),
		termStart: row.term_start,
		termEnd: row.term_end,
		people: row.people,
		hoursPerYear: row.hours_per_year,
		materials: row.materials,
		quantity: row.quantity,
		amountEur: num(row.amount_eur),
		slots: weeklySlots(row.offer_slots),
		unavailableDates: row.offer_unavailable_dates.map((d) => d.day).sort()
	};
}

/** One offer the caller may read (active ones for everyone, all of their own organisation's); else null. */
export async function getOffer(db: Db, id: string): Promise<OfferDetails | null> {
	if (!isUuid(id)) return null;
	const { data, error } = await db.from('offers').select(SELECT).eq('id', id).maybeSingle();
	if (error) throw error;
	return data ? toDetails(data as unknown as Row) : null;
}

/** All offers of one organisation (RLS: its members see paused and withdrawn ones too). */
export async function listOrganisationOffers(
	db: Db,
	organisationId: string
): Promise<OfferDetails[]> {
	const { data, error } = await db
		.from('offers')
		.select(SELECT)
		.eq('organisation_id', organisationId)
		.order('created_at', { ascending: false });
	if (error) throw error;
	return (data as unknown as Row[]).map(toDetails);
}

export type OfferFilters = { kind: OfferKind | null; municipalityNis: string | null };

/** Active offers for the public list, newest first. */
export async function listActiveOffers(
	db: Db,
	filters: OfferFilters,
	limit = 50
): Promise<OfferDetails[]> {
	let query = db.from('offers').select(SELECT).eq('status', 'active');
	if (filters.kind) query = query.eq('kind', filters.kind);
	if (filters.municipalityNis) query = query.eq('municipality_nis', filters.municipalityNis);
	const { data, error } = await query.order('created_at', { ascending: false }).limit(limit);
	if (error) throw error;
	return (data as unknown as Row[]).map(toDetails);
}

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
		p_slots: changes.slots.map((slot) => ({
			weekday: slot.weekday,
			starts_at: slot.startsAt,
			ends_at: slot.endsAt
		})),
		p_unavailable_dates: changes.unavailableDates,
		p_create: create
	});
	if (!error) return;
	if (create && (error.code === '23505' || error.code === NOT_FOUND)) {
		// The same form sent twice at the same moment: the first one created it. Another organisation's id
		// is refused (NOT_FOUND, "bestaat niet") and never counts as created.
		const existing = await getOffer(db, id);
		if (existing?.organisationId === organisationId) return;
	}
	if (error.code === NOT_FOUND) throw new DbFieldError('form', m.ex_offer_not_found());
	raiseDbError(error, OFFER_RULES);
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
	const text = (value: number | string | null) => (value === null ? '' : String(value));
	return {
		kind: offer.kind,
		title: offer.title,
		description: offer.description,
		municipality: municipalityLabel,
		radiusKm: text(offer.radiusKm),
		areaMunicipalities: areaLabels.join('\n'),
		ageMin: text(offer.ageMin),
		ageMax: text(offer.ageMax),
		roomType: offer.roomType ?? '',
		capacity: text(offer.capacity),
		equipment: offer.equipment ?? '',
		accessible: offer.accessible ? 'on' : '',
		feeEur: offer.feeEur === null ? '' : String(offer.feeEur).replace('.', ','),
		termStart: offer.termStart ?? '',
		termEnd: offer.termEnd ?? '',
		people: text(offer.people),
		hoursPerYear: text(offer.hoursPerYear),
		materials: offer.materials ?? '',
		quantity: text(offer.quantity),
		amountEur: offer.amountEur === null ? '' : String(offer.amountEur).replace('.', ','),
		unavailableDates: offer.unavailableDates.join('\n'),
		domains: offer.domains,
		conditions: offer.conditions,
		...slotValues(offer.slots)
	};
}
