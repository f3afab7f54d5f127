// Search as a visitor uses it: the header box with the keyboard, the search page's filters in the URL, the
// same page without JavaScript, the map view, bad input, axe, and the page on a phone.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import {
	existingAccount,
	expect,
	expectNoAxeViolations,
	holdScripts,
	signIn,
	test
} from './support';

const results = (page: Page) => page.getByRole('region', { name: 'Resultaten' });
const resultTitles = (page: Page) =>
	results(page).getByRole('heading', { level: 3 }).allInnerTexts();

test('a visitor finds an activity from the header box with the keyboard', async ({ page }) => {
	await page.goto('/');
	const box = page.getByRole('combobox', { name: 'Zoeken op Groeistoot' });
	await box.click();
	await box.pressSequentially('robotica');

	const listbox = page.getByRole('listbox', { name: 'Zoekresultaten' });
	await expect(listbox).toBeVisible();
	await expect(box).toHaveAttribute('aria-expanded', 'true');
	await expect(listbox.getByRole('group', { name: 'Activiteiten' })).toBeVisible();

	await box.press('ArrowDown');
	const active = listbox.getByRole('option', { selected: true });
	await expect(active).toHaveCount(1);
	await expect(box).toHaveAttribute(
		'aria-activedescendant',
		(await active.getAttribute('id')) ?? ''
	);
	const title = (await active.innerText()).split(' · ')[0]?.trim() ?? '';
	expect(title).not.toBe('');

	await box.press('Escape');
	await expect(listbox).toBeHidden();
	await box.press('ArrowDown');
	await expect(listbox.getByRole('option', { selected: true })).toHaveText(
		await active.innerText()
	);

	await box.press('Enter');
	await expect(page).toHaveURL(/\/activiteiten\/[0-9a-f-]+$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
});

test('what is typed in the header box before the page is interactive stays, and the box works', async ({
	page
}) => {
	const release = await holdScripts(page);
	await page.goto('/', { waitUntil: 'commit' });
	const early = page.getByRole('searchbox', { name: 'Zoeken op Groeistoot' });
	await early.fill('robotica');
	await expect(page.locator('html[data-hydrated]')).toHaveCount(0);

	release();
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	const box = page.getByRole('combobox', { name: 'Zoeken op Groeistoot' });
	await expect(box).toHaveValue('robotica');
	await expect(box).toBeFocused();
	// Suggestions come for what was typed early, and typing on still works.
	const listbox = page.getByRole('listbox', { name: 'Zoekresultaten' });
	await expect(listbox.getByRole('group', { name: 'Activiteiten' })).toBeVisible();
	await box.press('End');
	await box.pressSequentially(' leuven');
	await expect(box).toHaveValue('robotica leuven');
	await expect(listbox.getByRole('option').first()).toBeVisible();
});

test('the header box says so, visibly, when nothing is found', async ({ page }) => {
	await page.goto('/');
	const box = page.getByRole('combobox', { name: 'Zoeken op Groeistoot' });
	await box.click();
	await box.pressSequentially('xqzjwvkpqz');
	const none = page.locator('search').getByText('Geen resultaten', { exact: true });
	await expect(none).toBeVisible();
	// Shown in the popup, not only in the screen readers' 1-pixel live region.
	const shown = await none.boundingBox();
	expect(shown?.width ?? 0).toBeGreaterThan(100);
	expect(shown?.height ?? 0).toBeGreaterThan(10);
	await expect(box).toHaveAttribute('aria-expanded', 'false');
	await box.press('Escape');
	await expect(none).toBeHidden();
});

test('the search page filters by province and age, and the shared URL shows the same results', async ({
	page,
	context
}) => {
	await page.goto('/zoeken?q=robotica');
	await expect(page.getByRole('heading', { level: 1, name: 'Zoeken' })).toBeVisible();
	await expect(page.getByRole('status')).toContainText('resultaten');
	await expect(results(page).locator('mark').first()).toBeVisible();

	const filters = page.getByRole('complementary', { name: 'Filters' });
	await filters
		.getByRole('group', { name: 'Provincie' })
		.getByRole('checkbox', { name: /^Vlaams-Brabant/ })
		.check();
	await expect(page).toHaveURL(/provincie=vlaams-brabant/);
	// Disjunctive facets: the other provinces stay in the list with their counts, to add a second.
	const provinces = filters.getByRole('group', { name: 'Provincie' });
	await expect(provinces.getByRole('checkbox', { name: /^Vlaams-Brabant/ })).toBeChecked();
	await expect(provinces.getByRole('checkbox', { checked: false }).first()).toBeVisible();
	await filters
		.getByRole('group', { name: 'Leeftijd' })
		.getByRole('checkbox', { name: /^10 jaar/ })
		.check();
	await expect(page).toHaveURL(/leeftijd=10/);
	await expect(page.getByRole('list', { name: 'Gekozen filters' })).toContainText(
		'Provincie: Vlaams-Brabant'
	);

	const titles = await resultTitles(page);
	expect(titles.length).toBeGreaterThan(0);
	const count = await page.getByRole('status').innerText();

	const shared = await context.newPage();
	await shared.goto(page.url());
	expect(await resultTitles(shared)).toEqual(titles);
	await expect(shared.getByRole('status')).toHaveText(count);
	await expect(shared.getByRole('checkbox', { name: /^Vlaams-Brabant/ })).toBeChecked();

	// The back button undoes the last filter.
	await page.goBack();
	await expect(page).not.toHaveURL(/leeftijd=10/);
	await expect(page).toHaveURL(/provincie=vlaams-brabant/);
});

test('changing the sort waits for the search button', async ({ page }) => {
	await page.goto('/zoeken?q=robotica');
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	const sort = page.getByRole('combobox', { name: 'Sorteren op' });
	await sort.focus();
	await sort.selectOption('datum');
	await expect(sort).toHaveValue('datum');
	expect(new URL(page.url()).searchParams.has('sorteer')).toBe(false);
	await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
	await expect(page).toHaveURL(/sorteer=datum/);
	await expect(page.getByRole('combobox', { name: 'Sorteren op' })).toHaveValue('datum');
});

test('a filter change asks only the results, and the place field still suggests municipalities', async ({
	page
}) => {
	await page.goto('/zoeken?q=robotica');
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	const data = page.waitForResponse((response) => response.url().includes('/zoeken/__data.json'));
	await page
		.getByRole('complementary', { name: 'Filters' })
		.getByRole('group', { name: 'Provincie' })
		.getByRole('checkbox', { name: /^Oost-Vlaanderen/ })
		.check();
	await expect(page).toHaveURL(/provincie=oost-vlaanderen/);
	// The municipalities come with the page's layout (+layout.server.ts), not with every result.
	// The answer is asked again by its URL: the browser may have dropped the body of the first one
	// (a superseded navigation), so reading it there fails now and then on a busy machine.
	const results = await page.request.get((await data).url());
	expect(results.status()).toBe(200);
	const body = await results.text();
	expect(body).toContain('robotica');
	expect(body).not.toContain('Aalst — Oost-Vlaanderen');

	const place = page.getByRole('combobox', { name: 'van gemeente' });
	await place.fill('Gen');
	await expect(
		page
			.getByRole('listbox', { name: 'Suggesties voor je gemeente' })
			.getByRole('option', { name: 'Gent — Oost-Vlaanderen' })
	).toBeVisible();
});

test('the search page searches within a distance and shows results on an interactive map', async ({
	page
}) => {
	await page.goto('/zoeken?binnen=10&van=44021&sorteer=afstand');
	await expect(page.getByRole('list', { name: 'Gekozen filters' })).toContainText(
		'Binnen 10 km van Gent'
	);
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await page.getByRole('link', { name: 'Kaart' }).click();
	await expect(page).toHaveURL(/weergave=kaart/);
	const map = page.getByRole('group', { name: /Kaart van de zoekresultaten/ });
	await expect(map).toBeVisible();
	const zoomIn = page.getByRole('button', { name: 'Inzoomen', exact: true });

	// Zoomed in as far as it goes, every result is a point or a group on one spot; Enter opens its card.
	await map.focus();
	for (let step = 0; step < 5; step++) await map.press('+');
	await expect(zoomIn).toBeDisabled();
	const point = map.getByRole('button').first();
	await point.focus();
	await point.press('Enter');
	const card = page.getByRole('group', { name: 'Op de kaart gekozen' });
	await expect(card).toBeVisible();
	const link = card.getByRole('link').first();
	await expect(link).toBeFocused();
	expect(await resultTitles(page)).toContain(await link.innerText());
	await expect(card).toContainText(/Activiteit|Academie|School|Bedrijf|Partner|Aanbod|Vraag/);
	await link.press('Escape');
	await expect(card).toBeHidden();
	await expect(point).toBeFocused();
	await expectNoAxeViolations(page);
});

test('on the map a group of nearby results zooms in on a click, and the zoom buttons zoom', async ({
	page
}) => {
	await page.goto('/zoeken?type=activity&weergave=kaart');
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	const map = page.getByRole('group', { name: /Kaart van de zoekresultaten/ });
	const viewBox = () => map.getAttribute('viewBox');
	const width = async () => Number((await viewBox())?.split(' ')[2]);

	const cluster = map.getByRole('button', { name: /^\d+ resultaten rond .*: inzoomen$/ }).first();
	await expect(cluster).toBeVisible();
	const before = await width();
	await cluster.click();
	await expect.poll(width).toBeLessThan(before);

	const zoomed = await width();
	await page.getByRole('button', { name: 'Uitzoomen', exact: true }).click();
	await expect.poll(width).toBeGreaterThan(zoomed);
	await page.getByRole('button', { name: 'Inzoomen', exact: true }).click();
	await expect.poll(width).toBe(zoomed);
	await page.getByRole('button', { name: 'Toon heel Vlaanderen' }).click();
	await expect.poll(width).toBeGreaterThan(before - 1);

	// With the whole map in view, a result on its own opens its card on a click.
	const single = map.getByRole('button', { name: /^[^:]+, [^:]+$/ }).first();
	await single.click();
	await expect(page.getByRole('group', { name: 'Op de kaart gekozen' })).toBeVisible();
	await expectNoAxeViolations(page);
});

test('bad input gets a 400 with a Dutch message next to the search field', async ({ page }) => {
	const response = await page.goto(`/zoeken?q=${'a'.repeat(2000)}`);
	expect(response?.status()).toBe(400);
	const field = page.getByRole('searchbox', { name: 'Zoek naar' });
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByRole('alert')).toHaveText(/te lang/);

	const injection = await page.goto('/zoeken?domein=techniek%22%20OR%20type%20%3D%20%22x');
	expect(injection?.status()).toBe(400);
	await expect(page.getByRole('alert')).toHaveText('Dat domein kennen we niet.');

	// Searching again from the error page drops the bad filter and keeps the others.
	const mixed = await page.goto('/zoeken?q=robot&provincie=vlaams-brabant&domein=onbekend');
	expect(mixed?.status()).toBe(400);
	await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
	await expect(page).toHaveURL(/provincie=vlaams-brabant/);
	await expect(page).not.toHaveURL(/domein=/);
	await expect(page.getByRole('list', { name: 'Gekozen filters' })).toContainText(
		'Provincie: Vlaams-Brabant'
	);
	await page.goto('/zoeken?domein=techniek%22%20OR%20type%20%3D%20%22x');

	const api = await page.request.get(`/api/search?q=${'a'.repeat(2000)}`);
	expect(api.status()).toBe(400);
	expect(((await api.json()) as { message: string }).message).toMatch(/te lang/);
	await expectNoAxeViolations(page);
});

