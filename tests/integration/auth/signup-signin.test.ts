// Sign-up, password sign-in, the JWT GoTrue issues, and the public endpoints.
import { afterAll, describe, expect, it } from 'vitest';
import {
	anon,
	decodeJwt,
	password,
	raw,
	signUpUser,
	sql,
	uniqueEmail,
	userTracker,
	admin,
	apiUrl
} from './helpers';

const users = userTracker();
afterAll(() => users.cleanup());

describe('public endpoints', () => {
	it('GET /health names GoTrue', async () => {
		const r = await raw('/health');
		expect(r.status).toBe(200);
		expect(r.body.name).toBe('GoTrue');
	});

	it('GET /settings: only email enabled, autoconfirm on locally', async () => {
		const r = await raw('/settings');
		expect(r.status).toBe(200);
		expect(r.body.external.email).toBe(true);
		expect(r.body.external.google).toBe(false);
		expect(r.body.external.phone).toBe(false);
		expect(r.body.disable_signup).toBe(false);
		expect(r.body.mailer_autoconfirm).toBe(true);
	});

	it('GET /.well-known/jwks.json has no keys for HS256', async () => {
		const r = await raw('/.well-known/jwks.json');
		expect(r.body).toEqual({ keys: [] });
	});

	it('answers with X-Supabase-Api-Version and the 2024-01-01 error shape', async () => {
		const r = await raw('/token?grant_type=password', {
			method: 'POST',
			headers: { 'x-supabase-api-version': '2024-01-01' },
			body: JSON.stringify({ email: uniqueEmail(), password })
		});
		expect(r.status).toBe(400);
		expect(r.headers.get('x-supabase-api-version')).toBe('2024-01-01');
		expect(r.body).toEqual({ code: 'invalid_credentials', message: 'Invalid login credentials' });
	});

	it('without the version header errors keep the legacy shape', async () => {
		const r = await raw('/token?grant_type=password', {
			method: 'POST',
			body: JSON.stringify({ email: uniqueEmail(), password })
		});
		expect(r.body).toEqual({
			code: 400,
			error_code: 'invalid_credentials',
			msg: 'Invalid login credentials'
		});
	});

	it('an unknown grant type is refused', async () => {
		const r = await raw('/token?grant_type=nope', { method: 'POST', body: '{}' });
		expect(r.status).toBe(400);
		expect(r.body.error_code).toBe('invalid_credentials');
	});
});

