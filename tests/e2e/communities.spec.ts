// Local communities as people use them: the demo teacher finds Gent through /gemeenten, signs in from
// "Aansluiten", joins as a teacher, sees the directory and leaves; a school's admin lets the school join;
// a visitor sees counts but not the directory (in Dutch and English); an academy proposes a region that
// network staff approve. Axe-clean at a phone's and a laptop's width.
import pg from 'pg';
import { databaseUrl } from '../../stack/config.js';
import { expect, expectNoAxeViolations, gotoHydrated, signIn, test } from './support';

const PASSWORD = 'groeistoot-demo';
const GENT = '/gemeenten/44021/community';
const db = new pg.Client({ connectionString: databaseUrl });
const regionSlug = `e2e-regio-${Date.now().toString(36)}`;

test.beforeAll(async () => {
	await db.connect();
});

test.afterAll(async () => {
	await db.query('delete from public.communities where slug = $1', [regionSlug]);
	// The demo teacher is in Gent's directory again, as the seed has them.
	await db.query(
		`insert into public.community_members (community_id, user_id, person_kind, in_directory)
		 values ('c0000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000001', 'teacher', true)
		 on conflict (community_id, user_id) do update set person_kind = 'teacher', in_directory = true`
	);
	await db.end();
});

for (const width of [390, 1280]) {
	test(`the demo teacher finds Gent, signs in from Aansluiten, joins, sees the directory and leaves (${width} px)`, async ({
		page
	}) => {
		// A sign-in, three pages with axe and four form posts: more than a minute on a busy machine.
		test.setTimeout(150_000);
		await page.setViewportSize({ width, height: 900 });
		// Start outside Gent's community, so that joining is the teacher's own step.
		await db.query(
			`delete from public.community_members
			 where community_id = 'c0000000-0000-4000-8000-000000000001'
				and user_id = 'd0000000-0000-4000-8000-000000000001'`
		);
		await gotoHydrated(page, '/gemeenten');
		await page.getByLabel('Zoek een gemeente').fill('Gent');
		await page.getByRole('button', { name: 'Zoeken' }).click();
		await expect(page).toHaveURL(/zoek=Gent/);
		await expectNoAxeViolations(page);
		await page.getByRole('link', { name: /Community van Gent$/ }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Community Gent' })).toBeVisible();

		await page.getByRole('link', { name: 'Meld je aan om aan te sluiten' }).click();
		await page.getByLabel('E-mailadres').fill('leerkracht@groeistoot.test');
		await page.getByLabel('Wachtwoord').fill(PASSWORD);
		await page.getByRole('button', { name: 'Aanmelden' }).click();
		await expect(page).toHaveURL(new RegExp(`${GENT}$`));

		await page.getByRole('radio', { name: 'Leerkracht' }).check();
		await page.getByLabel(/Toon mij in de gids/).check();
		await page.getByRole('button', { name: 'Aansluiten', exact: true }).click();
		await expect(page.getByText('Je bent aangesloten.')).toBeVisible();
		await expect(page.getByText('Je bent lid als leerkracht.')).toBeVisible();
		await expect(page.getByRole('heading', { level: 2, name: 'Je lidmaatschap' })).toBeVisible();
		await expectNoAxeViolations(page);

		await page.getByRole('link', { name: 'Bekijk wie er in de gids staat' }).first().click();
		await expect(page.getByRole('heading', { level: 1, name: 'Gids van Gent' })).toBeVisible();
		await expect(page.getByRole('heading', { name: /^Leerkrachten/ })).toBeVisible();
		await expect(page.getByRole('heading', { level: 3, name: 'Sofie Claes' })).toBeVisible();
		await expectNoAxeViolations(page);

		await page.getByRole('link', { name: 'Terug naar de community' }).click();
		await page.getByRole('button', { name: 'Community verlaten' }).click();
		await expect(page.getByText('Je hebt de community verlaten.')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Aansluiten', exact: true })).toBeVisible();
	});
}

test('a school’s admin lets the school join Brugge’s community and takes it out again', async ({
	page
}) => {
	await signIn(page, 'school@groeistoot.test', PASSWORD);
	await expect(page).toHaveURL(/\/$/);
	await gotoHydrated(page, '/gemeenten/31005/community');
	await page.getByRole('button', { name: 'GO! atheneum Brugge laten aansluiten' }).click();
	await expect(page.getByText('GO! atheneum Brugge is aangesloten.')).toBeVisible();
	await expect(
		page.getByRole('region', { name: /Scholen/ }).getByRole('link', { name: 'GO! atheneum Brugge' })
	).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'GO! atheneum Brugge uit de community halen' }).click();
	await expect(page.getByText('GO! atheneum Brugge is niet langer lid.')).toBeVisible();
});

