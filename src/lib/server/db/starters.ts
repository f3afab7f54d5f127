// Starting an academy in a white spot: the registrations of interest (public board, a person's own, the
// network's overview and contacts), staff's connections and coach links, and academies' coaching offers.
// RLS and the RPCs of 20261204004000_starters.sql decide every read and write.
import type { InterestInput } from '$lib/schemas/starters';
import type { Db } from '$lib/server/supabase';
import { raiseDbError } from './db-errors';

export type BoardEntry = {
	id: string;
	/** The name as the registrant chose to show it; null: anonymous ("iemand"). */
	shownName: string | null;
	role: string;
	offers: string[];
	mine: boolean;
	/** The reader's own only. */
	note: string;
	shownAs: string | null;
	organisationId: string | null;
};

export type StarterBoard = {
	whiteSpot: boolean;
	entries: BoardEntry[];
	coaches: { id: string; name: string; slug: string }[];
};

/** What public.starters_section() returns (also inside public.municipality_page()). */
export type StartersSectionRow = {
	place: { nis: string; name_nl: string } | null;
	white_spot: boolean;
	board: {
		id: string;
		shown_name: string | null;
		role: string;
		offers: string[];
		mine: boolean;
		note: string;
		shown_as: string | null;
		organisation_id: string | null;
	}[];
	coaches: { id: string; name: string; slug: string }[];
	managed: { id: string; name: string }[];
};

/**
 * A municipality's starters section in one call (public.starters_section()): the current municipality
 * (null unless current), whether it is a white spot, its open registrations as everyone sees them and
 * its coaches, and the organisations the signed-in caller manages as owner or admin (only for a white spot).
 */
export async function startersSection(db: Db, nis: string) {
	const { data, error } = await db.rpc('starters_section', { p_nis: nis });
	if (error) throw error;
	return startersSectionOf(data as unknown as StartersSectionRow);
}

/** The section's parts from public.starters_section()'s row. */
export function startersSectionOf(row: StartersSectionRow): {
	place: { nis: string; name: string } | null;
	board: StarterBoard;
	organisations: { id: string; name: string }[];
} {
	const whiteSpot = row.white_spot;
	return {
		place: row.place && { nis: row.place.nis, name: row.place.name_nl },
		board: {
			whiteSpot,
			entries: whiteSpot
				? row.board.map((entry) => ({
						id: entry.id,
						shownName: entry.shown_name,
						role: entry.role,
						offers: entry.offers,
						mine: entry.mine,
						note: entry.note,
						shownAs: entry.shown_as,
						organisationId: entry.organisation_id
					}))
				: [],
			coaches: whiteSpot ? row.coaches : []
		},
		organisations: [...row.managed].sort((a, b) => a.name.localeCompare(b.name, 'nl'))
	};
}

export async function registerInterest(db: Db, nis: string, input: InterestInput): Promise<string> {
	const { data, error } = await db.rpc('register_starter_interest', {
		p_municipality_nis: nis,
		p_organisation_id: (input.registrant === 'me' ? null : input.registrant) as string,
		p_role: input.role,
		p_offers: input.offers,
		p_note: input.note,
		p_shown_as: input.shownAs
	});
	if (error) raiseDbError(error);
	return data;
}

export async function withdrawInterest(db: Db, interestId: string): Promise<void> {
	const { error } = await db.rpc('withdraw_starter_interest', { p_interest_id: interestId });
	if (error) raiseDbError(error);
}

export type WhiteSpotRow = {
	nis: string;
	name: string;
	province: string;
	interested: number;
	connected: number;
	offers: string[];
	coaches: string[];
};

type OverviewRow = {
	id: string;
	municipality_nis: string;
	offers: string[];
	municipality: { name_nl: string; province_nl: string | null; region: string } | null;
	connection: { connected_at: string } | null;
};

/** For network staff: every white spot with open registrations, what they bring together and its coaches. */
export async function whiteSpotOverview(db: Db): Promise<WhiteSpotRow[]> {
	const [interests, coaches] = await Promise.all([
		db
			.from('starter_interests')
			.select(
				'id, municipality_nis, offers, municipality:municipalities(name_nl, province_nl, region), connection:starter_connections(connected_at)'
			)
			.is('closed_at', null)
			.order('municipality_nis')
			.returns<OverviewRow[]>(),
		db.from('starter_coaches').select('municipality_nis, academy:organisations(name)')
	]);
	if (interests.error) throw interests.error;
	if (coaches.error) throw coaches.error;
	const spots = new Map<string, WhiteSpotRow>();
	for (const row of interests.data) {
		const spot = spots.get(row.municipality_nis) ?? {
			nis: row.municipality_nis,
			name: row.municipality?.name_nl ?? row.municipality_nis,
			province: provinceLabel(row.municipality),
			interested: 0,
			connected: 0,
			offers: [],
			coaches: []
		};
		spot.interested += 1;
		if (row.connection) spot.connected += 1;
		for (const offer of row.offers) if (!spot.offers.includes(offer)) spot.offers.push(offer);
		spots.set(row.municipality_nis, spot);
	}
	for (const coach of coaches.data) {
		const spot = spots.get(coach.municipality_nis);
		if (spot && coach.academy) spot.coaches.push(coach.academy.name);
	}
	return [...spots.values()].sort(
		(a, b) => b.interested - a.interested || a.name.localeCompare(b.name, 'nl')
	);
}

