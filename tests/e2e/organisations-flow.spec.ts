import { expect, newAccount, register, signIn, test } from './support';
import { createOrganisation, isoDay, uniqueName } from './organisations-support';

// Herstappe (NIS 73028), Flanders' smallest municipality: few activities, so a new one is on its page.
const HERSTAPPE = '73028';

test('a coordinator creates an academy and publishes an activity; a visitor finds it; staff verify it', async ({
	page,
	browser
}) => {
	const academy = uniqueName('STEM-academie Herstappe');
	const activity = uniqueName('Robots bouwen');

	await test.step('a coordinator registers and creates an academy', async () => {
		await register(page, newAccount('Lotte Janssens'));
		await page.goto('/mijn-organisaties');
		await expect(page.getByText('Je hoort nog bij geen enkele organisatie.')).toBeVisible();
		await page.getByRole('link', { name: 'Nieuwe organisatie' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe organisatie' })).toBeVisible();
		await createOrganisation(page, { name: academy });
		await expect(page.getByText('Jouw rol: Eigenaar')).toBeVisible();
		// What needs doing says the academy is not verified yet, and how to help that along.
		const todo = page.getByRole('region', { name: 'Wat moet er nog gebeuren?' });
		await expect(todo).toContainText('Niet geverifieerd');
		await expect(todo.getByRole('link', { name: 'Gegevens aanvullen' })).toBeVisible();
	});

	await test.step('the academy appears under Mijn organisaties with the role owner', async () => {
		await page.goto('/mijn-organisaties');
		await expect(page.getByRole('link', { name: academy })).toBeVisible();
		await expect(page.getByText('jouw rol: Eigenaar')).toBeVisible();
		await page.getByRole('link', { name: academy }).click();
	});

	await test.step('create a draft activity and publish it', async () => {
		await page.getByRole('link', { name: 'Nieuwe activiteit' }).first().click();
		await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe activiteit' })).toBeVisible();
		await page.getByLabel('Titel').fill(activity);
		await page.getByLabel('Beschrijving').fill('We bouwen en programmeren een kleine robot.');
		await page.getByRole('checkbox', { name: 'Programmeren' }).check();
		await page.getByRole('checkbox', { name: 'Techniek' }).check();
		await page.getByLabel('Formaat').selectOption({ label: 'Korte reeks' });
		await page.getByLabel('Vanaf leeftijd').fill('9');
		await page.getByLabel('Tot en met leeftijd').fill('12');
		await page.getByLabel('Startdatum').fill(isoDay(1));
		await page.getByLabel('Einddatum').fill(isoDay(29));
		await page.getByLabel('Aantal sessies').fill('5');
		await page.getByLabel('Locatie', { exact: true }).fill('Gemeentezaal');
		await expect(page.getByRole('combobox', { name: 'Gemeente' })).toHaveValue(
			'Herstappe — Limburg'
		);
		await page.getByLabel('Prijs in euro').fill('25');
		await page.getByLabel('Verminderd tarief in euro').fill('5');
		await page.getByRole('button', { name: 'Concept opslaan' }).click();

		await expect(page.getByRole('status')).toHaveText(/als concept opgeslagen/);
		await expect(page.getByText('Status: Concept')).toBeVisible();
		await page.getByRole('button', { name: 'Publiceren' }).click();
		await expect(page.getByRole('status')).toHaveText(
			'De activiteit is gepubliceerd. Iedereen kan ze nu vinden.'
		);
		await expect(page.getByText('Status: Gepubliceerd')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Publiceren' })).toBeHidden();
	});

	await test.step('the activity list shows it as published', async () => {
		await page
			.getByRole('navigation', { name: `Beheer van ${academy}` })
			.getByRole('link', {
				name: 'Activiteiten'
			})
			.click();
		const row = page.getByRole('row', { name: new RegExp(activity) });
		await expect(row).toContainText('Gepubliceerd');
	});

	await test.step('a visitor finds it on the municipality page', async () => {
		const visitor = await browser.newContext();
		const visitorPage = await visitor.newPage();
		await visitorPage.goto(`/gemeenten/${HERSTAPPE}`);
		await expect(visitorPage.getByRole('heading', { level: 1, name: 'Herstappe' })).toBeVisible();
		await visitorPage.getByRole('link', { name: activity }).click();
		await expect(visitorPage.getByRole('heading', { level: 1, name: activity })).toBeVisible();
		await visitor.close();
	});

	await test.step('network staff verify the academy and the audit trail shows it', async () => {
		const staff = await browser.newContext();
		const staffPage = await staff.newPage();
		await signIn(staffPage, 'netwerk@groeistoot.test', 'groeistoot-demo');
		await expect(staffPage.getByRole('banner')).toContainText('Aangemeld als');
		await staffPage.goto('/netwerk/verificatie');
		await expect(
			staffPage.getByRole('heading', { level: 1, name: 'Verificatie van organisaties' })
		).toBeVisible();
		await staffPage.getByRole('searchbox', { name: 'Zoek op naam' }).fill(academy);
		await staffPage.getByRole('button', { name: 'Zoeken' }).click();
		const card = staffPage.getByRole('article', { name: academy });
		// A compact row: its name leads to the public page; the form only shows once the row is opened.
		await expect(card.getByRole('link', { name: academy })).toHaveAttribute(
			'href',
			/^\/academies\//
		);
		const note = card.getByLabel(`Notitie bij de beslissing over ${academy} (niet verplicht)`);
		await expect(note).toBeHidden();
		await card.getByText('Beoordelen').click();
		await note.fill('Gebeld met de coördinator.');
		await card.getByRole('button', { name: `${academy} verifiëren` }).click();
		await expect(staffPage.getByRole('status').first()).toHaveText(
			'De organisatie is geverifieerd.'
		);

		await staffPage.getByRole('link', { name: 'Geverifieerd', exact: true }).click();
		await staffPage.getByRole('searchbox', { name: 'Zoek op naam' }).fill(academy);
		await staffPage.getByRole('button', { name: 'Zoeken' }).click();
		await staffPage.getByRole('article', { name: academy }).getByText('Beoordelen').click();
		const trail = staffPage.getByRole('region', { name: `Historiek van ${academy}` });
		await expect(trail).toContainText('geverifieerd door');
		await expect(trail).toContainText('Gebeld met de coördinator.');
		await expect(
			staffPage.getByRole('button', { name: `Verificatie van ${academy} intrekken` })
		).toBeVisible();
		await staff.close();
	});

	await test.step('the coordinator sees the academy verified', async () => {
		await page.goto('/mijn-organisaties');
		await expect(page.getByRole('listitem').filter({ hasText: academy })).toContainText(
			'Geverifieerd'
		);
	});
});
