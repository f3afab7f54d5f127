// The app shell around every page: the menus (with and without JavaScript), the current section marked, the
// "page not found" page, the icons and manifest, and what a printed page leaves out.
import { accountMenu, expect, openAccountMenu, signIn, test } from './support';

test('on a phone the Menu button opens the sections; Escape, a click outside and a navigation close it', async ({
	page
}) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('/academies');
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	const banner = page.getByRole('banner');
	const menu = banner.getByText('Menu', { exact: true });
	const academies = banner.getByRole('link', { name: 'Academies', exact: true });
	await expect(academies).toBeHidden();

	await menu.click();
	await expect(academies).toBeVisible();
	await expect(academies).toHaveAttribute('aria-current', 'page');
	await page.keyboard.press('Escape');
	await expect(academies).toBeHidden();

	await menu.click();
	// Below the open panel, on the page.
	await page.mouse.click(195, 800);
	await expect(academies).toBeHidden();

	await menu.click();
	await banner.getByRole('link', { name: 'Scholen', exact: true }).click();
	await expect(page).toHaveURL(/\/scholen$/);
	await expect(banner.getByRole('link', { name: 'Scholen', exact: true })).toBeHidden();
});

test('on a laptop the sections are dropdowns on one line; the current one is marked', async ({
	page
}) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/aanbod');
	// Opening one dropdown closes the other once the page has hydrated; a click before that can race it.
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	const nav = page.getByRole('banner').getByRole('navigation', { name: 'Hoofdnavigatie' });
	await expect(nav.getByText('Uitwisselen')).toHaveAttribute('aria-current', 'true');
	await expect(nav.getByText('Ontdekken')).not.toHaveAttribute('aria-current');
	await nav.getByText('Uitwisselen').click();
	await expect(nav.getByRole('link', { name: 'Aanbod' })).toHaveAttribute('aria-current', 'page');
	// Opening one closes the other.
	await nav.getByText('Ontdekken').click();
	await expect(nav.getByRole('link', { name: 'Academies' })).toBeVisible();
	await expect(nav.getByRole('link', { name: 'Aanbod' })).toBeHidden();
});

test('the account menu names the person with the unread count, and Escape returns to its button', async ({
	page
}) => {
	await signIn(page, 'coordinator@groeistoot.test', 'groeistoot-demo');
	await expect(accountMenu(page)).toBeVisible();
	await page.goto('/mijn-organisaties');
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await openAccountMenu(page);
	const banner = page.getByRole('banner');
	await expect(banner.getByRole('link', { name: /^Meldingen, \d+ ongelezen$/ })).toBeVisible();
	await expect(banner.getByRole('link', { name: 'Mijn organisaties' })).toHaveAttribute(
		'aria-current',
		'page'
	);
	await expect(banner.getByRole('link', { name: 'Verificatie' })).toHaveCount(0);
	await page.keyboard.press('Escape');
	await expect(banner.getByRole('button', { name: 'Afmelden' })).toBeHidden();
	// Focus is back on the account button, whose name carries the unread count.
	await expect(page.locator(':focus')).toHaveText(/Account van .*, \d+ ongelezen meldingen/);
});

test('an organisation tab says which page it is, and the strip scrolls on its own on a phone', async ({
	page
}) => {
	await signIn(page, 'coordinator@groeistoot.test', 'groeistoot-demo');
	await expect(accountMenu(page)).toBeVisible();
	await page.setViewportSize({ width: 360, height: 800 });
	await page.goto('/mijn-organisaties');
	await page.getByRole('link', { name: 'STEM-academie De Uitvinders' }).first().click();
	const tabs = page.getByRole('navigation', { name: /^Beheer van / });
	await tabs.getByRole('link', { name: 'Leden' }).click();
	await expect(tabs.getByRole('link', { name: 'Leden' })).toHaveAttribute('aria-current', 'page');
	const height = (await tabs.getByRole('link', { name: 'Leden' }).boundingBox())?.height ?? 0;
	expect(height).toBeGreaterThanOrEqual(44);
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - window.innerWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
});

test('an unknown address is "Pagina niet gevonden" with a search and ways on, in both languages', async ({
	page
}) => {
	const response = await page.goto('/bestaat-niet');
	expect(response?.status()).toBe(404);
	await expect(page).toHaveTitle(/^Pagina niet gevonden/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
	await page.getByRole('main').getByRole('searchbox', { name: 'Zoeken' }).fill('robotica');
	await page.getByRole('main').getByRole('button', { name: 'Zoek' }).click();
	await expect(page).toHaveURL(/\/zoeken\?q=robotica$/);

	await page
		.context()
		.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: new URL(page.url()).origin }]);
	await page.goto('/bestaat-niet');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

test('the icons and the web manifest are there and linked', async ({ page, request }) => {
	await page.goto('/');
	// An ICO starts with 0 0 1 0, a PNG with its signature.
	for (const [selector, magic] of [
		['link[rel="icon"][href$="favicon.ico"]', '00000100'],
		['link[rel="apple-touch-icon"]', '89504e47']
	] as const) {
		const href = await page.locator(selector).getAttribute('href');
		expect(href, selector).toBeTruthy();
		const response = await request.get(href!);
		expect(response.status(), href!).toBe(200);
		expect((await response.body()).subarray(0, 4).toString('hex'), href!).toBe(magic);
	}
	expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toMatch(
		/manifest\.webmanifest$/
	);
	const manifest = (await (await request.get('/manifest.webmanifest')).json()) as {
		name: string;
		lang: string;
		icons: { src: string; sizes: string }[];
	};
	expect(manifest).toMatchObject({ name: 'Groeistoot', lang: 'nl' });
	for (const icon of manifest.icons) {
		expect((await request.get(icon.src)).status(), icon.src).toBe(200);
	}
	expect(manifest.icons.map((icon) => icon.sizes)).toEqual(
		expect.arrayContaining(['192x192', '512x512'])
	);
});

test('a printed page leaves out the header, the footer and the navigation', async ({ page }) => {
	await page.goto('/academies');
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('banner')).toBeHidden();
	await expect(page.getByRole('contentinfo')).toBeHidden();
	await expect(page.getByRole('main')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the Menu button still opens the sections on a phone', async ({ page }) => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto('/');
		const banner = page.getByRole('banner');
		const academies = banner.getByRole('link', { name: 'Academies', exact: true });
		await expect(academies).toBeHidden();
		await banner.getByText('Menu', { exact: true }).click();
		await expect(academies).toBeVisible();
		await academies.click();
		await expect(page).toHaveURL(/\/academies$/);
	});
});
