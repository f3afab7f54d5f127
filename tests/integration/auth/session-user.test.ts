// Refresh-token rotation, /user, /logout and the JWT checks in front of them.
import { afterAll, describe, expect, it } from 'vitest';
import { signJwt } from '../../../stack/auth/jwt.js';
import {
	anon,
	decodeJwt,
	jwtSecret,
	ownAuth,
	password,
	raw,
	signUpUser,
	sql,
	userTracker
} from './helpers';

const users = userTracker();
afterAll(() => users.cleanup());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('POST /token?grant_type=refresh_token', () => {
	it('rotates: a new token whose parent is the old one, the old one revoked', async () => {
		const { session } = await signUpUser(anon(), users);
		const { data, error } = await anon().auth.refreshSession({
			refresh_token: session.refresh_token
		});
		expect(error).toBeNull();
		const next = data.session!;
		expect(next.refresh_token).not.toBe(session.refresh_token);
		expect(decodeJwt(next.access_token).session_id).toBe(
			decodeJwt(session.access_token).session_id
		);
		const rows = await sql(
			'select token, revoked, parent from auth.refresh_tokens where token = any($1) order by id',
			[[session.refresh_token, next.refresh_token]]
		);
		expect(rows).toEqual([
			{ token: session.refresh_token, revoked: true, parent: null },
			{ token: next.refresh_token, revoked: false, parent: session.refresh_token }
		]);
		const audit = await sql(
			`select 1 from auth.audit_log_entries where payload->>'actor_id' = $1 and payload->>'action' = 'token_refreshed'`,
			[session.user.id]
		);
		expect(audit.length).toBe(1);
	});

	it('reusing the old token within the reuse interval returns the current child', async () => {
		const { session } = await signUpUser(anon(), users);
		const first = await anon().auth.refreshSession({ refresh_token: session.refresh_token });
		const again = await anon().auth.refreshSession({ refresh_token: session.refresh_token });
		expect(again.error).toBeNull();
		expect(again.data.session?.refresh_token).toBe(first.data.session?.refresh_token);
	});

	it('refresh_token_not_found for an unknown token', async () => {
		const { error } = await anon().auth.refreshSession({ refresh_token: 'onbekendtoken' });
		expect(error?.status).toBe(400);
		expect(error?.code).toBe('refresh_token_not_found');
	});

	it('after the reuse interval: refresh_token_already_used and the whole session is revoked', async () => {
		const own = await ownAuth({ GOTRUE_SECURITY_REFRESH_TOKEN_REUSE_INTERVAL: '0' });
		try {
			const { session } = await signUpUser(own.client(), users);
			const a = await own.client().auth.refreshSession({ refresh_token: session.refresh_token });
			const b = await own
				.client()
				.auth.refreshSession({ refresh_token: a.data.session!.refresh_token });
			expect(b.error).toBeNull();
			// The first token's child (a) is no longer the active one: reusing the first token is abuse.
			await new Promise((r) => setTimeout(r, 20));
			const reuse = await own
				.client()
				.auth.refreshSession({ refresh_token: session.refresh_token });
			expect(reuse.error?.status).toBe(400);
			expect(reuse.error?.code).toBe('refresh_token_already_used');
			const active = await sql(
				'select count(*)::int as n from auth.refresh_tokens where session_id = $1 and not revoked',
				[decodeJwt(session.access_token).session_id]
			);
			expect(active[0].n).toBe(0);
			await new Promise((r) => setTimeout(r, 20));
			const current = await own
				.client()
				.auth.refreshSession({ refresh_token: b.data.session!.refresh_token });
			expect(current.error?.code).toBe('refresh_token_already_used');
		} finally {
			await own.close();
		}
	});
});

