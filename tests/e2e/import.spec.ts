// Bulk import of activities through the UI. Network staff import a school year of activities with reach
// reports for verified academies in several provinces from a file this test writes; the dry run counts them
// without writing; after the import the statistics tables and the coverage of that school year equal counts
// made here from the file's own rows (and, for academies' seats, an own query); importing the file again
// changes nothing, also when its confirm form is sent twice at once. A coordinator imports for their own
// academy without JavaScript: bad files get a message next to the field and a 4xx, a broken one its errors per
// row (row, column, Dutch message), and nothing is written. Once in English. Axe on every page.
//
// The school year is the oldest one /dekking offers (three before the current one): the demo data has no
// activities in it and no other spec counts it; everything imported here is removed afterwards.
import type { Page } from '@playwright/test';
import pg from 'pg';
import { databaseUrl } from '../../stack/config.js';
import {
	expect,
	expectNoAxeViolations,
	gotoHydrated,
	openAccountMenu,
	signIn,
	test
} from './support';

const PASSWORD = 'groeistoot-demo';
const STAFF = 'netwerk@groeistoot.test';
const COORDINATOR = 'coordinator@groeistoot.test';
const RUN = `e2e-${Date.now().toString(36)}`;

/** The school year today falls in (Belgian date). */
function currentSchoolYear(): number {
	const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Brussels' });
	const [year, month] = today.split('-').map(Number) as [number, number];
	return month >= 9 ? year : year - 1;
}

const YEAR = currentSchoolYear() - 3;
const FROM = `${YEAR}-09-01`;
const TO = `${YEAR + 1}-08-31`;

async function query<Row>(sql: string, values: unknown[] = []): Promise<Row[]> {
	const db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	try {
		return (await db.query(sql, values)).rows as Row[];
	} finally {
		await db.end();
	}
}

/** Activities (any status) that start in the school year, all academies. */
async function activitiesInYear(): Promise<number> {
	const [row] = await query<{ n: number }>(
		`select count(*)::int as n from public.activities where start_date between $1 and $2`,
		[FROM, TO]
	);
	return row!.n;
}

async function removeImported(): Promise<void> {
	await query(`delete from public.activities where import_id like $1`, [`${RUN}%`]);
}

test.beforeAll(async () => {
	expect(await activitiesInYear(), `no activities in school year ${YEAR}–${YEAR + 1} yet`).toBe(0);
});

test.afterAll(removeImported);

const DOMAINS = [
	'Programmeren',
	'Techniek',
	'Natuur',
	'Sterrenkunde',
	'Wiskunde en natuurwetenschappen',
	'Life sciences',
	'Andere'
];
const FORMATS = [
	'Losse activiteit',
	'Korte reeks',
	'Lange reeks (semester)',
	'Lange reeks (jaar)',
	'Kamp zonder overnachting',
	'Kamp met overnachting'
];

type Row = Record<string, string>;

