// The search sync's settings for the app, from the server's private environment with the local stack's
// well-known defaults (scripts read the same variables through stack/config.js instead).
import { env as privateEnv } from '$env/dynamic/private';
import { env as publicEnv } from '$env/dynamic/public';

const LOCAL_API_URL = 'http://127.0.0.1:54321';
const LOCAL_MEILI_URL = 'http://127.0.0.1:7700';
const LOCAL_MEILI_MASTER_KEY = 'groeistoot-local-meilisearch-master-key';
const LOCAL_SERVICE_ROLE_KEY =
	'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU';

export type SearchConfig = {
	supabaseUrl: string;
	serviceRoleKey: string;
	meiliUrl: string;
	meiliKey: string;
	/** false when SEARCH_WORKER=off: the app does not run the in-app worker. */
	workerEnabled: boolean;
};

/** Meilisearch's address and key (server only: the key never reaches a browser). */
export function meiliConfig(): { meiliUrl: string; meiliKey: string } {
	return {
		meiliUrl: privateEnv.MEILI_URL || LOCAL_MEILI_URL,
		meiliKey: privateEnv.MEILI_MASTER_KEY || LOCAL_MEILI_MASTER_KEY
	};
}

/** Everything the search worker needs. Throws when the service-role key is missing off the local stack. */
export function searchConfig(): SearchConfig {
	const supabaseUrl = publicEnv.PUBLIC_SUPABASE_URL || LOCAL_API_URL;
	// As in supabase.ts: the local stack's well-known key applies only against the local stack.
	const serviceRoleKey =
		privateEnv.SUPABASE_SERVICE_ROLE_KEY ||
		(supabaseUrl === LOCAL_API_URL ? LOCAL_SERVICE_ROLE_KEY : undefined);
	if (!serviceRoleKey) throw new Error('SUPABASE_SERVICE_ROLE_KEY is not set');
	return {
		supabaseUrl,
		serviceRoleKey,
		...meiliConfig(),
		workerEnabled: privateEnv.SEARCH_WORKER !== 'off'
	};
}
