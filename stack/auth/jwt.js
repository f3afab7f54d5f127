// @ts-check
// JSON Web Tokens and keys with node:crypto, as GoTrue signs and checks its access tokens:
// - GOTRUE_JWT_KEYS, a JSON array of private JWKs (oct/HS*, RSA/RS*, EC/ES*, OKP/EdDSA), of which exactly
//   one has key_ops "sign"; tokens carry its kid in the header;
// - without it, GOTRUE_JWT_SECRET alone (HS256, kid GOTRUE_JWT_KEY_ID when set);
// - a token verifies against the key its kid names, else (alg HS256) against GOTRUE_JWT_SECRET, and
//   only when its alg is one of the valid methods (the keys' algorithms, or GOTRUE_JWT_VALID_METHODS);
// - /.well-known/jwks.json lists the public halves of the asymmetric keys, never a secret.
// Error messages read like golang-jwt's, since GoTrue puts that text into its bad_jwt message.
import crypto from 'node:crypto';

/** @param {Buffer | string} data */
const b64url = (data) => Buffer.from(data).toString('base64url');

/**
 * How each algorithm signs: `hash` for node:crypto, `kty` the key type it needs, `curve` for ECDSA
 * (its r||s signature has twice the curve's byte size).
 * @type {Record<string, { kty: 'oct' | 'RSA' | 'EC' | 'OKP', hash: string | null, curve?: string, size?: number }>}
 */
const ALGORITHMS = {
	HS256: { kty: 'oct', hash: 'sha256' },
	HS384: { kty: 'oct', hash: 'sha384' },
	HS512: { kty: 'oct', hash: 'sha512' },
	RS256: { kty: 'RSA', hash: 'sha256' },
	RS384: { kty: 'RSA', hash: 'sha384' },
	RS512: { kty: 'RSA', hash: 'sha512' },
	ES256: { kty: 'EC', hash: 'sha256', curve: 'P-256', size: 32 },
	ES384: { kty: 'EC', hash: 'sha384', curve: 'P-384', size: 48 },
	ES512: { kty: 'EC', hash: 'sha512', curve: 'P-521', size: 66 },
	EdDSA: { kty: 'OKP', hash: null }
};

/** GoTrue signs with these; a signing key with another alg signs HS256 there, which we refuse. */
const SIGNING_ALGORITHMS = new Set(['HS256', 'RS256', 'RS512', 'ES256', 'ES512', 'EdDSA']);

/** Members of a JWK that are private, by key type. */
const PRIVATE_MEMBERS = new Set(['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k']);

/**
 * @typedef {object} JwtKey
 * @property {string} kid             '' when the JWK has none
 * @property {string} alg
 * @property {'oct' | 'RSA' | 'EC' | 'OKP'} kty
 * @property {string[]} keyOps
 * @property {crypto.KeyObject} signKey    private key or secret
 * @property {crypto.KeyObject} verifyKey  public key or secret
 * @property {Record<string, unknown> | null} publicJwk  what the JWKS endpoint shows; null for secrets
 */

/**
 * @typedef {object} JwtKeySet
 * @property {JwtKey[]} keys
 * @property {JwtKey | null} signing   the key with key_ops "sign"; null in a verify-only set
 * @property {Buffer} secret           GOTRUE_JWT_SECRET's bytes, the fallback for HS256 tokens
 * @property {string} keyId            GOTRUE_JWT_KEY_ID ('' when unset)
 * @property {string[]} validMethods
 */

/**
 * The algorithm a JWK is for: its `alg`, or the usual one for its type when it has none.
 * @param {Record<string, any>} jwk
 */
