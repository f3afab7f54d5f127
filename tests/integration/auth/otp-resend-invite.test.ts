// Passwordless sign-in and the mails around it: POST /otp (magic link + code, PKCE, create_user),
// POST /resend and POST /invite (admin), against the stack's auth service and the local mailbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	admin,
	anon,
	anonKey,
	confirmedEmail,
	decodeJwt,
	follow,
	latestMail,
	linkIn,
	mailCount,
	ownAuth,
	otpIn,
	pkcePair,
	raw,
	serviceRoleKey,
	signUpUser,
	sql,
	uniqueEmail,
	userTracker
} from './helpers';

const users = userTracker();
afterAll(() => users.cleanup());

const site = 'http://127.0.0.1:5173';
const v2024 = { 'x-supabase-api-version': '2024-01-01' };
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
	raw(path, { method: 'POST', headers: { ...v2024, ...headers }, body: JSON.stringify(body) });

async function idOf(email: string): Promise<string | undefined> {
	const [row] = await sql('select id from auth.users where lower(email) = $1', [email]);
	return row?.id;
}

describe('POST /otp (e-mail)', () => {
	it('mails a known address a magic link and its 6-digit code; the code signs in once', async () => {
		const email = await confirmedEmail(users, 'otp');
		const { data, error } = await anon().auth.signInWithOtp({
			email,
			options: { shouldCreateUser: false, emailRedirectTo: `${site}/welkom` }
		});
		expect(error).toBeNull();
		expect(data).toEqual({ user: null, session: null });
		const mail = await latestMail(email);
		expect(mail.Subject).toBe('Je aanmeldlink');
		const link = new URL(linkIn(mail.Text));
		expect(link.searchParams.get('type')).toBe('magiclink');
		expect(link.searchParams.get('redirect_to')).toBe(`${site}/welkom`);
		const code = otpIn(mail.Text);
		expect(code).toMatch(/^\d{6}$/);

		const client = anon();
		const signedIn = await client.auth.verifyOtp({ email, token: code, type: 'email' });
		expect(signedIn.error).toBeNull();
		expect(signedIn.data.session?.access_token).toBeTruthy();
		const again = await anon().auth.verifyOtp({ email, token: code, type: 'email' });
		expect(again.error?.code).toBe('otp_expired');
		// The link was the same token: used up with the code.
		const res = await follow(link.toString());
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toContain('error_code=otp_expired');
	});

	it('with PKCE the link lands with a code that the verifier exchanges once for a session', async () => {
		const email = await confirmedEmail(users, 'otp-pkce');
		const { verifier, challenge } = pkcePair();
		const res = await post(`/otp?redirect_to=${encodeURIComponent(`${site}/auth/confirm`)}`, {
			email,
			create_user: false,
			code_challenge: challenge,
			code_challenge_method: 's256'
		});
		expect(res.status).toBe(200);
		expect(res.body).toEqual({});
		const link = linkIn((await latestMail(email)).Text);
		expect(new URL(link).searchParams.get('token')).toMatch(/^pkce_/);
		const landed = await follow(link);
		expect(landed.status).toBe(303);
		const target = new URL(landed.headers.get('location') ?? '');
		expect(`${target.origin}${target.pathname}`).toBe(`${site}/auth/confirm`);
		const code = target.searchParams.get('code') ?? '';
		expect(code).not.toBe('');
		const token = await post('/token?grant_type=pkce', {
			auth_code: code,
			code_verifier: verifier
		});
		expect(token.status).toBe(200);
		expect(decodeJwt(token.body.access_token).email).toBe(email);
		const twice = await post('/token?grant_type=pkce', {
			auth_code: code,
			code_verifier: verifier
		});
		expect(twice.status).toBe(404);
		expect(twice.body.code).toBe('flow_state_not_found');
		// A used link answers with an error in the redirect, not with a second code.
		const reused = await follow(link);
		const back = new URL(reused.headers.get('location') ?? '');
		expect(back.searchParams.get('code')).toBeNull();
		expect(back.searchParams.get('error_code')).toBe('otp_expired');
	});

	it('create_user false: an unknown address gets otp_disabled and no account, no mail', async () => {
		const email = uniqueEmail('otp-unknown');
		const res = await post('/otp', { email, create_user: false });
		expect(res.status).toBe(422);
		expect(res.body).toEqual({ code: 'otp_disabled', message: 'Signups not allowed for otp' });
		expect(await idOf(email)).toBeUndefined();
		expect(await mailCount(email)).toBe(0);
	});

	it('asked again within the mail frequency: the same 429 for a known and an unknown address', async () => {
		const known = await confirmedEmail(users, 'otp-freq');
		const unknown = uniqueEmail('otp-freq');
		expect((await post('/otp', { email: known, create_user: false })).status).toBe(200);
		expect((await post('/otp', { email: unknown, create_user: false })).status).toBe(422);
		const a = await post('/otp', { email: known, create_user: false });
		const b = await post('/otp', { email: unknown, create_user: false });
		expect(a.status).toBe(429);
		expect(b.status).toBe(429);
		expect(a.body.code).toBe('over_email_send_rate_limit');
		expect(b.body.code).toBe('over_email_send_rate_limit');
	});

	it('create_user (the default) signs a new address up: a confirmation mail, data kept', async () => {
		const email = uniqueEmail('otp-new');
		const { error } = await anon().auth.signInWithOtp({
			email,
			options: { data: { locale: 'en' } }
		});
		expect(error).toBeNull();
		const id = await idOf(email);
		users.add(id);
		const [row] = await sql(
			'select email_confirmed_at, raw_user_meta_data, confirmation_token from auth.users where id = $1',
			[id]
		);
		expect(row.email_confirmed_at).toBeNull();
		expect(row.raw_user_meta_data).toEqual({ locale: 'en' });
		const mail = await latestMail(email);
		expect(mail.Subject).toBe('Confirm your registration');
		expect(new URL(linkIn(mail.Text)).searchParams.get('token')).toBe(row.confirmation_token);
	});

	it('refuses bad input with GoTrue’s errors', async () => {
		expect((await post('/otp', {})).body).toEqual({
			code: 'validation_failed',
			message: 'One of email or phone must be set'
		});
		const both = await post('/otp', { email: uniqueEmail(), phone: '32470000000' });
		expect(both.status).toBe(400);
		expect(both.body.message).toBe('Only an email address or phone number should be provided');
		const bad = await post('/otp', { email: 'geen-adres' });
		expect(bad.status).toBe(400);
		expect(bad.body.message).toBe('Unable to validate email address: invalid format');
		const pkce = await post('/otp', { email: uniqueEmail(), code_challenge: 'x' });
		expect(pkce.status).toBe(400);
		expect(pkce.body.code).toBe('validation_failed');
		const phone = await post('/otp', { phone: '32470000000' });
		expect(phone.status).toBe(400);
		expect(phone.body.code).toBe('phone_provider_disabled');
	});
});

