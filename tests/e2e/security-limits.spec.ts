// Brute force and mass sign-ups: limits per client address and per e-mail address on signing in,
// registering and asking for a reset link, the same for addresses with and without an account, with a
// message above the form, status 429 and Retry-After. Each test is its own client (X-Forwarded-For, see
// support.ts); `browser.newContext` with another address is another client.
import type { Browser } from '@playwright/test';
import pg from 'pg';
import { databaseUrl } from '../../stack/config.js';
import {
	clientAddress,
	existingAccount,
	expect,
	newAccount,
	signIn,
	test,
	type Account
} from './support';

const LIMIT_MESSAGE = /^Te veel pogingen\. Wacht \d+ min\. en probeer het dan opnieuw\.$/;

/**
 * The throttle counts in fixed windows that start at multiples of their length: a run of attempts that
 * crosses the start of a window would be counted in two. Waits (at most `seconds`) until the current
 * window has that long left.
 */
async function inOneWindow(windowSeconds: number, seconds = 30) {
	await expect
		.poll(() => windowSeconds - ((Date.now() / 1000) % windowSeconds), {
			message: 'time left in the current window',
			timeout: (seconds + 5) * 1000,
			intervals: [500]
		})
		.toBeGreaterThan(seconds);
}

/** A browser context of its own, at an address of its own. */
async function anotherClient(browser: Browser) {
	return browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': clientAddress() } });
}

/** The text of the alert above the form in a server-rendered answer. */
function alertText(html: string): string | undefined {
	return /<p role="alert"[^>]*>\s*([^<]*?)\s*<\/p>/.exec(html)?.[1];
}

test.describe('signing in', () => {
	let victim: Account;
	let other: Account;

	test.beforeAll(async () => {
		victim = await existingAccount('Mila Claes');
		other = await existingAccount('Jens Peeters');
	});

	test('ten wrong passwords for one address, then the eleventh attempt waits; another client signs in', async ({
		page,
		browser,
		baseURL
	}) => {
		await inOneWindow(15 * 60);
		const headers = { origin: baseURL!, accept: 'text/html' };
		for (let attempt = 1; attempt <= 10; attempt++) {
			const wrong = await page.request.post('/aanmelden', {
				form: { email: victim.email, password: `fout-${attempt}` },
				headers
			});
			expect(wrong.status(), `attempt ${attempt}`).toBe(400);
		}
		const eleventh = await page.request.post('/aanmelden', {
			form: { email: victim.email, password: 'fout-11' },
			headers
		});
		expect(eleventh.status()).toBe(429);
		const retryAfter = Number(eleventh.headers()['retry-after']);
		expect(retryAfter).toBeGreaterThan(0);
		expect(retryAfter).toBeLessThanOrEqual(15 * 60);
		expect(alertText(await eleventh.text())).toMatch(LIMIT_MESSAGE);

		// Even the right password waits: the limit is on the address, not on this client.
		await signIn(page, victim.email, victim.password);
		await expect(page.getByRole('alert')).toHaveText(LIMIT_MESSAGE);
		await expect(page.getByLabel('E-mailadres')).toHaveValue(victim.email);

		// Someone else, elsewhere, signs in as usual.
		const elsewhere = await (await anotherClient(browser)).newPage();
		await signIn(elsewhere, other.email, other.password);
		await expect(
			elsewhere.getByRole('heading', { level: 1, name: 'Wat vraagt jouw aandacht?' })
		).toBeVisible();
	});

	test('an address without an account gets the same answers', async ({ page, baseURL }) => {
		await inOneWindow(15 * 60);
		const nobody = newAccount().email;
		const headers = { origin: baseURL!, accept: 'text/html' };
		const answers: { status: number; alert?: string }[] = [];
		for (let attempt = 1; attempt <= 11; attempt++) {
			const response = await page.request.post('/aanmelden', {
				form: { email: nobody, password: `fout-${attempt}` },
				headers
			});
			answers.push({ status: response.status(), alert: alertText(await response.text()) });
		}
		expect(answers.slice(0, 10)).toEqual(
			Array(10).fill({ status: 400, alert: 'E-mailadres of wachtwoord klopt niet.' })
		);
		expect(answers[10]!.status).toBe(429);
		expect(answers[10]!.alert).toMatch(LIMIT_MESSAGE);
	});

	test('thirty attempts from one client address, then it waits; its own right password too', async ({
		page,
		browser,
		baseURL
	}) => {
		await inOneWindow(5 * 60);
		const headers = { origin: baseURL!, accept: 'text/html' };
		for (let attempt = 1; attempt <= 30; attempt++) {
			const response = await page.request.post('/aanmelden', {
				form: { email: newAccount().email, password: 'geraden' },
				headers
			});
			expect(response.status(), `attempt ${attempt}`).toBe(400);
		}
		const next = await page.request.post('/aanmelden', {
			form: { email: other.email, password: other.password },
			headers,
			maxRedirects: 0
		});
		expect(next.status()).toBe(429);
		expect(Number(next.headers()['retry-after'])).toBeGreaterThan(0);

		const elsewhere = await (await anotherClient(browser)).newPage();
		await signIn(elsewhere, other.email, other.password);
		await expect(
			elsewhere.getByRole('heading', { level: 1, name: 'Wat vraagt jouw aandacht?' })
		).toBeVisible();
	});
});