function algorithmOf(jwk) {
	if (typeof jwk.alg === 'string' && jwk.alg) return jwk.alg;
	if (jwk.kty === 'oct') return 'HS256';
	if (jwk.kty === 'RSA') return 'RS256';
	if (jwk.kty === 'EC')
		return { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' }[String(jwk.crv)] ?? '';
	if (jwk.kty === 'OKP') return 'EdDSA';
	return '';
}

/**
 * One JWK as the service uses it. Throws on a key node:crypto cannot read or an alg that does not fit.
 * @param {Record<string, any>} jwk
 * @param {{ defaultOps?: string[] }} [options]
 * @returns {JwtKey}
 */
export function importJwk(jwk, options = {}) {
	if (!jwk || typeof jwk !== 'object' || Array.isArray(jwk))
		throw new Error('a JWK must be an object');
	const kty = jwk.kty;
	if (kty !== 'oct' && kty !== 'RSA' && kty !== 'EC' && kty !== 'OKP')
		throw new Error(`unsupported JWK key type "${kty}"`);
	const alg = algorithmOf(jwk);
	const spec = ALGORITHMS[alg];
	if (!spec) throw new Error(`unsupported JWK algorithm "${alg}"`);
	if (spec.kty !== kty) throw new Error(`JWK algorithm ${alg} does not fit key type ${kty}`);
	if (spec.curve && jwk.crv !== spec.curve)
		throw new Error(`JWK algorithm ${alg} needs curve ${spec.curve}, not ${jwk.crv}`);
	const kid = typeof jwk.kid === 'string' ? jwk.kid : '';
	const keyOps = Array.isArray(jwk.key_ops)
		? jwk.key_ops.map(String)
		: [...(options.defaultOps ?? ['verify'])];
	if (kty === 'oct') {
		if (typeof jwk.k !== 'string') throw new Error('an oct JWK needs "k"');
		const secret = crypto.createSecretKey(Buffer.from(jwk.k, 'base64url'));
		return { kid, alg, kty, keyOps, signKey: secret, verifyKey: secret, publicJwk: null };
	}
	const hasPrivate = typeof jwk.d === 'string';
	const { key_ops: _ops, use: _use, ...material } = jwk;
	const signKey = hasPrivate
		? crypto.createPrivateKey({ key: /** @type {any} */ (material), format: 'jwk' })
		: crypto.createPublicKey({ key: /** @type {any} */ (material), format: 'jwk' });
	const verifyKey = hasPrivate ? crypto.createPublicKey(signKey) : signKey;
	if (keyOps.includes('sign') && !hasPrivate)
		throw new Error(`JWK ${kid || alg} has key_ops "sign" but no private part`);
	/** @type {Record<string, unknown>} */
	const shown = { alg };
	for (const [name, value] of Object.entries(jwk))
		if (!PRIVATE_MEMBERS.has(name) && name !== 'key_ops' && name !== 'use' && name !== 'alg')
			shown[name] = value;
	// As GoTrue's public keys: for signatures and verification only.
	shown.use = 'sig';
	shown.key_ops = ['verify'];
	const publicJwk = Object.fromEntries(
		Object.keys(shown)
			.sort()
			.map((name) => [name, shown[name]])
	);
	return { kid, alg, kty, keyOps, signKey, verifyKey, publicJwk };
}

/**
 * The keys of the service from GoTrue's settings.
 * @param {{ secret: string, keys?: string | unknown[], keyId?: string, validMethods?: string[],
 *   verifyOnly?: boolean }} input
 *   `keys` is GOTRUE_JWT_KEYS (JSON text or parsed); `verifyOnly` for a service that only checks
 *   tokens (a JWKS without private parts, no signing key needed).
 * @returns {JwtKeySet}
 */
export function jwtKeySet({ secret, keys, keyId = '', validMethods, verifyOnly = false }) {
	const secretBytes = Buffer.from(secret, 'utf8');
	/** @type {unknown[]} */
	let list = [];
	if (typeof keys === 'string' && keys.trim() !== '') {
		let parsed;
		try {
			parsed = JSON.parse(keys);
		} catch (e) {
			throw new Error(`GOTRUE_JWT_KEYS is not JSON: ${/** @type {Error} */ (e).message}`, {
				cause: e
			});
		}
		list = Array.isArray(parsed) ? parsed : parsed?.keys;
		if (!Array.isArray(list)) throw new Error('GOTRUE_JWT_KEYS must be a JSON array of JWKs');
	} else if (Array.isArray(keys)) {
		list = keys;
	}
	/** @type {JwtKey[]} */
	let imported;
	if (list.length === 0) {
		// As GoTrue: the secret becomes the one key, for signing and verifying, HS256.
		const key = crypto.createSecretKey(secretBytes);
		imported = [
			{
				kid: keyId,
				alg: 'HS256',
				kty: 'oct',
				keyOps: ['sign', 'verify'],
				signKey: key,
				verifyKey: key,
				publicJwk: null
			}
		];
	} else {
		imported = list.map((jwk) => importJwk(/** @type {Record<string, any>} */ (jwk)));
	}
	const signingKeys = imported.filter((k) => k.keyOps.includes('sign'));
	if (!verifyOnly) {
		if (signingKeys.length === 0) throw new Error('GOTRUE_JWT_KEYS: no signing key detected');
		if (signingKeys.length > 1)
			throw new Error(
				'GOTRUE_JWT_KEYS: multiple signing keys detected, only 1 signing key is supported'
			);
	}
	const signing = signingKeys[0] ?? null;
	if (signing && !SIGNING_ALGORITHMS.has(signing.alg))
		throw new Error(`GOTRUE_JWT_KEYS: cannot sign with ${signing.alg}`);
	const methods =
		validMethods && validMethods.length > 0
			? validMethods
			: [...new Set(imported.map((k) => k.alg))];
	return {
		keys: imported,
		signing,
		secret: secretBytes,
		keyId,
		validMethods: methods
	};
}

/**
 * The public JWKS of a key set: asymmetric keys only (GoTrue never shows an oct key).
 * @param {JwtKeySet} set
 */
export function publicJwks(set) {
	return { keys: set.keys.flatMap((k) => (k.publicJwk ? [k.publicJwk] : [])) };
}

/**
 * What a service that only checks tokens (PostgREST, Storage) verifies with, as the Supabase CLI gives
 * it: the public halves of the signing keys and the shared secret as an oct key, so that access tokens
 * and HS256 keys (anon, service_role) both pass. Holds no private part.
 * @param {string} jwtKeys GOTRUE_JWT_KEYS
 * @param {string} secret GOTRUE_JWT_SECRET
 */
export function verificationJwks(jwtKeys, secret) {
	const set = jwtKeySet({ secret, keys: jwtKeys, verifyOnly: true });
	return {
		keys: [
			...publicJwks(set).keys,
			{ kty: 'oct', alg: 'HS256', k: Buffer.from(secret, 'utf8').toString('base64url') }
		]
	};
}

/**
 * @param {string} alg @param {crypto.KeyObject} key @param {string} data
 * @returns {Buffer}
 */
function signature(alg, key, data) {
	const spec = /** @type {(typeof ALGORITHMS)[string]} */ (ALGORITHMS[alg]);
	if (spec.kty === 'oct')
		return crypto
			.createHmac(/** @type {string} */ (spec.hash), key)
			.update(data)
			.digest();
	if (spec.kty === 'EC')
		return crypto.sign(spec.hash, Buffer.from(data), { key, dsaEncoding: 'ieee-p1363' });
	return crypto.sign(spec.hash, Buffer.from(data), key);
}

/**
 * Signs claims with the set's signing key; the header carries its kid (GoTrue's header: alg, kid, typ).
 * @param {Record<string, unknown>} claims
 * @param {JwtKeySet} set
 */
export function signAccessToken(claims, set) {
	const key = set.signing;
	if (!key) throw new Error('this key set has no signing key');
	/** @type {Record<string, string>} */
	const header = { alg: key.alg };
	if (key.kid) header.kid = key.kid;
	header.typ = 'JWT';
	const head = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
	return `${head}.${signature(key.alg, key.signKey, head).toString('base64url')}`;
}

/**
 * HS256 with a shared secret, as the anon and service_role keys are signed.
 * @param {Record<string, unknown>} claims
 * @param {string} secret
 */
export function signJwt(claims, secret) {
	return signAccessToken(claims, jwtKeySet({ secret }));
}

/** golang-jwt decodes segments as unpadded base64url and refuses anything else. @param {string} s */
function strictBase64url(s) {
	if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) return null;
	return Buffer.from(s, 'base64url');
}

