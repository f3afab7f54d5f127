// Password recovery through the local mailbox: /recover, the mailed link (GET /verify), codes and
// token hashes (POST /verify), PKCE, expiry and single use.
import { createClient } from '@supabase/supabase-js';
import ws from 'ws';
import { anonKey, apiUrl } from '../../../stack/config.js';
import { afterAll, describe, expect, it } from 'vitest';
import {
	anon,
	decodeJwt,
	follow,
	latestMail,
	linkIn,
	mailCount,
	otpIn,
	password,
	pkcePair,
	raw,
	signUpUser,
	sql,
	uniqueEmail,
	userTracker
} from './helpers';

const users = userTracker();
afterAll(() => users.cleanup());

const site = 'http://127.0.0.1:5173';

describe('POST /recover', () => {
	it('answers {} and mails a verify link with the 6-digit code; stores the token like GoTrue', async () => {
		const { email, user } = await signUpUser(anon(), users);
		const { data, error } = await anon().auth.resetPasswordForEmail(email, {
			redirectTo: `${site}/wachtwoord`
		});
		expect(error).toBeNull();
		expect(data).toEqual({});
		const mail = await latestMail(email);
		const link = new URL(linkIn(mail.Text));
		expect(`${link.origin}${link.pathname}`).toBe(`${apiUrl}/auth/v1/verify`);
		expect(link.searchParams.get('type')).toBe('recovery');
		expect(link.searchParams.get('redirect_to')).toBe(`${site}/wachtwoord`);
		expect(otpIn(mail.Text)).toMatch(/^\d{6}$/);
		expect(mail.HTML).toContain(link.searchParams.get('token'));
		const [row] = await sql(
			'select recovery_token, recovery_sent_at from auth.users where id = $1',
			[user.id]
		);
		expect(row.recovery_token).toBe(link.searchParams.get('token'));
		expect(row.recovery_sent_at).toBeTruthy();
		const ott = await sql(
			'select token_type, relates_to from auth.one_time_tokens where user_id = $1',
			[user.id]
		);
		expect(ott).toEqual([{ token_type: 'recovery_token', relates_to: email }]);
		const audit = await sql(
			`select 1 from auth.audit_log_entries where payload->>'actor_id' = $1 and payload->>'action' = 'user_recovery_requested'`,
			[user.id]
		);
		expect(audit.length).toBe(1);
	});

	it('answers {} for an unknown address and sends nothing', async () => {
		const email = uniqueEmail('onbekend');
		const { data, error } = await anon().auth.resetPasswordForEmail(email);
		expect(error).toBeNull();
		expect(data).toEqual({});
		expect(await mailCount(email)).toBe(0);
	});

	it('a redirect_to outside the allow list falls back to the site URL', async () => {
		const { email } = await signUpUser(anon(), users);
		await anon().auth.resetPasswordForEmail(email, {
			redirectTo: 'https://evil.example.com/steal'
		});
		const link = new URL(linkIn((await latestMail(email)).Text));
		expect(link.searchParams.get('redirect_to')).toBe(site);
	});

	it('over_email_send_rate_limit (429) when asked again within the max frequency', async () => {
		const { email } = await signUpUser(anon(), users);
		expect((await anon().auth.resetPasswordForEmail(email)).error).toBeNull();
		const again = await anon().auth.resetPasswordForEmail(email);
		expect(again.error?.status).toBe(429);
		expect(again.error?.code).toBe('over_email_send_rate_limit');
	});

	it('validation_failed for a malformed email', async () => {
		const { error } = await anon().auth.resetPasswordForEmail('geen-adres');
		expect(error?.status).toBe(400);
		expect(error?.code).toBe('validation_failed');
	});
});

