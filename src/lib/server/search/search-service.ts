// What the search routes call: the app's Meilisearch client from the environment, the geo centre when a
// query needs one, and the search itself (run-search.ts). A missing key is a SearchUnavailableError that
// names it.
import { m } from '$lib/paraglide/messages';
import type { Db } from '$lib/server/supabase';
import type { SessionUser } from '$lib/server/auth/session-user';
import { meiliConfig, SearchSettingMissingError } from './config';
import { createMeiliClient, type MeiliClient } from './meili.js';
import { municipalityDirectory, resolveCentre } from './municipality-centroids';
import type { Centre, SearchQuery } from './query-params';
import type { SearchResults, SuggestGroup } from './results';
import { runSearch, runSuggest, SearchUnavailableError } from './run-search';

let client: { url: string; key: string; meili: MeiliClient } | undefined;

/** The app's client, made once per process from MEILI_URL and MEILI_MASTER_KEY. */
export function searchClient(): MeiliClient {
	let settings;
	try {
		settings = meiliConfig();
	} catch (error) {
		if (error instanceof SearchSettingMissingError) {
			throw new SearchUnavailableError(
				error.message,
				m.zk_error_key_missing({ variable: error.variable })
			);
		}
		throw error;
	}
	const { meiliUrl: url, meiliKey: key } = settings;
	if (client?.url !== url || client.key !== key) {
		client = { url, key, meili: createMeiliClient({ url, key, timeoutMs: 3000 }) };
	}
	return client.meili;
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
	return runSearch(searchClient(), query, centre);
}

export async function suggest(query: SearchQuery, centre: Centre | null): Promise<SuggestGroup[]> {
	return runSuggest(searchClient(), query, centre);
}
