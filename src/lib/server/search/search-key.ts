// The credential the app's queries carry: a tenant token, never the master key. The token is signed here
// (no request) with a search-only key and names the indexes it may search (its searchRules), so whoever
// obtains it can search the app's indexes and nothing else: no writes, no settings, no keys, no other
// index. The key is either given (MEILI_SEARCH_KEY with its uid MEILI_SEARCH_KEY_UID) or made once from
// the master key through /keys under a fixed uid (Meilisearch derives a key's value from its uid and the
// master key, so every app process and restart finds the same key). The worker and the reindex keep the
// master (admin) key: they write.
import { generateTenantToken } from 'meilisearch/token';
import { createMeiliClient, meiliErrorCode } from './meili.js';
import { SEARCH_INDEXES } from './types/registry.js';

/** The uid of the search key the app makes for itself (any fixed UUID; the same in every deployment). */
export const APP_SEARCH_KEY_UID = '6ea7d3d8-a6b6-456a-985b-ecc518cf9dba';

/** What the key may do: search, on any index (the tenant token narrows it to the app's indexes). */
export const APP_SEARCH_KEY = {
	uid: APP_SEARCH_KEY_UID,
	name: 'groeistoot-app-search',
	description: "The app's queries (tenant tokens are signed with it): search only",
	actions: ['search'],
	indexes: ['*'],
	expiresAt: null
};

/** How long a token lives, and how long before its end the next one is signed. */
const TOKEN_LIFETIME_MS = 24 * 3600_000;
const RENEW_BEFORE_MS = 3600_000;

export type SearchKey = { uid: string; key: string };

/**
 * The app's search key, made with the master key when Meilisearch does not hold it yet (two processes
 * making it at once: the second finds the first's). Throws the client's error when the master key is
 * refused or Meilisearch cannot be reached.
 */
export async function ensureSearchKey(meiliUrl: string, masterKey: string): Promise<SearchKey> {
	const admin = createMeiliClient({ url: meiliUrl, key: masterKey, timeoutMs: 3000 });
	try {
		const { uid, key, actions } = await admin.getKey(APP_SEARCH_KEY_UID);
		if (actions.length === 1 && actions[0] === 'search') return { uid, key };
		throw new Error(`Meilisearch key ${uid} may do more than search: ${actions.join(', ')}`);
	} catch (error) {
		if (meiliErrorCode(error) !== 'api_key_not_found') throw error;
	}
	try {
		const { uid, key } = await admin.createKey(APP_SEARCH_KEY);
		return { uid, key };
	} catch (error) {
		if (meiliErrorCode(error) !== 'api_key_already_exists') throw error;
		const { uid, key } = await admin.getKey(APP_SEARCH_KEY_UID);
		return { uid, key };
	}
}

/** A tenant token for the app's indexes, signed with the search key, valid until `expiresAt`. */
export async function searchToken(
	key: SearchKey,
	expiresAt: Date
): Promise<{ token: string; expiresAt: Date }> {
	const token = await generateTenantToken({
		apiKey: key.key,
		apiKeyUid: key.uid,
		searchRules: [...SEARCH_INDEXES],
		expiresAt
	});
	return { token, expiresAt };
}

/** A token that renews itself: signed for a day, the next one an hour before the end. */
export function tokenSource(key: SearchKey, now: () => number = Date.now) {
	let current: { token: string; expiresAt: Date } | undefined;
	return async (): Promise<string> => {
		if (!current || current.expiresAt.getTime() - now() < RENEW_BEFORE_MS) {
			current = await searchToken(key, new Date(now() + TOKEN_LIFETIME_MS));
		}
		return current.token;
	};
}