describe('GET /user and PUT /user', () => {
	it('returns the user of a valid token', async () => {
		const { session, user } = await signUpUser(anon(), users);
		const { data, error } = await anon().auth.getUser(session.access_token);
		expect(error).toBeNull();
		expect(data.user?.id).toBe(user.id);
		expect(data.user?.identities).toHaveLength(1);
	});

	it('no_authorization (401) without a bearer token', async () => {
		// The gateway passes the apikey on as bearer when a request has none, so ask the service directly.
		const own = await ownAuth({});
		try {
			const r = await raw('/user', { base: `${own.url}/auth/v1` });
			expect(r.status).toBe(401);
			expect(r.body.error_code).toBe('no_authorization');
		} finally {
			await own.close();
		}
	});

	it('bad_jwt (403) for a token without a user (the anon key)', async () => {
		const r = await raw('/user');
		expect(r.status).toBe(403);
		expect(r.body.error_code).toBe('bad_jwt');
		expect(r.body.msg).toBe('invalid claim: missing sub claim');
	});

	it('bad_jwt (403) for a forged or expired token', async () => {
		const forged = signJwt(
			{ sub: crypto.randomUUID(), role: 'authenticated', exp: 9999999999 },
			'wrong-secret'
		);
		const r1 = await raw('/user', { headers: bearer(forged) });
		expect(r1.status).toBe(403);
		expect(r1.body.error_code).toBe('bad_jwt');
		const { session } = await signUpUser(anon(), users);
		const claims = decodeJwt(session.access_token);
		const expired = signJwt({ ...claims, exp: Math.floor(Date.now() / 1000) - 10 }, jwtSecret);
		const { error } = await anon().auth.getUser(expired);
		expect(error?.status).toBe(403);
		expect(error?.code).toBe('bad_jwt');
	});

	it('updates user_metadata (null removes a key) and never app_metadata', async () => {
		const { session } = await signUpUser(anon(), users);
		const client = anon();
		await client.auth.setSession({
			access_token: session.access_token,
			refresh_token: session.refresh_token
		});
		const one = await client.auth.updateUser({ data: { school: 'GO! Atheneum', klas: '5B' } });
		expect(one.error).toBeNull();
		expect(one.data.user?.user_metadata).toEqual({ school: 'GO! Atheneum', klas: '5B' });
		const two = await client.auth.updateUser({ data: { klas: null } });
		expect(two.data.user?.user_metadata).toEqual({ school: 'GO! Atheneum' });
		const r = await raw('/user', {
			method: 'PUT',
			headers: bearer(session.access_token),
			body: JSON.stringify({ app_metadata: { role: 'admin' } })
		});
		expect(r.status).toBe(403);
		expect(r.body.error_code).toBe('not_admin');
		const [row] = await sql('select raw_app_meta_data from auth.users where id = $1', [
			session.user.id
		]);
		expect(row.raw_app_meta_data).toEqual({ provider: 'email', providers: ['email'] });
	});

	it('a password change needs the current password: current_password_required, current_password_invalid', async () => {
		const { email, session } = await signUpUser(anon(), users);
		const client = anon();
		await client.auth.setSession({
			access_token: session.access_token,
			refresh_token: session.refresh_token
		});
		const next = 'een-nieuw-wachtwoord';
		const missing = await client.auth.updateUser({ password: next });
		expect(missing.error?.status).toBe(400);
		expect(missing.error?.code).toBe('current_password_required');
		expect(missing.error?.message).toBe('Current password required when setting new password.');
		const wrong = await client.auth.updateUser({ password: next, current_password: 'fout-fout' });
		expect(wrong.error?.status).toBe(400);
		expect(wrong.error?.code).toBe('current_password_invalid');
		expect(wrong.error?.message).toBe('Current password required when setting new password.');
		// Neither attempt changed anything.
		expect((await anon().auth.signInWithPassword({ email, password })).error).toBeNull();

		const weak = await client.auth.updateUser({ password: 'kort', current_password: password });
		expect(weak.error?.code).toBe('weak_password');
		expect(weak.error?.status).toBe(422);
		const same = await client.auth.updateUser({ password, current_password: password });
		expect(same.error?.code).toBe('same_password');
		expect(same.error?.status).toBe(422);
		expect(same.error?.message).toBe('New password should be different from the old password.');

		const ok = await client.auth.updateUser({ password: next, current_password: password });
		expect(ok.error).toBeNull();
		expect((await anon().auth.signInWithPassword({ email, password })).error?.code).toBe(
			'invalid_credentials'
		);
		expect((await anon().auth.signInWithPassword({ email, password: next })).error).toBeNull();
		const audit = await sql(
			`select 1 from auth.audit_log_entries where payload->>'actor_id' = $1 and payload->>'action' = 'user_updated_password'`,
			[session.user.id]
		);
		expect(audit.length).toBe(1);
	});

	it('other changes (metadata) need no current password', async () => {
		const { session } = await signUpUser(anon(), users);
		const r = await raw('/user', {
			method: 'PUT',
			headers: bearer(session.access_token),
			body: JSON.stringify({ data: { klas: '6A' } })
		});
		expect(r.status).toBe(200);
		expect(r.body.user_metadata).toEqual({ klas: '6A' });
	});

	it('without GOTRUE_SECURITY_UPDATE_PASSWORD_REQUIRE_CURRENT_PASSWORD (GoTrue default) it is not asked', async () => {
		const own = await ownAuth({});
		try {
			const { email, session } = await signUpUser(own.client(), users);
			const r = await raw('/user', {
				base: `${own.url}/auth/v1`,
				method: 'PUT',
				headers: bearer(session.access_token),
				body: JSON.stringify({ password: 'een-nieuw-wachtwoord' })
			});
			expect(r.status).toBe(200);
			expect(
				(await own.client().auth.signInWithPassword({ email, password: 'een-nieuw-wachtwoord' }))
					.error
			).toBeNull();
		} finally {
			await own.close();
		}
	});
});

