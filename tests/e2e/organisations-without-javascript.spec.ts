import { expect, newAccount, register, test } from './support';
import { uniqueName } from './organisations-support';

test.use({ javaScriptEnabled: false });

test('without JavaScript one creates an academy, an activity, and publishes it', async ({
	page
}) => {
	const name = uniqueName('STEM-academie Zonder Script');
	await register(page, newAccount('Mira Goossens'));

	await page.goto('/organisaties/nieuw');
	await page.getByRole('radio', { name: 'STEM-academie' }).check();
	await page.getByLabel('Naam van de organisatie').fill(name);
	// Without JavaScript the slug is suggested by the server from the name.
	await page.getByRole('textbox', { name: 'Gemeente', exact: true }).fill('Herstappe');
	await page.getByRole('button', { name: 'Organisatie aanmaken' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	expect(new URL(page.url()).pathname).toMatch(/^\/organisaties\/stem-academie-zonder-script-/);

	await page.getByRole('link', { name: 'Nieuwe activiteit' }).first().click();
	await page.getByLabel('Titel').fill('Programmeren met blokjes');
	await page.getByRole('checkbox', { name: 'Programmeren' }).check();
	await page.getByLabel('Formaat').selectOption({ label: 'Losse activiteit' });
	await page.getByLabel('Vanaf leeftijd').fill('6');
	await page.getByLabel('Tot en met leeftijd').fill('9');
	await page.getByLabel('Startdatum').fill('2027-05-05');
	await page.getByLabel('Einddatum').fill('2027-05-05');
	await page.getByRole('button', { name: 'Concept opslaan' }).click();
	await expect(page.getByRole('status')).toHaveText(/als concept opgeslagen/);
	await page.getByRole('button', { name: 'Publiceren' }).click();
	await expect(page.getByRole('status')).toHaveText(
		'De activiteit is gepubliceerd. Iedereen kan ze nu vinden.'
	);
});