/** A CSV file (comma-separated, quoted where needed) with the given columns. */
function csv(columns: string[], rows: Row[]): Buffer {
	const cell = (value: string) =>
		/[",\n;]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
	const lines = [
		columns.join(','),
		...rows.map((row) => columns.map((c) => cell(row[c] ?? '')).join(','))
	];
	return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
}

const COLUMNS = [
	'extern_id',
	'titel',
	'domeinen',
	'formaat',
	'leeftijd_van',
	'leeftijd_tot',
	'startdatum',
	'einddatum',
	'nis',
	'deelnemers',
	'meisjes',
	'kansengroep'
];

type Place = { nis: string; name: string; province: string };

/** The published province label of a current municipality, from the municipalities table. */
const PROVINCE_SQL = `case m.region when 'BRU' then 'Brussel' else replace(m.province_nl, 'Provincie ', '') end`;

/**
 * A school year of activities for verified academies in four provinces: per academy one in its seat and
 * three elsewhere (some places shared by two academies), domains and formats cycling through the published
 * labels, a second domain on some rows (the first counts), each with a reach report.
 */
async function networkFile() {
	const academies = await query<{ slug: string } & Place>(
		`select distinct on (${PROVINCE_SQL}) o.slug, m.nis, m.name_nl as name, ${PROVINCE_SQL} as province
		 from public.organisations o join public.municipalities m on m.nis = o.municipality_nis
		 where o.kind = 'academy' and o.verification_status = 'verified' and m.valid_to is null
		   and m.region = 'VLG'
		 order by ${PROVINCE_SQL}, o.slug limit 4`
	);
	expect(academies.length).toBe(4);
	// Places without any organisation's seat, spread over Flanders and Brussels.
	const places = await query<Place>(
		`select m.nis, m.name_nl as name, ${PROVINCE_SQL} as province
		 from public.municipalities m
		 where m.valid_to is null and m.region in ('VLG', 'BRU')
		   and not exists (select 1 from public.organisations o where o.municipality_nis = m.nis)
		 order by m.nis`
	);
	const spread = [0, 17, 41, 63, 88, 120, 151].map((i) => places[i % places.length]!);
	const rows: { place: Place; values: Row }[] = [];
	let n = 0;
	for (const academy of academies) {
		const own: Place = { nis: academy.nis, name: academy.name, province: academy.province };
		for (const place of [
			own,
			spread[n % spread.length]!,
			spread[(n + 3) % spread.length]!,
			spread[(n + 5) % spread.length]!
		]) {
			const domain = DOMAINS[n % DOMAINS.length]!;
			const month = String(1 + ((n + 8) % 12)).padStart(2, '0');
			const start = `${Number(month) >= 9 ? YEAR : YEAR + 1}-${month}-${String(1 + (n % 27)).padStart(2, '0')}`;
			rows.push({
				place,
				values: {
					academie: academy.slug,
					extern_id: `${RUN}-net-${n}`,
					titel: `Importactiviteit ${n} ${RUN}`,
					domeinen: n % 3 === 0 ? `${domain};${DOMAINS[(n + 1) % DOMAINS.length]}` : domain,
					formaat: FORMATS[n % FORMATS.length]!,
					leeftijd_van: String(8 + (n % 4)),
					leeftijd_tot: String(12 + (n % 4)),
					startdatum: start,
					einddatum: start,
					nis: place.nis,
					deelnemers: String(10 + n),
					meisjes: String(4 + (n % 5)),
					kansengroep: String(n % 3)
				}
			});
			n++;
		}
	}
	return {
		rows,
		file: csv(
			['academie', ...COLUMNS],
			rows.map((row) => row.values)
		)
	};
}

/** The coordinator's academy. */
async function ownAcademy() {
	const [academy] = await query<{ id: string; slug: string; nis: string }>(
		`select o.id, o.slug, o.municipality_nis as nis from public.organisations o
		 join public.memberships m on m.organisation_id = o.id join auth.users u on u.id = m.user_id
		 where u.email = $1 and o.kind = 'academy' order by o.slug limit 1`,
		[COORDINATOR]
	);
	return academy!;
}

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
	const counts = new Map<string, number>();
	for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
	return counts;
}

const fileField = (page: Page) =>
	page.getByLabel(/^(Bestand \(CSV of XLSX\)|File \(CSV or XLSX\))/);

/** Chooses a file and checks it; answers the POST's status. */
async function check(page: Page, name: string, buffer: Buffer, button = 'Controleren') {
	await fileField(page).setInputFiles({ name, mimeType: 'text/csv', buffer });
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		page.getByRole('button', { name: button, exact: true }).click()
	]);
	return response.status();
}

/**
 * The confirm form's fields as the page rendered them (the checked file travels in a hidden field). The
 * locator waits for the form: check() returns when the answer's headers arrive, and without JavaScript the
 * page it answered may not have replaced the previous one yet (which has no confirm form after an import).
 */
async function confirmForm(page: Page) {
	return page.locator('form:has(button[value="importeren"])').evaluate((form: HTMLFormElement) => ({
		action: form.getAttribute('action') ?? location.pathname,
		bestand: (form.elements.namedItem('bestand') as HTMLInputElement).value,
		bestandsnaam: (form.elements.namedItem('bestandsnaam') as HTMLInputElement).value
	}));
}

