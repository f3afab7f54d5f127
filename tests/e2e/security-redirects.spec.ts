// Open redirects: every place that takes a path from a person (the sign-in form, the signed-in visit of
// the sign-in and register pages, the language switch, the auth link's `next`) keeps people on this site,
// also for paths that only turn into another host once a browser resolves them.
import { existingAccount, expect, linkFromMail, signIn, test, type Account } from './support';

/** Each resolves to "//evil.example" in a browser: a protocol-relative URL to another host. */
const attacks = [
	'/.//evil.example',
	'/%2e//evil.example',
	'/..//evil.example',
	'/%2F%2Fevil.example'
];

function expectOnSite(location: string | undefined, expected: string) {
	expect(location, 'a redirect').toBeDefined();
	const base = 'http://app.invalid';
	expect(new URL(location!, base).origin, location).toBe(base);
	expect(location).toBe(expected);
}

let account: Account;
test.beforeAll(async () => {
	account = await existingAccount('Lena Wouters');
});

for (const redirectTo of attacks) {
	test(`signing in with redirectTo=${redirectTo} lands on the home page`, async ({
		page,
		baseURL
	}) => {
		const response = await page.request.post('/aanmelden', {
			form: { email: account.email, password: account.password, redirectTo },
			headers: { origin: baseURL!, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(response.status()).toBe(303);
		expectOnSite(response.headers()['location'], '/');
	});
}

test('the sign-in page does not put a path to another host in its form', async ({ page }) => {
	await page.goto(`/aanmelden?${new URLSearchParams({ redirectTo: '/.//evil.example' })}`);
	const form = page.getByRole('main').locator('form');
	await expect(form.locator('input[name="redirectTo"]')).toHaveValue('/');
});

test('signed in, the sign-in and register pages send people home, never elsewhere', async ({
	page
}) => {
	await signIn(page, account.email, account.password);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Wat vraagt jouw aandacht?' })
	).toBeVisible();
	for (const path of ['/aanmelden', '/registreren', '/wachtwoord-vergeten']) {
		for (const redirectTo of attacks) {
			const response = await page.request.get(`${path}?${new URLSearchParams({ redirectTo })}`, {
				maxRedirects: 0
			});
			expect(response.status(), `${path} ${redirectTo}`).toBe(303);
			expectOnSite(response.headers()['location'], '/');
		}
	}
	// A same-site path still works.
	const response = await page.request.get('/aanmelden?redirectTo=%2Forganisaties%2Fnieuw', {
		maxRedirects: 0
	});
	expectOnSite(response.headers()['location'], '/organisaties/nieuw');
});

test('the language switch goes back to a same-site page only', async ({ request, baseURL }) => {
	for (const redirectTo of [...attacks, '//evil.example', 'https://evil.example/']) {
		const response = await request.post('/taal', {
			form: { locale: 'en', redirectTo },
			headers: { origin: baseURL! },
			maxRedirects: 0
		});
		expect(response.status(), redirectTo).toBe(303);
		expectOnSite(response.headers()['location'], '/');
	}
	const back = await request.post('/taal', {
		form: { locale: 'nl', redirectTo: '/academies?provincie=Limburg' },
		headers: { origin: baseURL! },
		maxRedirects: 0
	});
	expectOnSite(back.headers()['location'], '/academies?provincie=Limburg');
});

test('the auth link signs in and then ignores a `next` that leads to another host', async ({
	page,
	baseURL
}) => {
	// A real recovery link, whose redirect target someone changed to carry a hostile `next`.
	await page.goto('/wachtwoord-vergeten');
	await page.getByLabel('E-mailadres').fill(account.email);
	await page.getByRole('button', { name: 'Stuur me een link' }).click();
	await expect(page.getByRole('status')).toContainText('Als er een account met dit e-mailadres');
	const link = new URL(await linkFromMail(account.email, /verify/));
	link.searchParams.set('redirect_to', `${baseURL}/auth/confirm?next=/.//evil.example`);

	const verified = await page.request.get(link.toString(), { maxRedirects: 0 });
	const confirm = verified.headers()['location'];
	expect(confirm).toContain('/auth/confirm?');
	const response = await page.request.get(confirm!, { maxRedirects: 0 });
	expect(response.status()).toBe(303);
	expectOnSite(response.headers()['location'], '/');
});
