// Rate limits, on a private auth instance with tiny limits (the shared stack's are generous).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownAuth, password, uniqueEmail, userTracker } from './helpers';

const users = userTracker();
let own: Awaited<ReturnType<typeof ownAuth>>;

beforeAll(async () => {
	own = await ownAuth({
		GOTRUE_RATE_LIMIT_SIGN_IN_SIGN_UPS: '3',
		GOTRUE_RATE_LIMIT_TOKEN_REFRESH: '2',
		GOTRUE_RATE_LIMIT_EMAIL_SENT: '1',
		GOTRUE_RATE_LIMIT_VERIFY: '2',
		GOTRUE_SMTP_MAX_FREQUENCY: '0s',
		GOTRUE_RATE_LIMIT_HEADER: 'X-Forwarded-For'
	});
});
afterAll(async () => {
	await own.close();
	await users.cleanup();
});

/** A client that claims its own client IP, so each test has a fresh budget. */
function clientFrom(ip: string) {
	return fetchAs(ip);
}
function fetchAs(ip: string) {
	return async (path: string, body: unknown) => {
		const res = await fetch(`${own.url}/auth/v1${path}`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				'x-forwarded-for': ip,
				'x-supabase-api-version': '2024-01-01'
			},
			body: JSON.stringify(body)
		});
		return { status: res.status, body: await res.json().catch(() => null) };
	};
}

describe('rate limits', () => {
	it('sign-ups and password sign-ins share one budget: over_request_rate_limit (429)', async () => {
		const call = clientFrom('10.0.0.1');
		const email = uniqueEmail('rl');
		const signup = await call('/signup', { email, password });
		expect(signup.status).toBe(200);
		users.add(signup.body.user.id);
		expect((await call('/token?grant_type=password', { email, password })).status).toBe(200);
		expect((await call('/token?grant_type=password', { email, password })).status).toBe(200);
		const limited = await call('/token?grant_type=password', { email, password });
		expect(limited.status).toBe(429);
		expect(limited.body).toEqual({
			code: 'over_request_rate_limit',
			message: 'Request rate limit reached'
		});
		// Another client address has its own budget.
		expect(
			(await clientFrom('10.0.0.2')('/token?grant_type=password', { email, password })).status
		).toBe(200);
	});

	it('supabase-js sees 429 with error.code over_request_rate_limit', async () => {
		const client = own.client();
		// Without the configured header all requests count against the socket address.
		const results = [];
		for (let i = 0; i < 4; i++)
			results.push(await client.auth.signInWithPassword({ email: uniqueEmail(), password }));
		const limited = results.find((r) => r.error?.status === 429);
		expect(limited?.error?.code).toBe('over_request_rate_limit');
	});

	it('refresh grants have their own budget', async () => {
		const call = clientFrom('10.0.0.3');
		const signup = await call('/signup', { email: uniqueEmail('rl'), password });
		users.add(signup.body.user.id);
		let token = signup.body.refresh_token;
		for (let i = 0; i < 2; i++) {
			const r = await call('/token?grant_type=refresh_token', { refresh_token: token });
			expect(r.status).toBe(200);
			token = r.body.refresh_token;
		}
		const limited = await call('/token?grant_type=refresh_token', { refresh_token: token });
		expect(limited.status).toBe(429);
		expect(limited.body.code).toBe('over_request_rate_limit');
	});

	it('emails: over_email_send_rate_limit (429) once the hourly budget is spent', async () => {
		const call = clientFrom('10.0.0.4');
		const a = await call('/signup', { email: uniqueEmail('rl'), password });
		users.add(a.body.user.id);
		expect((await call('/recover', { email: a.body.user.email })).status).toBe(200);
		const limited = await call('/recover', { email: a.body.user.email });
		expect(limited.status).toBe(429);
		expect(limited.body).toEqual({
			code: 'over_email_send_rate_limit',
			message: 'email rate limit exceeded'
		});
	});

	it('verify requests are limited', async () => {
		const call = clientFrom('10.0.0.5');
		const statuses = [];
		for (let i = 0; i < 3; i++)
			statuses.push(
				(await call('/verify', { type: 'recovery', token_hash: 'x'.repeat(56) })).status
			);
		expect(statuses).toEqual([403, 403, 429]);
	});
});