for (const width of [390, 1280]) {
	test(`a visitor sees who is here as counts, not the directory, in Dutch and English (${width} px)`, async ({
		page,
		baseURL
	}) => {
		await page.setViewportSize({ width, height: 900 });
		await gotoHydrated(page, GENT);
		await expect(page.getByRole('heading', { name: 'Wie is hier' })).toBeVisible();
		await expect(page.getByText(/^Vrijwilligers: \d+ (mensen|persoon)$/)).toBeVisible();
		await expect(page.getByText('Sofie Claes')).toHaveCount(0);
		await expectNoAxeViolations(page);

		await gotoHydrated(page, `${GENT}/mensen`);
		await expect(
			page.getByRole('link', { name: 'Meld je aan om de gids te bekijken' })
		).toBeVisible();
		await expect(page.getByText('Sofie Claes')).toHaveCount(0);
		await expectNoAxeViolations(page);

		const switched = await page.request.post('/taal', {
			form: { locale: 'en', redirectTo: GENT },
			headers: { origin: baseURL! }
		});
		expect(switched.ok()).toBe(true);
		await gotoHydrated(page, GENT);
		await expect(page.getByRole('heading', { name: 'Who is here' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Sign in to join' })).toBeVisible();
		await expectNoAxeViolations(page);
		await gotoHydrated(page, '/gemeenten?zoek=leuven');
		await expect(page.getByRole('link', { name: /Community of Leuven$/ })).toBeVisible();
		await expectNoAxeViolations(page);
	});
}

test('an academy proposes a region, network staff approve it, and the academy sees so', async ({
	browser
}) => {
	// Two people signed in, four pages with axe: more than a minute on a busy machine.
	test.setTimeout(150_000);
	const coordinator = await (await browser.newContext()).newPage();
	await signIn(coordinator, 'coordinator@groeistoot.test', PASSWORD);
	await expect(coordinator).toHaveURL(/\/$/);
	const { rows } = await db.query<{ slug: string }>(
		`select o.slug from public.organisations o where o.name = 'STEM-academie De Uitvinders'`
	);
	const regions = `/organisaties/${rows[0]!.slug}/regios`;
	await gotoHydrated(coordinator, regions);
	await coordinator.getByLabel('Naam van de regio').fill('Gentse rand');
	await coordinator.getByLabel('Adres', { exact: true }).fill(regionSlug);
	await coordinator.getByLabel('Gemeenten').fill('Gent\nNergensdorp');
	await coordinator.getByRole('button', { name: 'Regio voorstellen' }).click();
	await expect(coordinator.getByText('Deze namen kennen we niet: Nergensdorp')).toBeVisible();
	await coordinator.getByLabel('Gemeenten').fill('Gent\nDestelbergen');
	await coordinator.getByRole('button', { name: 'Regio voorstellen' }).click();
	await expect(coordinator.getByText('Je voorstel is verstuurd.', { exact: false })).toBeVisible();
	await expect(
		coordinator
			.getByRole('listitem')
			.filter({ hasText: 'Gentse rand' })
			.getByText('Wacht op het netwerk')
	).toBeVisible();
	await expectNoAxeViolations(coordinator);

	const staff = await (await browser.newContext()).newPage();
	await signIn(staff, 'netwerk@groeistoot.test', PASSWORD);
	await expect(staff).toHaveURL(/\/$/);
	await gotoHydrated(staff, '/netwerk/regios');
	await expectNoAxeViolations(staff);
	await staff
		.getByRole('listitem')
		.filter({ has: staff.getByRole('heading', { name: 'Gentse rand' }) })
		.getByRole('button', { name: /^Goedkeuren/ })
		.click();
	await expect(staff.getByText('De regio Gentse rand is goedgekeurd.')).toBeVisible();

	await gotoHydrated(coordinator, regions);
	await expect(
		coordinator.getByRole('listitem').filter({ hasText: 'Gentse rand' }).getByText('Goedgekeurd')
	).toBeVisible();
	await gotoHydrated(coordinator, `/regios/${regionSlug}`);
	await expect(
		coordinator.getByRole('heading', { level: 1, name: 'Community Gentse rand' })
	).toBeVisible();
});
