// POST /admin/generate_link as GoTrue v2.176 answers it: redirect_to as it was given in the action link,
// magic links for unknown addresses as sign-ups, and the email change links (current and new address).
import { afterAll, describe, expect, it } from 'vitest';
import { siteUrl } from '../../../stack/config.js';
import {
	admin,
	anon,
	anonKey,
	confirmedEmail,
	password,
	raw,
	serviceRoleKey,
	sql,
	uniqueEmail,
	userTracker
} from './helpers';

const users = userTracker();
afterAll(() => users.cleanup());

describe('POST /admin/generate_link', () => {
	it('puts an allowed redirect_to into the action link as it is', async () => {
		const email = await confirmedEmail(users, 'glink');
		const redirectTo = `${siteUrl}/welkom?stap=1`;
		const { data, error } = await admin.auth.admin.generateLink({
			type: 'recovery',
			email,
			options: { redirectTo }
		});
		expect(error).toBeNull();
		expect(data.properties?.redirect_to).toBe(redirectTo);
		expect(data.properties?.action_link).toContain(`&redirect_to=${redirectTo}`);
	});

	it('signup: the user with its metadata and a link of type signup', async () => {
		const email = uniqueEmail('glink');
		const { data, error } = await admin.auth.admin.generateLink({
			type: 'signup',
			email,
			password,
			options: { data: { status: 'alpha' }, redirectTo: `${siteUrl}/welkom` }
		});
		expect(error).toBeNull();
		users.add(data.user?.id);
		expect(data.user?.user_metadata).toEqual({ status: 'alpha' });
		expect(data.properties?.action_link).toMatch(/\?token=\w+&type=signup&redirect_to=http/);
	});

	it('magiclink to an unknown address makes the account, as a sign-up link', async () => {
		const email = uniqueEmail('glink');
		const { data, error } = await admin.auth.admin.generateLink({ type: 'magiclink', email });
		expect(error).toBeNull();
		users.add(data.user?.id);
		expect(data.properties?.verification_type).toBe('signup');
		expect(data.user?.email).toBe(email);
	});

	it('email_change_current: new_email set, a link of type email_change that changes the address', async () => {
		const email = await confirmedEmail(users, 'glink');
		const newEmail = uniqueEmail('glink-nieuw');
		const { data, error } = await admin.auth.admin.generateLink({
			type: 'email_change_current',
			email,
			newEmail
		});
		expect(error).toBeNull();
		expect(data.user?.new_email).toBe(newEmail);
		expect(data.properties?.verification_type).toBe('email_change_current');
		expect(data.properties?.action_link).toContain('type=email_change');
		const verified = await anon().auth.verifyOtp({
			token_hash: data.properties!.hashed_token,
			type: 'email_change'
		});
		expect(verified.error).toBeNull();
		expect(verified.data.user?.email).toBe(newEmail);
	});

	it('email_change_new: the code sent to the new address changes it', async () => {
		const email = await confirmedEmail(users, 'glink');
		const newEmail = uniqueEmail('glink-nieuw');
		const { data, error } = await admin.auth.admin.generateLink({
			type: 'email_change_new',
			email,
			newEmail
		});
		expect(error).toBeNull();
		const verified = await anon().auth.verifyOtp({
			email,
			token: data.properties!.email_otp,
			type: 'email_change'
		});
		expect(verified.error).toBeNull();
		expect(verified.data.user?.email).toBe(newEmail);
	});

	it('refuses an email change to a taken address, for an unknown user, and unknown types', async () => {
		const email = await confirmedEmail(users, 'glink');
		const taken = await confirmedEmail(users, 'glink');
		const clash = await admin.auth.admin.generateLink({
			type: 'email_change_current',
			email,
			newEmail: taken
		});
		expect(clash.error?.status).toBe(422);
		expect(clash.error?.code).toBe('email_exists');
		const [row] = await sql('select email_change from auth.users where email = $1', [email]);
		expect(row.email_change).toBe('');

		const unknown = await admin.auth.admin.generateLink({
			type: 'email_change_new',
			email: uniqueEmail('glink'),
			newEmail: uniqueEmail('glink')
		});
		expect(unknown.error?.status).toBe(404);
		expect(unknown.error?.code).toBe('user_not_found');

		const bad = await raw('/admin/generate_link', {
			method: 'POST',
			headers: { authorization: `Bearer ${serviceRoleKey}` },
			body: JSON.stringify({ type: 'nope', email })
		});
		expect(bad.status).toBe(400);
		expect(bad.body.msg).toBe('Invalid email action link type requested: nope');

		// Only the service role may ask.
		const notAdmin = await raw('/admin/generate_link', {
			method: 'POST',
			headers: { authorization: `Bearer ${anonKey}` },
			body: JSON.stringify({ type: 'email_change_current', email, new_email: uniqueEmail() })
		});
		expect(notAdmin.status).toBe(403);
	});
});
