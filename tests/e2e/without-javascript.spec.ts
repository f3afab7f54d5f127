import { expect, newAccount, register, signOut, test } from './support';

test.use({ javaScriptEnabled: false });

test('without JavaScript one can register, sign in, read and save the profile', async ({
	page
}) => {
	const account = newAccount('Jonas Maes');

	// The form, then the confirmation link from the mail.
	await register(page, account);

	// The account menu is a <details>: it opens and signs out without JavaScript.
	await signOut(page);

	await page.goto('/aanmelden');
	await page.getByLabel('E-mailadres').fill(account.email);
	await page.getByLabel('Wachtwoord').fill(account.password);
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Wat vraagt jouw aandacht?' })
	).toBeVisible();
	await page.goto('/profiel');
	await expect(page.getByRole('heading', { level: 1, name: 'Mijn profiel' })).toBeVisible();
	await expect(page.getByLabel('Naam')).toHaveValue(account.name);

	await page.getByRole('textbox', { name: 'Gemeente', exact: true }).fill('brussel');
	await page.getByRole('checkbox', { name: 'Bedrijfsvertegenwoordiger' }).check();
	await page.getByRole('radio', { name: 'Iedereen' }).check();
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByRole('status')).toHaveText('Je profiel is opgeslagen.');

	await page.goto('/profiel');
	await expect(page.getByRole('textbox', { name: 'Gemeente', exact: true })).toHaveValue(
		'Brussel — Brussels Hoofdstedelijk Gewest'
	);
	await expect(page.getByRole('checkbox', { name: 'Bedrijfsvertegenwoordiger' })).toBeChecked();
});

test('without JavaScript the language switch turns the page into English and back', async ({
	page
}) => {
	await page.goto('/aanmelden');
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page).toHaveURL(/\/aanmelden$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

	await page.getByRole('button', { name: 'Nederlands' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
});
