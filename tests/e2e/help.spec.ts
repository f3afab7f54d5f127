// "Ik wil helpen" as people use it: the demo teacher answers an academy's request for volunteers on a
// phone (an empty message is named next to its field, a second offer is refused); the academy's
// coordinator finds the person's proposal, accepts it, cannot plan the first session before recording the
// extract (model 2), records it and plans it on a laptop; the teacher sees the notification and the
// thread. In Dutch and English, with axe, at 390 and 1280 px.
import type { Browser, Page } from '@playwright/test';
import pg from 'pg';
import { databaseUrl } from '../../stack/config.js';
import { expect, expectNoAxeViolations, signIn, test } from './support';

const PASSWORD = 'groeistoot-demo';
const TEACHER = 'leerkracht@groeistoot.test';
// The owner of Veldwerkclub Gent (generated demo data): leerkracht@ is a member of De Uitvinders, and
// nobody offers help to their own academy.
const COORDINATOR = 'bilal.lambert@groeistoot.test';
const VELDWERKCLUB = 'c1000000-0000-4000-8000-000000000127';
const run = Date.now().toString(36);
const title = `Begeleiders voor het bodemonderzoek ${run}`;
const seenBy = `Bilal Lambert ${run}`;

const db = new pg.Client({ connectionString: databaseUrl });
let requestId = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	await db.connect();
	const { rows } = await db.query<{ id: string }>(
		`insert into public.requests (organisation_id, kind, title, description, people, municipality_nis, domains)
		 values ($1, 'volunteers', $2, 'Wie helpt onze jonge onderzoekers met staalnames?', 2, '44021', '{natuur}')
		 returning id`,
		[VELDWERKCLUB, title]
	);
	requestId = rows[0]!.id;
});

test.afterAll(async () => {
	await db.query('delete from public.requests where id = $1', [requestId]);
	await db.query('delete from public.volunteer_checks where seen_by_name = $1', [seenBy]);
	await db.end();
});

async function signedIn(browser: Browser, email: string, width: number) {
	const context = await browser.newContext({ viewport: { width, height: 900 } });
	const page = await context.newPage();
	await signIn(page, email, PASSWORD);
	await expect(page).not.toHaveURL(/aanmelden/);
	return { context, page };
}

async function expectNoSidewaysScroll(page: Page) {
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
}

async function inEnglish(page: Page) {
	await page
		.context()
		.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: new URL(page.url()).origin }]);
}

let agreementUrl = '';

test('a visitor is asked to sign in and comes back to the request', async ({ page }) => {
	await page.goto(`/vragen/${requestId}`);
	const help = page.getByRole('region', { name: 'Ik wil helpen' });
	await help.getByRole('link', { name: 'Meld je aan om je hulp aan te bieden' }).click();
	await expect(page).toHaveURL(/\/aanmelden\?redirectTo=/);
	await page.getByLabel('E-mailadres').fill(TEACHER);
	await page.getByLabel('Wachtwoord').fill(PASSWORD);
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(page).toHaveURL(new RegExp(`/vragen/${requestId}$`));
	await expect(page.getByRole('button', { name: 'Ik wil helpen' })).toBeVisible();
});

