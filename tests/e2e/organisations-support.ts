// Steps shared by the organisation specs: create an organisation through the form, as a person would.
import { expect, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';

export type Kind = 'STEM-academie' | 'School' | 'Bedrijf' | 'Partner';

/** A name no other test run uses, so slugs never collide between runs. */
export function uniqueName(base: string): string {
	return `${base} ${randomUUID().slice(0, 6)}`;
}

export async function chooseMunicipality(page: Page, typed: string, option: string): Promise<void> {
	const municipality = page.getByRole('combobox', { name: 'Gemeente' });
	await municipality.fill('');
	await municipality.pressSequentially(typed);
	await page.getByRole('option', { name: option }).click();
	await expect(municipality).toHaveValue(option);
}

/** Creates an organisation and waits for its management page; returns its slug. */
export async function createOrganisation(
	page: Page,
	{ name, kind = 'STEM-academie', partnerType }: { name: string; kind?: Kind; partnerType?: string }
): Promise<string> {
	await page.goto('/organisaties/nieuw');
	await page.getByRole('radio', { name: kind }).check();
	if (partnerType) await page.getByLabel('Soort partner').selectOption({ label: partnerType });
	await page.getByLabel('Naam van de organisatie').fill(name);
	await chooseMunicipality(page, 'herstap', 'Herstappe — Limburg');
	await page.getByRole('button', { name: 'Organisatie aanmaken' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	await expect(page.getByRole('status')).toHaveText(
		'Je organisatie is aangemaakt. Jij bent de eigenaar.'
	);
	const slug = new URL(page.url()).pathname.split('/')[2];
	expect(slug).toBeTruthy();
	return slug!;
}

/** A date `days` from today, as a date input wants it. */
export function isoDay(days: number): string {
	const date = new Date();
	date.setDate(date.getDate() + days);
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(date);
}
