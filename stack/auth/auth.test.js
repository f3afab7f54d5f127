// @ts-check
// Unit tests for the auth service's pure parts.
import { describe, expect, it } from 'vitest';
import { authOptionsFromEnv, parseDuration, parseRateLimit } from './config.js';
import { AuthError, errorBody, requestedApiVersion } from './errors.js';
import { signJwt, verifyJwt } from './jwt.js';
import { RateLimiter, clientIp, rateLimitKey } from './rate-limit.js';
import { allowedRedirect, resolveRedirect } from './redirect.js';
import { tokenHash, verifyCodeChallenge, generateOtp, isValidCodeChallenge } from './tokens.js';
import {
	checkPasswordStrength,
	hashPassword,
	passwordMatches,
	verifyPassword
} from './passwords.js';
import { isValidEmail } from './http.js';
import crypto from 'node:crypto';

describe('config', () => {
	it('parses Go durations and bare seconds', () => {
		expect(parseDuration('1m30s')).toBe(90_000);
		expect(parseDuration('500ms')).toBe(500);
		expect(parseDuration('24h')).toBe(86_400_000);
		expect(parseDuration('60')).toBe(60_000);
		expect(() => parseDuration('soon')).toThrow();
	});
	it('parses rate limits as a count or count/window', () => {
		const fallback = { events: 30, windowMs: 300_000 };
		expect(parseRateLimit('5', fallback)).toEqual({ events: 5, windowMs: 300_000 });
		expect(parseRateLimit('10/1h', fallback)).toEqual({ events: 10, windowMs: 3_600_000 });
		expect(parseRateLimit(undefined, fallback)).toBe(fallback);
	});
	it('builds options from GoTrue variables; env wins over overrides', () => {
		const o = authOptionsFromEnv(
			{
				GOTRUE_JWT_SECRET: 's',
				DATABASE_URL: 'postgres://x',
				GOTRUE_PASSWORD_MIN_LENGTH: '8',
				API_EXTERNAL_URL: 'http://a:1/'
			},
			{ passwordMinLength: 12, mailerAutoconfirm: true }
		);
		expect(o.passwordMinLength).toBe(8);
		expect(o.mailerAutoconfirm).toBe(true);
		expect(o.jwtIssuer).toBe('http://a:1/auth/v1');
		expect(o.jwtExp).toBe(3600);
		expect(() => authOptionsFromEnv({ DATABASE_URL: 'x' })).toThrow(/GOTRUE_JWT_SECRET/);
	});
	it('reads the forwarding and password-change settings, off by default as in GoTrue', () => {
		const base = { GOTRUE_JWT_SECRET: 's', DATABASE_URL: 'postgres://x' };
		const off = authOptionsFromEnv(base);
		expect(off.rateLimits.header).toBe('');
		expect(off.sbForwardedForEnabled).toBe(false);
		expect(off.updatePasswordRequireCurrentPassword).toBe(false);
		const on = authOptionsFromEnv({
			...base,
			GOTRUE_RATE_LIMIT_HEADER: 'X-Forwarded-For',
			GOTRUE_SECURITY_SB_FORWARDED_FOR_ENABLED: 'true',
			GOTRUE_SECURITY_UPDATE_PASSWORD_REQUIRE_CURRENT_PASSWORD: 'true'
		});
		expect(on.rateLimits.header).toBe('X-Forwarded-For');
		expect(on.sbForwardedForEnabled).toBe(true);
		expect(on.updatePasswordRequireCurrentPassword).toBe(true);
	});
});

describe('errors', () => {
	it('uses the 2024-01-01 shape only when asked for that version or later', () => {
		expect(requestedApiVersion('2024-01-01')).toBe('2024-01-01');
		expect(requestedApiVersion('2025-06-30')).toBe('2024-01-01');
		expect(requestedApiVersion('2023-12-31')).toBeNull();
		expect(requestedApiVersion(undefined)).toBeNull();
		const err = new AuthError(422, 'weak_password', 'Too short', {
			weak_password: { reasons: ['length'] }
		});
		expect(errorBody(err, '2024-01-01').body).toEqual({
			code: 'weak_password',
			message: 'Too short',
			weak_password: { reasons: ['length'] }
		});
		expect(errorBody(err, null).body).toEqual({
			code: 422,
			error_code: 'weak_password',
			msg: 'Too short',
			weak_password: { reasons: ['length'] }
		});
		expect(errorBody(new Error('boom'), null).status).toBe(500);
	});
});

