// The public pages as a visitor uses them: filter academies, open an academy, an activity and a
// municipality page, and see a white spot. The test makes its own academy and activities as postgres, so it
// does not depend on the seed, and removes them again.
import type { Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { databaseUrl } from '../../stack/config.js';
import { expect, expectNoAxeViolations, gotoHydrated, signIn, test } from './support';

const run = randomUUID().slice(0, 8);
// "Aaa" sorts first, so the academy is on the first page of any list it belongs to, seed or not.
const academy = { name: `Aaa Sterrenclub ${run}`, slug: `aaa-sterrenclub-${run}` };
const HASSELT = '71072';
/** Hasselt's NIS code before the 2025 merger with Kortessem. */
const FORMER_HASSELT = '71022';

const titles = {
	published: `Sterrenkijken voor beginners ${run}`,
	cancelled: `Maanavond ${run}`,
	draft: `Nog niet klaar ${run}`
};
const ids: Record<keyof typeof titles, string> = { published: '', cancelled: '', draft: '' };
let whiteSpot: { nis: string; name: string };

test.beforeAll(async () => {
	const db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	try {
		const {
			rows: [organisation]
		} = await db.query<{ id: string }>(
			`insert into public.organisations
				(kind, name, slug, description, website, public_email, street_address, postal_code,
				 municipality_nis, verification_status, verified_at)
			values ('academy', $1, $2, $3, 'https://sterrenclub.example.org', 'info@sterrenclub.example.org',
				'Kuringersteenweg 1', '3500', $4, 'verified', now())
			returning id`,
			[
				academy.name,
				academy.slug,
				'Elke woensdag kijken we samen naar de sterren.\n\n<b>Geen opmaak</b>, gewoon tekst.',
				HASSELT
			]
		);
		await db.query(
			`update public.academy_profiles
			set stem_letters = '{S,T,M}', accent_letters = '{S}', creative_link = true,
				domains = '{sterrenkunde,natuur}', age_min = 8, age_max = 14, languages = '{nl,en}',
				officially_recognised = true
			where organisation_id = $1`,
			[organisation!.id]
		);
		for (const status of ['published', 'cancelled', 'draft'] as const) {
			const {
				rows: [activity]
			} = await db.query<{ id: string }>(
				`insert into public.activities
					(organisation_id, title, domains, format, age_min, age_max, start_date, end_date,
					 session_count, venue_name, municipality_nis, capacity, price_eur, reduced_price_eur,
					 registration_url, status)
				values ($1, $2, '{sterrenkunde}', 'korte_reeks', 8, 12, current_date + 10, current_date + 40,
					4, 'Volkssterrenwacht', $3, 16, 45, 20, 'https://sterrenclub.example.org/inschrijven', $4)
				returning id`,
				[organisation!.id, titles[status], HASSELT, status]
			);
			ids[status] = activity!.id;
		}
		const {
			rows: [spot]
		} = await db.query<{ nis: string; name: string }>(
			`select c.nis, c.name_nl as name from public.current_municipalities c
			where c.region = 'VLG' and not exists (
				select 1 from public.organisations o where o.kind = 'academy' and o.municipality_nis = c.nis
			)
			order by c.name_nl limit 1`
		);
		whiteSpot = spot!;
	} finally {
		await db.end();
	}
});

test.afterAll(async () => {
	const db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	// Activities go with their academy (on delete cascade).
	await db.query('delete from public.organisations where slug = $1', [academy.slug]);
	await db.end();
});

async function filterAcademies(page: Page) {
	await page.goto('/academies');
	await page.getByRole('combobox', { name: 'Provincie' }).selectOption({ label: 'Limburg' });
	await page
		.getByRole('combobox', { name: 'Domein', exact: true })
		.selectOption({ label: 'Sterrenkunde' });
	await page.getByRole('button', { name: 'Toon resultaten' }).click();
	await expect(page).toHaveURL(/provincie=limburg/);
	await expect(page).toHaveURL(/domein=sterrenkunde/);
}

test('a visitor filters academies, opens an academy, an activity and its municipality', async ({
	page
}) => {
	await filterAcademies(page);
	await expect(page.getByRole('status')).toHaveText(/\d+ resultaten?/);
	await expect(page.getByRole('combobox', { name: 'Provincie' })).toHaveValue('limburg');
	await page.getByRole('link', { name: academy.name }).click();

	await expect(page.getByRole('heading', { level: 1, name: academy.name })).toBeVisible();
	const profile = page.getByRole('list', { name: 'STEM-profiel' });
	await expect(profile.getByRole('listitem')).toHaveText([
		/Wetenschappen \(S\): aanwezig, met accent$/,
		/Technologie \(T\): aanwezig$/,
		/Engineering \(E\): niet aanwezig$/,
		/Wiskunde \(M\): aanwezig$/
	]);
	await expect(page.getByText('Link met de creatieve sector (STEAM)')).toBeVisible();
	await expect(page.getByText('8 tot 14 jaar')).toBeVisible();
	await expect(page.getByText('<b>Geen opmaak</b>, gewoon tekst.')).toBeVisible();

	const activities = page.getByRole('region', { name: 'Komende activiteiten' });
	await expect(activities.getByRole('link', { name: titles.published })).toBeVisible();
	const cancelled = activities.getByRole('article').filter({ hasText: titles.cancelled });
	await expect(cancelled.getByText('Geannuleerd')).toBeVisible();
	await expect(activities.getByText(titles.draft)).toHaveCount(0);

	await activities.getByRole('link', { name: titles.published }).click();
	await expect(page.getByRole('heading', { level: 1, name: titles.published })).toBeVisible();
	await expect(page.getByText('€\u00a045,00')).toBeVisible();
	await expect(page.getByText('€\u00a020,00')).toBeVisible();
	await expect(page.getByText('4 sessies')).toBeVisible();
	const register = page.getByRole('link', { name: /Inschrijven/ });
	await expect(register).toHaveAttribute('href', 'https://sterrenclub.example.org/inschrijven');
	await expect(register).toHaveAttribute('rel', /noopener/);

	await page.getByRole('link', { name: 'Hasselt' }).first().click();
	await expect(page).toHaveURL(new RegExp(`/gemeenten/${HASSELT}$`));
	await expect(page.getByRole('heading', { level: 1, name: 'Hasselt' })).toBeVisible();
	const academies = page.getByRole('region', { name: 'STEM-academies' });
	await expect(academies.getByRole('link', { name: academy.name })).toBeVisible();
	await expect(
		page.getByRole('region', { name: 'Komende activiteiten' }).getByRole('link', {
			name: titles.published
		})
	).toBeVisible();
	await expect(page.getByRole('heading', { name: 'In de buurt (tot 15 km)' })).toBeVisible();
	await expect(
		page.getByRole('region', { name: 'Gemeenten in de buurt' }).getByRole('link', { name: 'Genk' })
	).toBeVisible();
});

test('a municipality without an academy says so', async ({ page }) => {
	await page.goto(`/gemeenten/${whiteSpot.nis}`);
	await expect(page.getByRole('heading', { level: 1, name: whiteSpot.name })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Nog geen STEM-academie' })).toBeVisible();
	await expect(
		page.getByText(`${whiteSpot.name} heeft nog geen STEM-academie op Groeistoot.`)
	).toBeVisible();
});

test("a municipality's page sends no JavaScript and no copy of its data, and renders from a client-side navigation too", async ({
	page
}) => {
	// Server-rendered, it is HTML only (csr = false): no script, so no copy of the data for hydration.
	const response = await page.request.get(`/gemeenten/${HASSELT}`);
	expect(response.status()).toBe(200);
	const html = await response.text();
	expect(html).not.toContain('<script');

	// A link on a page that did hydrate navigates in the browser: the __data.json carries what it shows.
	await gotoHydrated(page, `/academies/${academy.slug}`);
	const data = page.waitForResponse((r) => r.url().includes(`/gemeenten/${HASSELT}/__data.json`));
	await page.getByRole('link', { name: 'Hasselt' }).first().click();
	expect((await data).status()).toBe(200);
	await expect(page.getByRole('heading', { level: 1, name: 'Hasselt' })).toBeVisible();
	await expect(
		page.getByRole('region', { name: 'STEM-academies' }).getByRole('link', { name: academy.name })
	).toBeVisible();
	await expect(
		page.getByRole('region', { name: 'Gemeenten in de buurt' }).getByRole('link', { name: 'Genk' })
	).toBeVisible();
});

test('the municipality labels come once from /api/gemeenten, not with every page', async ({
	page
}) => {
	// The list of offers carries no labels: no <datalist>, no copy in its data.
	const html = await (await page.request.get('/aanbod')).text();
	expect(html).not.toContain('<datalist');
	expect(html).not.toContain('Gent — Oost-Vlaanderen');

	// The endpoint: every current municipality of Flanders and Brussels, kept by browsers for an hour.
	const answer = await page.request.get('/api/gemeenten');
	expect(answer.status()).toBe(200);
	expect(answer.headers()['cache-control']).toBe('public, max-age=3600');
	expect(answer.headers()['set-cookie']).toBeUndefined();
	const db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	try {
		const { rows } = await db.query<{ nis: string }>(
			`select nis from public.current_municipalities where region in ('VLG', 'BRU')`
		);
		expect(await answer.json()).toHaveLength(rows.length);
	} finally {
		await db.end();
	}
	expect(await answer.json()).toContain('Gent — Oost-Vlaanderen');

	// Signed in, the same answer and still no cookie: it is read without the person's session, since shared
	// caches may keep it.
	await signIn(page, 'coordinator@groeistoot.test', 'groeistoot-demo');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Wat vraagt jouw aandacht?' })
	).toBeVisible();
	const signedIn = await page.request.get('/api/gemeenten');
	expect(signedIn.headers()['set-cookie']).toBeUndefined();
	expect(await signedIn.json()).toEqual(await answer.json());
	await page.context().clearCookies();

	// In the browser the field asks for them when it is first used, once.
	const asked: string[] = [];
	page.on('request', (request) => {
		if (new URL(request.url()).pathname === '/api/gemeenten') asked.push(request.url());
	});
	await gotoHydrated(page, '/aanbod');
	expect(asked).toHaveLength(0);
	const field = page.getByRole('combobox', { name: 'Gemeente' });
	await field.pressSequentially('gen');
	const suggestions = page.getByRole('listbox', { name: 'Suggesties voor je gemeente' });
	await expect(suggestions.getByRole('option', { name: 'Gent — Oost-Vlaanderen' })).toBeVisible();
	await field.fill('');
	await field.pressSequentially('has');
	await expect(suggestions.getByRole('option', { name: 'Hasselt — Limburg' })).toBeVisible();
	expect(asked).toHaveLength(1);
});

test("the lists' municipality filter takes a typed name, and a link's NIS code shows as its name", async ({
	page
}) => {
	await gotoHydrated(page, '/academies');
	const field = page.getByRole('combobox', { name: 'Gemeente' });
	await field.pressSequentially('hasse');
	await page
		.getByRole('listbox', { name: 'Suggesties voor je gemeente' })
		.getByRole('option', { name: 'Hasselt — Limburg' })
		.click();
	await page.getByRole('button', { name: 'Toon resultaten' }).click();
	await expect(page).toHaveURL(/gemeente=Hasselt/);
	await expect(page.getByRole('link', { name: academy.name })).toBeVisible();
	await expect(page.getByRole('combobox', { name: 'Gemeente' })).toHaveValue('Hasselt — Limburg');
	await expect(page.getByText('Niet elke filter in deze link klopte')).toHaveCount(0);
	// Every academy listed is in Hasselt.
	await expect(page.getByRole('article').filter({ hasNotText: 'Hasselt' })).toHaveCount(0);

	// The municipality page's link names the municipality by its NIS code.
	await gotoHydrated(page, `/activiteiten?gemeente=${HASSELT}`);
	await expect(page.getByRole('combobox', { name: 'Gemeente' })).toHaveValue('Hasselt — Limburg');
	await expect(page.getByRole('link', { name: titles.published })).toBeVisible();

	// A name that is no municipality is said at the field, which keeps it, and the list ignores it.
	await gotoHydrated(page, '/activiteiten?gemeente=Atlantis');
	const unknown = page.getByRole('combobox', { name: 'Gemeente' });
	await expect(unknown).toHaveValue('Atlantis');
	await expect(unknown).toHaveAccessibleDescription(
		/We kennen geen huidige gemeente met deze naam/
	);
	await expect(page.getByText('Niet elke filter in deze link klopte')).toHaveCount(0);
});

test('a merged municipality redirects permanently to the current one', async ({ request }) => {
	const response = await request.get(`/gemeenten/${FORMER_HASSELT}`, { maxRedirects: 0 });
	expect(response.status()).toBe(301);
	expect(response.headers()['location']).toMatch(new RegExp(`/gemeenten/${HASSELT}$`));
});

test('unknown, draft and malformed addresses are 404 with a Dutch message, never 500', async ({
	page
}) => {
	for (const [path, message] of [
		['/academies/bestaat-niet-' + run, 'Deze STEM-academie bestaat niet (meer).'],
		[`/activiteiten/${ids.draft}`, 'Deze activiteit bestaat niet (meer).'],
		// An address that cannot name anything (route parameters are matched first) is any page not found.
		['/activiteiten/geen-uuid', 'Deze pagina bestaat niet (meer).'],
		['/gemeenten/99999', 'Deze gemeente kennen we niet.'],
		['/gemeenten/abc', 'Deze pagina bestaat niet (meer).'],
		['/scholen/bestaat-niet-' + run, 'Deze school bestaat niet (meer).']
	] as const) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(404);
		await expect(page.getByText(message)).toBeVisible();
	}
});

