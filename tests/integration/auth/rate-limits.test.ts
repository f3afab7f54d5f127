// Rate limits, on private auth instances with tiny limits (the shared stack keeps GoTrue's defaults).
// Per-IP limits follow GoTrue: they apply only when GOTRUE_RATE_LIMIT_HEADER names the header with the
// client's address (or a valid Sb-Forwarded-For comes with GOTRUE_SECURITY_SB_FORWARDED_FOR_ENABLED),
// keyed by its first value; a request without a value there is not limited.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
	ownAuth,
	password,
	uniqueEmail,
	userTracker,
	confirmedEmail as confirmedEmailOf
} from './helpers';

const users = userTracker();
let instances: Awaited<ReturnType<typeof ownAuth>>[] = [];
afterEach(async () => {
	for (const own of instances) await own.close();
	instances = [];
});
afterAll(() => users.cleanup());

async function instance(env: Record<string, string>) {
	const own = await ownAuth({ GOTRUE_SMTP_MAX_FREQUENCY: '0s', ...env });
	instances.push(own);
	/** A POST as a client that sends the given headers (its claimed address, say). */
	const call = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
		const res = await fetch(`${own.url}/auth/v1${path}`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				'x-supabase-api-version': '2024-01-01',
				...headers
			},
			body: JSON.stringify(body)
		});
		return { status: res.status, body: await res.json().catch(() => null) };
	};
	return { call, client: own.client };
}

const confirmedEmail = () => confirmedEmailOf(users, 'rl');

const from = (ip: string) => ({ 'x-forwarded-for': ip });
const limited = { code: 'over_request_rate_limit', message: 'Request rate limit reached' };

describe('with GOTRUE_RATE_LIMIT_HEADER=X-Forwarded-For', () => {
	const header = { GOTRUE_RATE_LIMIT_HEADER: 'X-Forwarded-For' };

	it('a client that spends its sign-in budget gets 429; a client at another address still signs in', async () => {
		const { call } = await instance({ ...header, GOTRUE_RATE_LIMIT_SIGN_IN_SIGN_UPS: '3' });
		const email = await confirmedEmail();
		const wrong = { email, password: 'verkeerd-wachtwoord' };
		const statuses = [];
		for (let i = 0; i < 3; i++)
			statuses.push((await call('/token?grant_type=password', wrong, from('10.0.0.1'))).status);
		expect(statuses).toEqual([400, 400, 400]);
		const refused = await call('/token?grant_type=password', { email, password }, from('10.0.0.1'));
		expect(refused.status).toBe(429);
		expect(refused.body).toEqual(limited);
		// Only the first value counts: a proxy appends, the client's own address comes first.
		const appended = await call(
			'/token?grant_type=password',
			{ email, password },
			from('10.0.0.1, 10.0.0.99')
		);
		expect(appended.status).toBe(429);
		const other = await call('/token?grant_type=password', { email, password }, from('10.0.0.2'));
		expect(other.status).toBe(200);
		expect(other.body.user.email).toBe(email);
	});

	it('supabase-js sees 429 with error.code over_request_rate_limit', async () => {
		const own = await instance({ ...header, GOTRUE_RATE_LIMIT_SIGN_IN_SIGN_UPS: '2' });
		const client = own.client('10.0.0.3');
		const results = [];
		for (let i = 0; i < 3; i++)
			results.push(await client.auth.signInWithPassword({ email: uniqueEmail(), password }));
		expect(results.map((r) => r.error?.status)).toEqual([400, 400, 429]);
		expect(results[2]?.error?.code).toBe('over_request_rate_limit');
	});

	it('sign-ups and password sign-ins share one budget', async () => {
		const { call } = await instance({ ...header, GOTRUE_RATE_LIMIT_SIGN_IN_SIGN_UPS: '2' });
		const signup = await call('/signup', { email: uniqueEmail('rl'), password }, from('10.0.0.4'));
		expect(signup.status).toBe(200);
		users.add(signup.body.id);
		const wrong = { email: uniqueEmail(), password };
		expect((await call('/token?grant_type=password', wrong, from('10.0.0.4'))).status).toBe(400);
		expect((await call('/token?grant_type=password', wrong, from('10.0.0.4'))).status).toBe(429);
	});

	it('refresh grants have their own budget', async () => {
		const { call } = await instance({ ...header, GOTRUE_RATE_LIMIT_TOKEN_REFRESH: '2' });
		const email = await confirmedEmail();
		const signIn = await call('/token?grant_type=password', { email, password }, from('10.0.0.5'));
		let token = signIn.body.refresh_token;
		for (let i = 0; i < 2; i++) {
			const r = await call(
				'/token?grant_type=refresh_token',
				{ refresh_token: token },
				from('10.0.0.5')
			);
			expect(r.status).toBe(200);
			token = r.body.refresh_token;
		}
		const refused = await call(
			'/token?grant_type=refresh_token',
			{ refresh_token: token },
			from('10.0.0.5')
		);
		expect(refused.status).toBe(429);
		expect(refused.body).toEqual(limited);
		// The sign-in budget is untouched.
		expect(
			(await call('/token?grant_type=password', { email, password }, from('10.0.0.5'))).status
		).toBe(200);
	});

	it('verify requests are limited', async () => {
		const { call } = await instance({ ...header, GOTRUE_RATE_LIMIT_VERIFY: '2' });
		const statuses = [];
		for (let i = 0; i < 3; i++)
			statuses.push(
				(await call('/verify', { type: 'recovery', token_hash: 'x'.repeat(56) }, from('10.0.0.6')))
					.status
			);
		expect(statuses).toEqual([403, 403, 429]);
	});

	it('recovery requests are limited per address too', async () => {
		const { call } = await instance({ ...header, GOTRUE_RATE_LIMIT_SIGN_IN_SIGN_UPS: '2' });
		const statuses = [];
		for (let i = 0; i < 3; i++)
			statuses.push((await call('/recover', { email: uniqueEmail() }, from('10.0.0.7'))).status);
		expect(statuses).toEqual([200, 200, 429]);
		expect((await call('/recover', { email: uniqueEmail() }, from('10.0.0.8'))).status).toBe(200);
	});

	it('a request without a value in the header is not limited (GoTrue only warns)', async () => {
		const { call } = await instance({ ...header, GOTRUE_RATE_LIMIT_SIGN_IN_SIGN_UPS: '1' });
		const wrong = { email: uniqueEmail(), password };
		for (const headers of [{}, {}, from(''), from(' , 10.0.0.9'), from(' , 10.0.0.9')]) {
			expect((await call('/token?grant_type=password', wrong, headers)).status).toBe(400);
		}
		// With a value the same instance does limit.
		expect((await call('/token?grant_type=password', wrong, from('10.0.0.9'))).status).toBe(400);
		expect((await call('/token?grant_type=password', wrong, from('10.0.0.9'))).status).toBe(429);
	});
});

