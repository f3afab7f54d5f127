// Security headers on every response (pages public and signed in, errors, endpoints), and every page
// hydrates under its Content-Security-Policy without a single violation.
import type { APIResponse, Page } from '@playwright/test';
import pg from 'pg';
import { databaseUrl } from '../../stack/config.js';
import { expect, seedIds, shipsJavaScript, signIn, test } from './support';

const DEMO_PASSWORD = 'groeistoot-demo';

type Paths = {
	public: string[];
	coordinator: string[];
	school: string[];
	staff: string[];
};

let paths: Paths;

test.beforeAll(async () => {
	const db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	try {
		const {
			academy,
			school,
			company,
			partner,
			activity,
			request,
			offer,
			agreement,
			publicOffer,
			publicRequest
		} = await seedIds(db);
		paths = {
			public: [
				'/',
				'/academies',
				`/academies/${academy}`,
				'/activiteiten',
				`/activiteiten/${activity}`,
				'/scholen',
				`/scholen/${school}`,
				'/bedrijven',
				`/bedrijven/${company}`,
				'/partners',
				`/partners/${partner}`,
				'/aanbod',
				`/aanbod/${publicOffer}`,
				'/vragen',
				`/vragen/${publicRequest}`,
				'/gemeenten/44021',
				'/zoeken?q=robotica',
				'/zoeken?q=robotica&weergave=kaart',
				'/aanmelden',
				'/registreren',
				'/wachtwoord-vergeten',
				'/privacy',
				'/privacy/account-verwijderd',
				'/meldingen/uitschrijven',
				'/bestaat-niet',
				`/uitnodiging/${'0'.repeat(64)}`
			],
			coordinator: [
				'/profiel',
				'/profiel/wachtwoord',
				'/profiel/gegevens',
				'/profiel/meldingen',
				'/mijn-organisaties',
				'/meldingen',
				'/afspraken',
				`/afspraken/${agreement}`,
				'/organisaties/nieuw',
				`/organisaties/${academy}`,
				`/organisaties/${academy}/bewerken`,
				`/organisaties/${academy}/leden`,
				`/organisaties/${academy}/academieprofiel`,
				`/organisaties/${academy}/activiteiten`,
				`/organisaties/${academy}/activiteiten/nieuw`,
				`/organisaties/${academy}/activiteiten/${activity}/bewerken`,
				`/organisaties/${academy}/activiteiten/${activity}/bereik`,
				`/organisaties/${academy}/vragen`,
				`/organisaties/${academy}/vragen/nieuw`,
				`/organisaties/${academy}/vragen/${request}`,
				`/organisaties/${academy}/vrijwilligers`,
				'/wachtwoord-herstellen',
				'/afmelden'
			],
			school: [
				`/organisaties/${school}/aanbod`,
				`/organisaties/${school}/aanbod/nieuw`,
				`/organisaties/${school}/aanbod/${offer}`
			],
			staff: ['/netwerk/verificatie']
		};
	} finally {
		await db.end();
	}
});

function expectSecurityHeaders(response: APIResponse | Awaited<ReturnType<Page['goto']>>) {
	expect(response, 'a response').toBeTruthy();
	const headers = response!.headers();
	const where = `${response!.url()} (${response!.status()})`;
	const csp = headers['content-security-policy'] ?? '';
	// Endpoints get a policy that allows nothing; pages their own (expectPagePolicy).
	expect(csp, `default-src on ${where}`).toMatch(/default-src '(self|none)'/);
	expect(csp, `frame-ancestors on ${where}`).toContain("frame-ancestors 'none'");
	expect(headers['x-frame-options'], where).toBe('DENY');
	expect(headers['x-content-type-options'], where).toBe('nosniff');
	expect(headers['referrer-policy'], where).toBe('strict-origin-when-cross-origin');
	expect(headers['permissions-policy'], where).toContain('camera=()');
	return { csp, headers };
}

/** A page's own CSP, as pages get it: scripts only from this site or by hash, no plugins. */
function expectPagePolicy(csp: string, where: string) {
	for (const directive of [
		"default-src 'self'",
		"frame-ancestors 'none'",
		"base-uri 'self'",
		"form-action 'self'",
		"object-src 'none'"
	]) {
		expect(csp, `${directive} on ${where}`).toContain(directive);
	}
	expect(csp, where).not.toContain('unsafe-inline');
	expect(csp, where).not.toContain('unsafe-eval');
	expect(csp, where).not.toContain('nonce-');
}

/** Records CSP violations: the browser's event and its console message. */
async function watchViolations(page: Page): Promise<string[]> {
	const violations: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
	});
	await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			const report = (window as unknown as { reportCspViolation: (text: string) => void })
				.reportCspViolation;
			void report(`${event.violatedDirective} blocked ${event.blockedURI} (${event.sourceFile})`);
		});
	});
	return violations;
}

