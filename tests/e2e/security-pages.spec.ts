// The account pages with their new messages (limits, "check your mailbox", expired confirmation link, the
// password change) at a phone's and a laptop's width: no sideways scrolling, and nothing for axe.
import type { Page } from '@playwright/test';
import {
	CHECK_MAIL,
	existingAccount,
	expect,
	expectNoAxeViolations,
	newAccount,
	signIn,
	test
} from './support';

const widths = [360, 1280];

async function expectFits(page: Page) {
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow, `sideways scroll on ${page.url()}`).toBeLessThanOrEqual(0);
}

async function check(page: Page) {
	for (const width of widths) {
		await page.setViewportSize({ width, height: 800 });
		await expectFits(page);
	}
	await expectNoAxeViolations(page);
}

test('signed out: sign-in with an expired confirmation link, register and its answer, forgot password', async ({
	page
}) => {
	await page.goto('/aanmelden?fout=link-verlopen');
	await expect(page.getByRole('alert')).toContainText('Deze bevestigingslink is verlopen');
	await check(page);

	await page.goto('/registreren');
	await check(page);
	const account = newAccount('Maxime Van den Broeck-Vanderstraeten');
	await page.getByLabel('Naam').fill(account.name);
	await page.getByLabel('E-mailadres').fill(account.email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(account.password);
	await page.getByLabel('Herhaal je wachtwoord').fill(account.password);
	await page.getByRole('button', { name: 'Account aanmaken' }).click();
	await expect(page.getByRole('status')).toHaveText(CHECK_MAIL(account.email));
	await check(page);

	await page.goto('/wachtwoord-vergeten');
	await check(page);
});

test('the limit message on the sign-in page', async ({ page }) => {
	const account = await existingAccount('Lars Dewitte');
	// Eleven attempts reach the limit; up to twice that when they straddle the start of a window.
	for (let attempt = 1; attempt <= 21; attempt++) {
		await signIn(page, account.email, `fout-${attempt}`);
		await expect(page.getByRole('alert')).toBeVisible();
		if ((await page.getByRole('alert').textContent())?.startsWith('Te veel pogingen')) break;
	}
	await expect(page.getByRole('alert')).toHaveText(/^Te veel pogingen/);
	await check(page);
});

test('signed in: the profile with its link, and the password change with its messages', async ({
	page
}) => {
	const account = await existingAccount('Elisabeth Verhaegen');
	await signIn(page, account.email, account.password);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Wat vraagt jouw aandacht?' })
	).toBeVisible();
	await page.goto('/profiel');
	await expect(page.getByRole('heading', { level: 1, name: 'Mijn profiel' })).toBeVisible();
	await check(page);

	await page.getByRole('link', { name: 'Wachtwoord wijzigen' }).click();
	await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
	await expect(page.getByLabel('Huidig wachtwoord')).toHaveAttribute('aria-invalid', 'true');
	await check(page);

	await page.goto('/wachtwoord-herstellen');
	await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('Iets-anders-123');
	await page.getByLabel('Herhaal je nieuwe wachtwoord').fill('Iets-anders-123');
	await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
	await expect(page.getByRole('alert')).toContainText('Deze pagina werkt alleen via de link');
	await check(page);
});
