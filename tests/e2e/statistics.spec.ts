// The network's statistics and open data: network staff read the three published tables for two periods
// (figures checked against an independent count from the database), download a table as CSV and choose
// periods without JavaScript; others are refused; the public summary and /open-data read in Dutch and
// English and pass axe; the open-data files answer with their header line, content type and CORS, and a
// bad date is a plain-text 400.
import pg from 'pg';
import { readFile } from 'node:fs/promises';
import { databaseUrl } from '../../stack/config.js';
import { expect, expectNoAxeViolations, signIn, test } from './support';

const PASSWORD = 'groeistoot-demo';
const STAFF = 'netwerk@groeistoot.test';
const COORDINATOR = 'coordinator@groeistoot.test';

/** Published activities of verified academies starting in [from, to] whose main domain is `domain`. */
async function countByDomain(domain: string, from: string, to: string): Promise<number> {
	const db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	try {
		const { rows } = await db.query<{ n: number }>(
			`select count(*)::int as n from public.activities a
			 join public.organisations o on o.id = a.organisation_id
			 where o.kind = 'academy' and o.verification_status = 'verified'
			   and a.status = 'published' and a.domains[1] = $1 and a.start_date between $2 and $3`,
			[domain, from, to]
		);
		return rows[0]?.n ?? 0;
	} finally {
		await db.end();
	}
}

/** The school year today falls in (Belgian date), as the pages default to it. */
function currentSchoolYear(): { from: string; to: string } {
	const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Brussels' });
	const year = Number(today.slice(0, 4));
	const start = Number(today.slice(5, 7)) >= 9 ? year : year - 1;
	return { from: `${start}-09-01`, to: `${start + 1}-08-31` };
}

const nf = (n: number) => n.toLocaleString('nl-BE');

test('a coordinator is refused the staff statistics; a visitor is sent to sign in', async ({
	page
}) => {
	await page.goto('/netwerk/statistieken');
	await expect(page).toHaveURL(/\/aanmelden/);
	await signIn(page, COORDINATOR, PASSWORD);
	await expect(page).not.toHaveURL(/\/aanmelden/);
	const response = await page.goto('/netwerk/statistieken');
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('table')).toHaveCount(0);
	const csv = await page.request.get('/netwerk/statistieken/domeinen.csv');
	expect(csv.status()).toBe(403);
});

test('network staff read the three tables with their charts in Dutch and English, and download one as CSV', async ({
	page
}) => {
	const year = currentSchoolYear();
	const programming = await countByDomain('programmeren', year.from, year.to);
	expect(programming).toBeGreaterThan(0);

	await signIn(page, STAFF, PASSWORD);
	await expect(page).not.toHaveURL(/\/aanmelden/);
	await page.goto('/netwerk/statistieken');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Statistieken van het netwerk' })
	).toBeVisible();
	for (const name of [
		'Activiteiten per domein',
		'Activiteiten per formaat',
		'Activiteiten per provincie'
	]) {
		const section = page.getByRole('region', { name });
		await expect(section.getByRole('table')).toBeVisible();
		await expect(section.getByRole('figure')).toBeVisible();
		await expect(section.getByRole('row', { name: /^TOTAL/ })).toBeVisible();
	}
	const domains = page.getByRole('region', { name: 'Activiteiten per domein' });
	// The second period is the current school year: its count for Programmeren is the independent one.
	const row = domains.getByRole('row', { name: /^Programmeren/ });
	await expect(row.getByRole('cell').nth(2)).toHaveText(nf(programming));
	await expectNoAxeViolations(page);

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		domains.getByRole('link', { name: /als CSV/ }).click()
	]);
	expect(download.suggestedFilename()).toBe('netwerk-domeinen.csv');
	const text = (await readFile(await download.path())).toString('utf8');
	const lines = text.replace(/^\uFEFF/, '').split('\r\n');
	expect(lines[0]).toBe(
		'category,period_1_count,period_1_pct,period_2_count,period_2_pct,total_count,total_pct'
	);
	expect(lines.find((line) => line.startsWith('Programmeren,'))?.split(',')[3]).toBe(
		String(programming)
	);
	expect(lines.some((line) => line.startsWith('TOTAL,'))).toBe(true);

	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Network statistics' })).toBeVisible();
	const domainsEn = page.getByRole('region', { name: 'Activities per domain' });
	// The categories keep their published Dutch names.
	await expect(domainsEn.getByRole('row', { name: /^Programmeren/ })).toBeVisible();
	await expect(domainsEn.getByRole('figure')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Nederlands' }).click();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the period form chooses other periods, and a bad date says what is wrong', async ({
		page
	}) => {
		const year = currentSchoolYear();
		const autumnEnd = `${year.from.slice(0, 4)}-12-31`;
		const expected = await countByDomain('programmeren', year.from, autumnEnd);

		await page.goto('/statistieken');
		const second = page.getByRole('group', { name: 'Tweede periode' });
		await second.getByLabel('Tot en met').fill(autumnEnd);
		await page.getByRole('button', { name: 'Toon de cijfers' }).click();
		await expect(page).toHaveURL(new RegExp(`tot2=${autumnEnd}`));
		const row = page
			.getByRole('region', { name: 'Activiteiten per domein' })
			.getByRole('row', { name: /^Programmeren/ });
		await expect(row.getByRole('cell').nth(2)).toHaveText(nf(expected));

		const response = await page.goto('/statistieken?van1=2026-02-30');
		expect(response?.status()).toBe(400);
		await expect(page.getByRole('alert')).toContainText('JJJJ-MM-DD');
		await expect(page.getByRole('alert')).toContainText('Eerste periode, Van');
	});
});

