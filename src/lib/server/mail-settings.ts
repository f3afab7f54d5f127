// What the app's notification mails need besides SMTP: the secret that signs their links, and the public
// origin for links in mails that no request asked for (the weekly digest).
import { env } from '$env/dynamic/private';
import { emailLinkSecret, isLocalStack } from './mail-jobs/links.js';
import { serviceRoleKey, supabaseUrl } from './supabase';

/** Where `npm run dev` serves the app; links in mails point there against a local stack. */
const LOCAL_ORIGIN = 'http://127.0.0.1:5173';

/** EMAIL_LINK_SECRET, or a stable local value against the local stack; elsewhere missing is an error. */
export function mailLinkSecret(): string {
	return emailLinkSecret({
		configured: env.EMAIL_LINK_SECRET,
		supabaseUrl: supabaseUrl(),
		serviceRoleKey: serviceRoleKey()
	});
}

/** ORIGIN (adapter-node needs it anyway), or the dev server's against the local stack. */
export function mailOrigin(): string {
	if (env.ORIGIN) return env.ORIGIN.replace(/\/+$/, '');
	if (isLocalStack({ supabaseUrl: supabaseUrl(), serviceRoleKey: serviceRoleKey() })) {
		return LOCAL_ORIGIN;
	}
	throw new Error('ORIGIN is not set');
}
