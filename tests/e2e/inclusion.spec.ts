// Inclusion: network staff read the girls' share against 50 %, the target groups, the trend and the
// incentive rule in Dutch and English (figures checked against an independent count from the database),
// and change the rule (bad input refused next to the field with a 400, good input saved); a coordinator is
// refused the staff page but reads their own academy's Inclusie tab; another academy's member is refused it.
import pg from 'pg';
import { databaseUrl } from '../../stack/config.js';
import { expect, expectNoAxeViolations, signIn, test } from './support';

const PASSWORD = 'groeistoot-demo';
const STAFF = 'netwerk@groeistoot.test';
const COORDINATOR = 'coordinator@groeistoot.test';
const VOLUNTEER = 'vrijwilliger@groeistoot.test';
const ACADEMY = 'stem-academie-de-uitvinders';
/** Rules the test saves take effect in 2099, so the current rule other tests read stays as it is. */
const FUTURE = '2099-03-01';

async function query<Row>(sql: string, values: unknown[] = []): Promise<Row[]> {
	const db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	try {
		return (await db.query(sql, values)).rows as Row[];
	} finally {
		await db.end();
	}
}

/** The school year today falls in (Belgian date), as the pages default to it. */
function currentSchoolYear() {
	const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Brussels' });
	const [year, month] = today.split('-').map(Number) as [number, number];
	const start = month >= 9 ? year : year - 1;
	return {
		start,
		from: `${start}-09-01`,
		to: `${start + 1}-08-31`,
		label: `${start}–${start + 1}`
	};
}

/** Participants and girls in reports of published activities of verified academies this school year. */
async function reach(academySlug?: string) {
	const year = currentSchoolYear();
	const [row] = await query<{ participants: number; girls: number }>(
		`select sum(r.participants)::int as participants, sum(r.girls)::int as girls
		 from public.reach_reports r
		 join public.activities a on a.id = r.activity_id
		 join public.organisations o on o.id = a.organisation_id
		 where o.kind = 'academy' and o.verification_status = 'verified' and a.status = 'published'
		   and a.start_date between $1 and $2 and ($3::text is null or o.slug = $3)`,
		[year.from, year.to, academySlug ?? null]
	);
	return row!;
}

const number = (n: number, locale: string) => n.toLocaleString(locale);
const percent = (part: number, whole: number, locale: string) =>
	(Math.round((1000 * part) / whole) / 1000).toLocaleString(locale, {
		style: 'percent',
		minimumFractionDigits: 1,
		maximumFractionDigits: 1
	});

test.afterAll(async () => {
	await query('delete from public.inclusion_rules where valid_from = $1', [FUTURE]);
});

test('a coordinator is refused the staff page; a visitor is sent to sign in', async ({ page }) => {
	await page.goto('/netwerk/inclusie');
	await expect(page).toHaveURL(/\/aanmelden/);
	await signIn(page, COORDINATOR, PASSWORD);
	await expect(page).not.toHaveURL(/\/aanmelden/);
	const response = await page.goto('/netwerk/inclusie');
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { name: 'Aandeel meisjes' })).toHaveCount(0);
});

test('network staff read the girls share, target groups, trend and rule in Dutch and English', async ({
	page
}) => {
	// Two axe runs over a page with every academy's row: more than the default minute on a busy machine.
	test.setTimeout(150_000);
	const year = currentSchoolYear();
	const total = await reach();
	expect(total.participants).toBeGreaterThan(0);

	await signIn(page, STAFF, PASSWORD);
	await expect(page).not.toHaveURL(/\/aanmelden/);
	await page.goto('/netwerk/inclusie');
	await expect(page.getByRole('heading', { level: 1, name: 'Inclusie' })).toBeVisible();
	const all = page.getByRole('region', { name: 'Alle academies samen' });
	const row = all.getByRole('row', { name: new RegExp(`^${year.label}`) });
	await expect(row.getByRole('cell').nth(0)).toHaveText(number(total.participants, 'nl-BE'));
	await expect(row.getByRole('cell').nth(1)).toHaveText(number(total.girls, 'nl-BE'));
	await expect(row.getByRole('cell').nth(2)).toHaveText(
		percent(total.girls, total.participants, 'nl-BE')
	);
	const girls = page.getByRole('region', { name: 'Aandeel meisjes' });
	for (const caption of ['per provincie', 'per hoofddomein', 'per formaat']) {
		await expect(girls.getByRole('figure', { name: new RegExp(caption) })).toBeVisible();
	}
	await expect(girls.getByText('Streefdoel: 50 % meisjes').first()).toBeVisible();
	await expect(
		page.getByRole('region', { name: 'Bereik van de doelgroepen' }).getByRole('row', {
			name: /Uit kansarme gezinnen/
		})
	).toBeVisible();
	await expect(
		page.getByRole('region', { name: 'Evolutie per schooljaar' }).getByRole('row', {
			name: new RegExp(`^${year.label}`)
		})
	).toBeVisible();
	await expect(page.getByText(/^Nu geldt: minstens/)).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Academies die de regel halen' })).toBeVisible();
	await expectNoAxeViolations(page);

	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Inclusion' })).toBeVisible();
	const allEn = page.getByRole('region', { name: 'All academies together' });
	await expect(
		allEn
			.getByRole('row', { name: new RegExp(`^${year.label}`) })
			.getByRole('cell')
			.nth(2)
	).toHaveText(percent(total.girls, total.participants, 'en-GB'));
	await expect(page.getByRole('heading', { name: 'Trend per school year' })).toBeVisible();
	await expectNoAxeViolations(page);
});

