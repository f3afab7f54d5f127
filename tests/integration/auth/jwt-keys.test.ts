// Asymmetric signing keys (GOTRUE_JWT_KEYS): the stack signs access tokens with its ES256 key, publishes
// the public half at /.well-known/jwks.json, and the auth service, PostgREST and Storage accept those
// tokens and the HS256 anon and service_role keys, and refuse a token signed with another key, with
// alg none, or with the public key used as an HMAC secret. Other key sets (RS256, an HMAC key, none)
// run on private auth instances.
import {
	generateKeyPairSync,
	createPrivateKey,
	sign,
	webcrypto,
	type JsonWebKey
} from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { signJwt } from '../../../stack/auth/jwt.js';
import { jwtKeys as stackJwtKeys } from '../../../stack/config.js';
import { createClient } from '@supabase/supabase-js';
import ws from 'ws';
import {
	admin,
	anon,
	anonKey,
	apiUrl,
	confirmedUser,
	decodeJwt,
	jwtSecret,
	ownAuth,
	raw,
	serviceRoleKey,
	userTracker
} from './helpers';

const users = userTracker();
afterAll(() => users.cleanup());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const headerOf = (token: string) =>
	JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8'));

/** A token signed with any private JWK, in JOSE form (ES256 as r||s). */
function signWith(jwk: JsonWebKey, header: Record<string, unknown>, claims: object) {
	const head = `${segment(header)}.${segment(claims)}`;
	const key = createPrivateKey({ key: jwk, format: 'jwk' });
	const signature =
		header.alg === 'ES256'
			? sign('sha256', Buffer.from(head), { key, dsaEncoding: 'ieee-p1363' })
			: sign('sha256', Buffer.from(head), key);
	return `${head}.${signature.toString('base64url')}`;
}