describe('GET /verify (the mailed link)', () => {
	it('implicit flow: 303 to redirect_to with the session in the fragment; single use', async () => {
		const { email, user } = await signUpUser(anon(), users);
		await anon().auth.resetPasswordForEmail(email, { redirectTo: `${site}/wachtwoord` });
		const link = linkIn((await latestMail(email)).Text);
		const res = await follow(link);
		expect(res.status).toBe(303);
		const location = new URL(res.headers.get('location')!);
		expect(`${location.origin}${location.pathname}`).toBe(`${site}/wachtwoord`);
		const fragment = new URLSearchParams(location.hash.slice(1));
		expect(fragment.get('type')).toBe('recovery');
		expect(fragment.get('token_type')).toBe('bearer');
		expect(fragment.get('refresh_token')).toBeTruthy();
		expect(Number(fragment.get('expires_in'))).toBe(3600);
		const { data } = await anon().auth.getUser(fragment.get('access_token')!);
		expect(data.user?.id).toBe(user.id);
		// The recovery session may set a new password.
		const client = anon();
		await client.auth.setSession({
			access_token: fragment.get('access_token')!,
			refresh_token: fragment.get('refresh_token')!
		});
		expect((await client.auth.updateUser({ password: 'hersteld-wachtwoord' })).error).toBeNull();
		expect(
			(await anon().auth.signInWithPassword({ email, password: 'hersteld-wachtwoord' })).error
		).toBeNull();

		const second = await follow(link);
		const err = new URLSearchParams(new URL(second.headers.get('location')!).hash.slice(1));
		expect(err.get('error')).toBe('access_denied');
		expect(err.get('error_code')).toBe('otp_expired');
		expect(err.get('error_description')).toBe('Email link is invalid or has expired');
	});

	it('PKCE flow: 303 to redirect_to?code=…, exchanged for a session with the verifier', async () => {
		const { email, user } = await signUpUser(anon(), users);
		const { verifier, challenge } = pkcePair();
		const r = await raw(`/recover?redirect_to=${encodeURIComponent(`${site}/auth/callback`)}`, {
			method: 'POST',
			body: JSON.stringify({ email, code_challenge: challenge, code_challenge_method: 's256' })
		});
		expect(r.status).toBe(200);
		const link = new URL(linkIn((await latestMail(email)).Text));
		expect(link.searchParams.get('token')).toMatch(/^pkce_/);
		const res = await follow(link.toString());
		expect(res.status).toBe(303);
		const location = new URL(res.headers.get('location')!);
		expect(location.pathname).toBe('/auth/callback');
		const code = location.searchParams.get('code')!;
		expect(code).toBeTruthy();

		const bad = await raw('/token?grant_type=pkce', {
			method: 'POST',
			body: JSON.stringify({ auth_code: code, code_verifier: 'x'.repeat(50) })
		});
		expect(bad.status).toBe(400);
		expect(bad.body.error_code).toBe('bad_code_verifier');
		const ok = await raw('/token?grant_type=pkce', {
			method: 'POST',
			body: JSON.stringify({ auth_code: code, code_verifier: verifier })
		});
		expect(ok.status).toBe(200);
		expect(ok.body.user.id).toBe(user.id);
		const again = await raw('/token?grant_type=pkce', {
			method: 'POST',
			body: JSON.stringify({ auth_code: code, code_verifier: verifier })
		});
		expect(again.status).toBe(404);
		expect(again.body.error_code).toBe('flow_state_not_found');
	});

	it('PKCE through supabase-js: exchangeCodeForSession', async () => {
		const { email } = await signUpUser(anon(), users);
		// With a storage, supabase-js keeps the code verifier like a browser would.
		const store = new Map<string, string>();
		const client = createClient(apiUrl, anonKey, {
			realtime: { transport: ws as never },
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
		expect(
			(await client.auth.resetPasswordForEmail(email, { redirectTo: `${site}/auth/callback` }))
				.error
		).toBeNull();
		const res = await follow(linkIn((await latestMail(email)).Text));
		const code = new URL(res.headers.get('location')!).searchParams.get('code')!;
		const { data, error } = await client.auth.exchangeCodeForSession(code);
		expect(error).toBeNull();
		expect(data.session?.user.email).toBe(email);
		expect(data.session?.user.recovery_sent_at).toBeTruthy();
	});

	it('an unknown token redirects with error=access_denied, error_code=otp_expired', async () => {
		const res = await follow(
			`${apiUrl}/auth/v1/verify?token=onzin&type=recovery&redirect_to=${encodeURIComponent(site)}`
		);
		expect(res.status).toBe(303);
		const location = new URL(res.headers.get('location')!);
		expect(location.origin).toBe(site);
		const fragment = new URLSearchParams(location.hash.slice(1));
		expect(fragment.get('error')).toBe('access_denied');
		expect(fragment.get('error_code')).toBe('otp_expired');
	});

	it('an expired link (older than GOTRUE_MAILER_OTP_EXP) is refused', async () => {
		const { email, user } = await signUpUser(anon(), users);
		await anon().auth.resetPasswordForEmail(email);
		const link = linkIn((await latestMail(email)).Text);
		await sql(`update auth.users set recovery_sent_at = now() - interval '2 hours' where id = $1`, [
			user.id
		]);
		const res = await follow(link);
		const fragment = new URLSearchParams(new URL(res.headers.get('location')!).hash.slice(1));
		expect(fragment.get('error_code')).toBe('otp_expired');
	});
});

describe('POST /verify', () => {
	it('type recovery with email + the mailed code returns a session', async () => {
		const { email, user } = await signUpUser(anon(), users);
		await anon().auth.resetPasswordForEmail(email);
		const otp = otpIn((await latestMail(email)).Text);
		const wrong = await anon().auth.verifyOtp({
			email,
			token: otp === '000000' ? '111111' : '000000',
			type: 'recovery'
		});
		expect(wrong.error?.status).toBe(403);
		expect(wrong.error?.code).toBe('otp_expired');
		const { data, error } = await anon().auth.verifyOtp({ email, token: otp, type: 'recovery' });
		expect(error).toBeNull();
		expect(data.session?.user.id).toBe(user.id);
		const reuse = await anon().auth.verifyOtp({ email, token: otp, type: 'recovery' });
		expect(reuse.error?.code).toBe('otp_expired');
	});

	it('type recovery with token_hash returns a session; a bad hash is otp_expired (403)', async () => {
		const { email } = await signUpUser(anon(), users);
		await anon().auth.resetPasswordForEmail(email);
		const hash = new URL(linkIn((await latestMail(email)).Text)).searchParams.get('token')!;
		const bad = await anon().auth.verifyOtp({ token_hash: 'f'.repeat(56), type: 'recovery' });
		expect(bad.error?.status).toBe(403);
		expect(bad.error?.code).toBe('otp_expired');
		const { data, error } = await anon().auth.verifyOtp({ token_hash: hash, type: 'recovery' });
		expect(error).toBeNull();
		expect(data.session?.user.email).toBe(email);
	});

	it('validation_failed without token or token_hash', async () => {
		const r = await raw('/verify', { method: 'POST', body: JSON.stringify({ type: 'recovery' }) });
		expect(r.status).toBe(400);
		expect(r.body.error_code).toBe('validation_failed');
	});
});

describe('a new password in a recovery session', () => {
	/** The user's own password session may not change the password without the current one. */
	async function expectCurrentPasswordRequired(email: string) {
		const client = anon();
		await client.auth.signInWithPassword({ email, password });
		const { error } = await client.auth.updateUser({ password: 'zonder-het-huidige' });
		expect(error?.code).toBe('current_password_required');
	}

	it('from the mailed link (implicit flow) needs no current password', async () => {
		const { email } = await signUpUser(anon(), users);
		await expectCurrentPasswordRequired(email);
		await anon().auth.resetPasswordForEmail(email);
		const res = await follow(linkIn((await latestMail(email)).Text));
		const fragment = new URLSearchParams(new URL(res.headers.get('location')!).hash.slice(1));
		const access = fragment.get('access_token')!;
		// GoTrue records a mailed link's session as `otp`, one of the methods that count as recovery.
		expect(decodeJwt(access).amr).toEqual([{ method: 'otp', timestamp: expect.any(Number) }]);
		const client = anon();
		await client.auth.setSession({
			access_token: access,
			refresh_token: fragment.get('refresh_token')!
		});
		expect((await client.auth.updateUser({ password: 'hersteld-wachtwoord' })).error).toBeNull();
		expect(
			(await anon().auth.signInWithPassword({ email, password: 'hersteld-wachtwoord' })).error
		).toBeNull();
	});

	it('from the mailed code (verifyOtp) needs no current password', async () => {
		const { email } = await signUpUser(anon(), users);
		await anon().auth.resetPasswordForEmail(email);
		const otp = otpIn((await latestMail(email)).Text);
		const client = anon();
		expect((await client.auth.verifyOtp({ email, token: otp, type: 'recovery' })).error).toBeNull();
		expect((await client.auth.updateUser({ password: 'hersteld-wachtwoord' })).error).toBeNull();
	});

	it('from a PKCE code (as @supabase/ssr does) needs no current password; the session is a recovery one', async () => {
		const { email } = await signUpUser(anon(), users);
		const { verifier, challenge } = pkcePair();
		await raw(`/recover?redirect_to=${encodeURIComponent(`${site}/auth/confirm`)}`, {
			method: 'POST',
			body: JSON.stringify({ email, code_challenge: challenge, code_challenge_method: 's256' })
		});
		const res = await follow(linkIn((await latestMail(email)).Text));
		const code = new URL(res.headers.get('location')!).searchParams.get('code')!;
		const exchanged = await raw('/token?grant_type=pkce', {
			method: 'POST',
			body: JSON.stringify({ auth_code: code, code_verifier: verifier })
		});
		expect(exchanged.status).toBe(200);
		expect(decodeJwt(exchanged.body.access_token).amr[0].method).toBe('recovery');
		const client = anon();
		await client.auth.setSession({
			access_token: exchanged.body.access_token,
			refresh_token: exchanged.body.refresh_token
		});
		expect((await client.auth.updateUser({ password: 'hersteld-wachtwoord' })).error).toBeNull();
		// Refreshing keeps the session, and with it the way it began.
		const refreshed = await client.auth.refreshSession();
		expect(decodeJwt(refreshed.data.session!.access_token).amr[0].method).toBe('recovery');
	});
});
