import { expect, expectNoAxeViolations, newAccount, register, test } from './support';

for (const [name, path] of [
	['home', '/'],
	['register', '/registreren'],
	['sign-in', '/aanmelden'],
	['sign-in link', '/aanmelden/link'],
	['forgot password', '/wachtwoord-vergeten']
] as const) {
	test(`axe finds no violations on the ${name} page`, async ({ page }) => {
		await page.goto(path);
		await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
		await expectNoAxeViolations(page);
	});
}

test('axe finds no violations on the profile page, also with field errors', async ({ page }) => {
	await register(page, newAccount());
	await expectNoAxeViolations(page);

	await page.getByLabel('Naam').fill('');
	await page.getByRole('combobox', { name: 'Gemeente' }).fill('Atlantis');
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	await expectNoAxeViolations(page);
});

test('the skip link moves focus to the main content', async ({ page }) => {
	await page.goto('/');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Ga naar de inhoud' });
	await expect(skip).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('main')).toBeFocused();
});
