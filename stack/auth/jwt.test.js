// @ts-check
// The JWK and JWT code on its own: GOTRUE_JWT_KEYS as GoTrue reads it, signing, verification and the
// public key set. The HTTP side is in tests/integration/auth/jwt-keys.test.ts.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authOptionsFromEnv } from './config.js';
import {
	importJwk,
	jwtKeySet,
	publicJwks,
	signAccessToken,
	signJwt,
	verificationJwks,
	verifyAccessToken,
	verifyJwt
} from './jwt.js';

/** @param {'ec' | 'rsa' | 'ed25519'} type @param {Record<string, unknown>} extra */
function privateJwk(type, extra) {
	const { privateKey } =
		type === 'ec'
			? crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' })
			: type === 'rsa'
				? crypto.generateKeyPairSync('rsa', { modulusLength: 2048 })
				: crypto.generateKeyPairSync('ed25519');
	return { ...privateKey.export({ format: 'jwk' }), ...extra };
}

const ec = privateJwk('ec', { kid: 'ec-1', alg: 'ES256', key_ops: ['sign', 'verify'] });
const rsa = privateJwk('rsa', { kid: 'rsa-1', alg: 'RS256', key_ops: ['verify'] });
const set = jwtKeySet({ secret: 'shared-secret', keys: JSON.stringify([ec, rsa]) });
const claims = { sub: 'a', role: 'authenticated', exp: 2_000_000_000 };

/** @param {string} token */
const parts = (token) => token.split('.');
/** @param {unknown} value */
const segment = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('GOTRUE_JWT_KEYS', () => {
	it('signs with the one key marked "sign", its kid in the header', () => {
		const token = signAccessToken(claims, set);
		expect(JSON.parse(Buffer.from(parts(token)[0] ?? '', 'base64url').toString())).toEqual({
			alg: 'ES256',
			kid: 'ec-1',
			typ: 'JWT'
		});
		// JOSE form: r||s, 64 bytes for P-256 (not DER).
		expect(Buffer.from(parts(token)[2] ?? '', 'base64url')).toHaveLength(64);
		expect(verifyAccessToken(token, set)).toEqual(claims);
	});

	it('ES256 tokens verify with WebCrypto against the published key', async () => {
		const token = signAccessToken(claims, set);
		const [head, body, sig] = parts(token);
		const jwk = publicJwks(set).keys.find((k) => k.kid === 'ec-1');
		const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
		const key = await crypto.webcrypto.subtle.importKey(
			'jwk',
			/** @type {JsonWebKey} */ (jwk),
			algorithm,
			false,
			['verify']
		);
		const valid = await crypto.webcrypto.subtle.verify(
			algorithm,
			key,
			Buffer.from(sig ?? '', 'base64url'),
			Buffer.from(`${head}.${body}`)
		);
		expect(valid).toBe(true);
	});

	it('verifies a token of a verify-only key by its kid (a key being rotated out)', () => {
		const rsaSigning = jwtKeySet({
			secret: 'x',
			keys: [{ ...rsa, key_ops: ['sign', 'verify'] }]
		});
		const token = signAccessToken(claims, rsaSigning);
		expect(verifyAccessToken(token, set)).toEqual(claims);
	});

	it('signs EdDSA and RS256 too', () => {
		for (const jwk of [
			privateJwk('ed25519', { kid: 'ed', alg: 'EdDSA', key_ops: ['sign'] }),
			privateJwk('rsa', { kid: 'rs', key_ops: ['sign'] })
		]) {
			const own = jwtKeySet({ secret: 'x', keys: [jwk] });
			expect(verifyAccessToken(signAccessToken(claims, own), own)).toEqual(claims);
		}
	});

	it('publishes only public members of asymmetric keys, as GoTrue: use sig, key_ops verify', () => {
		const hmac = { kty: 'oct', k: 'c2VjcmV0', kid: 'hs', alg: 'HS256', key_ops: ['verify'] };
		const jwks = publicJwks(jwtKeySet({ secret: 'x', keys: [ec, rsa, hmac] }));
		expect(jwks.keys.map((k) => k.kid)).toEqual(['ec-1', 'rsa-1']);
		for (const key of jwks.keys) {
			for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'])
				expect(key).not.toHaveProperty(member);
			expect(key).toMatchObject({ use: 'sig', key_ops: ['verify'] });
		}
		expect(Object.keys(jwks.keys[0] ?? {})).toEqual([
			'alg',
			'crv',
			'key_ops',
			'kid',
			'kty',
			'use',
			'x',
			'y'
		]);
	});

	it('refuses key sets GoTrue refuses', () => {
		expect(() => jwtKeySet({ secret: 'x', keys: [rsa] })).toThrow(/no signing key detected/);
		expect(() => jwtKeySet({ secret: 'x', keys: [ec, { ...rsa, key_ops: ['sign'] }] })).toThrow(
			/multiple signing keys detected/
		);
		expect(() => jwtKeySet({ secret: 'x', keys: '{not json' })).toThrow(/not JSON/);
		expect(() => jwtKeySet({ secret: 'x', keys: '"a string"' })).toThrow(/JSON array/);
		expect(() => importJwk({ ...ec, alg: 'RS256' })).toThrow(/does not fit/);
		expect(() =>
			importJwk({ kty: 'EC', crv: 'P-256', x: ec.x, y: ec.y, key_ops: ['sign'] })
		).toThrow(/no private part/);
		expect(() => importJwk({ kty: 'XYZ' })).toThrow(/unsupported JWK key type/);
	});

	it('infers the algorithm of a JWK without alg from its type', () => {
		const { alg: _alg, ...bare } = ec;
		expect(importJwk(bare).alg).toBe('ES256');
		expect(importJwk({ kty: 'oct', k: 'c2VjcmV0' }).alg).toBe('HS256');
	});
});