test('network staff import a school year for several academies; statistics and coverage equal the file', async ({
	page,
	baseURL
}) => {
	test.setTimeout(300_000);
	const { rows, file } = await networkFile();

	await signIn(page, STAFF, PASSWORD);
	await expect(page).not.toHaveURL(/\/aanmelden/);
	await openAccountMenu(page);
	await page.getByRole('banner').getByRole('link', { name: 'Activiteiten importeren' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Activiteiten importeren voor het netwerk' })
	).toBeVisible();
	await expect(page.getByRole('rowheader', { name: 'academie', exact: true })).toBeVisible();
	await expectNoAxeViolations(page);

	// The template's header has every column this file uses.
	const template = await page.request.get(
		(await page.getByRole('link', { name: 'Sjabloon als CSV downloaden' }).getAttribute('href'))!
	);
	expect(template.status()).toBe(200);
	const header = (await template.text())
		.replace(/^\uFEFF/, '')
		.split(/\r?\n/)[0]!
		.split(/[;,]/);
	for (const column of ['academie', ...COLUMNS]) expect(header).toContain(column);
	const xlsx = await page.request.get(
		(await page
			.getByRole('link', { name: 'Sjabloon als Excel (XLSX) downloaden' })
			.getAttribute('href'))!
	);
	expect(xlsx.status()).toBe(200);
	expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');

	// Dry run: the counts, nothing written.
	expect(await check(page, 'schooljaar.csv', file)).toBe(200);
	const summary = `${rows.length} rijen: ${rows.length} nieuw, 0 gewijzigd, 0 ongewijzigd`;
	await expect(
		page.getByRole('status').filter({ hasText: 'schooljaar.csv is in orde' })
	).toContainText(summary);
	expect(await activitiesInYear()).toBe(0);
	await expectNoAxeViolations(page);

	await page.getByRole('button', { name: 'Importeren', exact: true }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Het bestand is geïmporteerd' })
	).toContainText(summary);
	expect(await activitiesInYear()).toBe(rows.length);
	const [reach] = await query<{ reports: number; girls: number; participants: number }>(
		`select count(*)::int as reports, sum(r.girls)::int as girls, sum(r.participants)::int as participants
		 from public.reach_reports r join public.activities a on a.id = r.activity_id
		 where a.import_id like $1`,
		[`${RUN}-net-%`]
	);
	expect(reach).toEqual({
		reports: rows.length,
		girls: rows.reduce((sum, row) => sum + Number(row.values.meisjes), 0),
		participants: rows.reduce((sum, row) => sum + Number(row.values.deelnemers), 0)
	});

	// Statistics: the year before (nothing) beside the imported year, per main domain, format and province.
	await page.goto(
		`/netwerk/statistieken?van1=${YEAR - 1}-09-01&tot1=${YEAR}-08-31&van2=${FROM}&tot2=${TO}`
	);
	const expected = {
		'Activiteiten per domein': countBy(rows, (row) => row.values.domeinen!.split(';')[0]!),
		'Activiteiten per formaat': countBy(rows, (row) => row.values.formaat!),
		'Activiteiten per provincie': countBy(rows, (row) => row.place.province)
	};
	expect(expected['Activiteiten per provincie'].size).toBeGreaterThanOrEqual(4);
	for (const [name, counts] of Object.entries(expected)) {
		const section = page.getByRole('region', { name });
		for (const [category, count] of counts) {
			const row = section.getByRole('row', {
				name: new RegExp(`^${category.replace(/[()]/g, '\\$&')} `)
			});
			await expect(row.getByRole('cell').nth(0), `${name}: ${category}`).toHaveText('0');
			await expect(row.getByRole('cell').nth(2), `${name}: ${category}`).toHaveText(String(count));
		}
		const total = section.getByRole('row', { name: /^TOTAL/ });
		await expect(total.getByRole('cell').nth(2)).toHaveText(String(rows.length));
	}

	// Coverage of that school year: each place of the file has activities, or an academy's seat when a
	// verified academy (verified before the year ended) has its seat there.
	const places = [...new Map(rows.map((row) => [row.place.nis, row.place])).values()];
	const seats = new Set(
		(
			await query<{ nis: string }>(
				`select distinct coalesce(m.merged_into, m.nis) as nis
				 from public.organisations o join public.municipalities m on m.nis = o.municipality_nis
				 where o.kind = 'academy' and o.verification_status = 'verified'
				   and (o.verified_at is null or (o.verified_at at time zone 'Europe/Brussels')::date <= $1::date)`,
				[TO]
			)
		).map((row) => row.nis)
	);
	const onlyActivities = places.filter((place) => !seats.has(place.nis));
	expect(onlyActivities.length).toBeGreaterThan(0);
	const perPlace = countBy(rows, (row) => row.place.nis);

	await page.goto(`/dekking?schooljaar=${YEAR}`);
	const map = page.getByRole('group', { name: /^Kaart van de Vlaamse en Brusselse gemeenten/ });
	await expect(page.getByText(/^Alleen activiteiten \(\d+\)$/)).toHaveText(
		`Alleen activiteiten (${onlyActivities.length})`
	);
	for (const place of places) {
		const status = seats.has(place.nis) ? 'Academie' : 'Alleen activiteiten';
		await expect(
			map.getByRole('link', { name: `${place.name}: ${status}`, exact: true })
		).toBeVisible();
	}
	await expectNoAxeViolations(page);
	// The same as a table, with the activities per municipality.
	await page.getByRole('link', { name: 'Dezelfde gegevens als tabel' }).click();
	const folded = page.getByText(/^Toon de \d+ gemeenten/);
	if (await folded.isVisible()) await folded.click();
	for (const place of places) {
		const status = seats.has(place.nis) ? 'Academie' : 'Alleen activiteiten';
		const row = page
			.getByRole('row')
			.filter({ has: page.getByRole('link', { name: place.name, exact: true }) });
		// The status in its own cell, the activities in the last.
		await expect(row.getByRole('cell', { name: status, exact: true })).toBeVisible();
		await expect(row.getByRole('cell').last()).toHaveText(String(perPlace.get(place.nis)));
	}

	// Importing the same file again: all unchanged, in the dry run and for real, also sent twice at once.
	await page.goto('/netwerk/import');
	expect(await check(page, 'schooljaar.csv', file)).toBe(200);
	const same = `${rows.length} rijen: 0 nieuw, 0 gewijzigd, ${rows.length} ongewijzigd`;
	await expect(page.getByRole('status').filter({ hasText: 'is in orde' })).toContainText(same);
	const confirm = await confirmForm(page);
	const post = () =>
		page.request.post(confirm.action, {
			headers: { origin: baseURL!, accept: 'text/html' },
			multipart: {
				stap: 'importeren',
				bestand: confirm.bestand,
				bestandsnaam: confirm.bestandsnaam
			},
			maxRedirects: 0
		});
	const answers = await Promise.all([post(), post()]);
	for (const answer of answers) {
		expect(answer.status()).toBe(200);
		expect(await answer.text()).toContain(same);
	}
	await page.getByRole('button', { name: 'Importeren', exact: true }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Het bestand is geïmporteerd' })
	).toContainText(same);
	expect(await activitiesInYear()).toBe(rows.length);
});

test('others cannot open the network import, nor another academy’s', async ({ page }) => {
	await signIn(page, COORDINATOR, PASSWORD);
	await expect(page).not.toHaveURL(/\/aanmelden/);
	expect((await page.goto('/netwerk/import'))?.status()).toBe(403);
	expect((await page.request.get('/netwerk/import/sjabloon.csv')).status()).toBe(403);
	const [other] = await query<{ slug: string }>(
		`select o.slug from public.organisations o where o.kind = 'academy' and not exists (
		   select 1 from public.memberships m join auth.users u on u.id = m.user_id
		   where m.organisation_id = o.id and u.email = $1) order by o.slug limit 1`,
		[COORDINATOR]
	);
	const response = await page.goto(`/organisaties/${other!.slug}/activiteiten/importeren`);
	expect([403, 404]).toContain(response?.status());

	// Their own academy's import page (with JavaScript: axe runs in the page).
	await page.goto(`/organisaties/${(await ownAcademy()).slug}/activiteiten/importeren`);
	await expect(
		page.getByRole('heading', { level: 1, name: /^Activiteiten importeren voor / })
	).toBeVisible();
	await expectNoAxeViolations(page);
	await check(page, 'leeg.csv', Buffer.from('extern_id,titel\r\n'));
	await expect(fileField(page)).toHaveAccessibleDescription(/.+/);
	await expect(page.getByRole('alert')).toBeVisible();
	await expectNoAxeViolations(page);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a coordinator imports for their own academy; bad and broken files write nothing', async ({
		page,
		baseURL
	}) => {
		test.setTimeout(120_000);
		const academy = await ownAcademy();
		const own = async () =>
			(
				await query<{ n: number }>(
					`select count(*)::int as n from public.activities where organisation_id = $1`,
					[academy.id]
				)
			)[0]!.n;
		const before = await own();

		// The sign-in form posts without JavaScript too.
		await page.goto('/aanmelden');
		await page.getByLabel('E-mailadres').fill(COORDINATOR);
		await page.getByLabel('Wachtwoord').fill(PASSWORD);
		await page.getByRole('button', { name: 'Aanmelden' }).click();
		await expect(page).not.toHaveURL(/\/aanmelden/);
		await page.goto(`/organisaties/${academy.slug}/activiteiten`);
		await page.getByRole('link', { name: 'Importeren uit een bestand' }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: /^Activiteiten importeren voor / })
		).toBeVisible();
		// An academy's own file has no academy column.
		await expect(page.getByRole('rowheader', { name: 'academie', exact: true })).toHaveCount(0);
		const template = await page.request.get(
			(await page.getByRole('link', { name: 'Sjabloon als CSV downloaden' }).getAttribute('href'))!
		);
		expect(template.status()).toBe(200);
		expect(await template.text()).not.toMatch(/academie/);

		// No file, a file that is no table, a file over the limit: a message next to the field, a 4xx.
		const field = fileField(page);
		const [empty] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			page.getByRole('button', { name: 'Controleren', exact: true }).click()
		]);
		expect(empty.status()).toBe(400);
		await expect(field).toHaveAccessibleDescription(/Kies een CSV- of XLSX-bestand\./);
		await expect(page.getByRole('alert')).toContainText('Kies een CSV- of XLSX-bestand.');

		expect(await check(page, 'notities.txt', Buffer.from('geen tabel'))).toBe(415);
		await expect(field).toHaveAccessibleDescription(/Dit bestand is geen CSV of XLSX\./);

		const hint = (await page.getByText(/^Hoogstens [\d,]+ MB\./).textContent())!;
		const megabytes = Number(/Hoogstens ([\d,]+) MB/.exec(hint)![1]!.replace(',', '.'));
		const large = Buffer.alloc(Math.round(megabytes * 1024 * 1024) + 1, 'a');
		expect(await check(page, 'groot.csv', large)).toBe(413);
		await expect(field).toHaveAccessibleDescription(/Dit bestand is groter dan/);

		// A broken file: each error with its row, column and what is wrong, in Dutch; nothing written.
		const good = (n: number): Row => ({
			extern_id: `${RUN}-eigen-${n}`,
			titel: `Eigen import ${n} ${RUN}`,
			domeinen: 'Techniek',
			formaat: 'Korte reeks',
			leeftijd_van: '9',
			leeftijd_tot: '12',
			startdatum: `${YEAR}-10-0${n + 1}`,
			einddatum: `${YEAR}-11-0${n + 1}`,
			nis: academy.nis,
			deelnemers: '12',
			meisjes: '5',
			kansengroep: '2'
		});
		const broken = csv(COLUMNS, [
			good(0),
			{ ...good(1), formaat: 'Zomerfeest' },
			{ ...good(2), startdatum: `${YEAR}-02-30` },
			{ ...good(3), meisjes: '40' }
		]);
		expect(await check(page, 'kapot.csv', broken)).toBe(400);
		await expect(field).toHaveAccessibleDescription(
			/Het bestand heeft \d+ fouten\. Er is niets bewaard/
		);
		const errors = page.getByRole('group', { name: 'Fouten in het bestand' }).getByRole('table');
		await expect(errors.getByRole('columnheader')).toHaveText(['Rij', 'Kolom', 'Wat er mis is']);
		for (const [row, column] of [
			['3', 'formaat'],
			['4', 'startdatum'],
			['5', 'meisjes']
		] as const) {
			const line = errors
				.getByRole('row')
				.filter({ has: page.getByRole('rowheader', { name: row, exact: true }) });
			await expect(line.getByRole('cell').first()).toHaveText(column);
			await expect(line.getByRole('cell').nth(1)).not.toBeEmpty();
		}
		await expect(errors.getByRole('rowheader', { name: '2', exact: true })).toHaveCount(0);
		await expect(errors).toContainText('Zomerfeest');
		await expect(page.getByRole('link', { name: 'Bekijk de fouten per rij' })).toHaveAttribute(
			'href',
			'#fouten'
		);
		expect(await own()).toBe(before);

		// A good file: checked, then imported with the copy the confirm form carries (no JavaScript).
		const valid = csv(COLUMNS, [good(0), good(1)]);
		expect(await check(page, 'eigen.csv', valid)).toBe(200);
		await expect(
			page.getByRole('status').filter({ hasText: 'eigen.csv is in orde' })
		).toContainText('2 rijen: 2 nieuw, 0 gewijzigd, 0 ongewijzigd');
		expect(await own()).toBe(before);
		const confirm = await confirmForm(page);
		await page.getByRole('button', { name: 'Importeren', exact: true }).click();
		await expect(
			page.getByRole('status').filter({ hasText: 'Het bestand is geïmporteerd' })
		).toContainText('2 rijen: 2 nieuw, 0 gewijzigd, 0 ongewijzigd');
		expect(await own()).toBe(before + 2);

		// The confirm form sent again (a double click, a reload): nothing doubles.
		const again = await page.request.post(confirm.action, {
			headers: { origin: baseURL!, accept: 'text/html' },
			multipart: {
				stap: 'importeren',
				bestand: confirm.bestand,
				bestandsnaam: confirm.bestandsnaam
			},
			maxRedirects: 0
		});
		expect(again.status()).toBe(200);
		expect(await own()).toBe(before + 2);
		// A new file's confirm form sent twice at the same moment: its row is created once, and the
		// second answer is a success (it found the row unchanged) or says the file was being imported.
		expect(await check(page, 'nog-een.csv', csv(COLUMNS, [good(2)]))).toBe(200);
		await expect(
			page.getByRole('status').filter({ hasText: 'nog-een.csv is in orde' })
		).toBeVisible();
		const next = await confirmForm(page);
		const both = await Promise.all(
			[1, 2].map(() =>
				page.request.post(next.action, {
					headers: { origin: baseURL!, accept: 'text/html' },
					multipart: { stap: 'importeren', bestand: next.bestand, bestandsnaam: next.bestandsnaam },
					maxRedirects: 0
				})
			)
		);
		for (const answer of both) expect([200, 409]).toContain(answer.status());
		expect(both.some((answer) => answer.status() === 200)).toBe(true);
		expect(await own()).toBe(before + 3);
		// A confirm form whose file went missing says so and writes nothing.
		const missing = await page.request.post(confirm.action, {
			headers: { origin: baseURL!, accept: 'text/html' },
			multipart: { stap: 'importeren', bestand: '%%%', bestandsnaam: 'eigen.csv' },
			maxRedirects: 0
		});
		expect(missing.status()).toBe(400);
		expect(await missing.text()).toContain('Het gecontroleerde bestand is niet meegekomen');
		await removeImported();
	});
});

