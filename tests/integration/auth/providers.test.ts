// Sign-in providers beyond email, as GoTrue v2.176 answers them: phone sign-up, sign-in and codes
// (GOTRUE_EXTERNAL_PHONE_ENABLED, GOTRUE_SMS_*), anonymous sign-ins, identity linking rules, the
// id_token / web3 grants and SSO for providers the service does not talk to, and /settings. The shared
// stack has all of these off; private instances turn them on.
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	admin,
	anon,
	anonKey,
	confirmedUser,
	decodeJwt,
	ownAuth,
	password,
	raw,
	sql,
	uniqueEmail,
	userTracker
} from './helpers';

const users = userTracker();

/** A number nobody else uses, in GoTrue's stored form (E.164 digits, no "+"). */
const uniquePhone = () => `3247${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;

const testPhone = uniquePhone();
const TEST_OTP = '424242';

let phoneOn: Awaited<ReturnType<typeof ownAuth>>;
let sms: Awaited<ReturnType<typeof ownAuth>>;
let emailOff: Awaited<ReturnType<typeof ownAuth>>;

beforeAll(async () => {
	// Phone numbers confirmed at once, anonymous users, manual linking and one OAuth provider on.
	phoneOn = await ownAuth({
		GOTRUE_EXTERNAL_PHONE_ENABLED: 'true',
		GOTRUE_SMS_AUTOCONFIRM: 'true',
		GOTRUE_EXTERNAL_ANONYMOUS_USERS_ENABLED: 'true',
		GOTRUE_SECURITY_MANUAL_LINKING_ENABLED: 'true',
		GOTRUE_MAILER_AUTOCONFIRM: 'true',
		GOTRUE_EXTERNAL_GOOGLE_ENABLED: 'true'
	});
	// Codes by SMS through Twilio without credentials (as in auth-js's suite); one test number.
	sms = await ownAuth({
		GOTRUE_EXTERNAL_PHONE_ENABLED: 'true',
		GOTRUE_SMS_AUTOCONFIRM: 'false',
		GOTRUE_SMS_PROVIDER: 'twilio',
		GOTRUE_SMS_TEST_OTP: `+${testPhone}:${TEST_OTP}`
	});
	emailOff = await ownAuth({ GOTRUE_EXTERNAL_EMAIL_ENABLED: 'false' });
});
afterAll(async () => {
	await phoneOn.close();
	await sms.close();
	await emailOff.close();
	await users.cleanup();
});

const v2024 = { 'x-supabase-api-version': '2024-01-01' };
const post = (base: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
	raw(path, {
		base: `${base}/auth/v1`,
		method: 'POST',
		headers: { ...v2024, ...headers },
		body: JSON.stringify(body)
	});

describe('phone sign-up and sign-in', () => {
	it('with SMS autoconfirm a sign-up gets a session and can sign in with its password', async () => {
		const phone = uniquePhone();
		const client = phoneOn.client();
		const up = await client.auth.signUp({
			phone: `+${phone}`,
			password,
			options: { data: { a: 1 } }
		});
		expect(up.error).toBeNull();
		users.add(up.data.user?.id);
		expect(up.data.session).not.toBeNull();
		expect(up.data.user?.phone).toBe(phone);
		expect(up.data.user?.phone_confirmed_at).toBeTruthy();
		expect(up.data.user?.app_metadata).toMatchObject({ provider: 'phone', providers: ['phone'] });
		expect(up.data.user?.identities?.map((i) => i.provider)).toEqual(['phone']);
		expect(up.data.user?.user_metadata).toEqual({ a: 1 });

		const signIn = await phoneOn.client().auth.signInWithPassword({ phone, password });
		expect(signIn.error).toBeNull();
		expect(signIn.data.session?.user.id).toBe(up.data.user?.id);
		expect(decodeJwt(signIn.data.session!.access_token).phone).toBe(phone);

		const wrong = await phoneOn
			.client()
			.auth.signInWithPassword({ phone, password: 'verkeerd-1234' });
		expect(wrong.error?.code).toBe('invalid_credentials');
		const again = await phoneOn.client().auth.signUp({ phone, password });
		expect(again.error?.status).toBe(422);
		expect(again.error?.code).toBe('user_already_exists');
	});

	it('a number that is not E.164 is refused', async () => {
		const r = await post(phoneOn.url, '/signup', { phone: '12-34', password });
		expect(r.status).toBe(400);
		expect(r.body).toEqual({
			code: 'validation_failed',
			message: 'Invalid phone number format (E.164 required)'
		});
	});

	it('with the phone provider off (the shared stack) sign-up and sign-in are refused', async () => {
		const up = await anon().auth.signUp({ phone: uniquePhone(), password });
		expect(up.error?.status).toBe(400);
		expect(up.error?.code).toBe('phone_provider_disabled');
		const signIn = await anon().auth.signInWithPassword({ phone: uniquePhone(), password });
		expect(signIn.error?.status).toBe(422);
		expect(signIn.error?.message).toBe('Phone logins are disabled');
	});

	it('when the SMS provider cannot be used the sign-up fails as in GoTrue and stores nothing', async () => {
		const phone = uniquePhone();
		const r = await post(sms.url, '/signup', { phone, password });
		expect(r.status).toBe(500);
		expect(r.body.message).toBe('Unable to get SMS provider');
		expect(await sql('select 1 from auth.users where phone = $1', [phone])).toHaveLength(0);
	});

	it('a test number gets its code: unconfirmed until verified, then signed in', async () => {
		const client = sms.client();
		const up = await client.auth.signUp({ phone: testPhone, password });
		expect(up.error).toBeNull();
		users.add(up.data.user?.id);
		expect(up.data.session).toBeNull();
		expect(up.data.user?.phone_confirmed_at).toBeUndefined();

		const early = await sms.client().auth.signInWithPassword({ phone: testPhone, password });
		expect(early.error?.code).toBe('phone_not_confirmed');

		const wrong = await sms
			.client()
			.auth.verifyOtp({ phone: testPhone, token: '000000', type: 'sms' });
		expect(wrong.error?.status).toBe(403);
		expect(wrong.error?.message).toBe('Token has expired or is invalid');

		const ok = await client.auth.verifyOtp({ phone: testPhone, token: TEST_OTP, type: 'sms' });
		expect(ok.error).toBeNull();
		expect(ok.data.session).not.toBeNull();
		expect(ok.data.user?.phone_confirmed_at).toBeTruthy();
		const amr = decodeJwt(ok.data.session!.access_token).amr;
		expect(amr[0].method).toBe('otp');

		const signIn = await sms.client().auth.signInWithPassword({ phone: testPhone, password });
		expect(signIn.error).toBeNull();

		// A second sign-up of a confirmed number, without autoconfirm: a look-alike, not the account.
		const again = await sms.client().auth.signUp({ phone: testPhone, password });
		expect(again.error).toBeNull();
		expect(again.data.user?.id).not.toBe(up.data.user?.id);
		expect(again.data.session).toBeNull();
	});
});

describe('POST /admin/users with a phone number', () => {
	it('makes phone users (with or without an address) that can sign in where phone is on', async () => {
		const phone = uniquePhone();
		const { data, error } = await admin.auth.admin.createUser({
			phone: `+${phone}`,
			password,
			phone_confirm: true,
			user_metadata: { naam: 'Sam' }
		});
		expect(error).toBeNull();
		users.add(data.user?.id);
		expect(data.user?.phone).toBe(phone);
		expect(data.user?.phone_confirmed_at).toBeTruthy();
		expect(data.user?.email).toBe('');
		expect(data.user?.app_metadata).toMatchObject({ provider: 'phone', providers: ['phone'] });
		expect(data.user?.identities?.map((i) => i.provider)).toEqual(['phone']);
		const signIn = await phoneOn.client().auth.signInWithPassword({ phone, password });
		expect(signIn.error).toBeNull();
		expect(signIn.data.user?.id).toBe(data.user?.id);

		const both = await admin.auth.admin.createUser({
			email: uniqueEmail('phone'),
			phone: uniquePhone(),
			password,
			email_confirm: true
		});
		expect(both.error).toBeNull();
		users.add(both.data.user?.id);
		expect(both.data.user?.identities?.map((i) => i.provider).sort()).toEqual(['email', 'phone']);
		expect(both.data.user?.app_metadata.providers).toEqual(['email', 'phone']);
		expect(both.data.user?.phone_confirmed_at).toBeUndefined();
	});

	it('refuses a taken or malformed number, and callers without the service role', async () => {
		const phone = uniquePhone();
		const first = await admin.auth.admin.createUser({ phone, password });
		users.add(first.data.user?.id);
		const taken = await admin.auth.admin.createUser({ phone: `+${phone}`, password });
		expect(taken.error?.status).toBe(422);
		expect(taken.error?.code).toBe('phone_exists');
		const bad = await admin.auth.admin.createUser({ phone: 'nul-vier-zeven', password });
		expect(bad.error?.status).toBe(400);
		expect(bad.error?.message).toBe('Invalid phone number format (E.164 required)');
		const other = uniquePhone();
		const notAdmin = await raw('/admin/users', {
			method: 'POST',
			headers: { authorization: `Bearer ${anonKey}` },
			body: JSON.stringify({ phone: other, password })
		});
		expect(notAdmin.status).toBe(403);
		expect(await sql('select 1 from auth.users where phone = $1', [other])).toHaveLength(0);
	});
});

describe('POST /verify with a phone number', () => {
	it('an unknown number answers like a wrong code', async () => {
		const unknown = await anon().auth.verifyOtp({
			phone: uniquePhone(),
			token: '123456',
			type: 'sms'
		});
		expect(unknown.error?.status).toBe(403);
		expect(unknown.error?.code).toBe('otp_expired');
		expect(unknown.error?.message).toBe('Token has expired or is invalid');
		const change = await anon().auth.verifyOtp({
			phone: uniquePhone(),
			token: '123456',
			type: 'phone_change'
		});
		expect(change.error?.message).toBe('Token has expired or is invalid');
	});

	it('phone_change: the code for the new number moves the user to it', async () => {
		const created = await admin.auth.admin.createUser({
			phone: uniquePhone(),
			password,
			phone_confirm: true
		});
		users.add(created.data.user?.id);
		const newPhone = uniquePhone();
		const otp = '135790';
		// What PUT /user with a new number stores (that endpoint is not part of this suite).
		await sql(
			`update auth.users set phone_change = $2, phone_change_sent_at = now(),
			 phone_change_token = encode(sha224(convert_to($2 || $3, 'UTF8')), 'hex') where id = $1`,
			[created.data.user!.id, newPhone, otp]
		);
		const wrong = await anon().auth.verifyOtp({
			phone: newPhone,
			token: '000000',
			type: 'phone_change'
		});
		expect(wrong.error?.code).toBe('otp_expired');
		const ok = await anon().auth.verifyOtp({ phone: newPhone, token: otp, type: 'phone_change' });
		expect(ok.error).toBeNull();
		expect(ok.data.user?.phone).toBe(newPhone);
		expect(ok.data.user?.new_phone).toBeUndefined();
		const [identity] = await sql(
			`select identity_data from auth.identities where user_id = $1 and provider = 'phone'`,
			[created.data.user!.id]
		);
		expect(identity.identity_data).toMatchObject({ phone: newPhone, phone_verified: true });
		const again = await anon().auth.verifyOtp({
			phone: newPhone,
			token: otp,
			type: 'phone_change'
		});
		expect(again.error?.status).toBe(403);
	});

	it('a malformed number is refused before any lookup', async () => {
		const r = await anon().auth.verifyOtp({ phone: '3247-invalid', token: '123456', type: 'sms' });
		expect(r.error?.status).toBe(400);
		expect(r.error?.message).toBe('Invalid phone number format (E.164 required)');
	});
});

describe('anonymous sign-ins', () => {
	it('when enabled: an anonymous user with a session, its data and amr "anonymous"', async () => {
		const client = phoneOn.client();
		const { data, error } = await client.auth.signInAnonymously({
			options: { data: { taal: 'nl' } }
		});
		expect(error).toBeNull();
		users.add(data.user?.id);
		expect(data.user?.is_anonymous).toBe(true);
		expect(data.user?.role).toBe('authenticated');
		expect(data.user?.user_metadata).toEqual({ taal: 'nl' });
		expect(data.user?.identities).toEqual([]);
		const claims = decodeJwt(data.session!.access_token);
		expect(claims.is_anonymous).toBe(true);
		expect(claims.role).toBe('authenticated');
		expect(claims.amr[0].method).toBe('anonymous');
		const me = await client.auth.getUser();
		expect(me.data.user?.id).toBe(data.user?.id);
	});

	it('when disabled (the shared stack): anonymous_provider_disabled, and no user', async () => {
		const before = await sql('select count(*)::int as n from auth.users where is_anonymous');
		const { data, error } = await anon().auth.signInAnonymously();
		expect(data.session).toBeNull();
		expect(error?.status).toBe(422);
		expect(error?.code).toBe('anonymous_provider_disabled');
		expect(error?.message).toBe('Anonymous sign-ins are disabled');
		const after = await sql('select count(*)::int as n from auth.users where is_anonymous');
		expect(after[0].n).toBe(before[0].n);
	});
});

describe('providers the service does not talk to', () => {
	it('web3: Web3 provider is disabled', async () => {
		const r = await post(phoneOn.url, '/token?grant_type=web3', { chain: 'solana' });
		expect(r.status).toBe(422);
		expect(r.body).toEqual({
			code: 'web3_provider_disabled',
			message: 'Web3 provider is disabled'
		});
	});

	it('id_token: a provider that is off is named by its issuer', async () => {
		const { error } = await anon().auth.signInWithIdToken({ provider: 'google', token: 'x.y.z' });
		expect(error?.status).toBe(400);
		expect(error?.code).toBe('provider_disabled');
		expect(error?.message).toBe('Provider (issuer "https://accounts.google.com") is not enabled');
	});

	it('id_token: an enabled provider cannot verify the token here; bad requests are refused', async () => {
		const enabled = await post(phoneOn.url, '/token?grant_type=id_token', {
			provider: 'google',
			id_token: 'x.y.z'
		});
		expect(enabled.status).toBe(400);
		expect(enabled.body).toEqual({ error: 'invalid request', error_description: 'Bad ID token' });
		const missing = await post(phoneOn.url, '/token?grant_type=id_token', { provider: 'google' });
		expect(missing.body.error_description).toBe('id_token required');
		const custom = await post(phoneOn.url, '/token?grant_type=id_token', {
			provider: 'mijnprovider',
			id_token: 'x.y.z'
		});
		expect(custom.body).toEqual({
			code: 'validation_failed',
			message: 'Custom OIDC provider "mijnprovider" not allowed'
		});
	});

	it('SSO: SAML 2.0 is disabled', async () => {
		const { data, error } = await anon().auth.signInWithSSO({ domain: 'example.test' });
		expect(data).toBeNull();
		expect(error?.status).toBe(404);
		expect(error?.message).toBe('SAML 2.0 is disabled');
		const metadata = await raw('/sso/saml/metadata');
		expect(metadata.status).toBe(404);
		expect(metadata.body.error_code).toBe('saml_provider_disabled');
	});
});

describe('identity linking', () => {
	it('with manual linking off (the shared stack) link and unlink are refused, after the token', async () => {
		const client = anon();
		const { user } = await confirmedUser(client, users, 'link');
		const link = await client.auth.linkIdentity({ provider: 'google' });
		expect(link.error?.status).toBe(404);
		expect(link.error?.message).toBe('Manual linking is disabled');
		const identity = user.identities![0]!;
		const unlink = await client.auth.unlinkIdentity(identity);
		expect(unlink.error?.code).toBe('manual_linking_disabled');
		// Without a bearer token the answer is 401, linking on or off.
		const noToken = await raw(`/user/identities/${identity.identity_id}`, {
			base: `${phoneOn.url}/auth/v1`,
			method: 'DELETE'
		});
		expect(noToken.status).toBe(401);
		expect(
			await sql('select 1 from auth.identities where id = $1', [identity.identity_id])
		).toHaveLength(1);
	});

	it('with manual linking on: providers it cannot use are refused', async () => {
		const client = phoneOn.client();
		const { data } = await client.auth.signUp({ email: uniqueEmail('link'), password });
		users.add(data.user?.id);
		const off = await client.auth.linkIdentity({ provider: 'github' });
		expect(off.error?.status).toBe(400);
		expect(off.error?.message).toBe('Unsupported provider: provider is not enabled');
		const unknown = await client.auth.linkIdentity({ provider: 'nope' as never });
		expect(unknown.error?.message).toBe('Unsupported provider: Provider nope could not be found');
	});

	it('with manual linking on: unlinking keeps at least one identity and updates the providers', async () => {
		const client = phoneOn.client();
		const email = uniqueEmail('link');
		const { data } = await client.auth.signUp({ email, password });
		const userId = data.user!.id;
		users.add(userId);
		const only = data.user!.identities![0]!;
		const last = await client.auth.unlinkIdentity(only);
		expect(last.error?.status).toBe(422);
		expect(last.error?.code).toBe('single_identity_not_deletable');

		// A second identity, as an OAuth sign-in would have linked it.
		const [github] = await sql(
			`insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
			 values ('gh-' || $1::text, $1::uuid, jsonb_build_object('sub', 'gh', 'email', $2::text), 'github', now(), now())
			 returning id`,
			[userId, email]
		);
		await sql(
			`update auth.users set raw_app_meta_data = raw_app_meta_data || '{"providers":["email","github"]}' where id = $1`,
			[userId]
		);
		const notMine = await raw(`/user/identities/${crypto.randomUUID()}`, {
			base: `${phoneOn.url}/auth/v1`,
			method: 'DELETE',
			headers: { ...v2024, authorization: `Bearer ${data.session!.access_token}` }
		});
		expect(notMine.status).toBe(422);
		expect(notMine.body.code).toBe('identity_not_found');
		const badId = await raw('/user/identities/nope', {
			base: `${phoneOn.url}/auth/v1`,
			method: 'DELETE',
			headers: { ...v2024, authorization: `Bearer ${data.session!.access_token}` }
		});
		expect(badId.status).toBe(404);

		const ok = await client.auth.unlinkIdentity({ ...only, identity_id: github.id } as never);
		expect(ok.error).toBeNull();
		const [row] = await sql('select email, raw_app_meta_data from auth.users where id = $1', [
			userId
		]);
		expect(row.email).toBe(email);
		expect(row.raw_app_meta_data.providers).toEqual(['email']);
		expect(await sql('select 1 from auth.identities where user_id = $1', [userId])).toHaveLength(1);
	});
});

describe('the email provider switched off', () => {
	it('refuses email sign-ups, sign-ins and recovery mails, and says so in /settings', async () => {
		const email = uniqueEmail('emailoff');
		const up = await post(emailOff.url, '/signup', { email, password });
		expect(up.status).toBe(400);
		expect(up.body).toEqual({
			code: 'email_provider_disabled',
			message: 'Email signups are disabled'
		});
		expect(await sql('select 1 from auth.users where email = $1', [email])).toHaveLength(0);
		const signIn = await post(emailOff.url, '/token?grant_type=password', { email, password });
		expect(signIn.status).toBe(422);
		expect(signIn.body.message).toBe('Email logins are disabled');
		const recover = await post(emailOff.url, '/recover', { email });
		expect(recover.status).toBe(400);
		expect(recover.body.code).toBe('email_provider_disabled');
		const settings = await raw('/settings', { base: `${emailOff.url}/auth/v1` });
		expect(settings.body.external.email).toBe(false);
	});
});

describe('unlinking a phone identity', () => {
	it('removes the number from the user', async () => {
		const email = uniqueEmail('link');
		const created = await admin.auth.admin.createUser({
			email,
			phone: uniquePhone(),
			password,
			email_confirm: true,
			phone_confirm: true
		});
		users.add(created.data.user?.id);
		const client = phoneOn.client();
		const { error } = await client.auth.signInWithPassword({ email, password });
		expect(error).toBeNull();
		const phoneIdentity = created.data.user!.identities!.find((i) => i.provider === 'phone')!;
		const unlink = await client.auth.unlinkIdentity(phoneIdentity);
		expect(unlink.error).toBeNull();
		const [row] = await sql(
			'select phone, phone_confirmed_at, raw_app_meta_data from auth.users where id = $1',
			[created.data.user!.id]
		);
		expect(row.phone).toBeNull();
		expect(row.phone_confirmed_at).toBeNull();
		expect(row.raw_app_meta_data.providers).toEqual(['email']);
	});
});

describe('GET /settings', () => {
	it('reports the providers from the configuration, in GoTrue’s order', async () => {
		const shared = await raw('/settings');
		expect(shared.body.external.phone).toBe(false);
		expect(shared.body.external.anonymous_users).toBe(false);
		expect(shared.body.phone_autoconfirm).toBe(false);
		expect(shared.body.sms_provider).toBe('');
		const on = await raw('/settings', { base: `${phoneOn.url}/auth/v1` });
		expect(Object.keys(on.body.external)).toEqual([
			'anonymous_users',
			'apple',
			'azure',
			'bitbucket',
			'discord',
			'facebook',
			'figma',
			'fly',
			'github',
			'gitlab',
			'google',
			'keycloak',
			'kakao',
			'linkedin',
			'linkedin_oidc',
			'notion',
			'spotify',
			'slack',
			'slack_oidc',
			'workos',
			'twitch',
			'twitter',
			'email',
			'phone',
			'zoom'
		]);
		expect(on.body.external).toMatchObject({
			anonymous_users: true,
			google: true,
			github: false,
			email: true,
			phone: true
		});
		expect(on.body).toMatchObject({
			phone_autoconfirm: true,
			mailer_autoconfirm: true,
			saml_enabled: false
		});
		const withSms = await raw('/settings', { base: `${sms.url}/auth/v1` });
		expect(withSms.body.sms_provider).toBe('twilio');
	});
});