/** @param {string} segment @param {string} what */
function decodeSegment(segment, what) {
	const bytes = strictBase64url(segment);
	if (!bytes) throw new Error(`token is malformed: could not base64 decode ${what}`);
	try {
		const value = JSON.parse(bytes.toString('utf8'));
		if (value && typeof value === 'object' && !Array.isArray(value)) return value;
	} catch {
		// falls through
	}
	throw new Error(`token is malformed: could not JSON decode ${what}`);
}

/**
 * The key a token's header asks for, as GoTrue's key function finds it.
 * @param {Record<string, any>} header @param {JwtKeySet} set
 * @returns {crypto.KeyObject}
 */
function keyFor(header, set) {
	if (typeof header.kid === 'string') {
		const found = set.keys.find((k) => k.kid === header.kid);
		if (found) return found.verifyKey;
		if (header.kid === set.keyId) return crypto.createSecretKey(set.secret);
	}
	if (header.alg === 'HS256') return crypto.createSecretKey(set.secret);
	const kid = header.kid === undefined ? '<nil>' : String(header.kid);
	throw new Error(
		`token is unverifiable: error while executing keyfunc: unrecognized JWT kid ${kid} for algorithm ${header.alg}`
	);
}

/**
 * @param {string} alg @param {crypto.KeyObject} key @param {string} data @param {Buffer} given
 * @returns {string | null} golang-jwt's reason when the signature does not hold
 */
