import { createOrganisation, uniqueName } from './organisations-support';
import { existingAccount, expect, gotoHydrated, holdScripts, signIn, test } from './support';

// On a slow connection people type before the page's JavaScript has run; hydration must not wipe it.

test('what is typed before the page is interactive stays when it hydrates', async ({ page }) => {
	const release = await holdScripts(page);
	await page.goto('/registreren', { waitUntil: 'commit' });
	await page.getByLabel('Naam').fill('Noor Janssens');
	await page.getByLabel('E-mailadres').fill('noor@example.be');
	await expect(page.locator('html[data-hydrated]')).toHaveCount(0);

	release();
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await expect(page.getByLabel('Naam')).toHaveValue('Noor Janssens');
	await expect(page.getByLabel('E-mailadres')).toHaveValue('noor@example.be');
});

test('a radio button and checkboxes chosen before hydration stay chosen, and the form follows them', async ({
	page
}) => {
	const account = await existingAccount('Lotte Maes');
	await signIn(page, account.email, account.password);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Wat vraagt jouw aandacht?' })
	).toBeVisible();

	const release = await holdScripts(page);
	await page.goto('/organisaties/nieuw', { waitUntil: 'commit' });
	await page.getByRole('radio', { name: 'Partner' }).check();
	await page.getByLabel('Soort partner').selectOption({ label: 'FabLab' });
	await page.getByLabel('Naam van de organisatie').fill(uniqueName('FabLab De Schakel'));
	await expect(page.locator('html[data-hydrated]')).toHaveCount(0);

	release();
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await expect(page.getByRole('radio', { name: 'Partner' })).toBeChecked();
	// The form knows the kind: the partner's own question shows.
	await expect(page.getByLabel('Soort partner')).toBeVisible();
	await expect(page.getByLabel('Soort partner').locator('option:checked')).toHaveText('FabLab');

	// Checkboxes: the offer form of a new organisation, ticked before its scripts run.
	await page.unrouteAll();
	const slug = await createOrganisation(page, {
		name: uniqueName('Bedrijf Vonk'),
		kind: 'Bedrijf'
	});
	const releaseOffer = await holdScripts(page);
	await page.goto(`/organisaties/${slug}/aanbod/nieuw`, { waitUntil: 'commit' });
	const first = page.getByRole('checkbox').first();
	await first.check();
	releaseOffer();
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await expect(first).toBeChecked();
});

test('the same form for another organisation, opened by a link, starts from its own values, not from what was left unsaved', async ({
	page
}) => {
	const account = await existingAccount('Jonas Wouters');
	await signIn(page, account.email, account.password);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Wat vraagt jouw aandacht?' })
	).toBeVisible();
	const first = uniqueName('Bedrijf Eerste');
	const second = uniqueName('Bedrijf Tweede');
	const firstSlug = await createOrganisation(page, { name: first, kind: 'Bedrijf' });
	const secondSlug = await createOrganisation(page, { name: second, kind: 'Bedrijf' });

	await page.goto(`/organisaties/${firstSlug}/aanbod/nieuw`);
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	const title = page.getByLabel('Titel', { exact: true });
	await title.fill('Half getypt voor de eerste');
	await page.getByRole('checkbox').first().check();

	// A link to the other organisation's same page: SvelteKit navigates without loading a new document.
	await page.evaluate((href) => {
		const link = Object.assign(document.createElement('a'), {
			href,
			textContent: 'Naar de andere'
		});
		document.querySelector('main')!.prepend(link);
	}, `/organisaties/${secondSlug}/aanbod/nieuw`);
	await page.evaluate(() => Object.assign(window, { sameDocument: true }));
	await page.getByRole('link', { name: 'Naar de andere' }).click();
	await page.waitForURL(`**/organisaties/${secondSlug}/aanbod/nieuw`);
	await expect(page.getByText(second).first()).toBeVisible();
	expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);

	await expect(title).toHaveValue('');
	await expect(page.getByRole('checkbox').first()).not.toBeChecked();
});

test('a page that hydrates writes no language of its own', async ({ page }) => {
	await gotoHydrated(page, '/aanmelden');
	const cookies = await page.context().cookies(new URL(page.url()).origin);
	expect(cookies.map((cookie) => cookie.name)).not.toContain('PARAGLIDE_LOCALE');
});

test('a page that hydrates late leaves a language chosen meanwhile as it was', async ({ page }) => {
	const release = await holdScripts(page);
	await page.goto('/aanmelden');
	await expect(page.locator('html[data-hydrated]')).toHaveCount(0);
	// Another tab switches to English while this Dutch page still waits for its scripts.
	const origin = new URL(page.url()).origin;
	await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: origin }]);

	release();
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	// The Dutch page stays Dutch once it runs, and writes no language of its own.
	await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
	const cookies = await page.context().cookies(origin);
	expect(cookies.find((cookie) => cookie.name === 'PARAGLIDE_LOCALE')?.value).toBe('en');
	await page.goto('/aanmelden');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});
