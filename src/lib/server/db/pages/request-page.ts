// The page of one request (/vragen/[id]) in one API round trip (public.request_view_page(), security
// invoker: the caller's RLS decides as it did for the separate requests): the request, whether the caller
// belongs to its academy, the candidates for its suggestions (the academy's own open request), and the
// signed-in caller's live offer of help, and the page's header (for src/lib/server/page-header.ts). The
// candidates are scored and ranked here, as suggestOffers() does.
import { pageHeader } from '$lib/server/page-header';
import type { Db } from '$lib/server/supabase';
import { rankRows, suggestionPool, type CandidateRow, type RankedSuggestion } from '../matching';
import { toDetails, type RequestDetails } from '../requests';

type PageRow = {
	request: Parameters<typeof toDetails>[0] | null;
	member?: boolean;
	suggestions?: CandidateRow[] | null;
	live_help?: { id: string; status: string } | null;
	account?: unknown;
};

export type RequestView = {
	request: RequestDetails;
	/** The caller belongs to the request's academy. */
	member: boolean;
	/** The best `limit` suggestions, for the academy's own open request; else null. */
	suggestions: RankedSuggestion[] | null;
	/** The signed-in caller's proposed or accepted offer of help (never for members). */
	liveHelp: { id: string; status: string } | null;
};

/** The request page's data, or null when the caller cannot read the request. */
export async function requestView(db: Db, id: string, limit: number): Promise<RequestView | null> {
	const { data, error } = await db.rpc('request_view_page', {
		p_id: id,
		p_pool: suggestionPool(limit)
	});
	if (error) throw error;
	const row = data as PageRow | null;
	pageHeader(db, row?.account);
	if (!row?.request) return null;
	return {
		request: toDetails(row.request),
		member: row.member ?? false,
		suggestions: row.suggestions ? rankRows(row.suggestions, limit) : null,
		liveHelp: row.live_help ?? null
	};
}
