// The header box's answer to GET /api/search, whoever serves it: the SvelteKit route (npm run dev, and a
// search around "mij", which needs the person's session) or the built app's lane in front of SvelteKit
// (box-lane.ts). JSON; 400 with a message in the reader's language on bad input, 503 when Meilisearch is
// down, never a 500.
import { m } from '$lib/paraglide/messages';
import { parseSearchParams, SearchInputError, type Centre, type SearchQuery } from './query-params';
import { SearchUnavailableError } from './run-search';
import { suggest } from './search-service';

export type SuggestAnswer = { status: number; body: Record<string, unknown> };

/** The answer for these search parameters; `centreOf` finds the centre of a geo query. */
export async function suggestAnswer(
	params: URLSearchParams,
	centreOf: (query: SearchQuery) => Promise<Centre | null>
): Promise<SuggestAnswer> {
	try {
		const query = parseSearchParams(params);
		const centre = query.centre ? await centreOf(query) : null;
		return { status: 200, body: { q: query.q, groups: await suggest(query, centre) } };
	} catch (error) {
		if (error instanceof SearchInputError) {
			return { status: 400, body: { message: error.message, field: error.field } };
		}
		// Meilisearch down or not set up, or anything else on the way: the box says so and the page still
		// works.
		if (error instanceof SearchUnavailableError) {
			console.error('search suggestions unavailable:', error.detail);
			return { status: 503, body: { message: error.message } };
		}
		console.error('search suggestions failed', error);
		return { status: 503, body: { message: m.zk_error_unavailable() } };
	}
}
