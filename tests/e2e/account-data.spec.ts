// People's own data in their hands: downloading it, deleting the account (also without JavaScript, twice at
// once, or refused for the last owner of an organisation), the other side of an agreement seeing
// "verwijderde gebruiker" afterwards, and the privacy statement; axe-clean and fitting 360 px.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { exchangeFixture, type Person } from './exchange-support';
import {
	accountMenu,
	expect,
	expectNoAxeViolations,
	openAccountMenu,
	signIn,
	test
} from './support';

const fixture = exchangeFixture('gegevens');

test.beforeAll(() => fixture.db.connect());
test.afterAll(() => fixture.cleanUp());

/** The contexts signedInPage() opened, closed after each test (a later failure then shows its own page). */
const opened: BrowserContext[] = [];
test.afterEach(async () => {
	await Promise.all(opened.splice(0).map((context) => context.close()));
});

/** A page of its own for `who`, signed in through the plain form (works with JavaScript off too). */
async function signedInPage(
	browser: Browser,
	who: Person,
	javaScriptEnabled = true
): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled });
	opened.push(context);
	const page = await context.newPage();
	if (javaScriptEnabled) {
		await signIn(page, who.email, fixture.password);
	} else {
		await page.goto('/aanmelden');
		await page.getByLabel('E-mailadres').fill(who.email);
		await page.getByLabel('Wachtwoord').fill(fixture.password);
		await page.getByRole('button', { name: 'Aanmelden' }).click();
	}
	await expect(accountMenu(page)).toBeVisible();
	return page;
}

async function expectFits360(page: Page) {
	await page.setViewportSize({ width: 360, height: 800 });
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow, `horizontal overflow at 360 px on ${page.url()}`).toBeLessThanOrEqual(0);
}

/** An accepted agreement between an academy and a company, with a message by `author` for `side`. */
async function agreementWithMessage(
	academy: { id: string },
	company: { id: string },
	author: Person,
	side: { id: string },
	body: string
): Promise<string> {
	const {
		rows: [offer]
	} = await fixture.db.query<{ id: string }>(
		`insert into public.offers (organisation_id, kind, title, municipality_nis, radius_km, people)
		 values ($1, 'volunteers', 'Twee mentoren', '44021', 25, 2) returning id`,
		[company.id]
	);
	const {
		rows: [request]
	} = await fixture.db.query<{ id: string }>(
		`insert into public.requests (organisation_id, kind, title, municipality_nis, domains)
		 values ($1, 'volunteers', 'Mentoren voor robotica', '44021', '{techniek}') returning id`,
		[academy.id]
	);
	const {
		rows: [agreement]
	} = await fixture.db.query<{ id: string }>(
		`insert into public.agreements (request_id, offer_id, academy_id, provider_id, proposed_by_organisation, status)
		 values ($1, $2, $3, $4, $3, 'accepted') returning id`,
		[request!.id, offer!.id, academy.id, company.id]
	);
	await fixture.db.query(
		`insert into public.agreement_messages (agreement_id, author, organisation_id, body)
		 values ($1, $2, $3, $4)`,
		[agreement!.id, author.id, side.id, body]
	);
	return agreement!.id;
}

test('a person downloads everything the platform holds about them as one JSON file', async ({
	browser
}) => {
	const person = await fixture.person('download', 'Dina Download');
	await fixture.organisation('academy', 'Academie Download', person);
	const page = await signedInPage(browser, person);

	await page.goto('/profiel/gegevens');
	await expect(page.getByRole('heading', { level: 1, name: 'Mijn gegevens' })).toBeVisible();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Download mijn gegevens (JSON)' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(
		/^groeistoot-mijn-gegevens-\d{4}-\d{2}-\d{2}\.json$/
	);
	const file = JSON.parse(await readFile((await download.path())!, 'utf8'));
	expect(file.profile).toMatchObject({ id: person.id, display_name: 'Dina Download' });
	expect(file.account).toMatchObject({ email: person.email });
	expect(file.memberships).toEqual([expect.objectContaining({ role: 'owner' })]);
	expect(file.notes.profile).toContain('profiel');
});

test('the download sends a signed-out visitor to the sign-in page', async ({ page }) => {
	await page.goto('/profiel/gegevens/downloaden');
	await expect(page).toHaveURL(/\/aanmelden\?redirectTo=%2Fprofiel%2Fgegevens%2Fdownloaden$/);
});

