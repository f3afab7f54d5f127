// The admin API with the service-role key: create, list, get, update, delete, generate_link.
import { afterAll, describe, expect, it } from 'vitest';
import {
	admin,
	anon,
	decodeJwt,
	password,
	raw,
	serviceRoleKey,
	signUpUser,
	sql,
	uniqueEmail,
	userTracker
} from './helpers';

const users = userTracker();
afterAll(() => users.cleanup());

const asAdmin = { authorization: `Bearer ${serviceRoleKey}`, apikey: serviceRoleKey };

describe('admin/users', () => {
	it('refuses tokens without an admin role: not_admin (403)', async () => {
		const { session } = await signUpUser(anon(), users);
		const r = await raw('/admin/users', {
			headers: { authorization: `Bearer ${session.access_token}` }
		});
		expect(r.status).toBe(403);
		expect(r.body.error_code).toBe('not_admin');
		const { error } = await anon().auth.admin.listUsers();
		expect(error?.status).toBe(403);
		expect(error?.code).toBe('not_admin');
	});

	it('creates a confirmed user with metadata that can sign in', async () => {
		const email = uniqueEmail('admin');
		const { data, error } = await admin.auth.admin.createUser({
			email,
			password,
			email_confirm: true,
			user_metadata: { full_name: 'Lotte Janssens' },
			app_metadata: { rol: 'academie' }
		});
		expect(error).toBeNull();
		users.add(data.user?.id);
		expect(data.user?.email_confirmed_at).toBeTruthy();
		expect(data.user?.app_metadata).toEqual({
			provider: 'email',
			providers: ['email'],
			rol: 'academie'
		});
		expect(data.user?.user_metadata).toEqual({ full_name: 'Lotte Janssens' });
		const login = await anon().auth.signInWithPassword({ email, password });
		expect(login.error).toBeNull();
		expect(decodeJwt(login.data.session!.access_token).app_metadata.rol).toBe('academie');
	});

	it('an unconfirmed admin-created user cannot sign in yet: email_not_confirmed', async () => {
		const email = uniqueEmail('admin');
		const { data } = await admin.auth.admin.createUser({ email, password });
		users.add(data.user?.id);
		expect(data.user?.email_confirmed_at).toBeUndefined();
		const login = await anon().auth.signInWithPassword({ email, password });
		expect(login.error?.code).toBe('email_not_confirmed');
	});

	it('email_exists (422) for a taken address', async () => {
		const { email } = await signUpUser(anon(), users);
		const { error } = await admin.auth.admin.createUser({ email, password });
		expect(error?.status).toBe(422);
		expect(error?.code).toBe('email_exists');
	});

	it('lists users with page/per_page, X-Total-Count and Link headers', async () => {
		await signUpUser(anon(), users);
		await signUpUser(anon(), users);
		const { data: listed, error } = await admin.auth.admin.listUsers({ page: 1, perPage: 1 });
		const data = listed as typeof listed & { aud: string; total: number; nextPage: number | null };
		expect(error).toBeNull();
		expect(data.users).toHaveLength(1);
		expect(data.aud).toBe('authenticated');
		expect(data.total).toBeGreaterThanOrEqual(2);
		expect(data.nextPage).toBe(2);
		const r = await raw('/admin/users?page=1&per_page=1', { headers: asAdmin });
		expect(Number(r.headers.get('x-total-count'))).toBe(data.total);
		expect(r.headers.get('link')).toContain('rel="next"');
		expect(r.headers.get('link')).toContain('rel="last"');
	});

	it('gets a user by id; user_not_found (404) for an unknown id', async () => {
		const { user } = await signUpUser(anon(), users);
		const { data, error } = await admin.auth.admin.getUserById(user.id);
		expect(error).toBeNull();
		expect(data.user?.email).toBe(user.email);
		const missing = await admin.auth.admin.getUserById(crypto.randomUUID());
		expect(missing.error?.status).toBe(404);
		expect(missing.error?.code).toBe('user_not_found');
	});

	it('updates app_metadata, password and email', async () => {
		const { user } = await signUpUser(anon(), users);
		const email = uniqueEmail('nieuw');
		const { data, error } = await admin.auth.admin.updateUserById(user.id, {
			app_metadata: { rol: 'staff' },
			password: 'door-admin-gezet',
			email
		});
		expect(error).toBeNull();
		expect(data.user?.app_metadata).toMatchObject({ provider: 'email', rol: 'staff' });
		expect(data.user?.email).toBe(email);
		expect(
			(await anon().auth.signInWithPassword({ email, password: 'door-admin-gezet' })).error
		).toBeNull();
		const missing = await admin.auth.admin.updateUserById(crypto.randomUUID(), {
			user_metadata: {}
		});
		expect(missing.error?.code).toBe('user_not_found');
	});

	it('deletes a user for good (identities and sessions go too); user_not_found afterwards', async () => {
		const { user } = await signUpUser(anon(), users);
		expect((await admin.auth.admin.deleteUser(user.id)).error).toBeNull();
		expect(await sql('select 1 from auth.users where id = $1', [user.id])).toHaveLength(0);
		expect(await sql('select 1 from auth.identities where user_id = $1', [user.id])).toHaveLength(
			0
		);
		const again = await admin.auth.admin.deleteUser(user.id);
		expect(again.error?.status).toBe(404);
		expect(again.error?.code).toBe('user_not_found');
	});

	it('soft-deletes on request: the row stays with deleted_at, the address is freed', async () => {
		const { user, email } = await signUpUser(anon(), users);
		expect((await admin.auth.admin.deleteUser(user.id, true)).error).toBeNull();
		const [row] = await sql('select email, deleted_at from auth.users where id = $1', [user.id]);
		expect(row.email).toBeNull();
		expect(row.deleted_at).toBeTruthy();
		expect((await anon().auth.signInWithPassword({ email, password })).error?.code).toBe(
			'invalid_credentials'
		);
	});
});