test('the public summary and the open-data page read in Dutch and English and pass axe', async ({
	page
}) => {
	await page.goto('/statistieken');
	await expect(page.getByRole('heading', { level: 1, name: 'Statistieken' })).toBeVisible();
	await expect(page.getByRole('table')).toHaveCount(3);
	await expect(page.getByRole('figure')).toHaveCount(3);
	// No filters for the public: those are the staff page's.
	await expect(page.getByLabel('Academie')).toHaveCount(0);
	await expectNoAxeViolations(page);

	await page.getByRole('contentinfo').getByRole('link', { name: 'Open data' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Open data' })).toBeVisible();
	await expect(page.getByText('category,count,pct')).toBeVisible();
	await expectNoAxeViolations(page);

	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.getByRole('heading', { name: 'Licence' })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.goto('/statistieken');
	await expect(page.getByRole('heading', { name: 'Activities per province' })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Nederlands' }).click();
});

test('the open-data files answer with their header line, content type and CORS; bad input is a plain 400', async ({
	request
}) => {
	for (const name of ['domeinen', 'formaten', 'provincies']) {
		const csv = await request.get(`/open-data/${name}.csv?van=2026-09-01&tot=2027-08-31`);
		expect(csv.status()).toBe(200);
		expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
		expect(csv.headers()['access-control-allow-origin']).toBe('*');
		expect(csv.headers()['cache-control']).toContain('public');
		const lines = (await csv.text()).split('\r\n');
		expect(lines[0]).toBe('category,count,pct');
		expect(lines.at(-2)).toMatch(/^TOTAL,\d+,(100|0)\.00$/);

		const json = await request.get(`/open-data/${name}.json?van=2026-09-01&tot=2027-08-31`);
		expect(json.headers()['content-type']).toBe('application/json; charset=utf-8');
		const rows = (await json.json()) as { category: string; count: number; pct: number }[];
		expect(rows.length).toBe(lines.length - 2);
		const [first] = rows;
		expect(`${first?.category},${first?.count},${first?.pct.toFixed(2)}`).toBe(lines[1]);
	}

	const domains = await request.get('/open-data/domeinen.csv?van=2026-09-01&tot=2027-08-31');
	const programming = await countByDomain('programmeren', '2026-09-01', '2027-08-31');
	expect((await domains.text()).split('\r\n')).toContainEqual(
		expect.stringMatching(new RegExp(`^Programmeren,${programming},`))
	);

	for (const basis of ['', '?basis=2024']) {
		const coverage = await request.get(`/open-data/dekking.csv${basis}`);
		expect(coverage.status()).toBe(200);
		const lines = (await coverage.text()).split('\r\n');
		expect(lines[0]).toBe('province,municipalities,with_academy,coverage_pct');
		expect(lines[1]).toMatch(/^West-Vlaanderen,\d+,\d+,\d+\.\d\d$/);
	}

	for (const bad of [
		'/open-data/domeinen.csv?van=2026-13-01',
		'/open-data/provincies.json?tot=gisteren',
		'/open-data/formaten.csv?van=2027-01-02&tot=2027-01-01',
		'/open-data/dekking.csv?basis=1830'
	]) {
		const response = await request.get(bad);
		expect(response.status(), bad).toBe(400);
		expect(response.headers()['content-type']).toBe('text/plain; charset=utf-8');
		expect((await response.text()).split('\n').length).toBeGreaterThanOrEqual(2);
	}
	expect((await request.get('/open-data/onbekend.csv')).status()).toBe(404);
});