/** Checks a token's signature with WebCrypto against a JWKS, as supabase-js's getClaims() does. */
async function verifiesAgainst(token: string, jwks: { keys: JsonWebKey[] }) {
	const [head, body, signature] = token.split('.');
	const { alg, kid } = headerOf(token);
	const jwk = jwks.keys.find((k) => (k as { kid?: string }).kid === kid);
	if (!jwk) return false;
	const algorithm =
		alg === 'ES256'
			? { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' }
			: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
	const key = await webcrypto.subtle.importKey('jwk', jwk, algorithm, false, ['verify']);
	return webcrypto.subtle.verify(
		algorithm,
		key,
		Buffer.from(signature ?? '', 'base64url'),
		Buffer.from(`${head}.${body}`)
	);
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'];

describe('the stack: ES256 access tokens', () => {
	const stackKey = (JSON.parse(stackJwtKeys) as (JsonWebKey & { kid: string })[])[0]!;

	it('GET /.well-known/jwks.json shows the public half of the signing key, and nothing private', async () => {
		const r = await raw('/.well-known/jwks.json');
		expect(r.status).toBe(200);
		expect(r.headers.get('cache-control')).toBe('public, max-age=600');
		expect(r.body.keys).toHaveLength(1);
		const [key] = r.body.keys;
		expect(key).toEqual({
			alg: 'ES256',
			crv: 'P-256',
			key_ops: ['verify'],
			kid: stackKey.kid,
			kty: 'EC',
			use: 'sig',
			x: stackKey.x,
			y: stackKey.y
		});
		for (const member of PRIVATE_MEMBERS) expect(key).not.toHaveProperty(member);
		// Open like on Supabase: no apikey needed.
		const open = await fetch(`${apiUrl}/auth/v1/.well-known/jwks.json`);
		expect(open.status).toBe(200);
	});

	it('signs access tokens with ES256 and its kid; WebCrypto verifies them against the JWKS', async () => {
		const { session } = await confirmedUser(anon(), users, 'jwks');
		expect(headerOf(session.access_token)).toEqual({
			alg: 'ES256',
			kid: stackKey.kid,
			typ: 'JWT'
		});
		const jwks = (await raw('/.well-known/jwks.json')).body;
		expect(await verifiesAgainst(session.access_token, jwks)).toBe(true);
		// A refreshed token too.
		const { data } = await anon().auth.refreshSession({ refresh_token: session.refresh_token });
		expect(headerOf(data.session!.access_token).kid).toBe(stackKey.kid);
		expect(await verifiesAgainst(data.session!.access_token, jwks)).toBe(true);
	});

	it('supabase-js getClaims() verifies the token against the JWKS without asking /user', async () => {
		const client = anon();
		const { user } = await confirmedUser(client, users, 'jwks');
		const asked: string[] = [];
		const counting = createClient(apiUrl, anonKey, {
			auth: { persistSession: false, autoRefreshToken: false },
			global: {
				fetch: (input, init) => {
					asked.push(String(input instanceof Request ? input.url : input));
					return fetch(input, init);
				}
			},
			realtime: { transport: ws as never }
		});
		const { data: s } = await client.auth.getSession();
		const { data, error } = await counting.auth.getClaims(s.session!.access_token);
		expect(error).toBeNull();
		expect(data?.claims.sub).toBe(user.id);
		expect(asked.some((url) => url.endsWith('/auth/v1/user'))).toBe(false);
	});

	it('/user accepts the token; refuses one signed with another key under the same kid', async () => {
		const { session, user } = await confirmedUser(anon(), users, 'jwks');
		const ok = await raw('/user', { headers: bearer(session.access_token) });
		expect(ok.status).toBe(200);
		expect(ok.body.id).toBe(user.id);

		const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
			format: 'jwk'
		});
		const forged = signWith(
			other,
			{ alg: 'ES256', kid: stackKey.kid, typ: 'JWT' },
			decodeJwt(session.access_token)
		);
		const r = await raw('/user', { headers: bearer(forged) });
		expect(r.status).toBe(403);
		expect(r.body.error_code).toBe('bad_jwt');
		expect(r.body.msg).toBe(
			'invalid JWT: unable to parse or verify signature, token signature is invalid: crypto/ecdsa: verification error'
		);
	});

	it('refuses alg none, an unknown kid, and the public key used as an HMAC secret', async () => {
		const { session } = await confirmedUser(anon(), users, 'jwks');
		const claims = decodeJwt(session.access_token);

		const none = `${segment({ alg: 'none', typ: 'JWT' })}.${segment(claims)}.`;
		const r1 = await raw('/user', { headers: bearer(none) });
		expect(r1.status).toBe(403);
		expect(r1.body.msg).toContain('signing method none is invalid');

		const unknownKid = signWith(
			generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }),
			{ alg: 'ES256', kid: 'not-a-key-of-this-service', typ: 'JWT' },
			claims
		);
		const r2 = await raw('/user', { headers: bearer(unknownKid) });
		expect(r2.status).toBe(403);
		expect(r2.body.msg).toContain(
			'unrecognized JWT kid not-a-key-of-this-service for algorithm ES256'
		);

		// HS256 under the ES256 key's kid, "signed" with its public coordinates: the old confusion attack.
		const publicText = JSON.stringify({ kty: 'EC', crv: 'P-256', x: stackKey.x, y: stackKey.y });
		const [, body, mac] = signJwt(claims, publicText).split('.');
		const withKid = `${segment({ alg: 'HS256', kid: stackKey.kid, typ: 'JWT' })}.${body}.${mac}`;
		const r3 = await raw('/user', { headers: bearer(withKid) });
		expect(r3.status).toBe(403);
		expect(r3.body.msg).toContain('key is of invalid type');
	});

	it('still takes HS256 tokens signed with the shared secret: the service_role key and old sessions', async () => {
		const list = await admin.auth.admin.listUsers({ page: 1, perPage: 1 });
		expect(list.error).toBeNull();
		const { session } = await confirmedUser(anon(), users, 'jwks');
		const hs256 = signJwt(decodeJwt(session.access_token), jwtSecret);
		const r = await raw('/user', { headers: bearer(hs256) });
		expect(r.status).toBe(200);
		const wrongSecret = signJwt(decodeJwt(session.access_token), 'not-the-secret');
		const refused = await raw('/user', { headers: bearer(wrongSecret) });
		expect(refused.status).toBe(403);
		expect(refused.body.msg).toContain('token signature is invalid: signature is invalid');
	});
});