describe('POST /resend', () => {
	it('mails an unconfirmed sign-up its confirmation again', async () => {
		const email = uniqueEmail('resend');
		const signUp = await anon().auth.signUp({ email, password: 'auth-test-wachtwoord-1' });
		users.add(signUp.data.user?.id);
		const first = await latestMail(email);
		await sql(
			`update auth.users set confirmation_sent_at = now() - interval '2 minutes' where email = $1`,
			[email]
		);
		const { error } = await anon().auth.resend({ email, type: 'signup' });
		expect(error).toBeNull();
		expect(await mailCount(email)).toBe(2);
		const second = await latestMail(email);
		expect(linkIn(second.Text)).not.toBe('');
		expect(linkIn(first.Text)).not.toBe(linkIn(second.Text));
	});

	it('answers {} without a mail for a confirmed or unknown address, and refuses bad types', async () => {
		const { email } = await signUpUser(anon(), users, 'resend-done');
		const before = await mailCount(email);
		expect((await post('/resend', { email, type: 'signup' })).body).toEqual({});
		expect((await post('/resend', { email: uniqueEmail(), type: 'signup' })).body).toEqual({});
		expect(await mailCount(email)).toBe(before);
		const bad = await post('/resend', { email, type: 'magiclink' });
		expect(bad.status).toBe(400);
		expect(bad.body.message).toBe(
			'Missing one of these types: signup, email_change, sms, phone_change'
		);
		const none = await post('/resend', { type: 'signup' });
		expect(none.body.message).toBe('Type provided requires an email address');
		const phone = await post('/resend', { phone: '32470000000', type: 'sms' });
		expect(phone.body.code).toBe('phone_provider_disabled');
	});
});

