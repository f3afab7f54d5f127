// Sign-up with a confirmation mail (as a hosted Supabase project does by default), password sign-in,
// the JWT GoTrue issues, and the public endpoints.
import { createClient } from '@supabase/supabase-js';
import ws from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import { siteUrl } from '../../../stack/config.js';
import {
	anon,
	anonKey,
	clientAddress,
	decodeJwt,
	follow,
	latestMail,
	linkIn,
	otpIn,
	ownAuth,
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

	it('GET /settings: only email enabled, addresses confirmed by mail', async () => {
		const r = await raw('/settings');
		expect(r.status).toBe(200);
		expect(r.body.external.email).toBe(true);
		expect(r.body.external.google).toBe(false);
		expect(r.body.external.phone).toBe(false);
		expect(r.body.disable_signup).toBe(false);
		expect(r.body.mailer_autoconfirm).toBe(false);
	});

	it('GET /.well-known/jwks.json shows the ES256 public key the stack signs with (jwt-keys.test.ts)', async () => {
		const r = await raw('/.well-known/jwks.json');
		expect(r.body.keys.map((k: { alg: string; kty: string }) => [k.kty, k.alg])).toEqual([
			['EC', 'ES256']
		]);
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
	it('returns the user without a session and mails a confirmation link; stores a bcrypt hash and the email identity', async () => {
		const client = anon();
		const email = uniqueEmail('signup');
		const { data, error } = await client.auth.signUp({
			email,
			password,
			options: { data: { full_name: 'Ada Peeters' } }
		});
		expect(error).toBeNull();
		users.add(data.user?.id);
		expect(data.session).toBeNull();
		const user = data.user!;
		expect(user.email).toBe(email);
		expect(user.email_confirmed_at).toBeUndefined();
		expect(user.confirmation_sent_at).toBeTruthy();
		expect(user.role).toBe('authenticated');
		expect(user.user_metadata).toEqual({ full_name: 'Ada Peeters' });
		expect(user.app_metadata).toEqual({ provider: 'email', providers: ['email'] });
		expect(user.identities?.[0]).toMatchObject({ provider: 'email', id: user.id });

		const [row] = await sql('select * from auth.users where id = $1', [user.id]);
		expect(row.encrypted_password).toMatch(/^\$2a\$10\$/);
		expect(row.confirmed_at).toBeNull();
		expect(row.raw_user_meta_data).toEqual({ full_name: 'Ada Peeters' });
		expect(row.recovery_token).toBe('');
		const identities = await sql('select * from auth.identities where user_id = $1', [user.id]);
		expect(identities).toHaveLength(1);
		expect(identities[0]).toMatchObject({ provider: 'email', provider_id: user.id, email });
		expect(identities[0].identity_data).toMatchObject({
			sub: user.id,
			email,
			email_verified: false
		});

		const mail = await latestMail(email);
		expect(mail.Subject).toBe('Bevestig je registratie');
		expect(mail.Text).toContain('Bevestig je e-mailadres');
		expect(mail.Text).toContain('verlopen na 60 minuten');
		const link = new URL(linkIn(mail.Text));
		expect(`${link.origin}${link.pathname}`).toBe(`${apiUrl}/auth/v1/verify`);
		expect(link.searchParams.get('type')).toBe('signup');
		expect(link.searchParams.get('redirect_to')).toBe(siteUrl);
		expect(link.searchParams.get('token')).toBe(row.confirmation_token);
		expect(otpIn(mail.Text)).toMatch(/^\d{6}$/);
		expect(mail.HTML).toContain(link.searchParams.get('token'));

		const audit = await sql(
			`select payload->>'action' as action from auth.audit_log_entries where payload->>'actor_id' = $1`,
			[user.id]
		);
		expect(audit.map((a) => a.action)).toEqual(['user_confirmation_requested']);
	});

	it('an unconfirmed address cannot sign in (email_not_confirmed) until the mailed link is followed', async () => {
		const email = uniqueEmail('signup');
		const { data } = await anon().auth.signUp({ email, password });
		users.add(data.user?.id);
		const early = await anon().auth.signInWithPassword({ email, password });
		expect(early.error?.status).toBe(400);
		expect(early.error?.code).toBe('email_not_confirmed');
		expect(early.error?.message).toBe('Email not confirmed');
		// A wrong password is still just invalid_credentials: only the owner learns it is unconfirmed.
		const wrong = await anon().auth.signInWithPassword({ email, password: 'verkeerd-wachtwoord' });
		expect(wrong.error?.code).toBe('invalid_credentials');

		const link = linkIn((await latestMail(email)).Text);
		const res = await follow(link);
		expect(res.status).toBe(303);
		const location = new URL(res.headers.get('location')!);
		expect(location.origin).toBe(new URL(siteUrl).origin);
		const fragment = new URLSearchParams(location.hash.slice(1));
		expect(fragment.get('type')).toBe('signup');
		expect(fragment.get('access_token')).toBeTruthy();

		const login = await anon().auth.signInWithPassword({ email, password });
		expect(login.error).toBeNull();
		expect(login.data.user?.email_confirmed_at).toBeTruthy();
		const [identity] = await sql('select identity_data from auth.identities where user_id = $1', [
			data.user!.id
		]);
		expect(identity.identity_data.email_verified).toBe(true);
		const audit = await sql(
			`select payload->>'action' as action from auth.audit_log_entries where payload->>'actor_id' = $1`,
			[data.user!.id]
		);
		expect(audit.map((a) => a.action)).toEqual(
			expect.arrayContaining(['user_confirmation_requested', 'user_signedup', 'login'])
		);
		// The link works once.
		const again = await follow(link);
		const error = new URLSearchParams(new URL(again.headers.get('location')!).hash.slice(1));
		expect(error.get('error_code')).toBe('otp_expired');
	});

	it('PKCE, as @supabase/ssr signs up: the link leads to redirect_to?code=…, exchanged for a session', async () => {
		// With a storage, supabase-js keeps the code verifier as @supabase/ssr keeps it in a cookie.
		const store = new Map<string, string>();
		const client = createClient(apiUrl, anonKey, {
			realtime: { transport: ws as never },
			global: { headers: { 'X-Forwarded-For': clientAddress() } },
			auth: {
				flowType: 'pkce',
				persistSession: true,
				autoRefreshToken: false,
				storage: {
					getItem: (k) => store.get(k) ?? null,
					setItem: (k, v) => void store.set(k, v),
					removeItem: (k) => void store.delete(k)
				}
			}
		});
		const email = uniqueEmail('pkce');
		const emailRedirectTo = `${new URL(siteUrl).origin}/auth/confirm?next=/profiel`;
		const { data, error } = await client.auth.signUp({
			email,
			password,
			options: { emailRedirectTo }
		});
		expect(error).toBeNull();
		expect(data.session).toBeNull();
		users.add(data.user?.id);

		const link = new URL(linkIn((await latestMail(email)).Text));
		expect(link.searchParams.get('token')).toMatch(/^pkce_[0-9a-f]{56}$/);
		expect(link.searchParams.get('type')).toBe('signup');
		expect(link.searchParams.get('redirect_to')).toBe(emailRedirectTo);
		const res = await follow(link.toString());
		expect(res.status).toBe(303);
		const location = new URL(res.headers.get('location')!);
		expect(`${location.origin}${location.pathname}`).toBe(
			`${new URL(siteUrl).origin}/auth/confirm`
		);
		expect(location.searchParams.get('next')).toBe('/profiel');
		expect(location.hash).toBe('');
		const code = location.searchParams.get('code')!;
		expect(code).toBeTruthy();

		const exchanged = await client.auth.exchangeCodeForSession(code);
		expect(exchanged.error).toBeNull();
		expect(exchanged.data.session?.user.email).toBe(email);
		expect(exchanged.data.session?.user.email_confirmed_at).toBeTruthy();
		expect(decodeJwt(exchanged.data.session!.access_token).amr[0].method).toBe('email/signup');
		expect((await anon().auth.signInWithPassword({ email, password })).error).toBeNull();
	});

	it.each(['email', 'signup'] as const)(
		'the token hash with verifyOtp({ type: %j, token_hash }) confirms and signs in',
		async (type) => {
			const email = uniqueEmail('hash');
			const { data } = await anon().auth.signUp({ email, password });
			users.add(data.user?.id);
			const tokenHash = new URL(linkIn((await latestMail(email)).Text)).searchParams.get('token')!;
			const bad = await anon().auth.verifyOtp({ type, token_hash: 'f'.repeat(56) });
			expect(bad.error?.code).toBe('otp_expired');
			const verified = await anon().auth.verifyOtp({ type, token_hash: tokenHash });
			expect(verified.error).toBeNull();
			expect(verified.data.session?.user.email).toBe(email);
			expect(verified.data.user?.email_confirmed_at).toBeTruthy();
			expect((await anon().auth.signInWithPassword({ email, password })).error).toBeNull();
		}
	);

	it('the mailed code with verifyOtp({ email, token, type: "signup" }) confirms too', async () => {
		const email = uniqueEmail('code');
		const { data } = await anon().auth.signUp({ email, password });
		users.add(data.user?.id);
		const otp = otpIn((await latestMail(email)).Text);
		const verified = await anon().auth.verifyOtp({ email, token: otp, type: 'signup' });
		expect(verified.error).toBeNull();
		expect(verified.data.user?.email_confirmed_at).toBeTruthy();
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
		const email = uniqueEmail('CaSe');
		const { data, error } = await anon().auth.signUp({ email: email.toUpperCase(), password });
		expect(error).toBeNull();
		users.add(data.user?.id);
		expect(data.user?.email).toBe(email.toLowerCase());
		expect((await follow(linkIn((await latestMail(email.toLowerCase())).Text))).status).toBe(303);
		const again = await anon().auth.signUp({ email: email.toLowerCase(), password });
		expect(again.error).toBeNull();
		expect(again.data.user?.identities).toEqual([]);
		const login = await anon().auth.signInWithPassword({ email: email.toUpperCase(), password });
		expect(login.error).toBeNull();
	});

	it('with GOTRUE_MAILER_AUTOCONFIRM on: a session at once, and user_already_exists (422) for a taken email', async () => {
		const own = await ownAuth({ GOTRUE_MAILER_AUTOCONFIRM: 'true' });
		try {
			const email = uniqueEmail('autoconfirm');
			const first = await own.client().auth.signUp({ email, password });
			expect(first.error).toBeNull();
			users.add(first.data.user?.id);
			expect(first.data.session?.user.email_confirmed_at).toBeTruthy();
			expect(decodeJwt(first.data.session!.access_token).amr[0].method).toBe('password');
			const { data, error } = await own.client().auth.signUp({ email, password });
			expect(data.session).toBeNull();
			expect(error?.status).toBe(422);
			expect(error?.code).toBe('user_already_exists');
			expect(error?.message).toBe('User already registered');
		} finally {
			await own.close();
		}
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

describe('the language of auth mails', () => {
	it('writes the confirmation and the new-password mail in English for a person who registered in English, and in Dutch otherwise', async () => {
		const english = uniqueEmail('signup-en');
		const signedUp = await anon().auth.signUp({
			email: english,
			password,
			options: { data: { display_name: 'Ada Peeters', locale: 'en' } }
		});
		expect(signedUp.error).toBeNull();
		users.add(signedUp.data.user?.id);
		const confirmation = await latestMail(english);
		expect(confirmation.Subject).toBe('Confirm your registration');
		expect(confirmation.Text).toContain('expire after 60 minutes');
		expect(confirmation.Text).not.toMatch(/Bevestig|verlopen/);

		await sql('update auth.users set email_confirmed_at = now() where id = $1', [
			signedUp.data.user!.id
		]);
		const reset = await anon().auth.resetPasswordForEmail(english);
		expect(reset.error).toBeNull();
		const newPassword = await latestMail(english, { subject: 'Reset your password' });
		expect(newPassword.Text).toContain('Choose a new password');

		const dutch = uniqueEmail('signup-nl');
		const other = await anon().auth.signUp({
			email: dutch,
			password,
			options: { data: { locale: 'fr' } }
		});
		users.add(other.data.user?.id);
		expect((await latestMail(dutch)).Subject).toBe('Bevestig je registratie');
	});
});

describe('POST /token?grant_type=password', () => {
	it('signs in, adds a session and records last_sign_in_at and a login audit row', async () => {
		const { email, user } = await signUpUser(anon(), users);
		const count = async (query: string) => (await sql(query, [user.id]))[0].n;
		const sessions = 'select count(*)::int as n from auth.sessions where user_id = $1';
		const logins = `select count(*)::int as n from auth.audit_log_entries
			where payload->>'actor_id' = $1 and payload->>'action' = 'login'`;
		const before = { sessions: await count(sessions), logins: await count(logins) };
		const { data, error } = await anon().auth.signInWithPassword({ email, password });
		expect(error).toBeNull();
		expect(data.session?.user.id).toBe(user.id);
		expect(data.user?.last_sign_in_at).toBeTruthy();
		expect(await count(sessions)).toBe(before.sessions + 1);
		expect(await count(logins)).toBe(before.logins + 1);
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
