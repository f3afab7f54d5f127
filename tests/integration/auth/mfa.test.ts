// Two-factor sign-in with TOTP (/factors enroll, challenge, verify, unenroll), the aal and amr claims,
// the admin factors API and /reauthenticate: what each allows, what it refuses, and with GoTrue's codes.
import { afterAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import {
	anon,
	admin,
	confirmedUser,
	decodeJwt,
	latestMail,
	otpIn,
	raw,
	serviceRoleKey,
	sql,
	userTracker
} from './helpers';
import { clientAddress } from '../support/supabase.js';
import { totp, base32Decode } from '../../../stack/auth/totp.js';

const users = userTracker();
afterAll(() => users.cleanup());

const bearer = (token: string, ip = clientAddress()) => ({
	authorization: `Bearer ${token}`,
	'x-forwarded-for': ip
});

/** A signed-in person with an unverified TOTP factor, and the client address they use. */
async function enrolled(label = 'mfa') {
	const client = anon();
	const u = await confirmedUser(client, users, label);
	const { data, error } = await client.auth.mfa.enroll({
		factorType: 'totp',
		friendlyName: 'telefoon'
	});
	if (error || !data) throw error ?? new Error('no factor');
	return { client, ...u, factorId: data.id, secret: data.totp.secret, enrollment: data };
}

/** Enrolled and verified: the client holds an aal2 session. */
async function verified(label = 'mfa') {
	const e = await enrolled(label);
	const { data, error } = await e.client.auth.mfa.challengeAndVerify({
		factorId: e.factorId,
		code: totp(e.secret)
	});
	if (error || !data) throw error ?? new Error('not verified');
	return { ...e, aal2: data };
}

async function accessToken(client: SupabaseClient) {
	return (await client.auth.getSession()).data.session!.access_token;
}

describe('POST /factors (enroll)', () => {
	it('needs a person’s token: 401 without one, 403 with the anon key alone', async () => {
		const r = await raw('/factors', {
			method: 'POST',
			body: '{"factor_type":"totp"}',
			headers: { apikey: '' }
		});
		expect(r.status).toBe(401);
		const anonOnly = await raw('/factors', { method: 'POST', body: '{"factor_type":"totp"}' });
		expect(anonOnly.status).toBe(403);
		expect(anonOnly.body.error_code).toBe('bad_jwt');
	});

	it('answers a secret, an otpauth URI and a QR code (SVG), and stores an unverified factor', async () => {
		const e = await enrolled();
		expect(e.enrollment.type).toBe('totp');
		expect(e.enrollment.friendly_name).toBe('telefoon');
		expect(e.secret).toMatch(/^[A-Z2-7]{32}$/);
		expect(base32Decode(e.secret)).toHaveLength(20);
		const uri = new URL(e.enrollment.totp.uri);
		expect(uri.protocol).toBe('otpauth:');
		expect(uri.searchParams.get('secret')).toBe(e.secret);
		expect(decodeURIComponent(uri.pathname)).toContain(e.email);
		// supabase-js turns GoTrue's SVG markup into a data URI.
		expect(e.enrollment.totp.qr_code).toMatch(/^data:image\/svg\+xml;utf-8,<\?xml.*<svg /s);
		const rows = await sql(
			'select status, factor_type, secret from auth.mfa_factors where id = $1',
			[e.factorId]
		);
		expect(rows[0]).toMatchObject({ status: 'unverified', factor_type: 'totp', secret: e.secret });
		const { data } = await e.client.auth.getUser();
		expect(data.user?.factors).toEqual([
			expect.objectContaining({ id: e.factorId, status: 'unverified', factor_type: 'totp' })
		]);
		expect(JSON.stringify(data.user)).not.toContain(e.secret);
	});

	it('refuses a second factor with the same friendly name: 422 mfa_factor_name_conflict', async () => {
		const e = await enrolled();
		const { error } = await e.client.auth.mfa.enroll({
			factorType: 'totp',
			friendlyName: 'telefoon'
		});
		expect(error?.status).toBe(422);
		expect(error?.code).toBe('mfa_factor_name_conflict');
	});

	it('answers phone factors as GoTrue does without phone MFA, and unknown types with 400', async () => {
		const e = await enrolled();
		const token = await accessToken(e.client);
		const phone = await raw('/factors', {
			method: 'POST',
			headers: bearer(token),
			body: JSON.stringify({ factor_type: 'phone', phone: '+32470000000' })
		});
		expect(phone.status).toBe(422);
		expect(phone.body.error_code).toBe('mfa_phone_enroll_not_enabled');
		const other = await raw('/factors', {
			method: 'POST',
			headers: bearer(token),
			body: JSON.stringify({ factor_type: 'sms' })
		});
		expect(other.status).toBe(400);
		expect(other.body.msg).toBe('factor_type needs to be totp, phone, or webauthn');
	});

	it('a person with a verified factor enrols another only at aal2: 403 insufficient_aal at aal1', async () => {
		const v = await verified();
		const aal1 = anon();
		await aal1.auth.signInWithPassword({ email: v.email, password: 'auth-test-wachtwoord-1' });
		const { error } = await aal1.auth.mfa.enroll({ factorType: 'totp', friendlyName: 'tweede' });
		expect(error?.status).toBe(403);
		expect(error?.code).toBe('insufficient_aal');
		const ok = await v.client.auth.mfa.enroll({ factorType: 'totp', friendlyName: 'tweede' });
		expect(ok.error).toBeNull();
	});
});

describe('POST /factors/{id}/challenge and /verify', () => {
	it('a challenge has an id and an expiry five minutes ahead', async () => {
		const e = await enrolled();
		const { data, error } = await e.client.auth.mfa.challenge({ factorId: e.factorId });
		expect(error).toBeNull();
		expect(data!.type).toBe('totp');
		expect(data!.expires_at).toBeGreaterThan(Date.now() / 1000 + 290);
		expect(data!.expires_at).toBeLessThanOrEqual(Date.now() / 1000 + 301);
	});

	it("refuses another person's factor and ids that are not UUIDs: 404", async () => {
		const a = await enrolled();
		const b = await enrolled();
		const token = await accessToken(b.client);
		for (const path of [`/factors/${a.factorId}/challenge`, `/factors/${a.factorId}/verify`]) {
			const r = await raw(path, {
				method: 'POST',
				headers: bearer(token),
				body: JSON.stringify({ challenge_id: a.factorId, code: '123456' })
			});
			expect(r.status).toBe(404);
			expect(r.body.error_code).toBe('mfa_factor_not_found');
		}
		const del = await raw(`/factors/${a.factorId}`, { method: 'DELETE', headers: bearer(token) });
		expect(del.status).toBe(404);
		const bad = await raw('/factors/niet-een-uuid/challenge', {
			method: 'POST',
			headers: bearer(token)
		});
		expect(bad.status).toBe(404);
		expect(bad.body.msg).toBe('factor_id must be an UUID');
		expect(await sql('select 1 from auth.mfa_factors where id = $1', [a.factorId])).toHaveLength(1);
	});

	it('a wrong code: 422 mfa_verification_failed, nothing verified, the session stays aal1', async () => {
		const e = await enrolled();
		const { data: ch } = await e.client.auth.mfa.challenge({ factorId: e.factorId });
		const wrong = totp(e.secret) === '000000' ? '111111' : '000000';
		const { error } = await e.client.auth.mfa.verify({
			factorId: e.factorId,
			challengeId: ch!.id,
			code: wrong
		});
		expect(error?.status).toBe(422);
		expect(error?.code).toBe('mfa_verification_failed');
		expect(error?.message).toBe('Invalid TOTP code entered');
		const rows = await sql('select status from auth.mfa_factors where id = $1', [e.factorId]);
		expect(rows[0].status).toBe('unverified');
		expect(decodeJwt(await accessToken(e.client)).aal).toBe('aal1');
	});

	it('an empty code is 400, an unknown challenge 422, a challenge from another address 422', async () => {
		const e = await enrolled();
		const token = await accessToken(e.client);
		const ip = clientAddress();
		const ch = await raw(`/factors/${e.factorId}/challenge`, {
			method: 'POST',
			headers: bearer(token, ip)
		});
		const empty = await raw(`/factors/${e.factorId}/verify`, {
			method: 'POST',
			headers: bearer(token, ip),
			body: JSON.stringify({ challenge_id: ch.body.id, code: '' })
		});
		expect(empty.status).toBe(400);
		expect(empty.body.msg).toBe('Code needs to be non-empty');
		const unknown = await raw(`/factors/${e.factorId}/verify`, {
			method: 'POST',
			headers: bearer(token, ip),
			body: JSON.stringify({ challenge_id: crypto.randomUUID(), code: totp(e.secret) })
		});
		expect(unknown.status).toBe(422);
		expect(unknown.body.error_code).toBe('mfa_factor_not_found');
		const elsewhere = await raw(`/factors/${e.factorId}/verify`, {
			method: 'POST',
			headers: bearer(token, clientAddress()),
			body: JSON.stringify({ challenge_id: ch.body.id, code: totp(e.secret) })
		});
		expect(elsewhere.status).toBe(422);
		expect(elsewhere.body.error_code).toBe('mfa_ip_address_mismatch');
	});

	it('an expired challenge: 422 mfa_challenge_expired', async () => {
		const e = await enrolled();
		const { data: ch } = await e.client.auth.mfa.challenge({ factorId: e.factorId });
		await sql(
			`update auth.mfa_challenges set created_at = now() - interval '6 minutes' where id = $1`,
			[ch!.id]
		);
		const { error } = await e.client.auth.mfa.verify({
			factorId: e.factorId,
			challengeId: ch!.id,
			code: totp(e.secret)
		});
		expect(error?.code).toBe('mfa_challenge_expired');
	});

	it('the right code (also from the previous 30 s step) verifies the factor and upgrades the session to aal2', async () => {
		const e = await enrolled();
		const before = decodeJwt(await accessToken(e.client));
		const { data: ch } = await e.client.auth.mfa.challenge({ factorId: e.factorId });
		const { data, error } = await e.client.auth.mfa.verify({
			factorId: e.factorId,
			challengeId: ch!.id,
			code: totp(e.secret, Date.now() - 30_000)
		});
		expect(error).toBeNull();
		const claims = decodeJwt(data!.access_token);
		expect(claims.aal).toBe('aal2');
		expect(claims.session_id).toBe(before.session_id);
		expect(claims.amr.map((a: { method: string }) => a.method)).toEqual(['totp', 'password']);
		const amr = await sql(
			'select authentication_method from auth.mfa_amr_claims where session_id = $1 order by 1',
			[claims.session_id]
		);
		expect(amr.map((r) => r.authentication_method)).toEqual(['password', 'totp']);
		const session = await sql('select aal, factor_id from auth.sessions where id = $1', [
			claims.session_id
		]);
		expect(session[0]).toEqual({ aal: 'aal2', factor_id: e.factorId });
		expect(
			(await sql('select status from auth.mfa_factors where id = $1', [e.factorId]))[0].status
		).toBe('verified');
		// The challenge is used up.
		const again = await e.client.auth.mfa.verify({
			factorId: e.factorId,
			challengeId: ch!.id,
			code: totp(e.secret)
		});
		expect(again.error?.code).toBe('mfa_ip_address_mismatch');
		// aal2 survives a refresh; supabase-js reads the level from the token.
		const refreshed = await e.client.auth.refreshSession();
		expect(decodeJwt(refreshed.data.session!.access_token).aal).toBe('aal2');
		const level = await e.client.auth.mfa.getAuthenticatorAssuranceLevel();
		expect(level.data).toMatchObject({ currentLevel: 'aal2', nextLevel: 'aal2' });
	});

	it('a code two steps old is refused', async () => {
		const e = await enrolled();
		const { data: ch } = await e.client.auth.mfa.challenge({ factorId: e.factorId });
		const old = totp(e.secret, Date.now() - 90_000);
		const near = [-30_000, 0, 30_000].map((d) => totp(e.secret, Date.now() + d));
		if (near.includes(old)) return; // the same six digits by chance: nothing to show
		const { error } = await e.client.auth.mfa.verify({
			factorId: e.factorId,
			challengeId: ch!.id,
			code: old
		});
		expect(error?.code).toBe('mfa_verification_failed');
	});

	it('a new password sign-in of someone with a verified factor is aal1 with aal2 next', async () => {
		const v = await verified();
		const other = anon();
		await other.auth.signInWithPassword({ email: v.email, password: 'auth-test-wachtwoord-1' });
		const level = await other.auth.mfa.getAuthenticatorAssuranceLevel();
		expect(level.data).toMatchObject({ currentLevel: 'aal1', nextLevel: 'aal2' });
		// Changing the password needs aal2 then.
		const change = await other.auth.updateUser({ password: 'een-nieuw-wachtwoord-2' });
		expect(change.error?.status).toBe(401);
		expect(change.error?.code).toBe('insufficient_aal');
	});
});

describe('DELETE /factors/{id} (unenroll)', () => {
	it('an unverified factor goes at aal1', async () => {
		const e = await enrolled();
		const { data, error } = await e.client.auth.mfa.unenroll({ factorId: e.factorId });
		expect(error).toBeNull();
		expect(data).toEqual({ id: e.factorId });
		expect(await sql('select 1 from auth.mfa_factors where id = $1', [e.factorId])).toHaveLength(0);
	});

	it('a verified factor needs aal2: 422 insufficient_aal at aal1; at aal2 it goes and sessions drop to aal1', async () => {
		const v = await verified();
		const aal1 = anon();
		await aal1.auth.signInWithPassword({ email: v.email, password: 'auth-test-wachtwoord-1' });
		const refused = await aal1.auth.mfa.unenroll({ factorId: v.factorId });
		expect(refused.error?.status).toBe(422);
		expect(refused.error?.code).toBe('insufficient_aal');
		expect(await sql('select 1 from auth.mfa_factors where id = $1', [v.factorId])).toHaveLength(1);

		const { error } = await v.client.auth.mfa.unenroll({ factorId: v.factorId });
		expect(error).toBeNull();
		const sid = decodeJwt(v.aal2.access_token).session_id;
		expect((await sql('select aal from auth.sessions where id = $1', [sid]))[0].aal).toBe('aal1');
		const refreshed = await v.client.auth.refreshSession();
		expect(decodeJwt(refreshed.data.session!.access_token).aal).toBe('aal1');
	});
});

describe('admin factors API', () => {
	const asAdmin = { authorization: `Bearer ${serviceRoleKey}`, apikey: serviceRoleKey };

	it('lists, renames and deletes a person’s factors with the service role', async () => {
		const v = await verified();
		const list = await admin.auth.admin.mfa.listFactors({ userId: v.user.id });
		expect(list.error).toBeNull();
		expect(list.data!.factors).toEqual([
			expect.objectContaining({ id: v.factorId, status: 'verified', friendly_name: 'telefoon' })
		]);
		const renamed = await raw(`/admin/users/${v.user.id}/factors/${v.factorId}`, {
			method: 'PUT',
			headers: asAdmin,
			body: JSON.stringify({ friendly_name: 'oude telefoon' })
		});
		expect(renamed.status).toBe(200);
		expect(renamed.body.friendly_name).toBe('oude telefoon');
		const del = await admin.auth.admin.mfa.deleteFactor({ userId: v.user.id, id: v.factorId });
		expect(del.error).toBeNull();
		const sid = decodeJwt(v.aal2.access_token).session_id;
		expect((await sql('select aal from auth.sessions where id = $1', [sid]))[0].aal).toBe('aal1');
		expect((await admin.auth.admin.mfa.listFactors({ userId: v.user.id })).data!.factors).toEqual(
			[]
		);
	});

	it('refuses people without an admin role, unknown users, and a factor under another person', async () => {
		const a = await enrolled();
		const b = await enrolled();
		const token = await accessToken(a.client);
		const notAdmin = await raw(`/admin/users/${a.user.id}/factors`, { headers: bearer(token) });
		expect(notAdmin.status).toBe(403);
		expect(notAdmin.body.error_code).toBe('not_admin');
		const unknown = await admin.auth.admin.mfa.listFactors({ userId: crypto.randomUUID() });
		expect(unknown.error?.status).toBe(404);
		const crossed = await raw(`/admin/users/${b.user.id}/factors/${a.factorId}`, {
			method: 'DELETE',
			headers: asAdmin
		});
		expect(crossed.status).toBe(404);
		expect(crossed.body.error_code).toBe('mfa_factor_not_found');
		expect(await sql('select 1 from auth.mfa_factors where id = $1', [a.factorId])).toHaveLength(1);
	});
});

describe('GET /reauthenticate', () => {
	it('needs a person’s token', async () => {
		const r = await raw('/reauthenticate', { headers: { apikey: '' } });
		expect(r.status).toBe(401);
		const anonOnly = await raw('/reauthenticate');
		expect(anonOnly.status).toBe(403);
	});

	it('mails the signed-in person a code and stores only its hash; asking again at once is 429', async () => {
		const client = anon();
		const u = await confirmedUser(client, users, 'reauth');
		const { data, error } = await client.auth.reauthenticate();
		expect(error).toBeNull();
		expect(data).toEqual({ user: null, session: null });
		// Asked again at once, before anything else: the stack allows one mail per address per second
		// (GOTRUE_SMTP_MAX_FREQUENCY), and waiting for the mail first took longer than that on a busy machine.
		const again = await client.auth.reauthenticate();
		expect(again.error?.status).toBe(429);
		expect(again.error?.code).toBe('over_email_send_rate_limit');
		const mail = await latestMail(u.email);
		const code = otpIn(mail.Text);
		expect(code).toMatch(/^\d{6}$/);
		const row = (
			await sql(
				'select reauthentication_token, reauthentication_sent_at from auth.users where id = $1',
				[u.user.id]
			)
		)[0];
		expect(row.reauthentication_sent_at).toBeTruthy();
		expect(row.reauthentication_token).not.toContain(code);
		expect(
			await sql(
				`select 1 from auth.one_time_tokens where user_id = $1 and token_type = 'reauthentication_token'`,
				[u.user.id]
			)
		).toHaveLength(1);
	});
});

describe('confirm_reauthentication (the app’s recovery check of a mailed code)', () => {
	async function mailedCode(label = 'reauth-rpc') {
		const client = anon();
		const u = await confirmedUser(client, users, label);
		const { error } = await client.auth.reauthenticate();
		if (error) throw error;
		return { client, ...u, code: otpIn((await latestMail(u.email)).Text) };
	}

	it('is true once for the signed-in person’s own code, then the code is used up', async () => {
		const a = await mailedCode();
		const wrong = a.code === '000000' ? '111111' : '000000';
		expect((await a.client.rpc('confirm_reauthentication', { nonce: wrong })).data).toBe(false);
		expect((await a.client.rpc('confirm_reauthentication', { nonce: a.code })).data).toBe(true);
		expect((await a.client.rpc('confirm_reauthentication', { nonce: a.code })).data).toBe(false);
		const row = await sql('select reauthentication_token from auth.users where id = $1', [
			a.user.id
		]);
		expect(row[0].reauthentication_token).toBe('');
	});

	it('another person’s code does not count, and anonymous callers may not call it', async () => {
		const a = await mailedCode();
		const b = anon();
		await confirmedUser(b, users, 'reauth-other');
		expect((await b.rpc('confirm_reauthentication', { nonce: a.code })).data).toBe(false);
		const { error } = await anon().rpc('confirm_reauthentication', { nonce: a.code });
		expect(error).not.toBeNull();
		expect((await a.client.rpc('confirm_reauthentication', { nonce: a.code })).data).toBe(true);
	});

	it('five wrong codes use the code up; an expired code is refused', async () => {
		const a = await mailedCode();
		const wrong = a.code === '000000' ? '111111' : '000000';
		for (let i = 0; i < 5; i++) {
			expect((await a.client.rpc('confirm_reauthentication', { nonce: wrong })).data).toBe(false);
		}
		expect((await a.client.rpc('confirm_reauthentication', { nonce: a.code })).data).toBe(false);

		const b = await mailedCode('reauth-expired');
		await sql(
			`update auth.users set reauthentication_sent_at = now() - interval '61 minutes' where id = $1`,
			[b.user.id]
		);
		expect((await b.client.rpc('confirm_reauthentication', { nonce: b.code })).data).toBe(false);
	});
});