describe('POST /invite', () => {
	it('an admin invites: an account with invited_at and a mail whose link confirms it', async () => {
		const email = uniqueEmail('invite');
		const { data, error } = await admin.auth.admin.inviteUserByEmail(email, {
			data: { locale: 'en' },
			redirectTo: `${site}/welkom`
		});
		expect(error).toBeNull();
		users.add(data.user?.id);
		expect(data.user?.invited_at).toBeTruthy();
		expect(data.user?.email_confirmed_at).toBeUndefined();
		const mail = await latestMail(email);
		expect(mail.Subject).toBe('You have been invited');
		const link = linkIn(mail.Text);
		expect(new URL(link).searchParams.get('type')).toBe('invite');
		const landed = await follow(link);
		const location = landed.headers.get('location') ?? '';
		expect(location.startsWith(`${site}/welkom#access_token=`)).toBe(true);
		const [row] = await sql('select email_confirmed_at from auth.users where id = $1', [
			data.user?.id
		]);
		expect(row.email_confirmed_at).toBeTruthy();
		// Confirmed now: a second invitation is refused.
		const again = await admin.auth.admin.inviteUserByEmail(email);
		expect(again.error?.code).toBe('email_exists');
	});

	it('refuses anyone but an admin, and an invalid address', async () => {
		const email = uniqueEmail('invite-deny');
		const asAnon = await post('/invite', { email }, { authorization: `Bearer ${anonKey}` });
		expect(asAnon.status).toBe(403);
		expect(asAnon.body.code).toBe('not_admin');
		const { session } = await signUpUser(anon(), users, 'invite-user');
		const asUser = await post(
			'/invite',
			{ email },
			{ authorization: `Bearer ${session.access_token}` }
		);
		expect(asUser.status).toBe(403);
		expect(await idOf(email)).toBeUndefined();
		const bad = await post(
			'/invite',
			{ email: 'geen-adres' },
			{ authorization: `Bearer ${serviceRoleKey}` }
		);
		expect(bad.status).toBe(400);
		expect(bad.body.message).toBe('Unable to validate email address: invalid format');
	});
});

describe('phone codes (GOTRUE_EXTERNAL_PHONE_ENABLED, no SMS provider)', () => {
	let own: Awaited<ReturnType<typeof ownAuth>>;
	beforeAll(async () => {
		own = await ownAuth({ GOTRUE_EXTERNAL_PHONE_ENABLED: 'true' });
	});
	afterAll(() => own.close());
	const ownPost = (path: string, body: unknown) =>
		raw(path, {
			base: `${own.url}/auth/v1`,
			method: 'POST',
			headers: v2024,
			body: JSON.stringify(body)
		});
	const phone = () => `3247${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

	it('answers as GoTrue does when it cannot get an SMS provider, and writes nothing', async () => {
		const number = phone();
		const res = await ownPost('/otp', { phone: `+${number}` });
		expect(res.status).toBe(500);
		expect(res.body).toEqual({ code: 'unexpected_failure', message: 'Unable to get SMS provider' });
		expect(await sql('select id from auth.users where phone = $1', [number])).toEqual([]);
	});

	it('refuses an unknown number without create_user, a malformed number and a bad channel', async () => {
		const unknown = await ownPost('/otp', { phone: phone(), create_user: false });
		expect(unknown.status).toBe(422);
		expect(unknown.body.code).toBe('otp_disabled');
		const bad = await ownPost('/otp', { phone: '+32 abc' });
		expect(bad.body).toEqual({
			code: 'validation_failed',
			message: 'Invalid phone number format (E.164 required)'
		});
		const channel = await ownPost('/otp', { phone: phone(), channel: 'pigeon' });
		expect(channel.status).toBe(400);
	});

	it('resend for a number without an account answers {}; a phone code never verifies', async () => {
		expect((await ownPost('/resend', { phone: phone(), type: 'phone_change' })).body).toEqual({});
		expect((await ownPost('/resend', { phone: phone(), type: 'sms' })).body).toEqual({});
		const verify = await ownPost('/verify', { phone: phone(), token: '123456', type: 'sms' });
		expect(verify.status).toBe(403);
		expect(verify.body).toEqual({
			code: 'otp_expired',
			message: 'Token has expired or is invalid'
		});
	});
});