describe('jwt', () => {
	it('signs and verifies HS256, rejecting wrong secrets and expired tokens', () => {
		const t = signJwt({ sub: 'a', exp: 2_000_000_000 }, 'secret');
		expect(verifyJwt(t, 'secret')).toEqual({ sub: 'a', exp: 2_000_000_000 });
		expect(() => verifyJwt(t, 'other')).toThrow(/signature is invalid/);
		expect(() => verifyJwt(signJwt({ exp: 1 }, 'secret'), 'secret')).toThrow(/expired/);
		expect(() => verifyJwt('a.b', 'secret')).toThrow(/malformed/);
	});
	it('verifies the CLI well-known keys with the CLI secret', async () => {
		const { anonKey, jwtSecret } = await import('../config.js');
		expect(verifyJwt(anonKey, jwtSecret).role).toBe('anon');
	});
});

describe('tokens and passwords', () => {
	it('hashes codes like GoTrue (sha224 of email + code)', () => {
		expect(tokenHash('a@b.c', '123456')).toBe(
			crypto.createHash('sha224').update('a@b.c123456').digest('hex')
		);
		expect(generateOtp(6)).toMatch(/^\d{6}$/);
	});
	it('checks PKCE verifiers', () => {
		const verifier = 'v'.repeat(50);
		const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
		expect(verifyCodeChallenge(verifier, challenge, 's256')).toBe(true);
		expect(verifyCodeChallenge('x'.repeat(50), challenge, 's256')).toBe(false);
		expect(verifyCodeChallenge(verifier, verifier, 'plain')).toBe(true);
		expect(isValidCodeChallenge('short')).toBe(false);
	});
	it('stores $2a$10$ bcrypt hashes and enforces the minimum length', async () => {
		const hash = await hashPassword('lang-genoeg');
		expect(hash).toMatch(/^\$2a\$10\$/);
		expect(await verifyPassword('lang-genoeg', hash)).toBe(true);
		expect(await verifyPassword('fout', hash)).toBe(false);
		expect(() => checkPasswordStrength('kort', 8)).toThrow(AuthError);
		expect(() => checkPasswordStrength('lang-genoeg', 8)).not.toThrow();
	});
	it('validates email syntax', () => {
		expect(isValidEmail('ada@example.test')).toBe(true);
		expect(isValidEmail('geen-email')).toBe(false);
		expect(isValidEmail('a@b')).toBe(true);
	});
});