test('the teacher offers to help on a phone', async ({ browser }) => {
	test.slow();
	const { context, page } = await signedIn(browser, TEACHER, 390);
	await page.goto(`/vragen/${requestId}`);
	await expect(page.getByRole('heading', { level: 2, name: 'Ik wil helpen' })).toBeVisible();
	await expectNoAxeViolations(page);
	await expectNoSidewaysScroll(page);

	// Nothing written: named next to the field, no agreement.
	await page.getByRole('button', { name: 'Ik wil helpen' }).click();
	await expect(page.getByLabel('Hoe wil je helpen?')).toHaveAccessibleDescription(
		/Schrijf kort hoe je wil helpen\./
	);
	await page
		.getByLabel('Hoe wil je helpen?')
		.fill('Ik geef biologie en help graag bij de staalnames.');
	await page.getByLabel('Wanneer kan je? (niet verplicht)').fill('woensdagnamiddag');
	await page.getByRole('button', { name: 'Ik wil helpen' }).click();

	await expect(page).toHaveURL(/\/afspraken\/[0-9a-f-]{36}$/);
	agreementUrl = new URL(page.url()).pathname;
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Afspraak over „${title}”`);
	await expect(
		page.getByText('Sofie Claes helpt op eigen naam, niet namens een organisatie.')
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Intrekken' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Aanvaarden' })).toHaveCount(0);
	await expectNoAxeViolations(page);
	await expectNoSidewaysScroll(page);

	// Back on the request: a second offer is not offered, the live agreement is named instead.
	await page.goto(`/vragen/${requestId}`);
	await expect(page.getByText('Je bood al je hulp aan voor deze vraag.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Bekijk je afspraak' })).toHaveAttribute(
		'href',
		agreementUrl
	);
	expect(
		(await db.query('select id from public.agreements where request_id = $1', [requestId])).rowCount
	).toBe(1);
	await context.close();
});

test('the coordinator accepts, records the extract and plans the first session on a laptop', async ({
	browser
}) => {
	test.slow();
	const { context, page } = await signedIn(browser, COORDINATOR, 1280);
	await page.goto('/afspraken');
	await page.getByRole('link', { name: title }).click();
	await expect(page).toHaveURL(agreementUrl);
	await expect(page.getByText('Voorgesteld door Sofie Claes', { exact: true })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Sofie Claes' })).toBeVisible();
	await expect(page.getByText('woensdagnamiddag')).toBeVisible();
	await expectNoAxeViolations(page);
	await expectNoSidewaysScroll(page);

	await page.getByRole('button', { name: 'Aanvaarden' }).click();
	await expect(page.getByText('De afspraak is aanvaard.', { exact: false })).toBeVisible();

	// No extract recorded yet: the first session is refused, in words, next to its field.
	const firstSession = page.getByLabel('Datum van de eerste sessie');
	await firstSession.fill(inDays(14));
	await page.getByRole('button', { name: 'Eerste sessie opslaan' }).click();
	await expect(firstSession).toHaveAccessibleDescription(/recent uittreksel uit het strafregister/);

	await page.getByLabel('Gezien op').fill(inDays(-2));
	await page.getByLabel('Gezien door').fill(seenBy);
	await page.getByRole('button', { name: 'Uittreksel noteren' }).click();
	await expect(page.getByText('Het uittreksel van Sofie Claes is genoteerd.')).toBeVisible();
	await expect(page.getByText(/Uittreksel \(model 2\) van Sofie Claes gezien op/)).toBeVisible();

	await page.getByLabel('Datum van de eerste sessie').fill(inDays(14));
	await page.getByRole('button', { name: 'Eerste sessie opslaan' }).click();
	await expect(page.getByText(/Eerste sessie: /).first()).toBeVisible();

	await page.getByLabel('Je bericht').fill('Welkom! Tot woensdag aan de ingang van het park.');
	await page.getByRole('button', { name: 'Bericht versturen' }).click();
	await expect(page.getByText('Welkom! Tot woensdag aan de ingang van het park.')).toBeVisible();
	await expectNoAxeViolations(page);

	await inEnglish(page);
	await page.reload();
	await expect(
		page.getByRole('heading', { level: 2, name: 'Extract from the criminal record' })
	).toBeVisible();
	await expect(page.getByText(/Extract \(model 2\) of Sofie Claes seen on/)).toBeVisible();
	await expectNoAxeViolations(page);
	await expectNoSidewaysScroll(page);
	await context.close();
});

test('the teacher sees the notification and the thread, in Dutch and English', async ({
	browser
}) => {
	const { context, page } = await signedIn(browser, TEACHER, 1280);
	await page.goto('/meldingen');
	await page
		.getByRole('link', {
			name: new RegExp(`Veldwerkclub Gent heeft de afspraak over „${title}” aanvaard`)
		})
		.click();
	await expect(page).toHaveURL(agreementUrl);
	await expect(page.getByText('Welkom! Tot woensdag aan de ingang van het park.')).toBeVisible();
	await expect(
		page.getByText(
			'De academie plant de eerste sessie zodra ze je uittreksel uit het strafregister (model 2) zag.'
		)
	).toBeVisible();

	await page.getByLabel('Je bericht').fill('Top, ik breng laarzen mee.');
	await page.getByRole('button', { name: 'Bericht versturen' }).click();
	await expect(page.getByText('Top, ik breng laarzen mee.')).toBeVisible();

	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Waar je helpt' })).toBeVisible();

	await inEnglish(page);
	await page.goto(`/vragen/${requestId}`);
	await expect(page.getByText('You already offered your help with this request.')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.goto(agreementUrl);
	await expect(page.getByRole('heading', { level: 3, name: 'Who helps' })).toBeVisible();
	await expectNoAxeViolations(page);
	await expectNoSidewaysScroll(page);
	await context.close();
});

/** An ISO date `days` from today (the browser's form field takes yyyy-mm-dd). */
function inDays(days: number): string {
	const day = new Date(new Date().toLocaleString('en-US', { timeZone: 'Europe/Brussels' }));
	day.setDate(day.getDate() + days);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}