describe('POST /signup', () => {
	it('confirms at once and returns a session; stores a bcrypt hash and the email identity', async () => {
		const client = anon();
		const email = uniqueEmail('signup');
		const { data, error } = await client.auth.signUp({
			email,
			password,
			options: { data: { full_name: 'Ada Peeters' } }
		});
		expect(error).toBeNull();
		users.add(data.user?.id);
		const session = data.session!;
		expect(session.token_type).toBe('bearer');
		expect(session.expires_in).toBe(3600);
		expect(session.expires_at).toBeGreaterThan(Date.now() / 1000);
		expect(session.refresh_token).toMatch(/^[a-z0-9]{12}$/);
		expect(session.user.email).toBe(email);
		expect(session.user.email_confirmed_at).toBeTruthy();
		expect(session.user.user_metadata).toEqual({ full_name: 'Ada Peeters' });
		expect(session.user.app_metadata).toEqual({ provider: 'email', providers: ['email'] });
		expect(session.user.identities?.[0]).toMatchObject({ provider: 'email', id: session.user.id });

		const [row] = await sql('select * from auth.users where id = $1', [session.user.id]);
		expect(row.encrypted_password).toMatch(/^\$2a\$10\$/);
		expect(row.confirmed_at).toBeTruthy();
		expect(row.raw_user_meta_data).toEqual({ full_name: 'Ada Peeters' });
		expect(row.recovery_token).toBe('');
		const identities = await sql('select * from auth.identities where user_id = $1', [
			session.user.id
		]);
		expect(identities).toHaveLength(1);
		expect(identities[0]).toMatchObject({ provider: 'email', provider_id: session.user.id, email });
		expect(identities[0].identity_data).toMatchObject({
			sub: session.user.id,
			email,
			email_verified: true
		});
		const audit = await sql(
			`select payload->>'action' as action from auth.audit_log_entries where payload->>'actor_id' = $1`,
			[session.user.id]
		);
		expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['user_signedup', 'login']));
	});

	it('the access token carries GoTrue claims', async () => {
		const { session, user } = await signUpUser(anon(), users);
		const claims = decodeJwt(session.access_token);
		expect(claims).toMatchObject({
			iss: `${apiUrl}/auth/v1`,
			sub: user.id,
			aud: 'authenticated',
			email: user.email,
			phone: '',
			app_metadata: { provider: 'email', providers: ['email'] },
			user_metadata: {},
			role: 'authenticated',
			aal: 'aal1',
			is_anonymous: false
		});
		expect(claims.exp - claims.iat).toBe(3600);
		expect(claims.amr).toEqual([{ method: 'password', timestamp: expect.any(Number) }]);
		const [s] = await sql('select * from auth.sessions where id = $1', [claims.session_id]);
		expect(s.user_id).toBe(user.id);
	});

	it('stores emails lower-case and treats them case-insensitively', async () => {
		const email = uniqueEmail('Case').replace('case', 'CaSe');
		const { data, error } = await anon().auth.signUp({ email: email.toUpperCase(), password });
		expect(error).toBeNull();
		users.add(data.user?.id);
		expect(data.user?.email).toBe(email.toLowerCase());
		const again = await anon().auth.signUp({ email: email.toLowerCase(), password });
		expect(again.error?.code).toBe('user_already_exists');
		const login = await anon().auth.signInWithPassword({ email: email.toUpperCase(), password });
		expect(login.error).toBeNull();
	});

	it('user_already_exists (422) for a taken email', async () => {
		const { email } = await signUpUser(anon(), users);
		const { data, error } = await anon().auth.signUp({ email, password });
		expect(data.session).toBeNull();
		expect(error?.status).toBe(422);
		expect(error?.code).toBe('user_already_exists');
		expect(error?.message).toBe('User already registered');
	});

	it('weak_password (422) below 8 characters, with reasons', async () => {
		const { error } = await anon().auth.signUp({ email: uniqueEmail(), password: 'kort123' });
		expect(error?.status).toBe(422);
		expect(error?.code).toBe('weak_password');
		expect((error as { reasons?: string[] }).reasons).toEqual(['length']);
	});

	it('validation_failed (400) for a malformed email', async () => {
		const { error } = await anon().auth.signUp({ email: 'geen-email', password });
		expect(error?.status).toBe(400);
		expect(error?.code).toBe('validation_failed');
	});

	it('validation_failed (400) for a missing password', async () => {
		const r = await raw('/signup', {
			method: 'POST',
			body: JSON.stringify({ email: uniqueEmail() })
		});
		expect(r.status).toBe(400);
		expect(r.body.error_code).toBe('validation_failed');
		expect(r.body.msg).toBe('Signup requires a valid password');
	});

	it('bad_json (400) for a body that is not JSON', async () => {
		const r = await raw('/signup', { method: 'POST', body: '{nope' });
		expect(r.status).toBe(400);
		expect(r.body.error_code).toBe('bad_json');
	});
});

describe('POST /token?grant_type=password', () => {
	it('signs in and records last_sign_in_at and a login audit row', async () => {
		const { email, user } = await signUpUser(anon(), users);
		const { data, error } = await anon().auth.signInWithPassword({ email, password });
		expect(error).toBeNull();
		expect(data.session?.user.id).toBe(user.id);
		expect(data.user?.last_sign_in_at).toBeTruthy();
		const sessions = await sql('select * from auth.sessions where user_id = $1', [user.id]);
		expect(sessions).toHaveLength(2);
	});

	it('invalid_credentials (400) for a wrong password', async () => {
		const { email } = await signUpUser(anon(), users);
		const { error } = await anon().auth.signInWithPassword({
			email,
			password: 'verkeerd-wachtwoord'
		});
		expect(error?.status).toBe(400);
		expect(error?.code).toBe('invalid_credentials');
		expect(error?.message).toBe('Invalid login credentials');
	});

	it('invalid_credentials (400) for an unknown email', async () => {
		const { error } = await anon().auth.signInWithPassword({ email: uniqueEmail(), password });
		expect(error?.status).toBe(400);
		expect(error?.code).toBe('invalid_credentials');
	});

	it('validation_failed without an email', async () => {
		const r = await raw('/token?grant_type=password', {
			method: 'POST',
			body: JSON.stringify({ password })
		});
		expect(r.status).toBe(400);
		expect(r.body.error_code).toBe('validation_failed');
	});

	it('user_banned (400) while banned_until is in the future', async () => {
		const { email, user } = await signUpUser(anon(), users);
		const ban = await admin.auth.admin.updateUserById(user.id, { ban_duration: '24h' });
		expect(ban.error).toBeNull();
		expect(ban.data.user?.banned_until).toBeTruthy();
		const { error } = await anon().auth.signInWithPassword({ email, password });
		expect(error?.status).toBe(400);
		expect(error?.code).toBe('user_banned');
		await admin.auth.admin.updateUserById(user.id, { ban_duration: 'none' });
		expect((await anon().auth.signInWithPassword({ email, password })).error).toBeNull();
	});
});
