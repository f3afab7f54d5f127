// Lists that say how many there are and page through them (/aanbod, /vragen, /afspraken, the verification
// queue), and the redesigned agreement page, organisation overview and verification queue: the next action
// first, the thread in view on a phone, what needs doing as links, one decision form at a time, and no page
// wider than the screen at 390 px. Counts are read from the database, since other specs add offers.
import type { Page } from '@playwright/test';
import { addConfirmedTotp, expect, expectNoAxeViolations, test } from './support';
import { exchangeFixture, type Person } from './exchange-support';

const { run, db, person, organisation, clientFor, pageFor, cleanUp } = exchangeFixture('lijsten');

const PAGE_SIZE = 24;
const PHONE = { width: 390, height: 844 };

async function count(sql: string, values: unknown[] = []): Promise<number> {
	const { rows } = await db.query<{ n: number }>(sql, values);
	return rows[0]!.n;
}

async function titles(sql: string, values: unknown[] = []): Promise<string[]> {
	const { rows } = await db.query<{ title: string }>(sql, values);
	return rows.map((row) => row.title);
}

/** The titles of the cards on the page, in order. */
function cardTitles(page: Page) {
	return page.getByRole('article').getByRole('heading', { level: 3 }).allInnerTexts();
}

/** Where the cards on the page lead (titles repeat in the demo data; addresses do not). */
function cardLinks(page: Page) {
	return page
		.getByRole('article')
		.getByRole('heading', { level: 3 })
		.getByRole('link')
		.evaluateAll((links) => links.map((link) => link.getAttribute('href')));
}

async function expectNoSidewaysScroll(page: Page) {
	const { scrollWidth, clientWidth } = await page.evaluate(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		clientWidth: document.documentElement.clientWidth
	}));
	expect(scrollWidth, `page width on ${page.url()}`).toBeLessThanOrEqual(clientWidth);
}

let academyOwner: Person;
let companyOwner: Person;
let staff: Person;
let academy: { id: string; slug: string };
let agreementId: string;
const academyName = `STEM-academie Lijsten ${run}`;
const requestTitle = `Mentoren voor de robotclub ${run}`;
const offerTitle = `Drie ingenieurs ${run}`;

test.beforeAll(async () => {
	await db.connect();
	[academyOwner, companyOwner, staff] = await Promise.all([
		person('academie', 'Ann Academie'),
		person('bedrijf', 'Carl Bedrijf'),
		person('staf', 'Nele Netwerk')
	]);
	await db.query('insert into public.network_staff (user_id) values ($1)', [staff.id]);
	// Network staff pages need two-factor sign-in: signIn() passes the code step with this factor.
	await addConfirmedTotp(db, staff.id);
	academy = await organisation('academy', academyName, academyOwner);
	const company = await organisation('company', `Ingenieurs ${run}`, companyOwner);
	const [academyClient, companyClient] = await Promise.all([
		clientFor(academyOwner),
		clientFor(companyOwner)
	]);
	const request = await academyClient
		.from('requests')
		.insert({
			organisation_id: academy.id,
			kind: 'volunteers',
			title: requestTitle,
			people: 3,
			municipality_nis: '44021'
		})
		.select('id')
		.single();
	if (request.error) throw request.error;
	const offer = await companyClient
		.from('offers')
		.insert({
			organisation_id: company.id,
			kind: 'volunteers',
			title: offerTitle,
			municipality_nis: '44021',
			radius_km: 25,
			people: 3
		})
		.select('id')
		.single();
	if (offer.error) throw offer.error;
	const proposed = await companyClient.rpc('propose_agreement', {
		p_request_id: request.data.id,
		p_offer_id: offer.data.id,
		p_message: 'Wij komen graag helpen.'
	});
	if (proposed.error) throw proposed.error;
	agreementId = proposed.data as string;
	const reply = await companyClient.from('agreement_messages').insert({
		agreement_id: agreementId,
		organisation_id: company.id,
		body: 'Welke dag past het best?'
	});
	if (reply.error) throw reply.error;
});

test.afterAll(cleanUp);

