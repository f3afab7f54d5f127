// redirect_to at every endpoint that takes one: a target outside the allowed hosts, however it is
// written, falls back to the site URL, so a mailed link never sends its session to another host.
import { afterAll, describe, expect, it } from 'vitest';
import { siteUrl } from '../../../stack/config.js';
import {
	admin,
	anon,
	apiUrl,
	follow,
	latestMail,
	linkIn,
	password,
	raw,
	signUpUser,
	uniqueEmail,
	userTracker,
	confirmedEmail as confirmedEmailOf
} from './helpers';

const users = userTracker();
afterAll(() => users.cleanup());

// The stack allows its site URL and http://127.0.0.1:* and http://localhost:* (GOTRUE_URI_ALLOW_LIST).
const allowedHosts = ['127.0.0.1', 'localhost'];

/** Targets that read as an allowed host to a text match but lead a browser elsewhere. */
const attacks = [
	'http://127.0.0.1:@134744072/',
	'http://127.0.0.1:5173@evil.example/',
	'http://127.0.0.1:5173\\@evil.example/',
	'http://localhost:1@evil.example/steal',
	'http://0x08080808:5173/'
];

const legitimate = 'http://127.0.0.1:5173/auth/confirm?next=/profiel';

function expectAllowed(location: string | null) {
	const target = new URL(location ?? '');
	expect(target.username + target.password, location ?? '').toBe('');
	expect(allowedHosts, location ?? '').toContain(target.hostname);
}

/** A redirect to the site URL itself, carrying a session (or an error) in its fragment. */
function expectAtSite(location: string | null, fragmentKey: 'access_token' | 'error') {
	const target = new URL(location ?? '');
	expect(target.href.replace(/#.*$/, '')).toBe(new URL(siteUrl).href);
	expect(new URLSearchParams(target.hash.slice(1)).get(fragmentKey)).toBeTruthy();
}

const confirmedEmail = () => confirmedEmailOf(users, 'redirect');

/** The mailed link and where following it leads. */
async function mailedLink(email: string, subject: string) {
	const link = new URL(linkIn((await latestMail(email, { subject })).Text));
	const res = await follow(link.toString());
	expect(res.status).toBe(303);
	return { link, location: res.headers.get('location') };
}

describe('POST /recover', () => {
	it.each(attacks)('redirect_to=%s in the query: the link goes to the site URL', async (attack) => {
		const email = await confirmedEmail();
		const r = await raw(`/recover?redirect_to=${encodeURIComponent(attack)}`, {
			method: 'POST',
			body: JSON.stringify({ email })
		});
		expect(r.status).toBe(200);
		const { link, location } = await mailedLink(email, 'Stel je wachtwoord opnieuw in');
		expect(link.searchParams.get('redirect_to')).toBe(siteUrl);
		expectAtSite(location, 'access_token');
		expectAllowed(location);
	});

	it('redirect_to in the body is checked the same way', async () => {
		const email = await confirmedEmail();
		const r = await raw('/recover', {
			method: 'POST',
			body: JSON.stringify({ email, redirect_to: attacks[0] })
		});
		expect(r.status).toBe(200);
		const { link, location } = await mailedLink(email, 'Stel je wachtwoord opnieuw in');
		expect(link.searchParams.get('redirect_to')).toBe(siteUrl);
		expectAllowed(location);
	});

	it('an allowed target is kept, with its path and query', async () => {
		const email = await confirmedEmail();
		expect(
			(await anon().auth.resetPasswordForEmail(email, { redirectTo: legitimate })).error
		).toBeNull();
		const { link, location } = await mailedLink(email, 'Stel je wachtwoord opnieuw in');
		expect(link.searchParams.get('redirect_to')).toBe(legitimate);
		expect(location?.startsWith(`${legitimate}#access_token=`)).toBe(true);
	});
});

describe('POST /signup', () => {
	it.each(attacks.slice(0, 3))(
		'emailRedirectTo=%s: the confirmation link goes to the site URL',
		async (attack) => {
			const email = uniqueEmail('redirect');
			const { data, error } = await anon().auth.signUp({
				email,
				password,
				options: { emailRedirectTo: attack }
			});
			expect(error).toBeNull();
			users.add(data.user?.id);
			const { link, location } = await mailedLink(email, 'Bevestig je registratie');
			expect(link.searchParams.get('redirect_to')).toBe(siteUrl);
			expectAllowed(location);
		}
	);

	it('an allowed target is kept', async () => {
		const email = uniqueEmail('redirect');
		const { data } = await anon().auth.signUp({
			email,
			password,
			options: { emailRedirectTo: legitimate }
		});
		users.add(data.user?.id);
		const { location } = await mailedLink(email, 'Bevestig je registratie');
		expect(location?.startsWith(`${legitimate}#access_token=`)).toBe(true);
	});
});

describe('GET /verify', () => {
	it.each(attacks)(
		'a link whose redirect_to was changed to %s goes to the site URL',
		async (attack) => {
			const email = await confirmedEmail();
			await anon().auth.resetPasswordForEmail(email, { redirectTo: legitimate });
			const link = new URL(linkIn((await latestMail(email)).Text));
			link.searchParams.set('redirect_to', attack);
			const res = await follow(link.toString());
			expect(res.status).toBe(303);
			expectAtSite(res.headers.get('location'), 'access_token');
		}
	);

	it('a Referer outside the allowed hosts is not used either', async () => {
		const email = await confirmedEmail();
		await anon().auth.resetPasswordForEmail(email);
		const link = new URL(linkIn((await latestMail(email)).Text));
		link.searchParams.delete('redirect_to');
		const res = await follow(link.toString(), { referer: attacks[0] ?? '' });
		expectAtSite(res.headers.get('location'), 'access_token');
	});

	it('errors are reported to the site URL, not to the target given', async () => {
		const res = await follow(
			`${apiUrl}/auth/v1/verify?token=onzin&type=recovery&redirect_to=${encodeURIComponent(attacks[0] ?? '')}`
		);
		expect(res.status).toBe(303);
		expectAtSite(res.headers.get('location'), 'error');
	});
});

describe('PUT /user (e-mail change)', () => {
	it('the link to confirm a new address goes to the site URL', async () => {
		const { session } = await signUpUser(anon(), users, 'redirect');
		const newEmail = uniqueEmail('nieuw-adres');
		const r = await raw(`/user?redirect_to=${encodeURIComponent(attacks[0] ?? '')}`, {
			method: 'PUT',
			headers: { authorization: `Bearer ${session.access_token}` },
			body: JSON.stringify({ email: newEmail })
		});
		expect(r.status).toBe(200);
		const link = new URL(linkIn((await latestMail(newEmail)).Text));
		expect(link.searchParams.get('redirect_to')).toBe(siteUrl);
	});
});

describe('POST /admin/generate_link', () => {
	it.each(attacks.slice(0, 3))('redirect_to=%s falls back to the site URL', async (attack) => {
		const email = await confirmedEmail();
		const { data, error } = await admin.auth.admin.generateLink({
			type: 'recovery',
			email,
			options: { redirectTo: attack }
		});
		expect(error).toBeNull();
		expect(data.properties?.redirect_to).toBe(siteUrl);
		const res = await follow(data.properties!.action_link);
		expectAllowed(res.headers.get('location'));
	});
});