describe('admin/generate_link', () => {
	it('recovery: returns the action link, code and hash, which verify', async () => {
		const { email, user } = await signUpUser(anon(), users);
		const { data, error } = await admin.auth.admin.generateLink({ type: 'recovery', email });
		expect(error).toBeNull();
		expect(data.properties?.action_link).toContain('/auth/v1/verify?token=');
		expect(data.properties?.verification_type).toBe('recovery');
		const verified = await anon().auth.verifyOtp({
			token_hash: data.properties!.hashed_token,
			type: 'recovery'
		});
		expect(verified.error).toBeNull();
		expect(verified.data.user?.id).toBe(user.id);
	});

	it('magiclink signs in with the code', async () => {
		const { email } = await signUpUser(anon(), users);
		const { data } = await admin.auth.admin.generateLink({ type: 'magiclink', email });
		const verified = await anon().auth.verifyOtp({
			email,
			token: data.properties!.email_otp,
			type: 'magiclink'
		});
		expect(verified.error).toBeNull();
	});

	it('signup creates an unconfirmed user whose link confirms it', async () => {
		const email = uniqueEmail('link');
		const { data, error } = await admin.auth.admin.generateLink({
			type: 'signup',
			email,
			password
		});
		expect(error).toBeNull();
		users.add(data.user?.id);
		expect(data.user?.email_confirmed_at).toBeUndefined();
		const verified = await anon().auth.verifyOtp({
			token_hash: data.properties!.hashed_token,
			type: 'signup'
		});
		expect(verified.error).toBeNull();
		expect(verified.data.user?.email_confirmed_at).toBeTruthy();
	});

	it('user_not_found for a recovery link to an unknown address', async () => {
		const { error } = await admin.auth.admin.generateLink({
			type: 'recovery',
			email: uniqueEmail()
		});
		expect(error?.status).toBe(404);
		expect(error?.code).toBe('user_not_found');
	});
});