describe('verification, as GoTrue', () => {
	it('takes HS256 without a kid with GOTRUE_JWT_SECRET when HS256 is a valid method', () => {
		const token = signJwt(claims, 'shared-secret');
		expect(() => verifyAccessToken(token, set)).toThrow(
			'token signature is invalid: signing method HS256 is invalid'
		);
		const withHs = jwtKeySet({
			secret: 'shared-secret',
			keys: [ec],
			validMethods: ['HS256', 'ES256']
		});
		expect(verifyAccessToken(token, withHs)).toEqual(claims);
		expect(() => verifyAccessToken(signJwt(claims, 'other'), withHs)).toThrow(
			'token signature is invalid: signature is invalid'
		);
	});

	it('refuses another key under a known kid, an unknown kid, alg none and a bad alg', () => {
		const other = jwtKeySet({
			secret: 'x',
			keys: [privateJwk('ec', { kid: 'ec-1', alg: 'ES256', key_ops: ['sign'] })]
		});
		expect(() => verifyAccessToken(signAccessToken(claims, other), set)).toThrow(
			'token signature is invalid: crypto/ecdsa: verification error'
		);
		const stranger = jwtKeySet({
			secret: 'x',
			keys: [privateJwk('ec', { kid: 'elsewhere', alg: 'ES256', key_ops: ['sign'] })]
		});
		expect(() => verifyAccessToken(signAccessToken(claims, stranger), set)).toThrow(
			'token is unverifiable: error while executing keyfunc: unrecognized JWT kid elsewhere for algorithm ES256'
		);
		const none = `${segment({ alg: 'none', typ: 'JWT' })}.${segment(claims)}.`;
		expect(() => verifyAccessToken(none, set)).toThrow('signing method none is invalid');
		const weird = `${segment({ alg: 'XS1' })}.${segment(claims)}.AAAA`;
		expect(() => verifyAccessToken(weird, set)).toThrow('signing method (alg) is unavailable');
	});

	it('never lets an asymmetric key act as an HMAC secret (alg confusion)', () => {
		const open = jwtKeySet({ secret: 'x', keys: [ec], validMethods: ['HS256', 'ES256'] });
		const publicPem = crypto
			.createPublicKey({ key: /** @type {any} */ (ec), format: 'jwk' })
			.export({ type: 'spki', format: 'pem' })
			.toString();
		const [, body, mac] = parts(signJwt(claims, publicPem));
		const confused = `${segment({ alg: 'HS256', kid: 'ec-1', typ: 'JWT' })}.${body}.${mac}`;
		expect(() => verifyAccessToken(confused, open)).toThrow(
			'token signature is invalid: key is of invalid type'
		);
	});

	it('checks exp and nbf after the signature; malformed tokens say so', () => {
		expect(() => verifyAccessToken(signAccessToken({ exp: 10 }, set), set)).toThrow(
			'token has invalid claims: token is expired'
		);
		expect(() =>
			verifyAccessToken(signAccessToken({ nbf: 2_000_000_000 }, set), set, 1_000)
		).toThrow('token has invalid claims: token is not valid yet');
		expect(() => verifyAccessToken('a.b', set)).toThrow('token is malformed');
		expect(() => verifyAccessToken('!!.e30.x', set)).toThrow(
			'token is malformed: could not base64 decode header'
		);
		const token = signAccessToken(claims, set);
		expect(() => verifyAccessToken(`${token}=`, set)).toThrow('could not base64 decode signature');
	});

	it('verifyJwt keeps its HS256 meaning', () => {
		expect(verifyJwt(signJwt(claims, 's'), 's')).toEqual(claims);
		expect(() => verifyJwt(signAccessToken(claims, set), 's')).toThrow(/ES256 is invalid/);
	});
});