/** Opens every path, checks the headers and that the page hydrates (if it has JavaScript) without a CSP violation. */
async function visitAll(page: Page, list: string[]) {
	// A few seconds per page on a busy machine, on top of the test's own time.
	test.info().setTimeout(test.info().timeout + list.length * 5_000);
	const violations = await watchViolations(page);
	for (const path of list) {
		const response = await page.goto(path);
		const { csp } = expectSecurityHeaders(response);
		if (response!.headers()['content-type']?.startsWith('text/html')) {
			expectPagePolicy(csp, path);
			if (await shipsJavaScript(page))
				await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		}
		expect(violations, `CSP violations on ${path}`).toEqual([]);
	}
}

test('public pages, the sign-in pages and a 404 carry the headers and hydrate under the CSP', async ({
	page
}) => {
	await visitAll(page, paths.public);
	const missing = await page.request.get('/bestaat-niet');
	expect(missing.status()).toBe(404);
	expectPagePolicy(expectSecurityHeaders(missing).csp, '/bestaat-niet');
});

test('a cached public page and a fresh one carry the same policy', async ({ request }) => {
	const first = await request.get('/academies');
	const second = await request.get('/academies');
	expect(second.headers()['content-security-policy']).toBe(
		first.headers()['content-security-policy']
	);
	expectSecurityHeaders(second);
});

test("a coordinator's pages carry the headers and hydrate under the CSP", async ({ page }) => {
	await signIn(page, 'coordinator@groeistoot.test', DEMO_PASSWORD);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Wat vraagt jouw aandacht?' })
	).toBeVisible();
	await visitAll(page, paths.coordinator);

	const download = await page.request.get('/profiel/gegevens/downloaden');
	expect(download.status()).toBe(200);
	expectSecurityHeaders(download);
});

test("a school's offer pages and the staff pages carry the headers", async ({ page, browser }) => {
	await signIn(page, 'school@groeistoot.test', DEMO_PASSWORD);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Wat vraagt jouw aandacht?' })
	).toBeVisible();
	await visitAll(page, paths.school);

	const staff = await (await browser.newContext()).newPage();
	await signIn(staff, 'netwerk@groeistoot.test', DEMO_PASSWORD);
	await expect(
		staff.getByRole('heading', { level: 1, name: 'Wat vraagt jouw aandacht?' })
	).toBeVisible();
	await visitAll(staff, paths.staff);
});

test('endpoints, redirects and form answers carry the headers too', async ({
	request,
	baseURL
}) => {
	for (const path of [
		'/api/health',
		'/api/search?q=robotica',
		'/api/gemeenten',
		'/zoeken/kaart.svg'
	]) {
		const response = await request.get(path);
		expect(response.status(), path).toBe(200);
		expectSecurityHeaders(response);
	}
	const language = await request.post('/taal', {
		form: { locale: 'nl', redirectTo: '/' },
		headers: { origin: baseURL! },
		maxRedirects: 0
	});
	expect(language.status()).toBe(303);
	expectSecurityHeaders(language);

	// The guard's redirect of a visitor away from a signed-in page.
	const guarded = await request.get('/afspraken', { maxRedirects: 0 });
	expect(guarded.status()).toBe(303);
	expect(guarded.headers()['location']).toBe('/aanmelden?redirectTo=%2Fafspraken');
	expectSecurityHeaders(guarded);

	const badSearch = await request.get(`/api/search?q=${'a'.repeat(300)}`);
	expect(badSearch.status()).toBe(400);
	expectSecurityHeaders(badSearch);

	const signIn = await request.post('/aanmelden', {
		form: { email: 'niet-geldig', password: '' },
		headers: { origin: baseURL!, accept: 'text/html' }
	});
	expect(signIn.status()).toBe(400);
	expectPagePolicy(expectSecurityHeaders(signIn).csp, 'POST /aanmelden');

	const foreign = await request.post('/aanmelden', {
		form: { email: 'a@b.be', password: 'x' },
		headers: { origin: 'https://evil.example', accept: 'text/html' }
	});
	expect(foreign.status()).toBe(403);
	expectSecurityHeaders(foreign);
});

test('the app server keeps an idle connection open longer than a client or proxy pauses', async ({
	request
}) => {
	// KEEP_ALIVE_TIMEOUT (playwright.config.ts, README "Behind a proxy"): with Node's 5 s, a call sent on a
	// connection the server is closing at that moment fails with ECONNRESET.
	const response = await request.get('/api/health');
	expect(response.headers()['keep-alive']).toBe('timeout=65');
});