describe('redirects', () => {
	const opts = {
		siteUrl: 'http://127.0.0.1:5173',
		uriAllowList: [
			'http://127.0.0.1:*/**',
			'http://localhost:*/**',
			'https://*.example.com/**',
			'https://groeistoot.be/auth/*',
			'http://[::1]:*/**'
		]
	};
	const allowed = (target) => allowedRedirect(target, opts);
	/** The host a browser would go to for a resolved redirect. */
	const hostOf = (target) => new URL(resolveRedirect(target, opts)).host;

	it('allows the site origin and allow-list entries, keeping path and query', () => {
		expect(allowed('http://127.0.0.1:5173/auth/confirm')).toBe(
			'http://127.0.0.1:5173/auth/confirm'
		);
		expect(allowed('http://127.0.0.1:5173/auth/confirm?next=/profiel')).toBe(
			'http://127.0.0.1:5173/auth/confirm?next=/profiel'
		);
		expect(allowed('http://localhost:4173/a/b')).toBe('http://localhost:4173/a/b');
		expect(allowed('https://groeistoot.be/auth/callback')).toBe(
			'https://groeistoot.be/auth/callback'
		);
		expect(allowed('https://www.example.com/cb')).toBe('https://www.example.com/cb');
		expect(allowed('http://[::1]:5173/x')).toBe('http://[::1]:5173/x');
		expect(resolveRedirect(null, opts)).toBe(opts.siteUrl);
		expect(resolveRedirect('https://evil.example.org', opts)).toBe(opts.siteUrl);
	});

	it('refuses user-info, whatever the host looks like as text', () => {
		for (const target of [
			'http://127.0.0.1:@134744072/',
			'http://127.0.0.1:5173@evil.com/',
			'http://user:pass@127.0.0.1:5173/',
			'http://@127.0.0.1:5173/',
			'http://127.0.0.1%40evil.com/',
			'http://evil.com%40127.0.0.1:5173/'
		]) {
			expect(allowed(target), target).toBeNull();
			expect(hostOf(target), target).toBe('127.0.0.1:5173');
		}
	});

	it('refuses backslashes, whitespace, control characters and scheme-relative or schemeless targets', () => {
		for (const target of [
			'http://127.0.0.1:5173\\@evil.com/',
			'http:\\\\evil.com/',
			'http:/\\evil.com/',
			'//evil.com/',
			'http:evil.com',
			' http://127.0.0.1:5173/',
			'http://127.0.0.1:5173/\n',
			'http://127.0.0.1:51\t73/',
			'http://127.0.0.1:5173/\u0000',
			'javascript:alert(1)//127.0.0.1:5173/',
			'/relative/path'
		]) {
			expect(allowed(target), JSON.stringify(target)).toBeNull();
		}
	});

	it('refuses hosts written in another form than the parsed one (numeric, hex, long IPv6, IDN)', () => {
		for (const target of [
			'http://134744072:5173/',
			'http://0x7f.1:5173/',
			'http://2130706433:5173/',
			'http://[0:0:0:0:0:0:0:1]:5173/',
			'http://bücher.example.com/',
			'http://a_b.example.com/'
		]) {
			expect(allowed(target), target).toBeNull();
		}
	});

	it('keeps a path that starts with // on the allowed host', () => {
		expect(allowed('http://127.0.0.1:5173//evil.com')).toBe('http://127.0.0.1:5173//evil.com');
		expect(hostOf('http://127.0.0.1:5173//evil.com')).toBe('127.0.0.1:5173');
		expect(hostOf('http://127.0.0.1:5173/%40evil.com')).toBe('127.0.0.1:5173');
		expect(hostOf('http://127.0.0.1:5173#@evil.com')).toBe('127.0.0.1:5173');
	});

	it('compares hosts without case and ports with their defaults', () => {
		expect(allowed('HTTP://LOCALHOST:4173/A')).toBe('http://localhost:4173/A');
		expect(allowed('https://WWW.Example.com/cb')).toBe('https://www.example.com/cb');
		expect(allowed('https://www.example.com:443/cb')).toBe('https://www.example.com/cb');
		expect(allowed('https://www.example.com:8443/cb')).toBeNull();
		expect(allowed('http://www.example.com/cb')).toBeNull();
	});

	it('a * in a host stays within one label; a path is matched after normalisation', () => {
		expect(allowed('https://evil.com/.example.com')).toBeNull();
		expect(allowed('https://evil.com/x.example.com/')).toBeNull();
		expect(allowed('https://evil.example.com.evil.org/')).toBeNull();
		expect(allowed('https://a.b.example.com/')).toBeNull();
		expect(allowed('https://example.com/')).toBeNull();
		expect(allowed('http://127.0.0.1.evil.com:5173/')).toBeNull();
		expect(allowed('https://groeistoot.be/auth/a/b')).toBeNull();
		expect(allowed('https://groeistoot.be/auth/../admin')).toBeNull();
		expect(allowed('https://groeistoot.be/auth/x/../callback')).toBe(
			'https://groeistoot.be/auth/callback'
		);
	});

	it('the site rule compares scheme, host and port (any port on loopback)', () => {
		const site = { siteUrl: 'https://app.groeistoot.be', uriAllowList: [] };
		expect(allowedRedirect('https://app.groeistoot.be/welkom', site)).toBe(
			'https://app.groeistoot.be/welkom'
		);
		expect(allowedRedirect('http://app.groeistoot.be/welkom', site)).toBeNull();
		expect(allowedRedirect('https://app.groeistoot.be:8443/welkom', site)).toBeNull();
		expect(allowedRedirect('https://app.groeistoot.be.evil.com/', site)).toBeNull();
		expect(allowedRedirect('https://app.groeistoot.be@evil.com/', site)).toBeNull();
		const local = { siteUrl: 'http://127.0.0.1:5173', uriAllowList: [] };
		expect(allowedRedirect('http://127.0.0.1:4000/x', local)).toBe('http://127.0.0.1:4000/x');
		expect(allowedRedirect('https://127.0.0.1:5173/x', local)).toBeNull();
	});
});

