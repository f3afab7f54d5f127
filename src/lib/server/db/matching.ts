// Matching suggestions: asks the database for candidates (suggest_offers / suggest_requests, which respect
// RLS through the request's client), scores them with scoreSuggestion() and returns the best first.
// The scoring module is imported by a relative path so that the integration suite, which has no SvelteKit
// aliases, runs this very file.
import {
	rankSuggestions,
	scoreSuggestion,
	type MatchCandidate,
	type Suggestion
} from '../../matching/score';
import type { Db } from '$lib/server/supabase';

export type RankedSuggestion = { candidate: MatchCandidate; suggestion: Suggestion };

/** One row of suggest_offers() / suggest_requests() as PostgREST returns it. */
export type CandidateRow = {
	offer_id: string;
	request_id: string;
	organisation_id: string;
	organisation_name: string;
	offer_kind: string;
	request_kind: string;
	title: string;
	room_type: string | null;
	municipality_nis: string;
	municipality_name: string;
	distance_km: number;
	reach: string;
	radius_km: number | null;
	request_slot_count: number;
	requested_minutes: number;
	overlap_minutes: number;
	overlap_weekday: number | null;
	overlap_starts: string | null;
	overlap_ends: string | null;
	term_start: string | null;
	term_end: string | null;
	needed_from: string | null;
	needed_until: string | null;
	deadline: string | null;
	offer_domains: string[] | null;
	request_domains: string[] | null;
	shared_domains: string[] | null;
	offer_age_min: number | null;
	offer_age_max: number | null;
	request_age_min: number | null;
	request_age_max: number | null;
	capacity: number | null;
	people: number | null;
	quantity: number | null;
	amount_eur: number | string | null;
	hours_per_year: number | null;
	needed_people: number | null;
	needed_amount_eur: number | string | null;
	needed_quantity: string | null;
	accessible: boolean | null;
	conditions: string[] | null;
	fee_eur: number | string | null;
	rank_hint: number | null;
	agreement_id: string | null;
	agreement_status: string | null;
};

const money = (value: number | string | null): number | null =>
	value === null || value === undefined ? null : Number(value);

/** Maps a database row to the scoring function's candidate. */
export function toCandidate(row: CandidateRow): MatchCandidate {
	return {
		offerId: row.offer_id,
		requestId: row.request_id,
		organisationId: row.organisation_id,
		organisationName: row.organisation_name,
		offerKind: row.offer_kind,
		requestKind: row.request_kind,
		title: row.title,
		roomType: row.room_type,
		municipalityNis: row.municipality_nis,
		municipalityName: row.municipality_name,
		distanceKm: Number(row.distance_km),
		reach: row.reach === 'municipalities' ? 'municipalities' : 'radius',
		radiusKm: row.radius_km,
		requestSlotCount: row.request_slot_count ?? 0,
		requestedMinutes: row.requested_minutes ?? 0,
		overlapMinutes: row.overlap_minutes ?? 0,
		overlap:
			row.overlap_weekday !== null && row.overlap_starts !== null && row.overlap_ends !== null
				? { weekday: row.overlap_weekday, starts: row.overlap_starts, ends: row.overlap_ends }
				: null,
		termStart: row.term_start,
		termEnd: row.term_end,
		neededFrom: row.needed_from,
		neededUntil: row.needed_until,
		deadline: row.deadline,
		offerDomains: row.offer_domains ?? [],
		requestDomains: row.request_domains ?? [],
		sharedDomains: row.shared_domains ?? [],
		offerAges: { min: row.offer_age_min, max: row.offer_age_max },
		requestAges: { min: row.request_age_min, max: row.request_age_max },
		capacity: row.capacity,
		people: row.people,
		quantity: row.quantity,
		amountEur: money(row.amount_eur),
		hoursPerYear: row.hours_per_year,
		neededPeople: row.needed_people,
		neededAmountEur: money(row.needed_amount_eur),
		neededQuantity: row.needed_quantity,
		accessible: row.accessible,
		conditions: row.conditions ?? [],
		feeEur: money(row.fee_eur),
		agreement:
			row.agreement_id && row.agreement_status
				? { id: row.agreement_id, status: row.agreement_status }
				: null
	};
}

/** Scores and ranks rows; keeps the best `limit`. */
export function rankRows(rows: CandidateRow[], limit: number): RankedSuggestion[] {
	const items = rows.map((row) => {
		const candidate = toCandidate(row);
		return { candidate, suggestion: scoreSuggestion(candidate) };
	});
	return rankSuggestions(items).slice(0, limit);
}

// The database orders by a rough fit before its limit; asking for a wider pool lets the precise score
// reorder the ones near the cut.
const pool = (limit: number) => Math.min(100, Math.max(limit * 3, 30));

/** Offers that could serve this request, best first (none when the caller cannot read it or it is not open). */
export async function suggestOffers(
	db: Db,
	requestId: string,
	limit = 10
): Promise<RankedSuggestion[]> {
	const { data, error } = await db.rpc('suggest_offers', {
		p_request_id: requestId,
		p_limit: pool(limit)
	});
	if (error) throw new Error(`suggest_offers: ${error.message}`);
	// The generated types call every returned column non-null; CandidateRow says which can be null.
	const rows: CandidateRow[] = data ?? [];
	return rankRows(rows, limit);
}

/** Open requests this offer could serve, best first (none when the caller cannot read it or it is not active). */
export async function suggestRequests(
	db: Db,
	offerId: string,
	limit = 10
): Promise<RankedSuggestion[]> {
	const { data, error } = await db.rpc('suggest_requests', {
		p_offer_id: offerId,
		p_limit: pool(limit)
	});
	if (error) throw new Error(`suggest_requests: ${error.message}`);
	const rows: CandidateRow[] = data ?? [];
	return rankRows(rows, limit);
}