test('the header box search skips the session check, yet a search around "mij" knows who asks', async ({
	page
}) => {
	const aroundMe = '/api/search?q=robotica&binnen=10&van=mij';
	const message = async (response: Awaited<ReturnType<typeof page.request.get>>) =>
		((await response.json()) as { message: string }).message;

	const signedOut = await page.request.get(aroundMe);
	expect(signedOut.status()).toBe(400);
	expect(await message(signedOut)).toBe('Meld je aan om rond je eigen gemeente te zoeken.');

	// Signed in, with no municipality on the profile yet: the route read the session after all.
	const account = await existingAccount('Mira Zoekers');
	await signIn(page, account.email, account.password);
	await expect(page).toHaveURL((url) => url.pathname === '/');
	const signedIn = await page.request.get(aroundMe);
	expect(signedIn.status()).toBe(400);
	expect(await message(signedIn)).toMatch(/Je profiel heeft nog geen gemeente/);

	// Without "mij" the answer is the same for everyone, with the security headers of every response.
	const plain = await page.request.get('/api/search?q=robotica');
	expect(plain.status()).toBe(200);
	expect(plain.headers()['x-content-type-options']).toBe('nosniff');
	expect(plain.headers()['cache-control']).toBe('no-store');
});

test("the built app answers the header box before SvelteKit: a centre by code, the reader's language", async ({
	request
}) => {
	// The built server asks the lane first (svelte.config.js); hooks.server.ts registers it at start.
	const server = readFileSync(`${process.env.BUILD_OUT ?? 'build'}/index.js`, 'utf8');
	expect(server).toContain(
		`.use((req, res, next) => { const lane = globalThis[Symbol.for('groeistoot.lane')];`
	);

	// A municipality as the centre: the lane reads the municipalities without a session.
	const near = await request.get('/api/search?q=robotica&binnen=10&van=44021');
	expect(near.status()).toBe(200);
	const { groups } = (await near.json()) as {
		groups: { hits: { municipality: string | null }[] }[];
	};
	expect(groups.flatMap((group) => group.hits).length).toBeGreaterThan(0);
	expect(near.headers()['content-type']).toBe('application/json');

	const unknown = await request.get('/api/search?q=robotica&binnen=10&van=99999');
	expect(unknown.status()).toBe(400);
	expect(await unknown.json()).toMatchObject({ field: 'centre' });

	const english = await request.get('/api/search?q=robotica&binnen=10', {
		headers: { cookie: 'PARAGLIDE_LOCALE=en' }
	});
	expect(english.status()).toBe(400);
	expect(await english.json()).toEqual({
		message: 'Also choose a municipality to search within a distance.',
		field: 'centre'
	});
});