/** As private.province_label(): the province without "Provincie ", Brussel for the Brussels region. */
function provinceLabel(place: { province_nl: string | null; region: string } | null): string {
	if (!place) return '';
	if (place.region === 'BRU') return 'Brussel';
	return (place.province_nl ?? '').replace(/^Provincie /, '');
}

export type StaffRegistration = {
	id: string;
	role: string;
	offers: string[];
	note: string;
	shownAs: string;
	createdAt: string;
	organisationName: string | null;
	personName: string | null;
	email: string | null;
	organisationEmail: string | null;
	connection: { note: string; connectedAt: string } | null;
};

type DetailRow = {
	id: string;
	role: string;
	offers: string[];
	note: string;
	shown_as: string;
	created_at: string;
	connection: { note: string; connected_at: string } | null;
};

/** For network staff: a white spot's open registrations with how to reach each, its coaches and the academies offering coaching. */
export async function whiteSpotDetail(db: Db, nis: string) {
	const [place, interests, contacts, coaches, offering] = await Promise.all([
		db
			.from('municipalities')
			.select('nis, name_nl, province_nl, region')
			.eq('nis', nis)
			.maybeSingle(),
		db
			.from('starter_interests')
			.select(
				'id, role, offers, note, shown_as, created_at, connection:starter_connections(note, connected_at)'
			)
			.eq('municipality_nis', nis)
			.is('closed_at', null)
			.order('created_at')
			.returns<DetailRow[]>(),
		db.rpc('starter_interest_contacts', { p_municipality_nis: nis }),
		db
			.from('starter_coaches')
			.select('academy:organisations(id, name, slug)')
			.eq('municipality_nis', nis),
		db.from('academy_coaching_offers').select('provinces, academy:organisations(id, name)')
	]);
	for (const result of [place, interests, contacts, coaches, offering]) {
		if (result.error) throw result.error;
	}
	if (!place.data) return null;
	const contactOf = new Map((contacts.data ?? []).map((row) => [row.interest_id, row]));
	const province = provinceLabel(place.data);
	const registrations: StaffRegistration[] = (interests.data ?? []).map((row) => {
		const contact = contactOf.get(row.id);
		return {
			id: row.id,
			role: row.role,
			offers: row.offers,
			note: row.note,
			shownAs: row.shown_as,
			createdAt: row.created_at,
			organisationName: contact?.organisation_name ?? null,
			personName: contact?.person_name ?? null,
			email: contact?.email ?? null,
			organisationEmail: contact?.organisation_email ?? null,
			connection: row.connection
				? { note: row.connection.note, connectedAt: row.connection.connected_at }
				: null
		};
	});
	return {
		nis: place.data.nis,
		name: place.data.name_nl,
		province,
		registrations,
		coaches: (coaches.data ?? []).flatMap((row) => (row.academy ? [row.academy] : [])),
		// Academies offering coaching here: those without chosen provinces, and those that chose this one.
		offering: (offering.data ?? [])
			.filter((row) => row.provinces.length === 0 || row.provinces.includes(province))
			.flatMap((row) => (row.academy ? [row.academy] : []))
			.sort((a, b) => a.name.localeCompare(b.name, 'nl'))
	};
}

export async function connectInterest(db: Db, interestId: string, note: string): Promise<void> {
	const { error } = await db.rpc('connect_starter_interest', {
		p_interest_id: interestId,
		p_note: note
	});
	if (error) raiseDbError(error);
}

export async function linkCoach(
	db: Db,
	{ nis, academyId, linked }: { nis: string; academyId: string; linked: boolean }
): Promise<void> {
	const { error } = await db.rpc('link_starter_coach', {
		p_municipality_nis: nis,
		p_academy_id: academyId,
		p_linked: linked
	});
	if (error) raiseDbError(error);
}

export type CoachingOffer = {
	/** The offer; null when the academy offers no coaching (links made with an earlier offer stay). */
	offer: { provinces: string[]; note: string } | null;
	/** The white spots whose starters network staff linked it to, by name. */
	coached: { nis: string; name: string }[];
};

/** An academy's coaching offer and the white spots it coaches. */
export async function coachingOffer(db: Db, organisationId: string): Promise<CoachingOffer> {
	const [offer, links] = await Promise.all([
		db
			.from('academy_coaching_offers')
			.select('provinces, note')
			.eq('organisation_id', organisationId)
			.maybeSingle(),
		db
			.from('starter_coaches')
			.select('municipality:municipalities(nis, name_nl)')
			.eq('academy_id', organisationId)
	]);
	if (offer.error) throw offer.error;
	if (links.error) throw links.error;
	return {
		offer: offer.data,
		coached: links.data
			.flatMap((row) =>
				row.municipality ? [{ nis: row.municipality.nis, name: row.municipality.name_nl }] : []
			)
			.sort((a, b) => a.name.localeCompare(b.name, 'nl'))
	};
}

export async function saveCoachingOffer(
	db: Db,
	organisationId: string,
	{ provinces, note }: { provinces: string[]; note: string }
): Promise<void> {
	const { error } = await db.rpc('save_coaching_offer', {
		p_organisation_id: organisationId,
		p_provinces: provinces,
		p_note: note
	});
	if (error) raiseDbError(error);
}

export async function withdrawCoachingOffer(db: Db, organisationId: string): Promise<void> {
	const { error } = await db.rpc('withdraw_coaching_offer', { p_organisation_id: organisationId });
	if (error) raiseDbError(error);
}
