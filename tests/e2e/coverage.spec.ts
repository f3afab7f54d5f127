// Coverage (/dekking): the map of the 304 current Flemish and Brussels municipalities (each a named link),
// the per-province table whose total matches a count made here from the database, the school year and
// basis chosen through the GET form without JavaScript (the 2024 basis: 319 municipalities), a white spot
// counted per province on /dekking and listed on its own page (/dekking/witte-vlekken, that province in full)
// leading to its municipality page with the same status and its nearest academies, the table alternative on
// a page of its own; in Dutch and English, axe-clean, without sideways scrolling at 360 and 1920 px; and a
// light page (no JavaScript, so the map's geometry is in the HTML once and nothing is sent twice).
import type { Page } from '@playwright/test';
import pg from 'pg';
import { databaseUrl } from '../../stack/config.js';
import { expect, expectNoAxeViolations, test } from './support';

/** The school year today falls in (Belgian date), as the page defaults to it. */
function currentSchoolYear(): number {
	const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Brussels' });
	const [year, month] = today.split('-').map(Number);
	return month! >= 9 ? year! : year! - 1;
}

async function query<Row>(sql: string, values: unknown[] = []): Promise<Row[]> {
	const db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	try {
		return (await db.query(sql, values)).rows as Row[];
	} finally {
		await db.end();
	}
}

/** Current Flemish and Brussels municipalities with a verified academy's seat, counted here. */
async function coveredNow(yearEnds: string): Promise<number> {
	const [row] = await query<{ n: number }>(
		`select count(distinct coalesce(m.merged_into, m.nis))::int as n
		 from public.organisations o join public.municipalities m on m.nis = o.municipality_nis
		 where o.kind = 'academy' and o.verification_status = 'verified' and m.region <> 'WAL'
		   and (o.verified_at is null or (o.verified_at at time zone 'Europe/Brussels')::date <= $1::date)`,
		[yearEnds]
	);
	return row!.n;
}

/** Municipalities of 2024 with an academy: each academy in the part of its municipality nearest to it. */
async function covered2024(yearEnds: string): Promise<number> {
	const [row] = await query<{ n: number }>(
		`with units as (
		   select nis, merged_into, lat, lng from public.municipalities
		   where region <> 'WAL' and valid_from <= '2024-12-31' and coalesce(valid_to, '2024-12-31') >= '2024-12-31')
		 select count(distinct part.nis)::int as n
		 from public.organisations o
		 cross join lateral (
		   select u.nis from units u where u.nis = o.municipality_nis or u.merged_into = o.municipality_nis
		   order by asin(sqrt(power(sin(radians(u.lat - o.lat) / 2), 2)
		     + cos(radians(o.lat)) * cos(radians(u.lat)) * power(sin(radians(u.lng - o.lng) / 2), 2))), u.nis
		   limit 1) part
		 where o.kind = 'academy' and o.verification_status = 'verified'
		   and (o.verified_at is null or (o.verified_at at time zone 'Europe/Brussels')::date <= $1::date)`,
		[yearEnds]
	);
	return row!.n;
}

const totalRow = (page: Page, name: string) =>
	page.getByRole('row', { name: new RegExp(`^${name}`) });

