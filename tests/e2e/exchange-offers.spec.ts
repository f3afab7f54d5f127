import type { Page } from '@playwright/test';
import { expect, newAccount, register, test } from './support';
import {
	chooseMunicipality,
	createOrganisation,
	isoDay,
	uniqueName
} from './organisations-support';

async function fillSlot(page: Page, row: number, day: string, from: string, until: string) {
	await page.getByLabel(`Dag (moment ${row})`).selectOption({ label: day });
	await page.getByLabel(`Van (moment ${row})`).fill(from);
	await page.getByLabel(`Tot (moment ${row})`).fill(until);
}

test('a school publishes its lab; an academy next door asks for a venue and sees it on top', async ({
	page,
	browser
}) => {
	const school = uniqueName('Basisschool De Klimop');
	const lab = uniqueName('Labo wetenschappen');
	const academy = uniqueName('STEM-academie Heuvelland');
	const request = uniqueName('Een labo op woensdagnamiddag');
	let schoolSlug = '';

	await test.step('a school registers and creates its organisation', async () => {
		await register(page, newAccount('Els Vermeulen'));
		schoolSlug = await createOrganisation(page, { name: school, kind: 'School' });
		await page.goto(`/organisaties/${schoolSlug}/aanbod`);
		await expect(page.getByRole('heading', { name: 'Nog geen aanbod' })).toBeVisible();
		await page.getByRole('link', { name: 'Nieuw aanbod' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Nieuw aanbod' })).toBeVisible();
	});

	await test.step('bad input gets Dutch messages next to the fields, and nothing is written', async () => {
		await page.getByLabel('Titel').fill(lab);
		await page.getByLabel('Soort lokaal').selectOption({ label: 'Labo wetenschappen' });
		await page.getByLabel('Capaciteit (personen)').fill('0');
		await page.getByLabel('Vergoeding in euro').fill('-5');
		await page.getByLabel('Beschikbaar vanaf').fill(isoDay(0));
		await page.getByLabel('Beschikbaar tot en met').fill(isoDay(-10));
		await fillSlot(page, 1, 'woensdag', '17:00', '13:00');
		await chooseMunicipality(page, 'mesen', 'Mesen — West-Vlaanderen');
		await page.getByRole('button', { name: 'Aanbod publiceren' }).click();

		await expect(page.getByRole('alert')).toHaveText(
			'Niet alles is goed ingevuld. Bekijk de meldingen bij de velden.'
		);
		await expect(page.getByLabel('Capaciteit (personen)')).toHaveAccessibleDescription(
			'De capaciteit moet groter zijn dan 0.'
		);
		await expect(page.getByLabel('Tot (moment 1)')).toHaveAccessibleDescription(
			'Het einduur moet na het beginuur liggen.'
		);
		await expect(page.getByLabel('Vergoeding in euro')).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByLabel('Beschikbaar tot en met')).toHaveAccessibleDescription(
			'De einddatum mag niet voor de begindatum liggen.'
		);
		// What was typed is kept.
		await expect(page.getByLabel('Titel')).toHaveValue(lab);
		await expect(page.getByLabel('Van (moment 1)')).toHaveValue('17:00');

		await page.goto(`/organisaties/${schoolSlug}/aanbod`);
		await expect(page.getByRole('heading', { name: 'Nog geen aanbod' })).toBeVisible();
	});

	await test.step('the school publishes the lab with Wednesday 13:00–17:00', async () => {
		await page.getByRole('link', { name: 'Nieuw aanbod' }).click();
		await page.getByLabel('Titel').fill(lab);
		await page.getByLabel('Soort lokaal').selectOption({ label: 'Labo wetenschappen' });
		await page.getByLabel('Capaciteit (personen)').fill('24');
		await page.getByRole('checkbox', { name: 'Gratis' }).check();
		await page.getByLabel('Beschikbaar vanaf').fill(isoDay(0));
		await page.getByLabel('Beschikbaar tot en met').fill(isoDay(180));
		await fillSlot(page, 1, 'woensdag', '13:00', '17:00');
		await chooseMunicipality(page, 'mesen', 'Mesen — West-Vlaanderen');
		await page.getByLabel('Straal in km').fill('25');
		await page.getByRole('button', { name: 'Aanbod publiceren' }).click();
		await expect(page.getByRole('status')).toHaveText('Je aanbod is gepubliceerd.');
		await expect(page.getByLabel('Dag (moment 1)')).toHaveValue('3');
	});

	const academyContext = await browser.newContext();
	const academyPage = await academyContext.newPage();
	try {
		await test.step('an academy in the next municipality asks for a venue', async () => {
			await register(academyPage, newAccount('Tom Declercq'));
			const slug = await createOrganisation(academyPage, { name: academy });
			await academyPage.goto(`/organisaties/${slug}/vragen/nieuw`);
			await academyPage.getByLabel('Wat zoeken jullie?').selectOption({ label: 'Een lokaal' });
			await academyPage.getByLabel('Titel').fill(request);
			await academyPage.getByLabel('Hoeveel (bijvoorbeeld 16 kinderen)').fill('16 kinderen');
			await fillSlot(academyPage, 1, 'woensdag', '13:30', '16:00');
			await chooseMunicipality(academyPage, 'heuvelland', 'Heuvelland — West-Vlaanderen');
			await academyPage.getByRole('button', { name: 'Vraag publiceren' }).click();
			await expect(academyPage.getByRole('heading', { level: 1, name: request })).toBeVisible();
		});

		await test.step('the lab is the top suggestion, with its distance and the free time', async () => {
			const suggestions = academyPage.getByRole('region', { name: 'Suggesties' });
			const first = suggestions.getByRole('listitem').first();
			await expect(first.getByRole('link', { name: lab })).toBeVisible();
			await expect(first).toContainText(/\d+(,\d)? km/);
			await expect(first).toContainText('woensdag 13:30–16:00 vrij');
			await expect(first.getByRole('button', { name: `Voorstel doen aan ${lab}` })).toBeVisible();
		});

		await test.step('a visitor sees the request but not the suggestions', async () => {
			const url = academyPage.url();
			const visitor = await browser.newPage();
			await visitor.goto(url);
			await expect(visitor.getByRole('heading', { level: 1, name: request })).toBeVisible();
			await expect(visitor.getByRole('region', { name: 'Suggesties' })).toHaveCount(0);
			await visitor.close();
		});
	} finally {
		await academyContext.close();
		// Leave no active lab behind for later runs.
		await page.getByRole('button', { name: 'Intrekken' }).click();
		await expect(page.getByRole('status')).toHaveText('De status is nu: Ingetrokken.');
	}
});
