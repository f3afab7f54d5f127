// Whether an address has an account must not show in the answers of sign-in, recovery or sign-up:
// same status, same error code, same body shape for a known and an unknown address. (That they also
// take as long is the dummy bcrypt comparison, unit-tested in stack/auth/auth.test.js and measured by
// scripts/bench-auth-timing.js: timings are too noisy for a test.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	mailCount,
	ownAuth,
	password,
	raw,
	signUpUser,
	sql,
	uniqueEmail,
	userTracker,
	anon,
	confirmedEmail as confirmedEmailOf
} from './helpers';

const users = userTracker();
let own: Awaited<ReturnType<typeof ownAuth>>;
// Like the stack, with a frequency long enough that a second request always falls within it.
beforeAll(async () => {
	own = await ownAuth({ GOTRUE_SMTP_MAX_FREQUENCY: '60s' });
});
afterAll(async () => {
	await own.close();
	await users.cleanup();
});

const confirmedEmail = () => confirmedEmailOf(users, 'enum');

const post = (path: string, body: unknown, base = `${own.url}/auth/v1`) =>
	raw(path, {
		base,
		method: 'POST',
		headers: { 'x-supabase-api-version': '2024-01-01' },
		body: JSON.stringify(body)
	});

/** The structure of a JSON value: keys and value types, not the values. */
function shape(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(shape);
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
	return typeof value;
}

describe('password sign-in', () => {
	it('a wrong password and an unknown address get the same answer', async () => {
		const known = await post('/token?grant_type=password', {
			email: await confirmedEmail(),
			password: 'verkeerd-wachtwoord'
		});
		const unknown = await post('/token?grant_type=password', {
			email: uniqueEmail('enum'),
			password: 'verkeerd-wachtwoord'
		});
		expect(known.status).toBe(400);
		expect(unknown.status).toBe(400);
		expect(known.body).toEqual({
			code: 'invalid_credentials',
			message: 'Invalid login credentials'
		});
		expect(unknown.body).toEqual(known.body);
		expect(unknown.headers.get('x-sb-error-code')).toBe(known.headers.get('x-sb-error-code'));
	});
});

describe('POST /recover', () => {
	it('asked twice: {} then over_email_send_rate_limit, for a known and an unknown address alike', async () => {
		const knownEmail = await confirmedEmail();
		const unknownEmail = uniqueEmail('enum');
		const answers = [];
		for (const email of [knownEmail, unknownEmail]) {
			const first = await post('/recover', { email });
			const second = await post('/recover', { email });
			answers.push({ first, second });
		}
		const [known, unknown] = answers;
		for (const { first, second } of answers) {
			expect(first.status).toBe(200);
			expect(first.body).toEqual({});
			expect(second.status).toBe(429);
			expect(second.body.code).toBe('over_email_send_rate_limit');
			expect(second.body.message).toMatch(
				/^For security purposes, you can only request this after \d+ seconds\.$/
			);
		}
		expect(shape(unknown?.second.body)).toEqual(shape(known?.second.body));
		expect(await mailCount(knownEmail)).toBe(1);
		expect(await mailCount(unknownEmail)).toBe(0);
		// The memory is per address: another unknown address is answered at once.
		expect((await post('/recover', { email: uniqueEmail('enum') })).status).toBe(200);
	});

	it('the address is compared case-insensitively for the repeat', async () => {
		const email = uniqueEmail('enum');
		expect((await post('/recover', { email })).status).toBe(200);
		expect((await post('/recover', { email: email.toUpperCase() })).status).toBe(429);
	});
});

describe('POST /signup of an address that is taken', () => {
	it('answers 200 with a user of the same shape as a new sign-up, sends nothing, changes nothing', async () => {
		const taken = await confirmedEmail();
		const [before] = await sql('select id, encrypted_password from auth.users where email = $1', [
			taken
		]);
		const data = { display_name: 'Iemand' };
		const repeated = await post('/signup', {
			email: taken,
			password: 'een-ander-wachtwoord',
			data
		});
		const fresh = await post('/signup', { email: uniqueEmail('enum'), password, data });
		users.add(fresh.body.id);
		expect(repeated.status).toBe(200);
		expect(fresh.status).toBe(200);
		expect(Object.keys(repeated.body)).toEqual(Object.keys(fresh.body));
		// GoTrue's sanitizeUser: a new id, no role, no identities, metadata as sent, now as every time.
		expect(repeated.body).toEqual({
			id: expect.stringMatching(/^[0-9a-f-]{36}$/),
			aud: 'authenticated',
			role: '',
			email: taken,
			phone: '',
			confirmation_sent_at: expect.any(String),
			app_metadata: { provider: 'email', providers: ['email'] },
			user_metadata: data,
			identities: [],
			created_at: repeated.body.confirmation_sent_at,
			updated_at: repeated.body.confirmation_sent_at,
			is_anonymous: false
		});
		expect(repeated.body.id).not.toBe(before.id);
		expect(await mailCount(taken)).toBe(0);
		const [after] = await sql('select encrypted_password from auth.users where id = $1', [
			before.id
		]);
		expect(after.encrypted_password).toBe(before.encrypted_password);
	});

	it('an address that is not confirmed yet gets its confirmation mail again, as in GoTrue', async () => {
		const resend = await ownAuth({ GOTRUE_SMTP_MAX_FREQUENCY: '0s' });
		try {
			const email = uniqueEmail('enum');
			const base = `${resend.url}/auth/v1`;
			const first = await post('/signup', { email, password }, base);
			users.add(first.body.id);
			const again = await post('/signup', { email, password: 'een-ander-wachtwoord' }, base);
			expect(again.status).toBe(200);
			expect(again.body.id).toBe(first.body.id);
			expect(Object.keys(again.body)).toEqual(Object.keys(first.body));
			expect(await mailCount(email)).toBe(2);
			// The password of the first sign-up stays: nobody proved they own the address yet.
			const [row] = await sql('select encrypted_password from auth.users where id = $1', [
				first.body.id
			]);
			const { verifyPassword } = await import('../../../stack/auth/passwords.js');
			expect(await verifyPassword(password, row.encrypted_password)).toBe(true);
		} finally {
			await resend.close();
		}
	});
});

describe('on the shared stack', () => {
	it('a repeated sign-up of a confirmed address looks like a new one and is not an error', async () => {
		const { email } = await signUpUser(anon(), users, 'enum');
		const { data, error } = await anon().auth.signUp({ email, password });
		expect(error).toBeNull();
		expect(data.session).toBeNull();
		expect(data.user?.identities).toEqual([]);
	});
});