test('the coverage map, table and white spots in Dutch, a white spot leading to its page', async ({
	page
}) => {
	const year = currentSchoolYear();
	await page.goto('/dekking');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Dekking: waar zijn de witte vlekken?' })
	).toBeVisible();

	const map = page.getByRole('group', { name: /^Kaart van de Vlaamse en Brusselse gemeenten/ });
	await expect(map).toBeVisible();
	await expect(map.getByRole('link')).toHaveCount(304);
	// Gent has the demo academy's seat; its shape is a link named by name and status, reachable by keyboard
	const gent = map.getByRole('link', { name: 'Gent: Academie' });
	await gent.focus();
	await expect(gent).toBeFocused();
	await expect(page.getByText(/^Alleen activiteiten \(\d+\)$/)).toBeVisible();

	const covered = await coveredNow(`${year + 1}-08-31`);
	const total = totalRow(page, 'Totaal');
	await expect(total.getByRole('cell').nth(0)).toHaveText('304');
	await expect(total.getByRole('cell').nth(1)).toHaveText(String(covered));
	const pct = ((100 * covered) / 304).toFixed(2).replace('.', ',');
	await expect(total.getByRole('cell').nth(2)).toHaveText(`${pct} %`);
	await expect(page.getByText(/308 Vlaamse gemeenten van vóór de fusies van 2019/)).toBeVisible();
	await expectNoAxeViolations(page);

	// a white spot: open its province, follow the municipality's link
	const [spot] = await query<{ nis: string; name: string; province: string }>(
		`select m.nis, m.name_nl as name,
		   case m.region when 'BRU' then 'Brussel' else replace(m.province_nl, 'Provincie ', '') end as province
		 from public.municipalities m
		 where m.valid_to is null and m.region <> 'WAL'
		   and not exists (select 1 from public.organisations o join public.municipalities om
		     on om.nis = o.municipality_nis where coalesce(om.merged_into, om.nis) = m.nis
		     and o.kind = 'academy' and o.verification_status = 'verified')
		 order by m.name_nl limit 1`
	);
	// /dekking counts them per province; each count links to the white spots' page with its list open.
	const summary = page.getByRole('region', { name: 'Witte vlekken' });
	await expect(
		summary.getByText(
			`In schooljaar ${year}–${year + 1} hebben ${304 - covered} van de 304 gemeenten nog geen STEM-academie.`
		)
	).toBeVisible();
	await summary
		.getByRole('link', { name: new RegExp(`^${spot!.province}: \\d+ gemeente`) })
		.click();
	await expect(page).toHaveURL(/\/dekking\/witte-vlekken\?schooljaar=\d{4}&provincie=/);
	await expect(
		page.getByRole('heading', { level: 1, name: `Witte vlekken in ${spot!.province}` })
	).toBeVisible();
	await expectNoAxeViolations(page);
	const spots = page.getByRole('region', { name: 'Witte vlekken' });
	const item = spots.getByRole('listitem').filter({
		has: page.getByRole('link', { name: spot!.name, exact: true })
	});
	await expect(item.getByText('Dichtstbije academies:')).toBeVisible();
	// where the link leads (the page, served without JavaScript, keeps SvelteKit's relative hrefs)
	await expect(item.getByRole('link', { name: `Community van ${spot!.name}` })).toHaveJSProperty(
		'pathname',
		`/gemeenten/${spot!.nis}/community`
	);
	await item.getByRole('link', { name: spot!.name, exact: true }).click();
	await expect(page).toHaveURL(new RegExp(`/gemeenten/${spot!.nis}$`));
	const section = page.getByRole('region', { name: /^Dekking in schooljaar/ });
	await expect(section.getByText(/^(Nog niets|Alleen activiteiten)\.$/)).toBeVisible();
	await expect(section.getByText('Dichtstbije academies:')).toBeVisible();
	await expect(section.getByRole('listitem')).toHaveCount(3);
	await expect(
		section.getByRole('link', { name: 'Bekijk de dekking van Vlaanderen en Brussel' })
	).toHaveJSProperty('pathname', '/dekking');
	await expectNoAxeViolations(page);
});

