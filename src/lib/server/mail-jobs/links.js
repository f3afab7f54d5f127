// @ts-check
// Signed links in notification mails: unsubscribing from a kind of notification (or from the weekly digest)
// in one click, without signing in. The signature, HMAC-SHA256 with EMAIL_LINK_SECRET over the person, the
// kind and the expiry, is what authorises the change: it cannot be forged, altered or used after it expires.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const UNSUBSCRIBE_PATH = '/meldingen/uitschrijven';
export const PREFERENCES_PATH = '/profiel/meldingen';
/** The scope of a digest mail's link: every kind the person gets in the digest. */
export const DIGEST_SCOPE = 'digest';
/** How long a mailed link works. */
export const LINK_VALID_DAYS = 90;

const MIN_SECRET_LENGTH = 32;
const PURPOSE = 'groeistoot-unsubscribe-v1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SCOPE = /^[a-z][a-z_]{0,39}$/;
const EXPIRY = /^[1-9][0-9]{0,11}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

// The Supabase CLI's well-known local service-role key: its presence means a local stack (public knowledge).
const LOCAL_SERVICE_ROLE_KEY =
	'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A local stack: the API on this machine with the well-known local key. Nothing deployed looks like this.
 * @param {{ supabaseUrl: string, serviceRoleKey: string }} target
 */
export function isLocalStack({ supabaseUrl, serviceRoleKey }) {
	let host;
	try {
		host = new URL(supabaseUrl).hostname;
	} catch {
		return false;
	}
	return LOOPBACK_HOSTS.has(host) && serviceRoleKey === LOCAL_SERVICE_ROLE_KEY;
}

/**
 * The secret that signs mail links: EMAIL_LINK_SECRET, or against a local stack a stable value derived from
 * its (public) key, so that links from `npm run digest:send` work in `npm run dev`. Anywhere else a missing
 * or short secret is an error, never a silent default.
 * @param {{ configured?: string, supabaseUrl: string, serviceRoleKey: string }} options
 */
export function emailLinkSecret({ configured, supabaseUrl, serviceRoleKey }) {
	if (configured) {
		if (configured.length < MIN_SECRET_LENGTH) {
			throw new Error(`EMAIL_LINK_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
		}
		return configured;
	}
	if (isLocalStack({ supabaseUrl, serviceRoleKey })) {
		return createHmac('sha256', 'groeistoot-local-email-links')
			.update(serviceRoleKey)
			.digest('hex');
	}
	throw new Error('EMAIL_LINK_SECRET is not set');
}

/**
 * @param {string} secret
 * @param {string} userId
 * @param {string} scope
 * @param {string} expires
 */
function signature(secret, userId, scope, expires) {
	return createHmac('sha256', secret)
		.update(`${PURPOSE}\n${userId}\n${scope}\n${expires}`)
		.digest('base64url');
}

/**
 * The query of an unsubscribe link: person (u), kind or 'digest' (k), expiry in Unix seconds (e), signature (s).
 * @param {{ userId: string, scope: string, secret: string, now?: number, validDays?: number }} options
 * @returns {URLSearchParams}
 */
export function signUnsubscribe({
	userId,
	scope,
	secret,
	now = Date.now(),
	validDays = LINK_VALID_DAYS
}) {
	if (!UUID.test(userId)) throw new Error(`not a person's id: ${userId}`);
	if (!SCOPE.test(scope)) throw new Error(`not a kind of notification: ${scope}`);
	const expires = String(Math.floor(now / 1000) + validDays * 24 * 60 * 60);
	return new URLSearchParams({
		u: userId,
		k: scope,
		e: expires,
		s: signature(secret, userId, scope, expires)
	});
}

/**
 * The full unsubscribe URL for a mail.
 * @param {{ origin: string, userId: string, scope: string, secret: string, now?: number }} options
 */
export function unsubscribeUrl({ origin, ...options }) {
	return `${origin}${UNSUBSCRIBE_PATH}?${signUnsubscribe(options)}`;
}

/**
 * @typedef {{ ok: true, userId: string, scope: string, expiresAt: Date }
 *   | { ok: false, reason: 'invalid' | 'expired' }} Verified
 */

/**
 * Checks a link's query. A link with any part changed is `invalid`; a genuine one past its expiry `expired`
 * (the expiry is only believed once the signature holds).
 * @param {URLSearchParams} query
 * @param {string} secret
 * @param {number} [now]
 * @returns {Verified}
 */
export function verifyUnsubscribe(query, secret, now = Date.now()) {
	const [userId, scope, expires, given] = ['u', 'k', 'e', 's'].map((key) => {
		const values = query.getAll(key);
		return values.length === 1 ? values[0] : undefined;
	});
	if (
		!userId ||
		!scope ||
		!expires ||
		!given ||
		!UUID.test(userId) ||
		!SCOPE.test(scope) ||
		!EXPIRY.test(expires) ||
		!SIGNATURE.test(given)
	) {
		return { ok: false, reason: 'invalid' };
	}
	const expected = Buffer.from(signature(secret, userId, scope, expires));
	if (!timingSafeEqual(expected, Buffer.from(given))) return { ok: false, reason: 'invalid' };
	const expiresAt = new Date(Number(expires) * 1000);
	if (expiresAt.getTime() <= now) return { ok: false, reason: 'expired' };
	return { ok: true, userId, scope, expiresAt };
}
