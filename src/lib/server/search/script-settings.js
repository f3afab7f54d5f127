// @ts-check
// The settings of `npm run search:worker` and `npm run search:reindex`. Against the local stack (no
// PUBLIC_SUPABASE_URL, or the stack's own address; no MEILI_URL, or the stack's Meilisearch) its
// well-known keys apply; anywhere else every variable must be set, so a production tool never falls back to
// the demo keys or quietly writes to the local Meilisearch.
/** @typedef {Record<string, string | undefined>} Env */
/**
 * @typedef {{ apiUrl: string, serviceRoleKey: string, meiliUrl: string, meiliMasterKey: string }} LocalStack
 */

/** @param {string} url */
const withoutSlash = (url) => url.replace(/\/+$/, '');

/**
 * @param {Env} env
 * @param {LocalStack} stack
 * @returns {{ supabaseUrl: string, serviceRoleKey: string, meiliUrl: string, meiliKey: string }}
 */
export function searchScriptSettings(env, stack) {
	const supabaseUrl = withoutSlash(env.PUBLIC_SUPABASE_URL || stack.apiUrl);
	const local = supabaseUrl === withoutSlash(stack.apiUrl);
	const serviceRoleKey = env.SUPABASE_SERVICE_ROLE_KEY || (local ? stack.serviceRoleKey : '');
	// The local Meilisearch only goes with the local database: a production database needs its own.
	const meiliUrl = withoutSlash(env.MEILI_URL || (local ? stack.meiliUrl : ''));
	const meiliKey =
		env.MEILI_MASTER_KEY || (meiliUrl === withoutSlash(stack.meiliUrl) ? stack.meiliMasterKey : '');
	const missing = [
		serviceRoleKey ? '' : 'SUPABASE_SERVICE_ROLE_KEY',
		meiliUrl ? '' : 'MEILI_URL',
		meiliKey ? '' : 'MEILI_MASTER_KEY'
	].filter(Boolean);
	if (missing.length > 0) {
		throw new Error(`set ${missing.join(', ')} (only the local stack has defaults for them)`);
	}
	return { supabaseUrl, serviceRoleKey, meiliUrl, meiliKey };
}