test('in English: the network import and a broken file’s errors', async ({ page, baseURL }) => {
	await signIn(page, STAFF, PASSWORD);
	await expect(page).not.toHaveURL(/\/aanmelden/);
	const switched = await page.request.post('/taal', {
		form: { locale: 'en', redirectTo: '/netwerk/import' },
		headers: { origin: baseURL! }
	});
	expect(switched.ok()).toBe(true);
	await gotoHydrated(page, '/netwerk/import');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Import activities for the network' })
	).toBeVisible();
	await expect(page.getByRole('columnheader', { name: 'What it holds' })).toBeVisible();
	const file = csv(
		['academie', ...COLUMNS],
		[
			{
				academie: `no-such-academy-${RUN}`,
				extern_id: `${RUN}-en-0`,
				titel: `English import ${RUN}`,
				domeinen: 'Coding',
				formaat: 'Short series',
				leeftijd_van: '14',
				leeftijd_tot: '10',
				startdatum: `${YEAR}-10-01`,
				nis: '44021'
			}
		]
	);
	// With JavaScript the form's answer is the action's result (its 400 inside a 200).
	await check(page, 'english.csv', file, 'Check');
	await expect(fileField(page)).toHaveAccessibleDescription(
		/The file has \d+ errors?\. Nothing was saved/
	);
	const errors = page.getByRole('group', { name: 'Errors in the file' }).getByRole('table');
	await expect(errors.getByRole('columnheader')).toHaveText(['Row', 'Column', 'What is wrong']);
	await expect(errors.getByRole('row').filter({ hasText: 'leeftijd_tot' })).toBeVisible();
	await expectNoAxeViolations(page);
	expect(await activitiesInYear()).toBe(0);
});