describe('without GOTRUE_RATE_LIMIT_HEADER', () => {
	it('there is no per-IP limit: neither X-Forwarded-For nor the socket address is counted', async () => {
		const { call } = await instance({
			GOTRUE_RATE_LIMIT_SIGN_IN_SIGN_UPS: '1',
			GOTRUE_RATE_LIMIT_VERIFY: '1'
		});
		const wrong = { email: uniqueEmail(), password };
		for (const headers of [{}, {}, from('10.0.1.1'), from('10.0.1.1')]) {
			expect((await call('/token?grant_type=password', wrong, headers)).status).toBe(400);
			expect(
				(await call('/verify', { type: 'recovery', token_hash: 'x'.repeat(56) }, headers)).status
			).toBe(403);
		}
	});
});

describe('with GOTRUE_SECURITY_SB_FORWARDED_FOR_ENABLED', () => {
	const sbff = (ip: string, xff = '10.0.2.1') => ({
		'sb-forwarded-for': ip,
		'x-forwarded-for': xff
	});

	it('a valid Sb-Forwarded-For takes precedence over the configured header', async () => {
		const { call } = await instance({
			GOTRUE_RATE_LIMIT_HEADER: 'X-Forwarded-For',
			GOTRUE_SECURITY_SB_FORWARDED_FOR_ENABLED: 'true',
			GOTRUE_RATE_LIMIT_SIGN_IN_SIGN_UPS: '1'
		});
		const wrong = { email: uniqueEmail(), password };
		const token = '/token?grant_type=password';
		// One X-Forwarded-For, two Sb-Forwarded-For addresses: two budgets.
		expect((await call(token, wrong, sbff('203.0.113.1'))).status).toBe(400);
		expect((await call(token, wrong, sbff('203.0.113.2'))).status).toBe(400);
		expect((await call(token, wrong, sbff('203.0.113.1'))).status).toBe(429);
		// One Sb-Forwarded-For, another X-Forwarded-For: still the same budget.
		expect((await call(token, wrong, sbff('203.0.113.2', '10.0.2.2'))).status).toBe(429);
		// A value that is no IP address is ignored: X-Forwarded-For decides.
		expect((await call(token, wrong, sbff('geen-adres', '10.0.2.3'))).status).toBe(400);
		expect((await call(token, wrong, sbff('geen-adres', '10.0.2.3'))).status).toBe(429);
	});

	it('applies even without GOTRUE_RATE_LIMIT_HEADER; requests without it are not limited', async () => {
		const { call } = await instance({
			GOTRUE_SECURITY_SB_FORWARDED_FOR_ENABLED: 'true',
			GOTRUE_RATE_LIMIT_SIGN_IN_SIGN_UPS: '1'
		});
		const wrong = { email: uniqueEmail(), password };
		const token = '/token?grant_type=password';
		expect((await call(token, wrong, sbff('2001:db8::1'))).status).toBe(400);
		expect((await call(token, wrong, sbff('2001:db8:0:0::1'))).status).toBe(429);
		for (let i = 0; i < 2; i++)
			expect((await call(token, wrong, from('10.0.2.4'))).status).toBe(400);
	});

	it('is ignored when the setting is off', async () => {
		const { call } = await instance({
			GOTRUE_RATE_LIMIT_HEADER: 'X-Forwarded-For',
			GOTRUE_RATE_LIMIT_SIGN_IN_SIGN_UPS: '1'
		});
		const wrong = { email: uniqueEmail(), password };
		const token = '/token?grant_type=password';
		expect((await call(token, wrong, sbff('203.0.113.1', '10.0.2.5'))).status).toBe(400);
		expect((await call(token, wrong, sbff('203.0.113.2', '10.0.2.5'))).status).toBe(429);
	});
});

describe('e-mail', () => {
	it('over_email_send_rate_limit (429) once the global hourly budget is spent', async () => {
		const { call } = await instance({ GOTRUE_RATE_LIMIT_EMAIL_SENT: '1' });
		const email = await confirmedEmail();
		expect((await call('/recover', { email })).status).toBe(200);
		const refused = await call('/recover', { email });
		expect(refused.status).toBe(429);
		expect(refused.body).toEqual({
			code: 'over_email_send_rate_limit',
			message: 'email rate limit exceeded'
		});
	});
});
