// The whole story of the resource exchange, through the pages only: a school in Poperinge publishes its
// science lab with Wednesday-afternoon slots; an academy in Vleteren (next door) asks for a venue, sees the
// lab on top with its distance and proposes; the school accepts; a second academy cannot book the same
// slot; both sides see the agreement, the notification (header counter and /meldingen) and the thread; a
// company pledges two mentors, the academy proposes, the company accepts, and the academy records the
// mentors' checks. Only the people and their (empty) organisations are arranged beforehand, as postgres
// and through the auth admin API, like the other exchange specs. The Westhoek holds no seeded offers.
import type { Page } from '@playwright/test';
import { expect, openAccountMenu, test } from './support';
import { exchangeFixture, type Person } from './exchange-support';
import { chooseMunicipality, isoDay } from './organisations-support';

const { run, db, person, organisation, pageFor, cleanUp } = exchangeFixture('verhaal');

async function fillSlot(page: Page, row: number, weekday: string, from: string, until: string) {
	await page.getByLabel(`Dag (moment ${row})`).selectOption(weekday);
	await page.getByLabel(`Van (moment ${row})`).fill(from);
	await page.getByLabel(`Tot (moment ${row})`).fill(until);
}

/** Publishes a venue request for Wednesday 14–16 u and returns the page's URL. */
async function askForVenue(page: Page, slug: string, title: string, typed: string, place: string) {
	await page.goto(`/organisaties/${slug}/vragen/nieuw`);
	await page.getByLabel('Wat zoeken jullie?').selectOption('venue');
	await page.getByLabel('Titel').fill(title);
	await page.getByLabel('Hoeveel (bijvoorbeeld 16 kinderen)').fill('16 kinderen');
	await fillSlot(page, 1, '3', '14:00', '16:00');
	await chooseMunicipality(page, typed, place);
	await page.getByRole('button', { name: 'Vraag publiceren' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

let school: Person;
let academyA: Person;
let academyB: Person;
let company: Person;
let schoolSlug: string;
let academyASlug: string;
let academyBSlug: string;
let companySlug: string;
const lab = `Labo wetenschappen ${run}`;
const mentors = `Twee mentoren voor robotica ${run}`;
const requestA = `Een labo op woensdag ${run}`;
const requestB = `Ook een labo op woensdag ${run}`;
const requestMentors = `Mentoren voor ons team ${run}`;

test.beforeAll(async () => {
	await db.connect();
	[school, academyA, academyB, company] = await Promise.all([
		person('school', 'Ann Labo'),
		person('academie-a', 'Bert Vleteren'),
		person('academie-b', 'Cis Tweede'),
		person('bedrijf', 'Dora Mentor')
	]);
	schoolSlug = (await organisation('school', `Sint-Stanislascollege ${run}`, school, '33021')).slug;
	academyASlug = (await organisation('academy', `STEM-academie Vleteren ${run}`, academyA, '33041'))
		.slug;
	academyBSlug = (await organisation('academy', `Codeclub Poperinge ${run}`, academyB, '33021'))
		.slug;
	companySlug = (await organisation('company', `Westhoek Techniek ${run}`, company, '33011')).slug;
});

test.afterAll(cleanUp);

test('a lab is lent, a slot cannot be booked twice, and two mentors are checked', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const schoolPage = await pageFor(browser, school);
	const academyPage = await pageFor(browser, academyA);
	let agreementUrl = '';

	await test.step('the school publishes its science lab with Wednesday-afternoon slots', async () => {
		await schoolPage.goto(`/organisaties/${schoolSlug}/aanbod/nieuw`);
		await schoolPage.getByLabel('Titel').fill(lab);
		await schoolPage.getByLabel('Soort lokaal').selectOption('labo_wetenschappen');
		await schoolPage.getByLabel('Capaciteit (personen)').fill('24');
		await schoolPage.getByRole('checkbox', { name: 'Gratis' }).check();
		await schoolPage.getByLabel('Beschikbaar vanaf').fill(isoDay(0));
		await schoolPage.getByLabel('Beschikbaar tot en met').fill(isoDay(120));
		await fillSlot(schoolPage, 1, '3', '13:00', '17:00');
		await chooseMunicipality(schoolPage, 'popering', 'Poperinge — West-Vlaanderen');
		await schoolPage.getByLabel('Straal in km').fill('15');
		await schoolPage.getByRole('button', { name: 'Aanbod publiceren' }).click();
		await expect(schoolPage.getByRole('status')).toHaveText('Je aanbod is gepubliceerd.');
	});

	await test.step('an academy next door asks for a venue and sees the lab on top, with its distance', async () => {
		await askForVenue(academyPage, academyASlug, requestA, 'vleter', 'Vleteren — West-Vlaanderen');
		const first = academyPage
			.getByRole('region', { name: 'Suggesties' })
			.getByRole('listitem')
			.first();
		await expect(first.getByRole('link', { name: lab })).toBeVisible();
		await expect(first).toContainText(/\d+(,\d)? km/);
		await expect(first).toContainText('woensdag 14:00–16:00 vrij');
		await first.getByRole('button', { name: `Voorstel doen aan ${lab}` }).click();
		await expect(academyPage).toHaveURL(/\/afspraken\/[0-9a-f-]{36}$/);
		await expect(academyPage.getByText('Status: Voorgesteld')).toBeVisible();
		agreementUrl = new URL(academyPage.url()).pathname;
	});

	await test.step('the school sees the counter and the notification, and accepts', async () => {
		await schoolPage.goto('/afspraken');
		await openAccountMenu(schoolPage);
		await expect(
			schoolPage.getByRole('banner').getByRole('link', { name: /^Meldingen, \d+ ongelezen$/ })
		).toBeVisible();
		await schoolPage.goto('/meldingen');
		await expect(
			schoolPage.getByRole('link', { name: new RegExp(`Nieuw voorstel van .*${requestA}`) })
		).toBeVisible();
		await schoolPage.goto('/afspraken');
		await schoolPage.getByRole('link', { name: requestA }).click();
		await schoolPage.getByRole('button', { name: 'Aanvaarden' }).click();
		await expect(schoolPage.getByRole('status').first()).toContainText('De afspraak is aanvaard.');
		await expect(schoolPage.getByText('Status: Aanvaard')).toBeVisible();
		await schoolPage.getByLabel('Je bericht').fill('Welkom! Het labo staat klaar.');
		await schoolPage.getByRole('button', { name: 'Bericht versturen' }).click();
		await expect(schoolPage.getByText('Welkom! Het labo staat klaar.')).toBeVisible();
	});

	await test.step('a second academy cannot book the same slot', async () => {
		const second = await pageFor(browser, academyB);
		await askForVenue(second, academyBSlug, requestB, 'popering', 'Poperinge — West-Vlaanderen');
		const suggestions = second.getByRole('region', { name: 'Suggesties' });
		await expect(suggestions).toBeVisible();
		// The booked Wednesday afternoon is not offered as free, so there is nothing to propose for the lab.
		const item = suggestions
			.getByRole('listitem')
			.filter({ has: second.getByRole('link', { name: lab }) });
		await expect(item.getByText(/woensdag .*vrij/)).toHaveCount(0);
		await expect(item.getByRole('button', { name: `Voorstel doen aan ${lab}` })).toHaveCount(0);
		// A proposal sent anyway (a form kept open from before) is refused with the reason.
		const { rows } = await db.query<{ id: string }>(
			'select id from public.offers where title = $1',
			[lab]
		);
		const forged = await second.request.post(`${new URL(second.url()).pathname}?/propose`, {
			form: { offerId: rows[0]!.id },
			// As a browser without JavaScript sends it: the answer is the page with the refusal.
			headers: { origin: new URL(second.url()).origin, accept: 'text/html' }
		});
		expect(forged.status()).toBe(400);
		expect(await forged.text()).toContain(
			'Geen gemeenschappelijk moment: een voorstel voor dit lokaal kan nog niet.'
		);
		await second.goto('/afspraken');
		await expect(second.getByRole('link', { name: requestB })).toHaveCount(0);
		await second.context().close();
	});

	await test.step('the academy sees the agreement, the notification and the thread', async () => {
		await academyPage.goto('/meldingen');
		await openAccountMenu(academyPage);
		await expect(
			academyPage.getByRole('banner').getByRole('link', { name: /^Meldingen, \d+ ongelezen$/ })
		).toBeVisible();
		await expect(
			academyPage.getByRole('link', { name: /heeft de afspraak over .* aanvaard/ })
		).toBeVisible();
		await academyPage.goto('/afspraken');
		await academyPage.getByRole('link', { name: requestA }).click();
		await expect(academyPage).toHaveURL(new RegExp(`${agreementUrl}$`));
		await expect(academyPage.getByText('Status: Aanvaard')).toBeVisible();
		await expect(academyPage.getByText('Welkom! Het labo staat klaar.')).toBeVisible();
	});

	const companyPage = await pageFor(browser, company);
	await test.step('a company pledges two mentors', async () => {
		await companyPage.goto(`/organisaties/${companySlug}/aanbod/nieuw`);
		await companyPage.getByLabel('Soort aanbod').selectOption('volunteers');
		await companyPage.getByLabel('Titel').fill(mentors);
		await companyPage.getByLabel('Aantal mensen').fill('2');
		await chooseMunicipality(companyPage, 'ieper', 'Ieper — West-Vlaanderen');
		await companyPage.getByLabel('Straal in km').fill('30');
		await companyPage.getByRole('button', { name: 'Aanbod publiceren' }).click();
		await expect(companyPage.getByRole('status')).toHaveText('Je aanbod is gepubliceerd.');
	});

	await test.step('the academy asks for mentors and proposes the pledge; the company accepts', async () => {
		await academyPage.goto(`/organisaties/${academyASlug}/vragen/nieuw`);
		await academyPage.getByLabel('Wat zoeken jullie?').selectOption('volunteers');
		await academyPage.getByLabel('Titel').fill(requestMentors);
		await chooseMunicipality(academyPage, 'vleter', 'Vleteren — West-Vlaanderen');
		await academyPage.getByRole('button', { name: 'Vraag publiceren' }).click();
		await expect(
			academyPage.getByRole('heading', { level: 1, name: requestMentors })
		).toBeVisible();
		const item = academyPage
			.getByRole('region', { name: 'Suggesties' })
			.getByRole('listitem')
			.filter({ has: academyPage.getByRole('link', { name: mentors }) });
		await item.getByRole('button', { name: `Voorstel doen aan ${mentors}` }).click();
		await expect(academyPage.getByText('Status: Voorgesteld')).toBeVisible();

		await companyPage.goto('/afspraken');
		await companyPage.getByRole('link', { name: requestMentors }).click();
		await companyPage.getByRole('button', { name: 'Aanvaarden' }).click();
		await expect(companyPage.getByText('Status: Aanvaard')).toBeVisible();
	});

	await test.step("the academy records the mentors' checks", async () => {
		await academyPage.goto(`/organisaties/${academyASlug}/vrijwilligers`);
		for (const mentor of ['Els Mentor', 'Filip Mentor']) {
			await academyPage.getByLabel('Naam van de vrijwilliger').fill(mentor);
			await academyPage.getByLabel('Gezien op').fill(isoDay(-3));
			await academyPage.getByLabel('Gezien door').fill('Bert Vleteren');
			await academyPage.getByRole('button', { name: 'Noteren' }).click();
			await expect(
				academyPage.getByText(`Het uittreksel van ${mentor} is genoteerd.`)
			).toBeVisible();
			const row = academyPage.getByRole('row', { name: new RegExp(mentor) });
			await expect(row).toContainText('door Bert Vleteren');
			await expect(row.getByRole('cell', { name: 'Ja' })).toBeVisible();
		}
	});
});
