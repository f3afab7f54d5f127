// What the search routes call: the Meilisearch connection from the environment, the geo centre when a query
// needs one, and the search itself. The routes stay thin; the logic is in query.ts.
import type { Db } from '$lib/server/supabase';
import type { User } from '@supabase/supabase-js';
import { meiliConfig } from './config';
import { municipalityDirectory, resolveCentre } from './municipality-centroids';
import {
	runSearch,
	runSuggest,
	type Centre,
	type MeiliConnection,
	type SearchQuery,
	type SearchResults,
	type SuggestGroup
} from './query';

export function meiliConnection(): MeiliConnection {
	const { meiliUrl, meiliKey } = meiliConfig();
	return { url: meiliUrl, key: meiliKey, timeoutMs: 3000 };
}

async function profileMunicipality(db: Db, user: User | null): Promise<string | null | undefined> {
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
	user: User | null,
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
	return runSearch(meiliConnection(), query, centre);
}

export async function suggest(query: SearchQuery, centre: Centre | null): Promise<SuggestGroup[]> {
	return runSuggest(meiliConnection(), query, centre);
}