test('axe finds no violations on the search page and the open header box', async ({ page }) => {
	await page.goto('/zoeken?q=robotica&provincie=vlaams-brabant');
	await expectNoAxeViolations(page);
	const box = page.getByRole('combobox', { name: 'Zoeken op Groeistoot' });
	await expect(box).toHaveValue('robotica');
	await box.fill('robot');
	await expect(page.getByRole('listbox', { name: 'Zoekresultaten' })).toBeVisible();
	await box.press('ArrowDown');
	await expectNoAxeViolations(page);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the header box and the search page are plain GET forms', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('searchbox', { name: 'Zoeken op Groeistoot' }).fill('robotica');
		await page.getByRole('button', { name: 'Zoek', exact: true }).click();
		await expect(page).toHaveURL(/\/zoeken\?q=robotica$/);
		await expect(page.getByRole('searchbox', { name: 'Zoek naar' })).toHaveValue('robotica');
		expect((await resultTitles(page)).length).toBeGreaterThan(0);

		await page.getByRole('checkbox', { name: /^Vlaams-Brabant/ }).check();
		await page.getByRole('button', { name: 'Filters toepassen' }).click();
		await expect(page).toHaveURL(/q=robotica/);
		await expect(page).toHaveURL(/provincie=vlaams-brabant/);
		await expect(page.getByRole('checkbox', { name: /^Vlaams-Brabant/ })).toBeChecked();

		// A typed municipality becomes its NIS code in the URL.
		await page.getByRole('combobox', { name: 'Binnen' }).selectOption('15');
		await page.getByLabel('van gemeente', { exact: true }).fill('Leuven');
		await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
		await expect(page).toHaveURL(/van=24062/);
		await expect(page.getByRole('list', { name: 'Gekozen filters' })).toContainText(
			'Binnen 15 km van Leuven'
		);
	});

	test('on a phone the filters are a section after the results, and the map is a still map of links', async ({
		page
	}) => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto('/zoeken?q=robotica');
		await page.getByRole('link', { name: 'Filters', exact: true }).click();
		await expect(page).toHaveURL(/#filters$/);
		const filters = page.getByRole('complementary', { name: 'Filters' });
		await expect(filters).toBeInViewport();
		await filters.getByRole('checkbox', { name: /^Antwerpen/ }).check();
		await filters.getByRole('button', { name: 'Filters toepassen' }).click();
		await expect(page).toHaveURL(/provincie=antwerpen/);
		await expect(page.getByRole('link', { name: 'Filters (1 gekozen)' })).toBeVisible();

		// "meer" opens without JavaScript too.
		const age = filters.getByRole('group', { name: 'Leeftijd' });
		await expect(age.getByRole('checkbox', { name: /^16 jaar/ })).toBeHidden();
		await age.getByText(/^meer \(\d+\)$/).click();
		await expect(age.getByRole('checkbox', { name: /^16 jaar/ })).toBeVisible();

		await page.goto('/zoeken?binnen=10&van=44021&weergave=kaart');
		const map = page.getByRole('group', { name: /Kaart van de zoekresultaten/ });
		await expect(map).toBeVisible();
		const points = map.getByRole('link');
		expect(await points.count()).toBeGreaterThan(0);
		// The list stays under the map, with the same results.
		expect((await resultTitles(page)).length).toBe(await points.count());
		await expect(page.getByRole('button', { name: 'Inzoomen', exact: true })).toHaveCount(0);
	});

	test('the results are paged with plain links', async ({ page }) => {
		// Every published activity (the seed has hundreds): surely more than one page of 20.
		await page.goto('/zoeken?type=activity');
		const pages = page.getByRole('navigation', { name: 'Paginering van de zoekresultaten' });
		await expect(pages.getByRole('link', { name: 'Pagina 1', exact: true })).toHaveAttribute(
			'aria-current',
			'page'
		);
		const first = await resultTitles(page);
		expect(first).toHaveLength(20);
		await pages.getByRole('link', { name: 'Volgende pagina' }).click();
		await expect(page).toHaveURL(/pagina=2/);
		await expect(pages.getByRole('link', { name: 'Pagina 2', exact: true })).toHaveAttribute(
			'aria-current',
			'page'
		);
		const second = await resultTitles(page);
		expect(second.length).toBeGreaterThan(0);
		expect(second).not.toEqual(first);
	});
});

