// An organisation's own lists, /mijn-organisaties and /meldingen say how many there are, page through them
// by ?pagina= (a page past the end shows the last one), and say what to do next when they are empty.
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './support';
import { exchangeFixture, type Person } from './exchange-support';

const { run, db, person, organisation, clientFor, pageFor, cleanUp } =
	exchangeFixture('eigenlijst');

const PAGE_SIZE = 20;
const REQUESTS = PAGE_SIZE + 3;
const PHONE = { width: 360, height: 800 };

let owner: Person;
let busy: { id: string; slug: string };
let quiet: { id: string; slug: string };

/** The rows of the list's table (on a phone they are cards, but still rows). */
function listRows(page: Page) {
	return page
		.getByRole('table')
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader') });
}

async function expectNoSidewaysScroll(page: Page) {
	const { scrollWidth, clientWidth } = await page.evaluate(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		clientWidth: document.documentElement.clientWidth
	}));
	expect(scrollWidth, `page width on ${page.url()}`).toBeLessThanOrEqual(clientWidth);
}

test.beforeAll(async () => {
	await db.connect();
	owner = await person('eigenaar', 'Eva Eigenaar');
	busy = await organisation('academy', `Drukke academie ${run}`, owner);
	quiet = await organisation('academy', `Stille academie ${run}`, owner);
	const client = await clientFor(owner);
	const inserted = await client.from('requests').insert(
		Array.from({ length: REQUESTS }, (_, i) => ({
			organisation_id: busy.id,
			kind: 'volunteers',
			title: `Vraag ${String(i + 1).padStart(2, '0')} ${run}`,
			people: 2,
			municipality_nis: '44021'
		}))
	);
	if (inserted.error) throw inserted.error;
});

test.afterAll(cleanUp);

test('an organisation’s requests say how many, page by ?pagina= and show the last page past the end', async ({
	browser
}) => {
	const page = await pageFor(browser, owner);
	const path = `/organisaties/${busy.slug}/vragen`;
	await page.goto(path);
	await expect(page.getByText(`${REQUESTS} vragen`, { exact: true })).toBeVisible();
	await expect(listRows(page)).toHaveCount(PAGE_SIZE);
	const first = await page.getByRole('rowheader').allInnerTexts();
	const pager = page.getByRole('navigation', { name: 'Paginering' });
	await expect(pager).toContainText('Pagina 1 van 2');

	await pager.getByRole('link', { name: 'Volgende pagina' }).click();
	await expect(page).toHaveURL(`${path}?pagina=2`);
	await expect(listRows(page)).toHaveCount(REQUESTS - PAGE_SIZE);
	await expect(pager).toContainText('Pagina 2 van 2');
	// The two pages together hold every request once (they were inserted at the same moment).
	const second = await page.getByRole('rowheader').allInnerTexts();
	expect(new Set([...first, ...second]).size).toBe(REQUESTS);

	const past = await page.goto(`${path}?pagina=99`);
	expect(past?.status()).toBe(200);
	await expect(pager).toContainText('Pagina 2 van 2');
	await expect(listRows(page)).toHaveCount(REQUESTS - PAGE_SIZE);
	await expectNoAxeViolations(page);

	await page.setViewportSize(PHONE);
	await page.goto(path);
	await expect(listRows(page)).toHaveCount(PAGE_SIZE);
	await expectNoSidewaysScroll(page);
	await page.context().close();
});

test('an organisation without requests says what to do next, with the link to ask', async ({
	browser
}) => {
	const page = await pageFor(browser, owner);
	await page.goto(`/organisaties/${quiet.slug}/vragen`);
	await expect(page.getByRole('heading', { name: 'Nog geen vragen' })).toBeVisible();
	await expect(page.getByText('Vraag een lokaal, materiaal of vrijwilligers.')).toBeVisible();
	const ask = page.getByRole('link', { name: 'Een vraag stellen' });
	await expect(ask).toHaveAttribute('href', `/organisaties/${quiet.slug}/vragen/nieuw`);
	await expect(page.getByRole('table')).toHaveCount(0);
	await expectNoAxeViolations(page);

	await page.goto(`/organisaties/${quiet.slug}/activiteiten`);
	await expect(page.getByRole('heading', { name: 'Nog geen activiteiten' })).toBeVisible();
	await page.context().close();
});

test('/mijn-organisaties counts them and /meldingen says it is empty', async ({ browser }) => {
	const page = await pageFor(browser, owner);
	await page.goto('/mijn-organisaties');
	await expect(page.getByText('2 organisaties', { exact: true })).toBeVisible();
	await expect(page.getByRole('link', { name: `Drukke academie ${run}` })).toBeVisible();

	await page.goto('/meldingen?pagina=3');
	await expect(page.getByRole('heading', { name: 'Geen meldingen' })).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Paginering' })).toHaveCount(0);
	await expectNoAxeViolations(page);
	await page.context().close();
});
