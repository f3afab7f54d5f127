// @ts-check
// What the app needs to reach the local stack wherever it runs (STACK_* ports and keys), for the commands
// that start the app next to it: `npm run dev`, the e2e web server and `npm test`. The app itself never
// imports stack/: it reads these variables like any deployment does.
import {
	anonKey,
	apiUrl,
	host,
	meiliMasterKey,
	meiliUrl,
	ports,
	serviceRoleKey
} from './config.js';

/** @typedef {Record<string, string | undefined>} Env */

/** @param {string} a @param {string} b */
function sameOrigin(a, b) {
	try {
		return new URL(a).origin === new URL(b).origin;
	} catch {
		return false;
	}
}

/**
 * The variables to add to `env` so that the app talks to the running local stack: only those `env` leaves
 * unset. A key goes only with the stack's own address, so an app pointed elsewhere (a hosted project, another
 * Meilisearch) still names the key it lacks instead of sending that server the local one.
 * @param {Env} env what the app sees without them (the process's environment, with .env files for `vite dev`)
 * @returns {Record<string, string>}
 */
export function appEnvironment(env) {
	/** @type {Record<string, string>} */
	const added = {};
	const supabaseUrl = env.PUBLIC_SUPABASE_URL || apiUrl;
	if (!env.PUBLIC_SUPABASE_URL) added.PUBLIC_SUPABASE_URL = apiUrl;
	if (sameOrigin(supabaseUrl, apiUrl)) {
		if (!env.PUBLIC_SUPABASE_ANON_KEY) added.PUBLIC_SUPABASE_ANON_KEY = anonKey;
		if (!env.SUPABASE_SERVICE_ROLE_KEY) added.SUPABASE_SERVICE_ROLE_KEY = serviceRoleKey;
		// The app's server runs beside the stack, so it reaches PostgREST without the gateway's hop. Whoever
		// sets PUBLIC_SUPABASE_URL to another stack sets SUPABASE_REST_URL with it (bench-kit.js).
		if (!env.SUPABASE_REST_URL) added.SUPABASE_REST_URL = `http://${host}:${ports.postgrest}`;
	}
	const searchUrl = env.MEILI_URL || meiliUrl;
	if (!env.MEILI_URL) added.MEILI_URL = meiliUrl;
	if (sameOrigin(searchUrl, meiliUrl) && !env.MEILI_MASTER_KEY) {
		added.MEILI_MASTER_KEY = meiliMasterKey;
	}
	// Without SMTP_HOST the app mails the local mailbox; its port moves with the stack.
	if (!env.SMTP_HOST && !env.SMTP_PORT) added.SMTP_PORT = String(ports.mailboxSmtp);
	return added;
}