test.describe('on a phone', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	test('the first result shows on the first screen and the Filters button opens the filters', async ({
		page
	}) => {
		await page.goto('/zoeken?q=robotica');
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		const first = results(page).getByRole('article').first();
		const top = (await first.boundingBox())?.y ?? Infinity;
		expect(top).toBeLessThan(844 - 100);
		const widths = await page.evaluate(() => [
			document.documentElement.scrollWidth,
			document.documentElement.clientWidth
		]);
		expect(widths[0]).toBe(widths[1]);
		await expectNoAxeViolations(page);

		const open = page.getByRole('button', { name: 'Filters', exact: true });
		const sheet = page.getByRole('dialog', { name: 'Filters' });
		await expect(sheet).toBeHidden();
		await open.click();
		await expect(sheet).toBeVisible();
		await expectNoAxeViolations(page);
		const province = sheet.getByRole('checkbox', { name: /^Antwerpen/ });
		const box = await province.locator('xpath=ancestor::label').boundingBox();
		expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
		await province.check();
		await expect(page).toHaveURL(/provincie=antwerpen/);
		// The sheet stays open while filters change; its button shows the new count and closes it.
		const show = sheet.getByRole('button', { name: /^Toon \d+ resultaten$/ });
		await expect(show).toBeVisible();
		const count = (await show.innerText()).match(/\d+/)?.[0] ?? '';
		await show.click();
		await expect(sheet).toBeHidden();
		await expect(page.getByRole('status')).toContainText(count);
		await expect(page.getByRole('button', { name: 'Filters (1 gekozen)' })).toBeFocused();
	});

	test('a chip removes its filter, and "Wis alle filters" removes them all', async ({ page }) => {
		await page.goto('/zoeken?q=robotica&provincie=vlaams-brabant&leeftijd=10');
		const chips = page.getByRole('list', { name: 'Gekozen filters' });
		await chips.getByRole('link', { name: 'Verwijder filter: Provincie: Vlaams-Brabant' }).click();
		await expect(page).not.toHaveURL(/provincie=/);
		await expect(page).toHaveURL(/leeftijd=10/);
		await expect(chips).not.toContainText('Vlaams-Brabant');

		await page.goto('/zoeken?q=robotica&provincie=vlaams-brabant&leeftijd=10');
		await chips.getByRole('link', { name: 'Wis alle filters' }).click();
		await expect(page).toHaveURL(/\/zoeken\?q=robotica$/);
		await expect(chips).toBeHidden();
	});

	test('a long facet list shows five values and the rest behind "meer"; a chosen one stays', async ({
		page
	}) => {
		await page.goto('/zoeken?q=robotica&leeftijd=17');
		await page.getByRole('button', { name: 'Filters (1 gekozen)' }).click();
		const age = page
			.getByRole('dialog', { name: 'Filters' })
			.getByRole('group', { name: 'Leeftijd' });
		await expect(age.getByRole('checkbox', { name: /^17 jaar/ })).toBeVisible();
		await expect(age.getByRole('checkbox', { name: /^17 jaar/ })).toBeChecked();
		await expect(age.getByRole('checkbox', { name: /^15 jaar/ })).toBeHidden();
		await age.getByText(/^meer \(\d+\)$/).click();
		await expect(age.getByRole('checkbox', { name: /^15 jaar/ })).toBeVisible();
	});

	test('the map fits the phone and its controls are big enough', async ({ page }) => {
		await page.goto('/zoeken?binnen=10&van=44021&weergave=kaart');
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		const zoomIn = page.getByRole('button', { name: 'Inzoomen', exact: true });
		const box = await zoomIn.boundingBox();
		expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
		const widths = await page.evaluate(() => [
			document.documentElement.scrollWidth,
			document.documentElement.clientWidth
		]);
		expect(widths[0]).toBe(widths[1]);
		await expectNoAxeViolations(page);
	});
});