function checkSignature(alg, key, data, given) {
	const spec = /** @type {(typeof ALGORITHMS)[string]} */ (ALGORITHMS[alg]);
	const type = key.type === 'secret' ? 'oct' : key.asymmetricKeyType;
	const fits =
		spec.kty === 'oct'
			? type === 'oct'
			: spec.kty === 'RSA'
				? type === 'rsa'
				: spec.kty === 'EC'
					? type === 'ec'
					: type === 'ed25519' || type === 'ed448';
	if (!fits) return 'key is of invalid type';
	if (spec.kty === 'oct') {
		const expected = signature(alg, key, data);
		return given.length === expected.length && crypto.timingSafeEqual(given, expected)
			? null
			: 'signature is invalid';
	}
	if (spec.kty === 'EC') {
		const curve = key.asymmetricKeyDetails?.namedCurve;
		const expectedCurve = { 'P-256': 'prime256v1', 'P-384': 'secp384r1', 'P-521': 'secp521r1' }[
			/** @type {string} */ (spec.curve)
		];
		if (curve !== expectedCurve || given.length !== 2 * /** @type {number} */ (spec.size))
			return 'crypto/ecdsa: verification error';
		return crypto.verify(spec.hash, Buffer.from(data), { key, dsaEncoding: 'ieee-p1363' }, given)
			? null
			: 'crypto/ecdsa: verification error';
	}
	if (spec.kty === 'RSA')
		return crypto.verify(spec.hash, Buffer.from(data), key, given)
			? null
			: 'crypto/rsa: verification error';
	return crypto.verify(null, Buffer.from(data), key, given) ? null : 'ed25519: verification error';
}

/**
 * Verifies a token as GoTrue does (alg among the valid methods, the key by kid or the secret for
 * HS256, the signature, then exp and nbf). Throws an Error with golang-jwt's wording.
 * @param {string} token
 * @param {JwtKeySet} set
 * @param {number} [nowSeconds]
 * @returns {Record<string, any>}
 */
export function verifyAccessToken(token, set, nowSeconds = Math.floor(Date.now() / 1000)) {
	const parts = token.split('.');
	if (parts.length !== 3)
		throw new Error('token is malformed: token contains an invalid number of segments');
	const [head = '', body = '', sig = ''] = parts;
	const header = decodeSegment(head, 'header');
	const claims = decodeSegment(body, 'claim');
	const alg = header.alg;
	if (alg === 'none') throw new Error('token signature is invalid: signing method none is invalid');
	if (typeof alg !== 'string' || !Object.hasOwn(ALGORITHMS, alg))
		throw new Error('token is unverifiable: signing method (alg) is unavailable');
	if (!set.validMethods.includes(alg))
		throw new Error(`token signature is invalid: signing method ${alg} is invalid`);
	const given = strictBase64url(sig);
	if (!given) throw new Error('token is malformed: could not base64 decode signature');
	const key = keyFor(header, set);
	const reason = checkSignature(alg, key, `${head}.${body}`, given);
	if (reason) throw new Error(`token signature is invalid: ${reason}`);
	if (typeof claims.exp === 'number' && nowSeconds >= claims.exp)
		throw new Error('token has invalid claims: token is expired');
	if (typeof claims.nbf === 'number' && nowSeconds < claims.nbf)
		throw new Error('token has invalid claims: token is not valid yet');
	return claims;
}

/**
 * An HS256 token checked against one shared secret (the anon and service_role keys, tests).
 * @param {string} token
 * @param {string} secret
 * @param {number} [nowSeconds]
 * @returns {Record<string, any>}
 */
export function verifyJwt(token, secret, nowSeconds) {
	return verifyAccessToken(token, jwtKeySet({ secret }), nowSeconds);
}
