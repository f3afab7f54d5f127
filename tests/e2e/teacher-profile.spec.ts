// The teacher profile as people use it: a teacher fills it in on a phone without JavaScript (a second
// weekly moment through "Nog een moment toevoegen", a wrong time named next to its field), chooses
// school@'s school, whose admin confirms the link on a laptop; then "Wat kan ik hier doen?" ranks the
// requests near the teacher with reasons, in English, and the person page shows the confirmed school to
// signed-in people and the same 404 as an unknown person to visitors. Axe on every page, 390 and 1280 px.
import type { Browser, Page } from '@playwright/test';
import pg from 'pg';
import { databaseUrl } from '../../stack/config.js';
import {
	existingAccount,
	expect,
	expectNoAxeViolations,
	signIn,
	test,
	type Account
} from './support';

const SCHOOL_ADMIN = 'school@groeistoot.test';
const DEMO_PASSWORD = 'groeistoot-demo';
const SCHOOL = 'go-atheneum-brugge';
const run = Date.now().toString(36);
const name = `Lien Leerkracht ${run}`;

const db = new pg.Client({ connectionString: databaseUrl });
let teacher: Account;
let teacherId = '';
let requestId = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	await db.connect();
	teacher = await existingAccount(name);
	const { rows } = await db.query<{ id: string }>(
		`update public.profiles set municipality_nis = '44021' where display_name = $1 returning id`,
		[name]
	);
	teacherId = rows[0]!.id;
	// An academy's request in Gent for volunteers on Wednesday afternoon, which the teacher's profile fits.
	const { rows: requests } = await db.query<{ id: string }>(
		`insert into public.requests (organisation_id, kind, title, people, municipality_nis, domains)
		 select o.id, 'volunteers', $1, 2, '44021', '{programmeren}' from public.organisations o
		 where o.kind = 'academy' and o.municipality_nis = '44021' order by o.id limit 1
		 returning id`,
		[`Begeleiders voor de codeerclub ${run}`]
	);
	requestId = requests[0]!.id;
	await db.query(
		`insert into public.request_slots (request_id, weekday, starts_at, ends_at) values ($1, 3, '14:00', '16:00')`,
		[requestId]
	);
});

test.afterAll(async () => {
	await db.query('delete from public.requests where id = $1', [requestId]);
	await db.query('delete from auth.users where id = $1', [teacherId]);
	await db.end();
});

async function expectNoSidewaysScroll(page: Page) {
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
}

async function signedIn(
	browser: Browser,
	{
		email,
		password,
		width,
		javaScriptEnabled = true,
		locale = 'nl'
	}: {
		email: string;
		password: string;
		width: number;
		javaScriptEnabled?: boolean;
		locale?: 'nl' | 'en';
	}
) {
	const context = await browser.newContext({
		viewport: { width, height: 900 },
		javaScriptEnabled
	});
	const page = await context.newPage();
	if (javaScriptEnabled) {
		await signIn(page, email, password);
	} else {
		await page.goto('/aanmelden');
		await page.getByLabel('E-mailadres').fill(email);
		await page.getByLabel('Wachtwoord').fill(password);
		await page.getByRole('button', { name: 'Aanmelden' }).click();
	}
	await expect(page).not.toHaveURL(/aanmelden/);
	if (locale === 'en') {
		await context.addCookies([
			{ name: 'PARAGLIDE_LOCALE', value: 'en', url: new URL(page.url()).origin }
		]);
	}
	return { context, page };
}

test('a teacher fills in the profile on a phone without JavaScript', async ({ browser }) => {
	test.slow();
	const { context, page } = await signedIn(browser, {
		email: teacher.email,
		password: teacher.password,
		width: 390,
		javaScriptEnabled: false
	});
	await page.goto('/profiel');
	await page.getByRole('link', { name: 'Mijn profiel als leerkracht of vrijwilliger' }).click();
	await expect(
		page.getByRole('heading', { name: 'Mijn profiel als leerkracht of vrijwilliger' })
	).toBeVisible();
	await expectNoSidewaysScroll(page);

	await page
		.getByLabel('School waar je lesgeeft')
		.selectOption({ label: 'GO! atheneum Brugge (Brugge)' });
	await page.getByRole('checkbox', { name: 'Mentor zijn' }).check();
	await page.getByRole('checkbox', { name: 'Een gastles geven' }).check();
	await page.getByRole('checkbox', { name: 'Informatica' }).check();
	await page
		.getByRole('checkbox', { name: 'Lager onderwijs, 3e graad (5e en 6e leerjaar)' })
		.check();
	await page.getByLabel('Dag (moment 1)').selectOption({ label: 'woensdag' });
	await page.getByLabel('Van (moment 1)').fill('13:00');
	await page.getByLabel('Tot (moment 1)').fill('17:00');
	// Without JavaScript, "Nog een moment toevoegen" sends the form back with one more row, nothing saved.
	const rows = await page.getByLabel(/^Dag \(moment \d+\)$/).count();
	await page.getByRole('button', { name: 'Nog een moment toevoegen' }).click();
	await expect(page.getByLabel(/^Dag \(moment \d+\)$/)).toHaveCount(rows + 1);
	await expect(page.getByRole('checkbox', { name: 'Mentor zijn' })).toBeChecked();
	const last = rows + 1;
	await page.getByLabel(`Dag (moment ${last})`).selectOption({ label: 'vrijdag' });
	await page.getByLabel(`Van (moment ${last})`).fill('16:00');
	await page.getByLabel(`Tot (moment ${last})`).fill('15:00');
	await page.getByRole('radio', { name: 'Iedereen' }).check();
	await page.getByRole('button', { name: 'Profiel bewaren' }).click();
	// The wrong moment is named next to its field; nothing is saved.
	await expect(page.getByText('Het einduur moet na het beginuur liggen.')).toBeVisible();
	const { rows: saved } = await db.query(
		'select 1 from public.helper_profiles where user_id = $1',
		[teacherId]
	);
	expect(saved).toEqual([]);

	await page.getByLabel(`Tot (moment ${last})`).fill('18:00');
	await page.getByRole('button', { name: 'Profiel bewaren' }).click();
	await expect(
		page.getByText('Je profiel als leerkracht of vrijwilliger is bewaard.')
	).toBeVisible();
	await page.goto('/profiel/leerkracht');
	await expect(
		page.getByText('Je koppeling met GO! atheneum Brugge: wacht op de school.')
	).toBeVisible();
	await expect(page.getByLabel('Tot (moment 2)')).toHaveValue('18:00');
	await context.close();
});