test('the auth service sees the client, not the app server, as the one signing in', async ({
	browser
}) => {
	const account = await existingAccount('Wout Peeters');
	const address = clientAddress();
	const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': address } });
	const page = await context.newPage();
	await signIn(page, account.email, account.password);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Wat vraagt jouw aandacht?' })
	).toBeVisible();

	const db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	try {
		const { rows } = await db.query<{ ip_address: string }>(
			`select ip_address from auth.audit_log_entries
			 where payload ->> 'action' = 'login' and payload ->> 'actor_username' = $1`,
			[account.email]
		);
		expect(rows.map((row) => row.ip_address)).toEqual([address]);
	} finally {
		await db.end();
	}
});

test('a request without the client-address header is served, counted as an unknown address', async ({
	playwright,
	baseURL
}) => {
	// Not through the test's own fixtures: they always send an address.
	const bare = await playwright.request.newContext({ baseURL, extraHTTPHeaders: {} });
	const response = await bare.post('/aanmelden', {
		form: { email: newAccount().email, password: 'geraden' },
		headers: { origin: baseURL!, accept: 'text/html' }
	});
	expect(response.status()).toBe(400);
	expect(alertText(await response.text())).toBe('E-mailadres of wachtwoord klopt niet.');
	await bare.dispose();
});

test.describe('registering', () => {
	test('ten sign-ups from one client address per hour, then it waits', async ({
		page,
		baseURL
	}) => {
		await inOneWindow(60 * 60);
		const headers = { origin: baseURL!, accept: 'text/html' };
		const register = (account: Account) =>
			page.request.post('/registreren', {
				form: {
					displayName: account.name,
					email: account.email,
					password: account.password,
					passwordConfirm: account.password
				},
				headers,
				maxRedirects: 0
			});
		for (let attempt = 1; attempt <= 10; attempt++) {
			expect((await register(newAccount())).status(), `sign-up ${attempt}`).toBe(200);
		}
		const eleventh = await register(newAccount());
		expect(eleventh.status()).toBe(429);
		expect(Number(eleventh.headers()['retry-after'])).toBeGreaterThan(0);
		expect(alertText(await eleventh.text())).toMatch(LIMIT_MESSAGE);

		await page.goto('/registreren');
		await page.getByLabel('Naam').fill('Ilse Jacobs');
		await page.getByLabel('E-mailadres').fill(newAccount().email);
		await page.getByLabel('Wachtwoord', { exact: true }).fill('Wachtwoord-123');
		await page.getByLabel('Herhaal je wachtwoord').fill('Wachtwoord-123');
		await page.getByRole('button', { name: 'Account aanmaken' }).click();
		await expect(page.getByRole('alert')).toHaveText(LIMIT_MESSAGE);
	});

	test('three sign-ups per e-mail address per hour, from whichever clients', async ({
		browser,
		baseURL
	}) => {
		await inOneWindow(60 * 60);
		const account = newAccount();
		const statuses: number[] = [];
		for (let attempt = 1; attempt <= 4; attempt++) {
			const context = await anotherClient(browser);
			const response = await context.request.post('/registreren', {
				form: {
					displayName: account.name,
					email: account.email,
					password: account.password,
					passwordConfirm: account.password
				},
				headers: { origin: baseURL!, accept: 'text/html' },
				maxRedirects: 0
			});
			statuses.push(response.status());
			await context.close();
		}
		expect(statuses).toEqual([200, 200, 200, 429]);
	});
});

test.describe('asking for a reset link', () => {
	test('three per e-mail address per hour, the same with and without an account', async ({
		browser,
		baseURL
	}) => {
		await inOneWindow(60 * 60);
		const known = await existingAccount('Noor Wouters');
		for (const email of [known.email, newAccount().email]) {
			const answers: { status: number; retryAfter?: string }[] = [];
			for (let attempt = 1; attempt <= 4; attempt++) {
				const context = await anotherClient(browser);
				const response = await context.request.post('/wachtwoord-vergeten', {
					form: { email },
					headers: { origin: baseURL!, accept: 'text/html' }
				});
				answers.push({
					status: response.status(),
					retryAfter: response.headers()['retry-after'] ? 'set' : undefined
				});
				await context.close();
			}
			expect(answers, email).toEqual([
				{ status: 200 },
				{ status: 200 },
				{ status: 200 },
				{ status: 429, retryAfter: 'set' }
			]);
		}
	});

	test('ten per client address per hour, with the message above the form', async ({
		page,
		baseURL
	}) => {
		await inOneWindow(60 * 60);
		for (let attempt = 1; attempt <= 10; attempt++) {
			const response = await page.request.post('/wachtwoord-vergeten', {
				form: { email: newAccount().email },
				headers: { origin: baseURL!, accept: 'text/html' }
			});
			expect(response.status(), `request ${attempt}`).toBe(200);
		}
		await page.goto('/wachtwoord-vergeten');
		await page.getByLabel('E-mailadres').fill(newAccount().email);
		await page.getByRole('button', { name: 'Stuur me een link' }).click();
		await expect(page.getByRole('alert')).toHaveText(LIMIT_MESSAGE);
		await expect(page.getByText('Als er een account met dit e-mailadres bestaat')).toHaveCount(0);
	});
});