test.describe('/aanbod and /vragen', () => {
	test('say how many offers there are and page through them', async ({ page }) => {
		const total = await count(
			"select count(*)::int as n from public.offers where status = 'active'"
		);
		const pages = Math.ceil(total / PAGE_SIZE);
		expect(pages).toBeGreaterThan(2);
		await page.goto('/aanbod');
		await expect(page.getByRole('status')).toHaveText(`${total} aanbiedingen`);
		await expect(page.getByRole('article')).toHaveCount(PAGE_SIZE);
		const pager = page.getByRole('navigation', { name: 'Paginering' });
		await expect(pager).toContainText(`Pagina 1 van ${pages}`);
		const first = await cardLinks(page);

		await pager.getByRole('link', { name: 'Volgende pagina' }).click();
		await expect(page).toHaveURL(/\/aanbod\?pagina=2$/);
		await expect(pager).toContainText(`Pagina 2 van ${pages}`);
		const second = await cardLinks(page);
		expect(second).toHaveLength(PAGE_SIZE);
		expect(second.filter((href) => first.includes(href))).toEqual([]);

		// A page past the end shows the last page, not an error.
		const response = await page.goto('/aanbod?pagina=999');
		expect(response?.status()).toBe(200);
		await expect(pager).toContainText(`Pagina ${pages} van ${pages}`);
		await expect(page.getByRole('article')).toHaveCount(total - (pages - 1) * PAGE_SIZE);
	});

	test('filter by kind with "n of all", sort by title, keep both in the address', async ({
		page
	}) => {
		const [total, rooms] = await Promise.all([
			count("select count(*)::int as n from public.offers where status = 'active'"),
			count(
				"select count(*)::int as n from public.offers where status = 'active' and kind = 'room'"
			)
		]);
		await page.goto('/aanbod');
		await page.getByLabel('Soort', { exact: true }).selectOption('room');
		await page.getByLabel('Volgorde').selectOption('naam');
		await page.getByRole('button', { name: 'Filteren' }).click();
		await expect(page).toHaveURL(/soort=room/);
		await expect(page).toHaveURL(/sorteer=naam/);
		await expect(page.getByRole('status')).toHaveText(`${rooms} van ${total} aanbiedingen`);
		const expected = await titles(
			`select title from public.offers where status = 'active' and kind = 'room'
			 order by title, created_at desc, id limit $1`,
			[PAGE_SIZE]
		);
		expect(await cardTitles(page)).toEqual(expected);
		// The next page keeps the filter and the order.
		await page
			.getByRole('navigation', { name: 'Paginering' })
			.getByRole('link', { name: 'Volgende pagina' })
			.click();
		await expect(page).toHaveURL(/soort=room.*sorteer=naam.*pagina=2|pagina=2.*soort=room/);
		await expect(page.getByLabel('Volgorde')).toHaveValue('naam');
	});

	test('requests sort by the answer date, the most urgent first', async ({ page }) => {
		await page.goto('/vragen?sorteer=deadline');
		const total = await count(
			"select count(*)::int as n from public.requests where status in ('open', 'in_progress')"
		);
		await expect(page.getByRole('status')).toHaveText(`${total} vragen`);
		const expected = await titles(
			`select title from public.requests where status in ('open', 'in_progress')
			 order by deadline nulls last, created_at desc, id limit $1`,
			[PAGE_SIZE]
		);
		expect(await cardTitles(page)).toEqual(expected);
	});

	test('an empty result says what to do next', async ({ page }) => {
		await page.goto('/aanbod?soort=funding&gemeente=Herstappe');
		await expect(page.getByRole('heading', { name: 'Niets gevonden' })).toBeVisible();
		await page.getByRole('link', { name: 'Wis de filters' }).last().click();
		await expect(page).toHaveURL(/\/aanbod$/);
	});

	test('fit a phone and pass axe', async ({ page }) => {
		await page.setViewportSize(PHONE);
		for (const path of ['/aanbod', '/vragen?sorteer=naam&pagina=2']) {
			await page.goto(path);
			await expectNoSidewaysScroll(page);
			await expectNoAxeViolations(page);
		}
	});
});

test('the agreement page shows its status with the title, the next step first and the thread in view', async ({
	browser
}) => {
	const page = await pageFor(browser, academyOwner);
	await page.setViewportSize(PHONE);
	await page.goto(`/afspraken/${agreementId}`);
	const title = page.getByRole('heading', { level: 1 });
	await expect(title).toContainText(requestTitle);
	await expect(page.getByText('Status: Voorgesteld')).toBeVisible();

	// Accepting comes before declining.
	const accept = page.getByRole('button', { name: 'Aanvaarden' });
	const decline = page.getByRole('button', { name: 'Weigeren' });
	const acceptBox = (await accept.boundingBox())!;
	const declineBox = (await decline.boundingBox())!;
	expect(acceptBox.y).toBeLessThan(declineBox.y);

	// On a phone the thread follows the summary; the reply box and the newest message come first in it.
	const thread = page.getByRole('region', { name: 'Berichten' });
	const summary = page.getByRole('region', { name: 'Partijen' });
	expect((await thread.boundingBox())!.y).toBeGreaterThan((await summary.boundingBox())!.y);
	const messages = thread.getByRole('listitem');
	await expect(messages.first()).toContainText('Welke dag past het best?');
	await expect(messages.last()).toContainText('Wij komen graag helpen.');
	const reply = (await thread.getByLabel('Je bericht').boundingBox())!;
	expect(reply.y).toBeLessThan((await messages.first().boundingBox())!.y);
	await expectNoSidewaysScroll(page);
	await expectNoAxeViolations(page);

	// On a wide screen the thread stands beside the rest, at the top.
	await page.setViewportSize({ width: 1280, height: 900 });
	const status = page.getByRole('region', { name: 'Status', exact: true });
	const wideThread = (await thread.boundingBox())!;
	const wideStatus = (await status.boundingBox())!;
	expect(wideThread.x).toBeGreaterThan(wideStatus.x + wideStatus.width - 1);
	expect(Math.abs(wideThread.y - wideStatus.y)).toBeLessThan(80);
	await page.context().close();
});