test('invalid filters in the URL are named and ignored', async ({ page }) => {
	const response = await page.goto('/academies?provincie=atlantis&leeftijd=honderd&pagina=-2');
	expect(response?.status()).toBe(200);
	await expect(page.getByRole('note')).toHaveText(
		'Niet elke filter in deze link klopte. We negeerden: provincie, leeftijd, pagina.'
	);
	await expect(page.getByRole('status')).toHaveText(/\d+ resultaten?/);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the filters work as a plain form', async ({ page }) => {
		await filterAcademies(page);
		await expect(page.getByRole('link', { name: academy.name })).toBeVisible();
		// The municipality is a text field: a name typed in full filters the list.
		await page.getByRole('textbox', { name: 'Gemeente', exact: true }).fill('hasselt');
		await page.getByRole('button', { name: 'Toon resultaten' }).click();
		await expect(page).toHaveURL(/gemeente=hasselt/);
		await expect(page.getByRole('link', { name: academy.name })).toBeVisible();
		await expect(page.getByRole('textbox', { name: 'Gemeente', exact: true })).toHaveValue(
			'Hasselt — Limburg'
		);
	});
});

test('axe finds no violations on the list, academy, activity and municipality pages', async ({
	page
}) => {
	// Eight full axe runs on pages of up to 24 cards (each with its picture or placeholder).
	test.slow();
	for (const path of [
		'/academies?provincie=limburg',
		`/academies/${academy.slug}`,
		`/activiteiten/${ids.published}`,
		`/activiteiten/${ids.cancelled}`,
		`/gemeenten/${HASSELT}`,
		`/gemeenten/${whiteSpot.nis}`,
		'/activiteiten',
		'/scholen'
	]) {
		await page.goto(path);
		await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
		await expectNoAxeViolations(page);
	}
});
