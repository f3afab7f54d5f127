// @ts-check
// HS256 JSON Web Tokens with node:crypto, enough for GoTrue's access tokens.
import crypto from 'node:crypto';

/** @param {Buffer | string} data */
const b64url = (data) => Buffer.from(data).toString('base64url');

/**
 * @param {Record<string, unknown>} claims
 * @param {string} secret
 */
export function signJwt(claims, secret) {
	const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
	const payload = b64url(JSON.stringify(claims));
	const signature = crypto
		.createHmac('sha256', secret)
		.update(`${header}.${payload}`)
		.digest('base64url');
	return `${header}.${payload}.${signature}`;
}

/**
 * Verifies signature and expiry. Throws an Error whose message reads like golang-jwt's, since GoTrue
 * puts that text into its bad_jwt message.
 * @param {string} token
 * @param {string} secret
 * @param {number} [nowSeconds]
 * @returns {Record<string, any>}
 */
export function verifyJwt(token, secret, nowSeconds = Math.floor(Date.now() / 1000)) {
	const parts = token.split('.');
	if (parts.length !== 3)
		throw new Error('token is malformed: token contains an invalid number of segments');
	let header;
	let claims;
	try {
		header = JSON.parse(Buffer.from(parts[0] ?? '', 'base64url').toString('utf8'));
		claims = JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8'));
	} catch {
		throw new Error('token is malformed: could not JSON decode');
	}
	if (header?.alg !== 'HS256')
		throw new Error(
			'token is unverifiable: error while executing keyfunc: unsupported signing method'
		);
	const expected = crypto.createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest();
	const given = Buffer.from(parts[2] ?? '', 'base64url');
	if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
		throw new Error('token signature is invalid: signature is invalid');
	}
	if (!claims || typeof claims !== 'object')
		throw new Error('token is malformed: claims are not an object');
	if (typeof claims.exp === 'number' && nowSeconds >= claims.exp) {
		throw new Error('token has invalid claims: token is expired');
	}
	return claims;
}