test('reached from a page that hydrated, the coverage pages render in the browser with their data', async ({
	page
}) => {
	// They send no JavaScript of their own (csr = false), but a link on a page that did hydrate (the
	// header's menu) navigates client-side: the page's __data.json then carries the rows it renders.
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/goede-praktijken');
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	const data = page.waitForResponse((r) => r.url().includes('/dekking/__data.json'));
	const nav = page.getByRole('banner').getByRole('navigation', { name: 'Hoofdnavigatie' });
	await nav.getByText('Community', { exact: true }).click();
	await nav.getByRole('link', { name: 'Dekking', exact: true }).click();
	expect((await data).status()).toBe(200);
	await expect(page).toHaveURL(/\/dekking$/);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Dekking: waar zijn de witte vlekken?' })
	).toBeVisible();
	const map = page.getByRole('group', { name: /^Kaart van de Vlaamse en Brusselse gemeenten/ });
	await expect(map.getByRole('link')).toHaveCount(304);
	await expect(totalRow(page, 'Totaal').getByRole('cell').nth(0)).toHaveText('304');

	// On from there, still in the browser: the table and the white spots.
	await page.getByRole('link', { name: 'Dezelfde gegevens als tabel' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Alle gemeenten als tabel' })
	).toBeVisible();
	await expect(page.getByRole('rowheader')).toHaveCount(304);
	await page.goBack();
	await page.getByRole('link', { name: 'Alle witte vlekken, per provincie' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Witte vlekken: gemeenten zonder STEM-academie' })
	).toBeVisible();
	await expect(page.getByRole('link', { name: 'Gent', exact: true })).toHaveCount(0);
	await expect(page.getByRole('heading', { level: 3, name: /^Limburg/ })).toBeVisible();
});

test("the school year and basis, and the white spots' school year, are chosen with GET forms without JavaScript", async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	try {
		const year = currentSchoolYear() - 1;
		await page.goto('/dekking');
		await page.getByLabel('Schooljaar', { exact: true }).selectOption(String(year));
		await page.getByLabel('Gemeenten', { exact: true }).selectOption('2024');
		await page.getByRole('button', { name: 'Toon' }).click();
		await expect(page).toHaveURL(new RegExp(`schooljaar=${year}&basis=2024`));
		await expect(page.getByRole('table').first()).toContainText(
			`schooljaar ${year}–${year + 1}, gemeenten van 2024`
		);
		const total = totalRow(page, 'Totaal');
		await expect(total.getByRole('cell').nth(0)).toHaveText('319');
		await expect(total.getByRole('cell').nth(1)).toHaveText(
			String(await covered2024(`${year + 1}-08-31`))
		);

		// a school year the form does not offer: the current one, and a message next to the field
		await page.goto('/dekking?schooljaar=1999&basis=2019');
		await expect(
			page.getByText('Kies een schooljaar uit de lijst.', { exact: false })
		).toBeVisible();
		await expect(
			page.getByText('Kies de huidige gemeenten of die van 2024.', { exact: false })
		).toBeVisible();
		await expect(totalRow(page, 'Totaal').getByRole('cell').nth(0)).toHaveText('304');

		// the white spots of that school year, through their page's form
		await page.goto('/dekking/witte-vlekken');
		await page.getByLabel('Schooljaar', { exact: true }).selectOption(String(year));
		await page.getByRole('button', { name: 'Toon' }).click();
		await expect(page).toHaveURL(new RegExp(`/dekking/witte-vlekken\\?schooljaar=${year}$`));
		await expect(
			page.getByText(`zonder STEM-academie in schooljaar ${year}–${year + 1}`)
		).toBeVisible();
		// every white spot by name, one item each
		const items = page.getByRole('region', { name: 'Witte vlekken' }).getByRole('listitem');
		await expect(items).toHaveCount(304 - (await coveredNow(`${year + 1}-08-31`)));
		// a province keeps the chosen school year, and the year form keeps the province
		await page.getByRole('link', { name: /^Limburg \(\d+\)$/ }).click();
		await expect(page).toHaveURL(
			new RegExp(`/dekking/witte-vlekken\\?schooljaar=${year}&provincie=Limburg$`)
		);
		await page.getByLabel('Schooljaar', { exact: true }).selectOption(String(year - 1));
		await page.getByRole('button', { name: 'Toon' }).click();
		await expect(page).toHaveURL(
			new RegExp(`/dekking/witte-vlekken\\?schooljaar=${year - 1}&provincie=Limburg$`)
		);
		await expect(
			page.getByText(`zonder STEM-academie in Limburg in schooljaar ${year - 1}–${year}`)
		).toBeVisible();
	} finally {
		await context.close();
	}
});

test('the coverage page in English', async ({ page, baseURL }) => {
	const switched = await page.request.post('/taal', {
		form: { locale: 'en', redirectTo: '/dekking' },
		headers: { origin: baseURL! }
	});
	expect(switched.ok()).toBe(true);
	await page.goto('/dekking');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Coverage: where are the white spots?' })
	).toBeVisible();
	await expect(page.getByRole('columnheader', { name: 'With an academy' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Gent: Academy' })).toBeVisible();
	await expect(page.getByText(/308 Flemish municipalities before the 2019 mergers/)).toBeVisible();
	await expect(totalRow(page, 'Total').getByRole('cell').nth(0)).toHaveText('304');
	await expectNoAxeViolations(page);
});

for (const width of [360, 1920]) {
	test(`the coverage page fits ${width} px without sideways scrolling`, async ({ page }) => {
		await page.setViewportSize({ width, height: 900 });
		await page.goto('/dekking');
		const map = page.getByRole('group', { name: /^Kaart van de Vlaamse/ });
		const box = await map.boundingBox();
		expect(box!.width).toBeLessThanOrEqual(width);
		expect(box!.width).toBeGreaterThan(Math.min(width, 896) - 80);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBe(0);

		await page.goto('/dekking/tabel');
		expect(
			await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			)
		).toBe(0);
	});
}

test('the table alternative lists the 304 municipalities per province, as the map does', async ({
	page
}) => {
	await page.goto('/dekking');
	await page.getByRole('link', { name: 'Dezelfde gegevens als tabel' }).click();
	await expect(page).toHaveURL(/\/dekking\/tabel\?schooljaar=\d{4}$/);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Alle gemeenten als tabel' })
	).toBeVisible();
	const [counts] = await query<{ municipalities: number; provinces: number }>(
		`select count(*)::int as municipalities,
		   count(distinct case region when 'BRU' then 'BRU' else province_nl end)::int as provinces
		 from public.municipalities where valid_to is null and region <> 'WAL'`
	);
	await expect(page.getByRole('table')).toHaveCount(counts!.provinces);
	// each row is headed by its municipality: 304 of them, as many as the map's links
	await expect(page.getByRole('rowheader')).toHaveCount(counts!.municipalities);
	const gent = page
		.getByRole('row')
		.filter({ has: page.getByRole('link', { name: 'Gent', exact: true }) });
	await expect(gent.getByRole('cell').first()).toHaveText('Academie');
	await expect(
		page.getByRole('heading', { level: 2, name: /^Oost-Vlaanderen: \d+ gemeenten$/ })
	).toBeVisible();
	await expectNoAxeViolations(page);
});

