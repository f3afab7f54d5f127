// Starting an academy in a white spot: a person registers interest on the municipality's page through the
// plain form (JavaScript off), sees it listed with their name, and network staff find it on
// /netwerk/witte-vlekken and its detail page; in English the person withdraws it. Axe on every page.
import type { Page } from '@playwright/test';
import { exchangeFixture, type Person } from './exchange-support';
import { expect, expectNoAxeViolations, signIn, accountMenu, test } from './support';

const { db, person, pageFor, cleanUp } = exchangeFixture('starters');
const STAFF = { email: 'netwerk@groeistoot.test', password: 'groeistoot-demo' };

let starter: Person;
let spot: { nis: string; name_nl: string };

async function expectNoSidewaysScroll(page: Page) {
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
}

test.beforeAll(async () => {
	await db.connect();
	starter = await person('starter', 'Stien Starter');
	// A white spot nobody else's test or seed touches: no academy at all, no registration yet.
	const { rows } = await db.query<{ nis: string; name_nl: string }>(
		`select m.nis, m.name_nl from public.municipalities m
		 where m.valid_to is null and m.region = 'VLG'
			and not exists (select 1 from public.organisations o where o.municipality_nis = m.nis and o.kind = 'academy')
			and not exists (select 1 from public.starter_interests si where si.municipality_nis = m.nis)
		 order by m.nis limit 1`
	);
	spot = rows[0]!;
});

test.afterAll(async () => {
	await db.query('delete from public.starter_interests where user_id = $1', [starter.id]);
	await cleanUp();
});

test('a person registers interest without JavaScript and network staff see it', async ({
	browser
}) => {
	test.slow();
	const signedIn = await pageFor(browser, starter);
	await signedIn.setViewportSize({ width: 1280, height: 900 });
	await signedIn.goto(`/gemeenten/${spot.nis}`);
	const section = signedIn.locator('#starten');
	await expect(
		section.getByRole('heading', { level: 2, name: 'Hier een STEM-academie starten?' })
	).toBeVisible();
	await expect(section.getByText('Nog niemand heeft interesse getoond.')).toBeVisible();
	await expectNoAxeViolations(signedIn);

	// The same person with JavaScript off: the plain form does the work.
	const plain = await (
		await browser.newContext({
			javaScriptEnabled: false,
			storageState: await signedIn.context().storageState()
		})
	).newPage();
	await plain.goto(`/gemeenten/${spot.nis}#starten`);
	const form = plain.locator('#starten form').filter({ hasText: 'Toon je interesse' });
	await form.getByLabel('een ruimte').check();
	await form.getByLabel('vrijwilligers').check();
	await form.getByLabel('Toelichting (optioneel)').fill('Ik ken de buurt goed.');
	await form.getByRole('button', { name: 'Interesse registreren' }).click();
	await expect(plain.getByText('Je interesse is geregistreerd.')).toBeVisible();
	const listed = plain
		.locator('#starten')
		.getByRole('listitem')
		.filter({ hasText: 'Stien Starter' });
	await expect(listed).toContainText('(jij)');
	await expect(listed).toContainText('Brengt: een ruimte, vrijwilligers');
	// Sending the form again changes the registration instead of adding one.
	await plain
		.locator('#starten form')
		.filter({ hasText: 'Je interesse aanpassen' })
		.getByLabel('geld')
		.check();
	await plain.getByRole('button', { name: 'Opslaan' }).click();
	await expect(plain.getByText('Je interesse is geregistreerd.')).toBeVisible();
	await expect(
		plain
			.locator('#starten')
			.getByRole('list', { name: 'Wie heeft al interesse' })
			.getByRole('listitem')
	).toHaveCount(1);
	const { rows } = await db.query<{ offers: string[] }>(
		'select offers from public.starter_interests where user_id = $1',
		[starter.id]
	);
	expect(rows).toEqual([{ offers: ['room', 'volunteers', 'money'] }]);

	// Network staff see the white spot with one person interested and open its detail.
	const staff = await (await browser.newContext()).newPage();
	await signIn(staff, STAFF.email, STAFF.password);
	await expect(accountMenu(staff)).toBeVisible();
	await staff.goto('/netwerk/witte-vlekken');
	await expect(
		staff.getByRole('heading', { level: 1, name: 'Witte vlekken: interesse om te starten' })
	).toBeVisible();
	const row = staff.getByRole('row').filter({ hasText: spot.name_nl });
	await expect(row).toContainText('een ruimte, vrijwilligers, geld');
	await expectNoAxeViolations(staff);
	await row.getByRole('link', { name: spot.name_nl }).click();
	await expect(staff.getByRole('heading', { level: 3, name: 'Stien Starter' })).toBeVisible();
	await expect(staff.getByText(starter.email)).toBeVisible();
	await staff.getByLabel('Notitie van het netwerk').fill('Gebeld op maandag');
	await staff
		.getByRole('button', { name: /^Markeren als in contact gebracht\s?: Stien Starter$/ })
		.click();
	await expect(staff.getByText('Opgeslagen.')).toBeVisible();
	await expectNoAxeViolations(staff);
});

test('in English on a phone, the person sees and withdraws their interest', async ({ browser }) => {
	const page = await pageFor(browser, starter);
	await page.setViewportSize({ width: 390, height: 844 });
	await page
		.context()
		.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: new URL(page.url()).origin }]);
	await db.query(
		`insert into public.starter_interests (municipality_nis, user_id, role, offers, shown_as)
		 values ($1, $2, 'person', '{coordinator}', 'name')
		 on conflict (municipality_nis, user_id) where closed_at is null and user_id is not null do nothing`,
		[spot.nis, starter.id]
	);
	await page.goto(`/gemeenten/${spot.nis}`);
	const section = page.locator('#starten');
	await expect(
		section.getByRole('heading', { level: 2, name: 'Start a STEM academy here?' })
	).toBeVisible();
	await expect(
		section
			.getByRole('list', { name: 'Who is already interested' })
			.getByRole('listitem')
			.filter({ hasText: 'Stien Starter' })
	).toContainText('(you)');
	await expectNoAxeViolations(page);
	await expectNoSidewaysScroll(page);
	await section.getByRole('button', { name: /^Withdraw interest\s?: Stien Starter$/ }).click();
	await expect(page.getByText('Your interest is withdrawn.')).toBeVisible();
	await expect(section.getByText('Nobody has shown interest yet. Be the first!')).toBeVisible();
});