describe('rate limits', () => {
	/** @param {Record<string, string>} headers */
	const request = (headers, remoteAddress = '192.0.2.10') =>
		/** @type {import('node:http').IncomingMessage} */ (
			/** @type {unknown} */ ({ headers, socket: { remoteAddress } })
		);
	const none = { header: '', sbForwardedFor: false };
	const xff = { header: 'X-Forwarded-For', sbForwardedFor: false };

	it('counts events per key within a sliding window', () => {
		let now = 0;
		const rl = new RateLimiter(() => now);
		const limit = { events: 2, windowMs: 1000 };
		expect([rl.allow('a', limit), rl.allow('a', limit), rl.allow('a', limit)]).toEqual([
			true,
			true,
			false
		]);
		expect(rl.allow('b', limit)).toBe(true);
		now = 1001;
		expect(rl.allow('a', limit)).toBe(true);
	});

	it('without GOTRUE_RATE_LIMIT_HEADER there is no per-IP key, not even the socket address', () => {
		expect(rateLimitKey(request({ 'x-forwarded-for': '10.0.0.1' }), none)).toBeNull();
		expect(rateLimitKey(request({}), none)).toBeNull();
	});

	it('with the header configured: its first comma-separated value; absent or empty: no key', () => {
		expect(rateLimitKey(request({ 'x-forwarded-for': '10.0.0.1' }), xff)).toBe('10.0.0.1');
		expect(rateLimitKey(request({ 'x-forwarded-for': ' 10.0.0.1 , 10.0.0.2' }), xff)).toBe(
			'10.0.0.1'
		);
		expect(rateLimitKey(request({}), xff)).toBeNull();
		expect(rateLimitKey(request({ 'x-forwarded-for': '' }), xff)).toBeNull();
		expect(rateLimitKey(request({ 'x-forwarded-for': ' , 10.0.0.2' }), xff)).toBeNull();
	});

	it('Sb-Forwarded-For, when enabled and a valid IP, comes first, even without a header configured', () => {
		const sb = { header: 'X-Forwarded-For', sbForwardedFor: true };
		const both = { 'x-forwarded-for': '10.0.0.1', 'sb-forwarded-for': '203.0.113.7, 10.9.9.9' };
		expect(rateLimitKey(request(both), sb)).toBe('203.0.113.7');
		expect(rateLimitKey(request(both), { header: '', sbForwardedFor: true })).toBe('203.0.113.7');
		expect(rateLimitKey(request(both), xff)).toBe('10.0.0.1');
		const invalid = { 'x-forwarded-for': '10.0.0.1', 'sb-forwarded-for': 'not-an-ip' };
		expect(rateLimitKey(request(invalid), sb)).toBe('10.0.0.1');
		expect(rateLimitKey(request({ 'sb-forwarded-for': '::ffff:203.0.113.7' }), sb)).toBe(
			'203.0.113.7'
		);
	});

	it("the client's IP for sessions and audit rows: Sb-Forwarded-For, the first valid X-Forwarded-For, the socket", () => {
		expect(clientIp(request({ 'x-forwarded-for': 'junk, 10.0.0.7, 10.0.0.8' }), none)).toBe(
			'10.0.0.7'
		);
		expect(clientIp(request({}), none)).toBe('192.0.2.10');
		expect(
			clientIp(request({ 'x-forwarded-for': '10.0.0.7', 'sb-forwarded-for': '2001:db8:0::1' }), {
				header: '',
				sbForwardedFor: true
			})
		).toBe('2001:db8::1');
	});
});

describe('unknown addresses cost a password comparison too', () => {
	/** A verifier that records which hashes it was asked to compare against. */
	function spy(answer = true) {
		/** @type {string[]} */
		const hashes = [];
		const verify = async (/** @type {string} */ _password, /** @type {string} */ hash) => {
			hashes.push(hash);
			return answer;
		};
		return { hashes, verify };
	}

	it('compares against a dummy bcrypt hash of the same cost when there is no user', async () => {
		const { hashes, verify } = spy(true);
		expect(await passwordMatches(null, 'geraden-wachtwoord', verify)).toBe(false);
		expect(hashes).toHaveLength(1);
		expect(hashes[0]).toMatch(/^\$2a\$10\$/);
	});

	it('and when the user has no password', async () => {
		const { hashes, verify } = spy(true);
		expect(await passwordMatches({ encrypted_password: '' }, 'x', verify)).toBe(false);
		expect(await passwordMatches({ encrypted_password: null }, 'x', verify)).toBe(false);
		expect(hashes).toHaveLength(2);
		expect(hashes.every((h) => /^\$2a\$10\$/.test(h))).toBe(true);
	});

	it("compares against the user's own hash otherwise", async () => {
		const own = await hashPassword('lang-genoeg');
		const { hashes, verify } = spy(true);
		expect(await passwordMatches({ encrypted_password: own }, 'lang-genoeg', verify)).toBe(true);
		expect(hashes).toEqual([own]);
		expect(await passwordMatches({ encrypted_password: own }, 'lang-genoeg')).toBe(true);
		expect(await passwordMatches({ encrypted_password: own }, 'fout')).toBe(false);
		expect(await passwordMatches(null, 'lang-genoeg')).toBe(false);
	});
});