test.describe('without JavaScript', () => {
	test('a person deletes their account: they cannot sign in again and the other side sees "verwijderde gebruiker"', async ({
		browser
	}) => {
		const leaver = await fixture.person('vertrek', 'Vera Vertrek');
		const academyOwner = await fixture.person('academie', 'Adam Academie');
		const companyOwner = await fixture.person('bedrijf', 'Bert Bedrijf');
		const academy = await fixture.organisation('academy', 'Academie Vertrek', academyOwner);
		const company = await fixture.organisation('company', 'Bedrijf Vertrek', [
			[companyOwner, 'owner'],
			[leaver, 'member']
		]);
		const agreementId = await agreementWithMessage(
			academy,
			company,
			leaver,
			company,
			'Vera komt woensdag met twee mentoren.'
		);

		const page = await signedInPage(browser, leaver, false);
		await page.goto('/profiel/gegevens');
		await page.getByLabel('Je wachtwoord').fill('niet-mijn-wachtwoord');
		await page.getByRole('button', { name: 'Mijn account definitief verwijderen' }).click();
		await expect(page.getByText('Dat wachtwoord klopt niet.')).toBeVisible();
		await expect(page.getByLabel('Je wachtwoord')).toHaveAttribute('aria-invalid', 'true');

		await page.getByLabel('Je wachtwoord').fill(fixture.password);
		await page.getByRole('button', { name: 'Mijn account definitief verwijderen' }).click();
		await expect(page).toHaveURL(/\/privacy\/account-verwijderd$/);
		await expect(
			page.getByRole('heading', { level: 1, name: 'Je account is verwijderd' })
		).toBeVisible();
		await expect(page.getByRole('banner').getByRole('link', { name: 'Aanmelden' })).toBeVisible();

		await page.goto('/aanmelden');
		await page.getByLabel('E-mailadres').fill(leaver.email);
		await page.getByLabel('Wachtwoord').fill(fixture.password);
		await page.getByRole('button', { name: 'Aanmelden' }).click();
		await expect(page.getByText('E-mailadres of wachtwoord klopt niet.')).toBeVisible();

		const other = await signedInPage(browser, academyOwner, false);
		await other.goto(`/afspraken/${agreementId}`);
		const thread = other.getByRole('region', { name: 'Berichten' });
		await expect(thread.getByText('Vera komt woensdag met twee mentoren.')).toBeVisible();
		await expect(thread.getByText(/verwijderde gebruiker/)).toBeVisible();
		await expect(thread.getByText(/Vera Vertrek/)).toHaveCount(0);
	});

	test('the last owner of an organisation is told what to do and cannot delete', async ({
		browser
	}) => {
		const owner = await fixture.person('eigenaar', 'Olga Eigenaar');
		const academy = await fixture.organisation('academy', 'Academie Alleen', owner);
		const page = await signedInPage(browser, owner, false);

		await page.goto('/profiel/gegevens');
		await expect(page.getByText(/Je bent de laatste eigenaar van deze organisaties/)).toBeVisible();
		await expect(
			page.getByRole('link', { name: 'Eigenaars van Academie Alleen kiezen' })
		).toHaveAttribute('href', new RegExp(`/organisaties/${academy.slug}/leden$`));
		await expect(
			page.getByRole('button', { name: 'Mijn account definitief verwijderen' })
		).toHaveCount(0);

		// A form posted anyway (an old tab) is refused the same way, with a 409.
		const response = await page.request.post('/profiel/gegevens?/delete', {
			form: { password: fixture.password },
			headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(response.status()).toBe(409);
		expect(await response.text()).toContain('je bent nog de laatste eigenaar van een organisatie');
		await page.goto('/profiel/gegevens');
		await expect(accountMenu(page)).toBeVisible();
	});
});

test('wrong passwords on the deletion form count as failed sign-ins: the eleventh attempt waits', async ({
	browser,
	baseURL
}) => {
	const person = await fixture.person('raden', 'Rik Raden');
	const page = await signedInPage(browser, person);
	// The limit counts in fixed 15-minute windows: stay inside one.
	await expect
		.poll(() => 15 * 60 - ((Date.now() / 1000) % (15 * 60)), { timeout: 40_000, intervals: [500] })
		.toBeGreaterThan(30);
	const headers = { origin: baseURL!, accept: 'text/html' };
	for (let attempt = 1; attempt <= 10; attempt++) {
		const wrong = await page.request.post('/profiel/gegevens?/delete', {
			form: { password: `fout-${attempt}` },
			headers
		});
		expect(wrong.status(), `attempt ${attempt}`).toBe(400);
	}
	const eleventh = await page.request.post('/profiel/gegevens?/delete', {
		form: { password: fixture.password },
		headers,
		maxRedirects: 0
	});
	expect(eleventh.status()).toBe(429);
	expect(Number(eleventh.headers()['retry-after'])).toBeGreaterThan(0);
	expect(await eleventh.text()).toMatch(/Te veel pogingen\. Wacht \d+ min\./);
	const { rows } = await fixture.db.query('select 1 from auth.users where id = $1', [person.id]);
	expect(rows).toHaveLength(1);
});

test('two tabs deleting the same account at once both end on a page, never an error', async ({
	browser
}) => {
	const person = await fixture.person('twee', 'Tom Tweetabs');
	const first = await signedInPage(browser, person);
	const second = await first.context().newPage();
	const failures: number[] = [];
	for (const page of [first, second]) {
		page.on('response', (response) => {
			if (response.status() >= 500) failures.push(response.status());
		});
		await page.goto('/profiel/gegevens');
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await page.getByLabel('Je wachtwoord').fill(fixture.password);
	}
	await Promise.all(
		[first, second].map((page) =>
			page.getByRole('button', { name: 'Mijn account definitief verwijderen' }).click()
		)
	);
	for (const page of [first, second]) {
		await expect(page).toHaveURL(/\/(privacy\/account-verwijderd|aanmelden)/);
	}
	expect(failures).toEqual([]);
	const { rows } = await fixture.db.query('select 1 from auth.users where id = $1', [person.id]);
	expect(rows).toEqual([]);
});

test('after signing out in another tab, a form sent or a link followed leads to the sign-in page', async ({
	browser
}) => {
	const person = await fixture.person('elders', 'Elle Elders');
	const form = await signedInPage(browser, person);
	const link = await form.context().newPage();
	const other = await form.context().newPage();
	for (const [page, path] of [
		[form, '/profiel/gegevens'],
		[link, '/profiel'],
		[other, '/profiel']
	] as const) {
		await page.goto(path);
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	}
	await openAccountMenu(other);
	await other.getByRole('banner').getByRole('button', { name: 'Afmelden' }).click();
	await expect(accountMenu(other)).toHaveCount(0);

	// An enhanced form and a client-side navigation both get the guard's redirect in the JSON they read.
	await form.getByLabel('Je wachtwoord').fill(fixture.password);
	await form.getByRole('button', { name: 'Mijn account definitief verwijderen' }).click();
	await expect(form).toHaveURL(/\/aanmelden\?redirectTo=%2Fprofiel%2Fgegevens/);
	await expect(form.getByRole('heading', { level: 1 })).not.toHaveText('Er ging iets mis');

	await openAccountMenu(link);
	await link
		.getByRole('banner')
		.getByRole('link', { name: /^Meldingen/ })
		.click();
	await expect(link).toHaveURL(/\/aanmelden\?redirectTo=%2Fmeldingen$/);
	await expect(link.getByRole('heading', { level: 1 })).not.toHaveText('Er ging iets mis');
	const { rows } = await fixture.db.query('select 1 from auth.users where id = $1', [person.id]);
	expect(rows).toHaveLength(1);
});

test('the pages are axe-clean and fit 360 px, in Dutch and English', async ({ browser }) => {
	const person = await fixture.person('axe', 'Axel Axe');
	const page = await signedInPage(browser, person);

	for (const path of ['/profiel/gegevens', '/privacy']) {
		await page.goto(path);
		await expectNoAxeViolations(page);
		await expectFits360(page);
		await page.setViewportSize({ width: 1280, height: 800 });
	}

	// A failed attempt shows its message next to the field, still without violations.
	await page.goto('/profiel/gegevens');
	await page.getByRole('button', { name: 'Mijn account definitief verwijderen' }).click();
	await expect(page.getByText('Typ je wachtwoord.')).toBeVisible();
	await expectNoAxeViolations(page);

	await page
		.context()
		.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: new URL(page.url()).origin }]);
	await page.goto('/profiel/gegevens');
	await expect(page.getByRole('heading', { level: 1, name: 'My data' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Delete my account for good' })).toBeVisible();
	await page.goto('/privacy');
	await expect(page.getByRole('heading', { level: 1, name: 'Privacy statement' })).toBeVisible();
	await expectNoAxeViolations(page);
});

test('the footer and the sign-up form link to the privacy statement', async ({ page }) => {
	await page.goto('/registreren');
	await expect(
		page.getByRole('main').getByRole('link', { name: 'privacyverklaring' })
	).toHaveAttribute('href', /\/privacy$/);
	await page.getByRole('contentinfo').getByRole('link', { name: 'Privacy' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Privacyverklaring' })).toBeVisible();
	await expectNoAxeViolations(page);
	await expectFits360(page);
});