describe('PostgREST and Storage take the ES256 tokens', () => {
	const rest = (path: string, token: string, init: RequestInit = {}) =>
		fetch(`${apiUrl}/rest/v1${path}`, {
			...init,
			headers: {
				apikey: anonKey,
				authorization: `Bearer ${token}`,
				'content-type': 'application/json',
				prefer: 'return=representation',
				...((init.headers as Record<string, string>) ?? {})
			}
		});

	it('PostgREST runs the request as the token’s user (auth.uid() from the ES256 token)', async () => {
		const { session, user } = await confirmedUser(anon(), users, 'jwks');
		const bio = `jwks-${Date.now()}`;
		const updated = await rest(`/profiles?id=eq.${user.id}&select=id,bio`, session.access_token, {
			method: 'PATCH',
			body: JSON.stringify({ bio })
		});
		expect(updated.status).toBe(200);
		expect(await updated.json()).toEqual([{ id: user.id, bio }]);
		// The anon key (HS256) is read as the role anon, which may not update profiles at all.
		const asAnon = await rest(`/profiles?id=eq.${user.id}&select=id`, anonKey, {
			method: 'PATCH',
			body: JSON.stringify({ bio: 'anon' })
		});
		expect(asAnon.status).toBe(401);
		expect((await asAnon.json()).code).toBe('42501');
		// The service_role key (HS256) still passes.
		const asService = await rest(`/profiles?id=eq.${user.id}&select=bio`, serviceRoleKey);
		expect(await asService.json()).toEqual([{ bio }]);
	});

	it('PostgREST refuses a token signed with another key, and alg none', async () => {
		const { session } = await confirmedUser(anon(), users, 'jwks');
		const claims = decodeJwt(session.access_token);
		const forged = signWith(
			generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }),
			headerOf(session.access_token),
			claims
		);
		// PostgREST keeps a verified token (PGRST_JWT_CACHE_MAX_LIFETIME): the real one, used first, does not
		// let a forgery with the same claims through.
		expect((await rest('/profiles?select=id&limit=1', session.access_token)).status).toBe(200);
		const r1 = await rest('/profiles?select=id&limit=1', forged);
		expect(r1.status).toBe(401);
		const none = `${segment({ alg: 'none', typ: 'JWT' })}.${segment(claims)}.`;
		const r2 = await rest('/profiles?select=id&limit=1', none);
		expect(r2.status).toBe(401);
	});

	it('PostgREST refuses a token once it has expired, also one it verified and kept before', async () => {
		const { user } = await confirmedUser(anon(), users, 'jwks');
		const key = (JSON.parse(stackJwtKeys) as (JsonWebKey & { kid: string })[])[0]!;
		// PostgREST allows 30 seconds of clock skew on exp: a token 27 seconds past it still passes, is kept
		// in the cache, and must be refused once the skew is over, not when the cache would drop it (an hour).
		const exp = Math.floor(Date.now() / 1000) - 27;
		const token = signWith(
			key,
			{ alg: 'ES256', kid: key.kid, typ: 'JWT' },
			{ sub: user.id, role: 'authenticated', aud: 'authenticated', iat: exp - 60, exp }
		);
		const mine = `/profiles?id=eq.${user.id}&select=id`;
		const before = await rest(mine, token);
		expect(before.status).toBe(200);
		expect(await before.json()).toEqual([{ id: user.id }]);
		while (Date.now() < (exp + 31) * 1000) await new Promise((done) => setTimeout(done, 100));
		const after = await rest(mine, token);
		expect(after.status).toBe(401);
		expect((await after.json()).code).toBe('PGRST301');
	});

	it('Storage takes the ES256 token as the user and refuses a forged one', async () => {
		const { session } = await confirmedUser(anon(), users, 'jwks');
		const storage = (token: string) =>
			fetch(`${apiUrl}/storage/v1/object/list/organisation-logos`, {
				method: 'POST',
				headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
				body: JSON.stringify({ prefix: '', limit: 1 })
			});
		expect((await storage(session.access_token)).status).toBe(200);
		// Writing outside one's own organisation: refused by the bucket's policies, not by the token.
		const upload = await fetch(
			`${apiUrl}/storage/v1/object/organisation-logos/${crypto.randomUUID()}/logo-64.webp`,
			{
				method: 'POST',
				headers: { authorization: `Bearer ${session.access_token}`, 'content-type': 'image/webp' },
				body: Buffer.from('RIFF')
			}
		);
		expect(upload.status).toBe(400);
		expect((await upload.json()).message).toContain('row-level security');

		const forged = signWith(
			generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }),
			headerOf(session.access_token),
			decodeJwt(session.access_token)
		);
		const refused = await storage(forged);
		expect(refused.status).toBe(400);
		expect((await refused.json()).message).toContain('signature is invalid');
	});
});