test('the coverage page sends its map once and weighs well under 200 kB', async ({ request }) => {
	const response = await request.get('/dekking');
	expect(response.ok()).toBe(true);
	const html = await response.text();
	// The first municipality's outline, as the map draws it.
	const d = /<svg[^>]*coverage-map[^>]*>.*?<path d="([^"]+)"/s.exec(html)?.[1];
	expect(d, 'a path in the map').toBeTruthy();
	expect(d!.length).toBeGreaterThan(20);
	// Once in the map, never again as data for hydration (nor anywhere else).
	expect(html.split(d!).length - 1).toBe(1);
	expect(html).not.toContain('__sveltekit');
	expect(Buffer.byteLength(html)).toBeLessThan(200_000);
});

test('the white spots page lists every white spot by name, one province in full, in Dutch and English', async ({
	page,
	baseURL
}) => {
	const year = currentSchoolYear();
	await page.goto('/dekking/witte-vlekken');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Witte vlekken: gemeenten zonder STEM-academie'
	);
	const spots = page.getByRole('region', { name: 'Witte vlekken' });
	const provinces = page.getByRole('navigation', { name: 'Provincies' });
	// every municipality without an academy's seat, each once, by name under its province
	const expected = 304 - (await coveredNow(`${year + 1}-08-31`));
	const items = spots.getByRole('listitem');
	await expect(items).toHaveCount(expected);
	await expect(
		provinces.getByRole('link', { name: `Alle provincies (${expected})` })
	).toHaveAttribute('aria-current', 'page');
	// no province's details: those are one province at a time
	await expect(spots.getByText('Dichtstbije academies:')).toHaveCount(0);
	// Gent has an academy: not a white spot
	await expect(spots.getByRole('link', { name: 'Gent', exact: true })).toHaveCount(0);
	await expectNoAxeViolations(page);

	// the province's count in the switcher is its number of white spots on the overview
	const limburg = spots.getByRole('region', { name: /^Limburg: \d+ gemeente/ });
	const inLimburg = await limburg.getByRole('listitem').count();
	expect(inLimburg).toBeGreaterThan(0);
	await limburg.getByRole('link', { name: 'Dichtstbije academies in Limburg' }).click();
	await expect(page).toHaveURL(
		new RegExp(`/dekking/witte-vlekken\\?schooljaar=${year}&provincie=Limburg$`)
	);
	await expect(page).toHaveTitle(/^Witte vlekken in Limburg ·/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Witte vlekken in Limburg');
	await expect(provinces.getByRole('link', { name: `Limburg (${inLimburg})` })).toHaveAttribute(
		'aria-current',
		'page'
	);
	// that province only, each white spot with its nearest academies and links
	await expect(spots.getByRole('heading', { level: 3 })).toHaveText([
		inLimburg === 1 ? 'Limburg: 1 gemeente' : `Limburg: ${inLimburg} gemeenten`
	]);
	const full = spots.getByRole('listitem').filter({
		has: page.getByRole('link', { name: /^Community van / })
	});
	await expect(full).toHaveCount(inLimburg);
	await expect(full.filter({ hasText: 'Dichtstbije academies:' })).toHaveCount(inLimburg);
	await expectNoAxeViolations(page);

	// a school year or province the page does not know: the current year, said next to the field, and
	// every province by name
	await page.goto('/dekking/witte-vlekken?schooljaar=1999&provincie=Atlantis');
	await expect(page.getByText('Kies een schooljaar uit de lijst.', { exact: false })).toBeVisible();
	await expect(items).toHaveCount(expected);
	await expect(spots.getByText('Dichtstbije academies:')).toHaveCount(0);
	await page.getByRole('link', { name: 'Terug naar de kaart' }).click();
	await expect(page).toHaveURL(new RegExp(`/dekking\\?schooljaar=${year}$`));

	const switched = await page.request.post('/taal', {
		form: { locale: 'en', redirectTo: '/dekking/witte-vlekken' },
		headers: { origin: baseURL! }
	});
	expect(switched.ok()).toBe(true);
	await page.goto('/dekking/witte-vlekken?provincie=Limburg');
	await expect(
		page.getByRole('heading', { level: 1, name: 'White spots in Limburg' })
	).toBeVisible();
	await expect(
		page.getByRole('region', { name: 'White spots' }).getByText('Nearest academies:').first()
	).toBeVisible();
	await expect(
		page
			.getByRole('navigation', { name: 'Provinces' })
			.getByRole('link', { name: /^All provinces/ })
	).toBeVisible();
	await expectNoAxeViolations(page);
});
