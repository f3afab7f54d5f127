// Good practices as people use them: a teacher shares one through the form (a wrong link is named next to
// its field first), someone else finds it through the search and through the library's filters, network
// staff feature it, in Dutch and English, with axe, on a phone and on a laptop.
import type { Browser, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, signIn, test } from './support';

const PASSWORD = 'groeistoot-demo';
// A word no seed holds, so that searches find this run's good practice only.
const word = `zonnewagen${Date.now().toString(36)}`;
const title = `Zonnewagens racen ${word}`;

async function expectNoSidewaysScroll(page: Page) {
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
}

async function signedIn(browser: Browser, email: string, width: number) {
	const context = await browser.newContext({ viewport: { width, height: 900 } });
	const page = await context.newPage();
	await signIn(page, email, PASSWORD);
	await expect(page).not.toHaveURL(/aanmelden/);
	return { context, page };
}

test.describe.configure({ mode: 'serial' });

let practiceUrl = '';

test('a teacher shares a good practice on a phone', async ({ browser }) => {
	test.slow();
	const { context, page } = await signedIn(browser, 'leerkracht@groeistoot.test', 390);
	await page.goto('/goede-praktijken');
	await page.getByRole('link', { name: 'Deel een goede praktijk' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Een goede praktijk delen');
	await expectNoAxeViolations(page);
	await expectNoSidewaysScroll(page);

	await page.getByLabel('Titel').fill(title);
	await page
		.getByLabel('Wat deed je?')
		.fill('Leerlingen bouwden **zonnewagens** en lieten ze racen op de speelplaats.');
	const communities = page.getByRole('group', { name: 'Delen in' });
	await communities.getByRole('checkbox', { name: 'Gent' }).check();
	await page.getByRole('group', { name: 'STEM-letters' }).getByLabel('Technologie (T)').check();
	await page.getByRole('group', { name: 'Domeinen' }).getByLabel('Programmeren').check();
	await page.getByLabel('Formaat').selectOption({ label: 'Losse activiteit' });
	await page.getByLabel('Vanaf leeftijd').fill('9');
	await page.getByLabel('Tot en met leeftijd').fill('12');
	await page.getByLabel('Wat werkte?').fill('Elk team een eigen zonnepaneel.');
	await page.getByLabel('Links').fill('ftp://niet-goed');
	await page.getByLabel('Aantal deelnemers').fill('28');
	await page.getByRole('button', { name: 'Delen' }).click();

	// A wrong link: named next to its field, nothing shared, what was typed kept.
	await expect(page.getByLabel('Links')).toHaveAccessibleDescription(/hoogstens 5 links/);
	await expect(page.getByLabel('Titel')).toHaveValue(title);

	await page.getByLabel('Links').fill('https://voorbeeld.be/zonnewagens');
	await page.getByRole('button', { name: 'Delen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(
		page.getByRole('status').filter({ hasText: 'Je goede praktijk is gedeeld.' })
	).toBeVisible();
	await expect(page.getByText('28 deelnemers')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Gent' })).toBeVisible();
	await expect(page.getByRole('strong').filter({ hasText: 'zonnewagens' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Aanpassen' })).toBeVisible();
	await expectNoAxeViolations(page);
	await expectNoSidewaysScroll(page);
	practiceUrl = new URL(page.url()).pathname;
	await context.close();
});

test('someone else finds it through the search and through the library filters', async ({
	page
}) => {
	test.slow();
	await page.setViewportSize({ width: 1280, height: 900 });
	// The app's search worker indexes it shortly after it was shared.
	await expect(async () => {
		await page.goto(`/zoeken?q=${word}`);
		await expect(page.getByRole('link', { name: title })).toBeVisible({ timeout: 1000 });
	}).toPass({ timeout: 30_000 });
	await expect(page.getByText('Goede praktijk · Gent')).toBeVisible();
	await expectNoAxeViolations(page);

	await page.goto('/goede-praktijken');
	await page
		.getByRole('combobox', { name: 'STEM-letter' })
		.selectOption({ label: 'Technologie (T)' });
	await page.getByRole('combobox', { name: 'Domein' }).selectOption({ label: 'Programmeren' });
	await page
		.getByRole('combobox', { name: 'Provincie' })
		.selectOption({ label: 'Oost-Vlaanderen' });
	await page.getByRole('button', { name: 'Toon resultaten' }).click();
	await expect(page).toHaveURL(/letter=T/);
	await expect(page.getByRole('link', { name: title })).toBeVisible();
	await page
		.getByRole('combobox', { name: 'Formaat' })
		.selectOption({ label: 'Kamp met overnachting' });
	await page.getByRole('button', { name: 'Toon resultaten' }).click();
	await expect(page.getByRole('link', { name: title })).toBeHidden();
	await expect(page.getByText('Er zijn nog geen goede praktijken')).toBeVisible();
	await expectNoAxeViolations(page);
	await expectNoSidewaysScroll(page);

	await page.getByRole('link', { name: 'Wis de filters' }).click();
	// The cleared page first: typing during the navigation would be lost with the old page.
	await expect(page).toHaveURL(/\/goede-praktijken$/);
	await page.getByLabel('Zoek in de goede praktijken').fill(word);
	await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
	await expect(page).toHaveURL(/\/zoeken\?/);
	await expect(page.getByRole('link', { name: title })).toBeVisible();
});

test('network staff feature it and it comes first in the library', async ({ browser }) => {
	test.slow();
	const { context, page } = await signedIn(browser, 'netwerk@groeistoot.test', 1280);
	await page.goto(practiceUrl);
	await page.getByRole('button', { name: 'Uitlichten' }).click();
	await expect(page.getByText('Uitgelicht in de bibliotheek.')).toBeVisible();
	await expectNoAxeViolations(page);

	await page.goto(`/goede-praktijken?leeftijd=10&domein=programmeren`);
	const first = page.getByRole('article').first();
	await expect(first.getByRole('link', { name: title })).toBeVisible();
	await expect(first.getByText('Uitgelicht')).toBeVisible();

	await page.goto(practiceUrl);
	await page.getByRole('button', { name: 'Niet meer uitlichten' }).click();
	await expect(page.getByText('Niet meer uitgelicht.')).toBeVisible();
	await context.close();
});

test('the library and a good practice in English, on a phone', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('/goede-praktijken');
	await page
		.context()
		.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: new URL(page.url()).origin }]);
	await page.goto('/goede-praktijken');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Good practices');
	await expect(page.getByRole('link', { name: 'Share a good practice' })).toBeVisible();
	await expectNoAxeViolations(page);
	await expectNoSidewaysScroll(page);
	await page.goto(practiceUrl);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.getByText('28 participants')).toBeVisible();
	await expect(
		page.getByRole('link', { name: 'Go to the discussion about this good practice' })
	).toBeVisible();
	await expectNoAxeViolations(page);
	await expectNoSidewaysScroll(page);
});
