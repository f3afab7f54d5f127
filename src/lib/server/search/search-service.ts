// What the search routes call: the app's Meilisearch client from the environment (searching with a tenant
// token of a search-only key, never the master key: search-key.ts), the geo centre when a query needs one,
// and the search itself (run-search.ts). A missing key is a SearchUnavailableError that names it.
import { m } from '$lib/paraglide/messages';
import type { Db } from '$lib/server/supabase';
import type { SessionUser } from '$lib/server/auth/session-user';
import { queryKeySource, SearchSettingMissingError, type QueryKeySource } from './config';
import { createSearcher, type Searcher } from './keep-alive.js';
import { municipalityDirectory, resolveCentre } from './municipality-centroids';
import type { Centre, SearchQuery } from './query-params';
import type { SearchResults, SuggestGroup } from './results';
import { runSearch, runSuggest, SearchUnavailableError, unavailable } from './run-search';
import { ensureSearchKey, tokenSource } from './search-key';

type Client = { source: string; token: () => Promise<string>; current?: CurrentClient };
type CurrentClient = { bearer: string; searcher: Searcher };

let client: Promise<Client> | undefined;
let clientSource: string | undefined;

/** Where the app's credential comes from, as a string that changes when the environment does. */
function sourceKey(source: QueryKeySource): string {
	return 'masterKey' in source
		? `${source.meiliUrl}\0master\0${source.masterKey}`
		: `${source.meiliUrl}\0search\0${source.searchKey}\0${source.searchKeyUid ?? ''}`;
}

async function makeClient(source: QueryKeySource, key: string): Promise<Client> {
	if ('searchKey' in source && !source.searchKeyUid) {
		const bearer = source.searchKey;
		return { source: key, token: async () => bearer };
	}
	let searchKey;
	try {
		searchKey =
			'masterKey' in source
				? await ensureSearchKey(source.meiliUrl, source.masterKey)
				: { uid: source.searchKeyUid as string, key: source.searchKey };
	} catch (error) {
		throw unavailable(error);
	}
	return { source: key, token: tokenSource(searchKey) };
}

/**
 * The app's searcher, made once per process from MEILI_URL and the search credential (config.ts): kept-alive
 * connections (keep-alive.js), a tenant token that can only search the app's indexes, renewed before it ends.
 */
async function appSearcher(): Promise<Searcher> {
	let source;
	try {
		source = queryKeySource();
	} catch (error) {
		if (error instanceof SearchSettingMissingError) {
			throw new SearchUnavailableError(
				error.message,
				m.zk_error_key_missing({ variable: error.variable })
			);
		}
		throw error;
	}
	const key = sourceKey(source);
	if (!client || clientSource !== key) {
		clientSource = key;
		client = makeClient(source, key);
		// A failure is not kept: the next request tries again.
		client.catch(() => {
			if (clientSource === key) client = clientSource = undefined;
		});
	}
	const made = await client;
	const bearer = await made.token();
	if (made.current?.bearer !== bearer) {
		made.current = {
			bearer,
			searcher: createSearcher({ url: source.meiliUrl, key: bearer, timeoutMs: 3000 })
		};
	}
	return made.current.searcher;
}

/** Runs a query with the app's searcher; a refused credential is made afresh for the next request. */
async function withSearcher<T>(run: (searcher: Searcher) => Promise<T>): Promise<T> {
	try {
		return await run(await appSearcher());
	} catch (error) {
		if (error instanceof SearchUnavailableError && error.refused) client = clientSource = undefined;
		throw error;
	}
}

async function profileMunicipality(
	db: Db,
	user: SessionUser | null
): Promise<string | null | undefined> {
	if (!user) return undefined;
	const { data, error } = await db
		.from('profiles')
		.select('municipality_nis')
		.eq('id', user.id)
		.maybeSingle();
	if (error) throw error;
	return data?.municipality_nis ?? null;
}

/** The centre of a geo query: null when the query has none (then no database read at all). */
export async function centreFor(
	db: Db,
	user: SessionUser | null,
	query: SearchQuery
): Promise<Centre | null> {
	if (!query.centre) return null;
	const [directory, profileNis] = await Promise.all([
		municipalityDirectory(db),
		query.centre.kind === 'me' ? profileMunicipality(db, user) : Promise.resolve(undefined)
	]);
	return resolveCentre(query.centre, directory, profileNis);
}

export async function search(query: SearchQuery, centre: Centre | null): Promise<SearchResults> {
	return withSearcher((searcher) => runSearch(searcher, query, centre));
}

export async function suggest(query: SearchQuery, centre: Centre | null): Promise<SuggestGroup[]> {
	return withSearcher((searcher) => runSuggest(searcher, query, centre));
}