describe('other key sets, on private auth instances', () => {
	it('RS256: signs with the key marked "sign", shows only public members, verifies by kid', async () => {
		const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
			format: 'jwk'
		});
		const verifyOnly = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
			format: 'jwk'
		});
		const keys = [
			{ ...rsa, kid: 'rsa-signing', alg: 'RS256', key_ops: ['sign', 'verify'] },
			{ ...verifyOnly, kid: 'ec-verify', alg: 'ES256', key_ops: ['verify'] }
		];
		const own = await ownAuth({
			GOTRUE_JWT_KEYS: JSON.stringify(keys),
			GOTRUE_MAILER_AUTOCONFIRM: 'true'
		});
		try {
			const base = `${own.url}/auth/v1`;
			const jwks = (await raw('/.well-known/jwks.json', { base })).body;
			expect(jwks.keys.map((k: { kid: string }) => k.kid)).toEqual(['rsa-signing', 'ec-verify']);
			for (const key of jwks.keys) {
				for (const member of PRIVATE_MEMBERS) expect(key).not.toHaveProperty(member);
				expect(key).toMatchObject({ use: 'sig', key_ops: ['verify'] });
			}
			expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', e: rsa.e, n: rsa.n });

			const client = own.client();
			const email = `jwks-rs-${crypto.randomUUID()}@example.test`;
			const signUp = await client.auth.signUp({ email, password: 'auth-test-wachtwoord-1' });
			expect(signUp.error).toBeNull();
			users.add(signUp.data.user?.id);
			const token = signUp.data.session!.access_token;
			expect(headerOf(token)).toEqual({ alg: 'RS256', kid: 'rsa-signing', typ: 'JWT' });
			expect(await verifiesAgainst(token, jwks)).toBe(true);
			expect((await raw('/user', { base, headers: bearer(token) })).status).toBe(200);

			// A token signed with the verify-only key is accepted (rotation: the previous key still verifies).
			const byOld = signWith(
				verifyOnly,
				{ alg: 'ES256', kid: 'ec-verify', typ: 'JWT' },
				decodeJwt(token)
			);
			expect((await raw('/user', { base, headers: bearer(byOld) })).status).toBe(200);

			// HS256 is not among this instance's methods: the shared secret no longer opens it.
			const hs = await raw('/user', {
				base,
				headers: bearer(signJwt(decodeJwt(token), jwtSecret))
			});
			expect(hs.status).toBe(403);
			expect(hs.body.msg).toContain('signing method HS256 is invalid');
		} finally {
			await own.close();
		}
	});

	it('an HMAC key (oct): tokens carry its kid, the JWKS stays empty', async () => {
		const k = Buffer.from('a-local-hmac-signing-key-of-32-bytes!').toString('base64url');
		const own = await ownAuth({
			GOTRUE_JWT_KEYS: JSON.stringify([
				{ kty: 'oct', k, kid: 'hmac-key', alg: 'HS256', key_ops: ['sign', 'verify'] }
			]),
			GOTRUE_MAILER_AUTOCONFIRM: 'true'
		});
		try {
			const base = `${own.url}/auth/v1`;
			expect((await raw('/.well-known/jwks.json', { base })).body).toEqual({ keys: [] });
			const client = own.client();
			const signUp = await client.auth.signUp({
				email: `jwks-oct-${crypto.randomUUID()}@example.test`,
				password: 'auth-test-wachtwoord-1'
			});
			users.add(signUp.data.user?.id);
			const token = signUp.data.session!.access_token;
			expect(headerOf(token)).toEqual({ alg: 'HS256', kid: 'hmac-key', typ: 'JWT' });
			expect((await raw('/user', { base, headers: bearer(token) })).status).toBe(200);
		} finally {
			await own.close();
		}
	});

	it('no GOTRUE_JWT_KEYS: HS256 with the secret and an empty JWKS, as before', async () => {
		const own = await ownAuth({ GOTRUE_JWT_KEYS: '', GOTRUE_MAILER_AUTOCONFIRM: 'true' });
		try {
			const base = `${own.url}/auth/v1`;
			expect((await raw('/.well-known/jwks.json', { base })).body).toEqual({ keys: [] });
			const signUp = await own.client().auth.signUp({
				email: `jwks-hs-${crypto.randomUUID()}@example.test`,
				password: 'auth-test-wachtwoord-1'
			});
			users.add(signUp.data.user?.id);
			expect(headerOf(signUp.data.session!.access_token)).toEqual({ alg: 'HS256', typ: 'JWT' });
		} finally {
			await own.close();
		}
	});
});