test('the rule form refuses bad input next to the field and saves good input', async ({
	page,
	baseURL
}) => {
	await signIn(page, STAFF, PASSWORD);
	await expect(page).not.toHaveURL(/\/aanmelden/);
	await page.goto('/netwerk/inclusie');
	const share = page.getByLabel('Minimum aandeel meisjes (%)');
	const participants = page.getByLabel('Minimum aantal deelnemers');
	await share.fill('120');
	await participants.fill('veel');
	await page.getByLabel('Geldt vanaf').fill(FUTURE);
	await page.getByRole('button', { name: 'Regel opslaan' }).click();
	await expect(share).toHaveAttribute('aria-invalid', 'true');
	await expect(share).toHaveAccessibleDescription(/Geef een percentage tussen 0 en 100/);
	await expect(participants).toHaveAccessibleDescription(/Geef een geheel aantal tussen 1 en/);
	expect(
		await query('select 1 from public.inclusion_rules where valid_from = $1', [FUTURE])
	).toEqual([]);

	// The same refusal without JavaScript's help is a 400.
	const refused = await page.request.post('/netwerk/inclusie', {
		headers: { origin: baseURL!, accept: 'text/html' },
		form: { minGirlsPct: '-3', minParticipants: '50', validFrom: FUTURE }
	});
	expect(refused.status()).toBe(400);

	await share.fill('42,5');
	await participants.fill('60');
	await page.getByRole('button', { name: 'Regel opslaan' }).click();
	await expect(page.getByText('De nieuwe stimuleringsregel is opgeslagen.')).toBeVisible();
	expect(
		await query<{ pct: string; n: number }>(
			'select min_girls_pct::text as pct, min_participants as n from public.inclusion_rules where valid_from = $1',
			[FUTURE]
		)
	).toEqual([{ pct: '42.50', n: 60 }]);
});

test("an academy reads its own Inclusie tab; another academy's member is refused it", async ({
	page
}) => {
	const year = currentSchoolYear();
	const own = await reach(ACADEMY);
	expect(own.participants).toBeGreaterThan(0);

	await signIn(page, COORDINATOR, PASSWORD);
	await expect(page).not.toHaveURL(/\/aanmelden/);
	await page.goto(`/organisaties/${ACADEMY}`);
	await page.getByRole('link', { name: 'Inclusie' }).click();
	await expect(page).toHaveURL(new RegExp(`/organisaties/${ACADEMY}/inclusie$`));
	await expect(page.getByRole('heading', { level: 1, name: 'Inclusie' })).toBeVisible();
	const mine = page.getByRole('region', { name: 'Jullie bereik' });
	const row = mine.getByRole('row', { name: new RegExp(`^${year.label}`) });
	await expect(row.getByRole('cell').nth(0)).toHaveText(number(own.participants, 'nl-BE'));
	await expect(row.getByRole('cell').nth(2)).toHaveText(
		percent(own.girls, own.participants, 'nl-BE')
	);
	await expect(
		page.getByText(/^Jullie halen de stimuleringsregel (nog niet )?in deze periode\.$/)
	).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.getByRole('heading', { name: 'Your reach' })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Nederlands' }).click();

	const other = await page.context().browser()!.newContext();
	const otherPage = await other.newPage();
	await signIn(otherPage, VOLUNTEER, PASSWORD);
	await expect(otherPage).not.toHaveURL(/\/aanmelden/);
	const response = await otherPage.goto(`/organisaties/${ACADEMY}/inclusie`);
	expect(response?.status()).toBe(403);
	await other.close();
});
