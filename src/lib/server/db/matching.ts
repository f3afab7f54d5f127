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
import type { Database } from '$lib/types/database';

export type RankedSuggestion = { candidate: MatchCandidate; suggestion: Suggestion };

type SuggestionRow = Database['public']['Functions']['suggest_offers']['Returns'][number];

/** The columns suggest_offers() and suggest_requests() always fill. */
type Filled =
	| 'offer_id'
	| 'request_id'
	| 'organisation_id'
	| 'organisation_name'
	| 'offer_kind'
	| 'request_kind'
	| 'title'
	| 'municipality_nis'
	| 'municipality_name'
	| 'distance_km'
	| 'reach';

/**
 * One row of suggest_offers() / suggest_requests() as PostgREST returns it. The generated types call every
 * returned column non-null; all but the filled ones can be null.
 */
export type CandidateRow = Pick<SuggestionRow, Filled> & {
	[Column in Exclude<keyof SuggestionRow, Filled>]: SuggestionRow[Column] | null;
};

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
		amountEur: row.amount_eur,
		hoursPerYear: row.hours_per_year,
		neededPeople: row.needed_people,
		neededAmountEur: row.needed_amount_eur,
		neededQuantity: row.needed_quantity,
		accessible: row.accessible,
		conditions: row.conditions ?? [],
		feeEur: row.fee_eur,
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

/**
 * How many candidates to ask for the best `limit`: the database orders by a rough fit before its limit;
 * a wider pool lets the precise score reorder the ones near the cut.
 */
export const suggestionPool = (limit: number) => Math.min(100, Math.max(limit * 3, 30));

function ranked(
	name: string,
	limit: number,
	{ data, error }: { data: CandidateRow[] | null; error: { message: string } | null }
): RankedSuggestion[] {
	if (error) throw new Error(`${name}: ${error.message}`);
	return rankRows(data ?? [], limit);
}

/** Offers that could serve this request, best first (none when the caller cannot read it or it is not open). */
export async function suggestOffers(
	db: Db,
	requestId: string,
	limit = 10
): Promise<RankedSuggestion[]> {
	const answer = await db.rpc('suggest_offers', {
		p_request_id: requestId,
		p_limit: suggestionPool(limit)
	});
	return ranked('suggest_offers', limit, answer);
}

/** Open requests this offer could serve, best first (none when the caller cannot read it or it is not active). */
export async function suggestRequests(
	db: Db,
	offerId: string,
	limit = 10
): Promise<RankedSuggestion[]> {
	const answer = await db.rpc('suggest_requests', {
		p_offer_id: offerId,
		p_limit: suggestionPool(limit)
	});
	return ranked('suggest_requests', limit, answer);
}
