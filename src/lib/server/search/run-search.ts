// The Meilisearch calls of a search: one request for a results page or for the header box's suggestions,
// built by plan.ts and read by results.ts. Any failure on the way is a SearchUnavailableError: a 503 whose
// message names the key when Meilisearch refuses it.
import { m } from '$lib/paraglide/messages';
import type { Searcher } from './keep-alive.js';
import { describeMeiliError, meiliErrorCode } from './meili.js';
import { buildSearchPlan, buildSuggestRequest } from './plan';
import type { Centre, SearchQuery } from './query-params';
import {
	mapSearchResponse,
	mapSuggestResponse,
	type SearchResults,
	type SuggestGroup
} from './results';

/** The variable that holds Meilisearch's key, named in messages (never its value). */
const KEY_VARIABLE = 'MEILI_MASTER_KEY';

/**
 * Meilisearch cannot be reached, answers with an error or is not set up: a 503. `detail` is for the
 * server's log; the message, for the person, names a missing or refused key.
 */
export class SearchUnavailableError extends Error {
	readonly status = 503;
	constructor(
		readonly detail: string,
		message: string = m.zk_error_unavailable(),
		/** Meilisearch refused the key or token (then the app makes its credential afresh). */
		readonly refused = false
	) {
		super(message);
		this.name = 'SearchUnavailableError';
	}
}

/** A failure of the client as a SearchUnavailableError; `variable` names the key that was refused. */
export function unavailable(error: unknown, variable = KEY_VARIABLE): SearchUnavailableError {
	const code = meiliErrorCode(error);
	const refused = code === 'invalid_api_key' || code === 'missing_authorization_header';
	return new SearchUnavailableError(
		describeMeiliError(error),
		refused ? m.zk_error_key_refused({ variable }) : undefined,
		refused
	);
}

async function ask<T>(request: () => Promise<T>): Promise<T> {
	try {
		return await request();
	} catch (error) {
		throw unavailable(error);
	}
}

/** Runs a query: one request to Meilisearch (none when no index can match; see plan.ts for two). */
export async function runSearch(
	searcher: Searcher,
	query: SearchQuery,
	centre: Centre | null
): Promise<SearchResults> {
	const plan = buildSearchPlan(query, centre);
	if (plan.kind === 'empty') return mapSearchResponse(plan, query, null);
	const { facetQueries } = plan;
	const { main, facets } = await ask(async (): Promise<{ main: unknown; facets: unknown[] }> => {
		if (plan.kind === 'single') {
			const { results } = await searcher.multiSearch({
				queries: [{ indexUid: plan.index, ...plan.body }, ...facetQueries]
			});
			return { main: results[0], facets: results.slice(1) };
		}
		if (plan.kind === 'merged') {
			const { results } = await searcher.multiSearch({
				queries: [...plan.body.queries, ...facetQueries]
			});
			const own = plan.body.queries.length;
			return { main: { results: results.slice(0, own) }, facets: results.slice(own) };
		}
		const [federated, counted] = await Promise.all([
			searcher.multiSearch(plan.body),
			facetQueries.length > 0 ? searcher.multiSearch({ queries: facetQueries }) : null
		]);
		return { main: federated, facets: counted?.results ?? [] };
	});
	return mapSearchResponse(plan, query, main, facets);
}

/** The header box's suggestions: the best few of every type (nothing for an empty query). */
export async function runSuggest(
	searcher: Searcher,
	query: SearchQuery,
	centre: Centre | null = null
): Promise<SuggestGroup[]> {
	if (query.q === '') return [];
	const body = buildSuggestRequest(query, centre);
	if (body.queries.length === 0) return [];
	return mapSuggestResponse(await ask(() => searcher.multiSearch(body)));
}