describe('the verifiers’ JWKS and the settings', () => {
	it('verificationJwks: public keys and the secret as an oct key, nothing private', () => {
		const jwks = verificationJwks(JSON.stringify([ec]), 'shared-secret');
		expect(jwks.keys.map((k) => k.kty)).toEqual(['EC', 'oct']);
		expect(jwks.keys[0]).not.toHaveProperty('d');
		expect(Buffer.from(String(jwks.keys[1]?.k), 'base64url').toString()).toBe('shared-secret');
		// What Storage builds from it takes both kinds of token.
		const verifier = jwtKeySet({ secret: 'shared-secret', keys: jwks.keys, verifyOnly: true });
		expect(verifyAccessToken(signAccessToken(claims, set), verifier)).toEqual(claims);
		expect(verifyAccessToken(signJwt(claims, 'shared-secret'), verifier)).toEqual(claims);
		expect(verificationJwks('[]', 's').keys.map((k) => k.kty)).toEqual(['oct']);
	});

	it('authOptionsFromEnv reads GOTRUE_JWT_KEYS, GOTRUE_JWT_KEY_ID and GOTRUE_JWT_VALID_METHODS', () => {
		const base = { GOTRUE_JWT_SECRET: 's', DATABASE_URL: 'postgres://x' };
		const plain = authOptionsFromEnv(base).jwtKeys;
		expect(plain.signing?.alg).toBe('HS256');
		expect(plain.validMethods).toEqual(['HS256']);
		const withId = authOptionsFromEnv({ ...base, GOTRUE_JWT_KEY_ID: 'legacy' }).jwtKeys;
		expect(withId.signing?.kid).toBe('legacy');
		const keyed = authOptionsFromEnv({
			...base,
			GOTRUE_JWT_KEYS: JSON.stringify([ec]),
			GOTRUE_JWT_VALID_METHODS: 'HS256,ES256'
		}).jwtKeys;
		expect(keyed.signing?.kid).toBe('ec-1');
		expect(keyed.validMethods).toEqual(['HS256', 'ES256']);
		expect(() => authOptionsFromEnv({ ...base, GOTRUE_JWT_KEYS: JSON.stringify([rsa]) })).toThrow(
			/no signing key/
		);
	});
});
