// @ts-check
// The settings of `npm run digest:send` and `npm run data:purge`. Against the local stack (no
// PUBLIC_SUPABASE_URL, or the stack's own address) its well-known values apply; anywhere else every variable
// a script needs must be set, so a script run on a server never falls back to the demo keys or the local
// mailbox.
import { emailLinkSecret } from './links.js';

/** @typedef {Record<string, string | undefined>} Env */
/** @typedef {{ apiUrl: string, serviceRoleKey: string, siteUrl: string, smtpPort: number }} LocalStack */

/** @param {string} url */
const withoutSlash = (url) => url.replace(/\/+$/, '');

/**
 * The database's address and key (what `data:purge` needs).
 * @param {Env} env
 * @param {LocalStack} stack
 */
export function databaseSettings(env, stack) {
	const supabaseUrl = withoutSlash(env.PUBLIC_SUPABASE_URL || stack.apiUrl);
	const local = supabaseUrl === withoutSlash(stack.apiUrl);
	const serviceRoleKey = env.SUPABASE_SERVICE_ROLE_KEY || (local ? stack.serviceRoleKey : '');
	return { supabaseUrl, serviceRoleKey, local };
}

/** @param {string[]} missing */
function requireAll(missing) {
	if (missing.length > 0) {
		throw new Error(`set ${missing.join(', ')} (only the local stack has defaults for them)`);
	}
}

/**
 * What `data:purge` needs.
 * @param {Env} env
 * @param {LocalStack} stack
 */
export function purgeSettings(env, stack) {
	const { supabaseUrl, serviceRoleKey } = databaseSettings(env, stack);
	requireAll(serviceRoleKey ? [] : ['SUPABASE_SERVICE_ROLE_KEY']);
	return { supabaseUrl, serviceRoleKey };
}

/**
 * What `digest:send` needs: also the app's public origin for links, the link secret and an SMTP relay.
 * @param {Env} env
 * @param {LocalStack} stack
 */
export function digestSettings(env, stack) {
	const { supabaseUrl, serviceRoleKey, local } = databaseSettings(env, stack);
	const origin = withoutSlash(env.ORIGIN || (local ? stack.siteUrl : ''));
	requireAll(
		[
			serviceRoleKey ? '' : 'SUPABASE_SERVICE_ROLE_KEY',
			origin ? '' : 'ORIGIN',
			local || env.EMAIL_LINK_SECRET ? '' : 'EMAIL_LINK_SECRET',
			local || env.SMTP_HOST ? '' : 'SMTP_HOST'
		].filter(Boolean)
	);
	const linkSecret = emailLinkSecret({
		configured: env.EMAIL_LINK_SECRET,
		supabaseUrl,
		serviceRoleKey
	});
	return { supabaseUrl, serviceRoleKey, origin, linkSecret, smtpLocal: { port: stack.smtpPort } };
}