test('/afspraken says how many and fits a phone', async ({ browser }) => {
	const page = await pageFor(browser, academyOwner);
	await page.setViewportSize(PHONE);
	await page.goto('/afspraken');
	await expect(page.getByRole('status')).toHaveText('1 afspraak');
	await expect(page.getByRole('link', { name: requestTitle })).toBeVisible();
	await expectNoSidewaysScroll(page);
	await page.context().close();
});

test('the organisation overview lists what needs doing, each a link to act', async ({
	browser
}) => {
	const page = await pageFor(browser, academyOwner);
	await page.goto(`/organisaties/${academy.slug}`);
	const todo = page.getByRole('region', { name: 'Wat moet er nog gebeuren?' });
	await expect(todo).toContainText('Voorstellen die op jullie antwoord wachten: 1');
	await expect(todo).toContainText('Open vragen: 1');
	await expect(todo).toContainText('Niet geverifieerd');
	await todo.getByRole('link', { name: `${offerTitle} voor ${requestTitle}` }).click();
	await expect(page).toHaveURL(new RegExp(`/afspraken/${agreementId}$`));
	await page.goBack();
	await expect(todo.getByRole('link', { name: requestTitle, exact: true })).toHaveAttribute(
		'href',
		new RegExp(`/organisaties/${academy.slug}/vragen/`)
	);
	await expect(todo.getByRole('link', { name: 'Gegevens aanvullen' })).toBeVisible();
	await page.setViewportSize(PHONE);
	await expectNoSidewaysScroll(page);
	await expectNoAxeViolations(page);
	await page.context().close();
});

test('the verification queue filters, counts, and opens one decision form at a time', async ({
	browser
}) => {
	const page = await pageFor(browser, staff);
	await page.goto('/netwerk/verificatie');
	const waiting = await count(
		"select count(*)::int as n from public.organisations where verification_status in ('unverified', 'withdrawn')"
	);
	await expect(page.getByRole('status')).toHaveText(`${waiting} organisaties`);
	// No decision form is open until a row is opened.
	await expect(page.getByRole('button', { name: /verifiëren$/ })).toHaveCount(0);

	await page.getByLabel('Soort organisatie').selectOption('academy');
	await page.getByRole('searchbox', { name: 'Zoek op naam' }).fill(academyName);
	await page.getByRole('button', { name: 'Zoeken' }).click();
	await expect(page).toHaveURL(/soort=academy/);
	await expect(page.getByRole('status')).toHaveText('1 organisatie');
	const row = page.getByRole('article', { name: academyName });
	await expect(row).toContainText('Website');
	await expect(row.getByRole('link', { name: academyName })).toHaveAttribute(
		'href',
		`/academies/${academy.slug}`
	);
	await row.getByText('Beoordelen').click();
	await expect(page.getByRole('button', { name: /verifiëren$/ })).toHaveCount(1);
	await row.getByRole('button', { name: `${academyName} verifiëren` }).click();
	await expect(page.getByRole('status').first()).toHaveText('De organisatie is geverifieerd.');

	// A school filter finds no academy; the empty state offers to clear the filters.
	await page.goto(
		`/netwerk/verificatie?toon=geverifieerd&soort=school&zoek=${encodeURIComponent(academyName)}`
	);
	await expect(page.getByRole('heading', { name: 'Niets gevonden' })).toBeVisible();
	await page.goto(`/netwerk/verificatie?toon=geverifieerd&zoek=${encodeURIComponent(academyName)}`);
	await expect(page.getByRole('article', { name: academyName })).toBeVisible();
	await page.setViewportSize(PHONE);
	await expectNoSidewaysScroll(page);
	await expectNoAxeViolations(page);
	await page.context().close();
});
