import type { Page } from '@playwright/test';
import { expect, newAccount, register, test } from './support';
import { isoDay, uniqueName } from './organisations-support';

// The offer form without JavaScript: more weekly moments than the four first rows, and an area given as a
// list of municipalities instead of a radius, with Dutch messages for what cannot be right. In the
// Voerstreek, away from the Westhoek where the matching specs expect to be alone.
test.use({ javaScriptEnabled: false });

async function fillSlot(page: Page, row: number, day: string, from: string, until: string) {
	await page.getByLabel(`Dag (moment ${row})`).selectOption({ label: day });
	await page.getByLabel(`Van (moment ${row})`).fill(from);
	await page.getByLabel(`Tot (moment ${row})`).fill(until);
}

test('without JavaScript a school adds a fifth moment and serves a list of municipalities', async ({
	page
}) => {
	const school = uniqueName('Middenschool Ter Heide');
	const room = uniqueName('Makerspace');
	await register(page, newAccount('Lien Maes'));

	await page.goto('/organisaties/nieuw');
	await page.getByRole('radio', { name: 'School' }).check();
	await page.getByLabel('Naam van de organisatie').fill(school);
	await page.getByRole('textbox', { name: 'Gemeente', exact: true }).fill('Voeren');
	await page.getByRole('button', { name: 'Organisatie aanmaken' }).click();
	await expect(page.getByRole('heading', { level: 1, name: school })).toBeVisible();
	const slug = new URL(page.url()).pathname.split('/')[2]!;

	await page.goto(`/organisaties/${slug}/aanbod/nieuw`);
	await page.getByLabel('Titel').fill(room);
	await page.getByLabel('Soort lokaal').selectOption({ label: 'Werkplaats of makerspace' });
	await page.getByLabel('Capaciteit (personen)').fill('16');
	await page.getByLabel('Beschikbaar vanaf').fill(isoDay(0));
	await page.getByLabel('Beschikbaar tot en met').fill(isoDay(200));
	await fillSlot(page, 1, 'maandag', '16:00', '18:00');
	await fillSlot(page, 2, 'dinsdag', '16:00', '18:00');
	await fillSlot(page, 3, 'woensdag', '13:00', '17:00');
	await fillSlot(page, 4, 'donderdag', '16:00', '18:00');
	await expect(page.getByLabel('Dag (moment 5)')).toHaveCount(0);

	await test.step('"Nog een moment toevoegen" gives a fifth row and keeps what was typed', async () => {
		await page.getByRole('button', { name: 'Nog een moment toevoegen' }).click();
		await expect(page.getByLabel('Dag (moment 5)')).toBeVisible();
		await expect(page.getByLabel('Titel')).toHaveValue(room);
		await expect(page.getByLabel('Van (moment 3)')).toHaveValue('13:00');
		await fillSlot(page, 5, 'zaterdag', '09:00', '12:00');
	});

	await test.step('neither radius nor municipalities: a message next to the radius', async () => {
		await page.getByRole('textbox', { name: 'Gemeente', exact: true }).fill('Voeren');
		await page.getByLabel('Straal in km').fill('');
		await page.getByRole('button', { name: 'Aanbod publiceren' }).click();
		await expect(page.getByLabel('Straal in km')).toHaveAccessibleDescription(
			/Kies een straal in km of de gemeenten die je bedient\./
		);
		await expect(page.getByLabel('Van (moment 5)')).toHaveValue('09:00');
	});

	await test.step('an unknown municipality is named in the message', async () => {
		await page.getByLabel('Gekozen gemeenten (niet verplicht)').fill('Voeren\nNergensdorp');
		await page.getByRole('button', { name: 'Aanbod publiceren' }).click();
		await expect(page.getByLabel('Gekozen gemeenten (niet verplicht)')).toHaveAccessibleDescription(
			/Deze gemeenten kennen we niet: Nergensdorp\./
		);
	});

	await test.step('with known municipalities the room is published with its five moments', async () => {
		await page.getByLabel('Gekozen gemeenten (niet verplicht)').fill('Voeren\nRiemst\nLanaken');
		await page.getByRole('button', { name: 'Aanbod publiceren' }).click();
		await expect(page.getByRole('status')).toHaveText('Je aanbod is gepubliceerd.');
		await expect(page.getByLabel('Dag (moment 5)')).toHaveValue('6');
		await expect(page.getByLabel('Van (moment 5)')).toHaveValue('09:00');
		await expect(page.getByLabel('Gekozen gemeenten (niet verplicht)')).toHaveValue(
			/Voeren[\s\S]*Riemst[\s\S]*Lanaken/
		);
	});
});
