import { expect, test } from './support';

// On a slow connection people type before the page's JavaScript has run; hydration must not wipe it.
test('what is typed before the page is interactive stays when it hydrates', async ({ page }) => {
	let release!: () => void;
	const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**', async (route) => {
		await scriptsHeld;
		await route.continue();
	});
	await page.goto('/registreren', { waitUntil: 'commit' });
	await page.getByLabel('Naam').fill('Noor Janssens');
	await page.getByLabel('E-mailadres').fill('noor@example.be');
	await expect(page.locator('html[data-hydrated]')).toHaveCount(0);

	release();
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await expect(page.getByLabel('Naam')).toHaveValue('Noor Janssens');
	await expect(page.getByLabel('E-mailadres')).toHaveValue('noor@example.be');
});
