// The search sync's settings for the app, from the server's private environment with the local stack's
// well-known defaults (scripts read the same variables through stack/config.js instead).
import { env as privateEnv } from '$env/dynamic/private';
import { serviceRoleKey, supabaseUrl } from '$lib/server/supabase';

const LOCAL_MEILI_URL = 'http://127.0.0.1:7700';
const LOCAL_MEILI_MASTER_KEY = 'groeistoot-local-meilisearch-master-key';

export type SearchConfig = {
	supabaseUrl: string;
	serviceRoleKey: string;
	meiliUrl: string;
	meiliKey: string;
	/** false when SEARCH_WORKER=off: the app does not run the in-app worker. */
	workerEnabled: boolean;
};

/** A setting the search needs is missing: named, so the person running the app knows what to set. */
export class SearchSettingMissingError extends Error {
	constructor(readonly variable: string) {
		super(`${variable} is not set (only the local Meilisearch has a default key)`);
		this.name = 'SearchSettingMissingError';
	}
}

/**
 * Meilisearch's address and key (server only: the key never reaches a browser). The local stack's
 * well-known key applies only to the local Meilisearch; anywhere else MEILI_MASTER_KEY must be set.
 */
export function meiliConfig(): { meiliUrl: string; meiliKey: string } {
	const meiliUrl = privateEnv.MEILI_URL || LOCAL_MEILI_URL;
	const meiliKey =
		privateEnv.MEILI_MASTER_KEY ||
		(meiliUrl === LOCAL_MEILI_URL ? LOCAL_MEILI_MASTER_KEY : undefined);
	if (!meiliKey) throw new SearchSettingMissingError('MEILI_MASTER_KEY');
	return { meiliUrl, meiliKey };
}

/**
 * What the app's queries are signed with: a search key given by whoever runs the app (MEILI_SEARCH_KEY,
 * with its uid in MEILI_SEARCH_KEY_UID for tenant tokens), or else the master key, with which the app
 * makes its own search key (search-key.ts); the master key itself never carries a query.
 */
export type QueryKeySource =
	| { meiliUrl: string; searchKey: string; searchKeyUid: string | undefined }
	| { meiliUrl: string; masterKey: string };

export function queryKeySource(): QueryKeySource {
	const searchKey = privateEnv.MEILI_SEARCH_KEY;
	if (searchKey) {
		return {
			meiliUrl: privateEnv.MEILI_URL || LOCAL_MEILI_URL,
			searchKey,
			searchKeyUid: privateEnv.MEILI_SEARCH_KEY_UID || undefined
		};
	}
	const { meiliUrl, meiliKey } = meiliConfig();
	return { meiliUrl, masterKey: meiliKey };
}

/** Everything the search worker needs. Throws when the service-role key is missing off the local stack. */
export function searchConfig(): SearchConfig {
	return {
		supabaseUrl: supabaseUrl(),
		serviceRoleKey: serviceRoleKey(),
		...meiliConfig(),
		workerEnabled: privateEnv.SEARCH_WORKER !== 'off'
	};
}
