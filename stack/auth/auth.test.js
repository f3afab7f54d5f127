// @ts-check
// Unit tests for the auth service's pure parts.
import { describe, expect, it } from 'vitest';
import { authOptionsFromEnv, parseDuration, parseRateLimit } from './config.js';
import { AuthError, errorBody, requestedApiVersion } from './errors.js';
import { signJwt, verifyJwt } from './jwt.js';
import { RateLimiter } from './rate-limit.js';
import { resolveRedirect } from './redirect.js';
import { tokenHash, verifyCodeChallenge, generateOtp, isValidCodeChallenge } from './tokens.js';
import { checkPasswordStrength, hashPassword, verifyPassword } from './passwords.js';
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

describe('redirects and rate limits', () => {
	const opts = {
		siteUrl: 'http://127.0.0.1:5173',
		uriAllowList: ['http://localhost:*/**', 'https://groeistoot.be/auth/*']
	};
	it('allows the site host and allow-list globs, else falls back to the site URL', () => {
		expect(resolveRedirect('http://127.0.0.1:5173/wachtwoord', opts)).toBe(
			'http://127.0.0.1:5173/wachtwoord'
		);
		expect(resolveRedirect('http://localhost:4173/a/b', opts)).toBe('http://localhost:4173/a/b');
		expect(resolveRedirect('https://groeistoot.be/auth/callback', opts)).toBe(
			'https://groeistoot.be/auth/callback'
		);
		expect(resolveRedirect('https://groeistoot.be/auth/a/b', opts)).toBe(opts.siteUrl);
		expect(resolveRedirect('https://evil.example.com', opts)).toBe(opts.siteUrl);
		expect(resolveRedirect(null, opts)).toBe(opts.siteUrl);
	});
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
});