describe('POST /logout', () => {
	it('scope local ends only this session; its JWT then gets session_not_found', async () => {
		const { email, session } = await signUpUser(anon(), users);
		const other = await anon().auth.signInWithPassword({ email, password });
		const r = await raw('/logout?scope=local', {
			method: 'POST',
			headers: bearer(session.access_token)
		});
		expect(r.status).toBe(204);
		const gone = await raw('/user', { headers: bearer(session.access_token) });
		expect(gone.status).toBe(403);
		expect(gone.body.error_code).toBe('session_not_found');
		// supabase-js maps session_not_found onto AuthSessionMissingError.
		const viaJs = await anon().auth.getUser(session.access_token);
		expect(viaJs.error?.name).toBe('AuthSessionMissingError');
		expect((await anon().auth.getUser(other.data.session!.access_token)).error).toBeNull();
		const refresh = await anon().auth.refreshSession({ refresh_token: session.refresh_token });
		expect(refresh.error?.code).toBe('refresh_token_not_found');
	});

	it('scope others keeps this session and ends the rest', async () => {
		const { email, session } = await signUpUser(anon(), users);
		const other = await anon().auth.signInWithPassword({ email, password });
		const client = anon();
		await client.auth.setSession({
			access_token: session.access_token,
			refresh_token: session.refresh_token
		});
		const current = (await client.auth.getSession()).data.session!;
		expect((await client.auth.signOut({ scope: 'others' })).error).toBeNull();
		expect((await anon().auth.getUser(current.access_token)).error).toBeNull();
		expect((await anon().auth.getUser(other.data.session!.access_token)).error?.name).toBe(
			'AuthSessionMissingError'
		);
	});

	it('scope global (default) ends every session and writes a logout audit row', async () => {
		const { email, session } = await signUpUser(anon(), users);
		await anon().auth.signInWithPassword({ email, password });
		const client = anon();
		await client.auth.setSession({
			access_token: session.access_token,
			refresh_token: session.refresh_token
		});
		expect((await client.auth.signOut()).error).toBeNull();
		const left = await sql('select count(*)::int as n from auth.sessions where user_id = $1', [
			session.user.id
		]);
		expect(left[0].n).toBe(0);
		const audit = await sql(
			`select 1 from auth.audit_log_entries where payload->>'actor_id' = $1 and payload->>'action' = 'logout'`,
			[session.user.id]
		);
		expect(audit.length).toBe(1);
	});

	it('an unknown scope is validation_failed', async () => {
		const { session } = await signUpUser(anon(), users);
		const r = await raw('/logout?scope=alles', {
			method: 'POST',
			headers: bearer(session.access_token)
		});
		expect(r.status).toBe(400);
		expect(r.body.error_code).toBe('validation_failed');
	});
});
