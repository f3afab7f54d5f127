// @ts-check
// Opaque tokens, mailed one-time codes and PKCE checks.
import crypto from 'node:crypto';

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Refresh tokens: short random strings, as GoTrue's (v1) refresh tokens are. @param {number} [length] */
export function randomToken(length = 12) {
	const bytes = crypto.randomBytes(length);
	let out = '';
	for (const b of bytes) out += ALPHANUMERIC[b % ALPHANUMERIC.length];
	return out;
}

/** @param {number} digits */
export function generateOtp(digits) {
	return String(crypto.randomInt(0, 10 ** digits)).padStart(digits, '0');
}

/**
 * The hash GoTrue stores and puts in links: hex sha224 of email + code, so a link and a typed code
 * identify the same row.
 * @param {string} emailOrPhone @param {string} otp
 */
export function tokenHash(emailOrPhone, otp) {
	return crypto
		.createHash('sha224')
		.update(emailOrPhone + otp)
		.digest('hex');
}

export const PKCE_PREFIX = 'pkce_';

/**
 * @param {string | undefined} method
 * @returns {'s256' | 'plain' | null}
 */
export function parseChallengeMethod(method) {
	const m = (method ?? '').toLowerCase();
	return m === 's256' ? 's256' : m === 'plain' ? 'plain' : null;
}

/** @param {string} verifier @param {string} challenge @param {'s256' | 'plain'} method */
export function verifyCodeChallenge(verifier, challenge, method) {
	const computed =
		method === 's256' ? crypto.createHash('sha256').update(verifier).digest('base64url') : verifier;
	const a = Buffer.from(computed);
	const b = Buffer.from(challenge);
	return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** GoTrue's code challenge rules. @param {string} challenge */
export function isValidCodeChallenge(challenge) {
	return challenge.length >= 43 && challenge.length <= 128 && /^[A-Za-z0-9._~-]+$/.test(challenge);
}