test('the school admin confirms the teacher on a laptop', async ({ browser }) => {
	const { context, page } = await signedIn(browser, {
		email: SCHOOL_ADMIN,
		password: DEMO_PASSWORD,
		width: 1280
	});
	await page.goto(`/organisaties/${SCHOOL}`);
	await page.getByRole('link', { name: 'Leerkrachten' }).click();
	await expect(
		page.getByRole('heading', { name: 'Leerkrachten van GO! atheneum Brugge' })
	).toBeVisible();
	const row = page.getByRole('row').filter({ hasText: name });
	await expect(row).toContainText('wacht op de school');
	await expectNoAxeViolations(page);
	await expectNoSidewaysScroll(page);
	await row
		.getByRole('button', { name: `${name} bevestigen als leerkracht van de school` })
		.click();
	await expect(
		page.getByText(`${name} is bevestigd als leerkracht van jullie school.`)
	).toBeVisible();
	await expect(page.getByRole('row').filter({ hasText: name })).toContainText(
		'bevestigd door de school'
	);
	await context.close();
});

test('“What can I do here?” ranks the requests near the teacher, with reasons, in English', async ({
	browser
}) => {
	test.slow();
	for (const width of [390, 1280]) {
		const { context, page } = await signedIn(browser, {
			email: teacher.email,
			password: teacher.password,
			width,
			locale: 'en'
		});
		// The profile form, with JavaScript, in English (axe cannot run where JavaScript is off).
		await page.goto('/profiel/leerkracht');
		await expect(
			page.getByRole('heading', { level: 1, name: 'My teacher or volunteer profile' })
		).toBeVisible();
		await expectNoAxeViolations(page);
		await expectNoSidewaysScroll(page);
		await page.goto('/helpen');
		await expect(
			page.getByRole('heading', { level: 1, name: 'What can I do here?' })
		).toBeVisible();
		const list = page.getByRole('list', { name: 'Requests that suit you' });
		const item = list
			.getByRole('listitem')
			.filter({ hasText: `Begeleiders voor de codeerclub ${run}` });
		await expect(item).toContainText('fits: be a mentor');
		await expect(item).toContainText('Wednesday 14:00–16:00 free');
		await expect(item).toContainText('coding');
		await expectNoAxeViolations(page);
		await expectNoSidewaysScroll(page);
		await item.getByRole('link', { name: `Begeleiders voor de codeerclub ${run}` }).click();
		await expect(page).toHaveURL(new RegExp(`/vragen/${requestId}$`));
		await context.close();
	}
});

test('the person page shows the confirmed school to signed-in people and a 404 to visitors', async ({
	browser,
	page
}) => {
	const { context, page: signed } = await signedIn(browser, {
		email: SCHOOL_ADMIN,
		password: DEMO_PASSWORD,
		width: 390
	});
	await signed.goto(`/mensen/${teacherId}`);
	await expect(signed.getByRole('heading', { level: 1, name })).toBeVisible();
	await expect(
		signed.getByRole('link', { name: 'Leerkracht aan GO! atheneum Brugge' })
	).toBeVisible();
	await expect(signed.getByRole('heading', { name: 'Helpt graag met' })).toBeVisible();
	await expectNoAxeViolations(signed);
	await expectNoSidewaysScroll(signed);
	await context.close();

	// The teacher's general profile is for members: a visitor gets what an unknown person gives.
	const hidden = await page.goto(`/mensen/${teacherId}`);
	expect(hidden?.status()).toBe(404);
	await expect(page.getByText('Deze persoon bestaat niet of toont geen profiel.')).toBeVisible();
	const unknown = await page.goto('/mensen/00000000-0000-4000-8000-000000000000');
	expect(unknown?.status()).toBe(404);
	await expectNoAxeViolations(page);
});
