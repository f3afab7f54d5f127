// Every page of the app at a phone's width (390 px) and a laptop's (1280 px), signed out, as the demo
// coordinator (and the demo school for a school's pages) and as network staff: no sideways scrolling, the
// header on one line at 1280 px, behind a "Menu" button at 390 px (its links hidden until it opens, then
// visible and at least 44 px tall), and nothing for axe. Each test lists every page that falls short.
import type { Page } from '@playwright/test';
import pg from 'pg';
import { databaseUrl } from '../../stack/config.js';
import {
	accountMenu,
	expect,
	expectNoAxeViolations,
	seedIds,
	seedValue,
	shipsJavaScript,
	signIn,
	test
} from './support';

const DEMO_PASSWORD = 'groeistoot-demo';
const WIDTHS = [390, 1280] as const;
const HEIGHT = { 390: 844, 1280: 800 } as const;

type Role = 'visitor' | 'coordinator' | 'school' | 'staff';
const ACCOUNTS: Record<Exclude<Role, 'visitor'>, string> = {
	coordinator: 'coordinator@groeistoot.test',
	school: 'school@groeistoot.test',
	staff: 'netwerk@groeistoot.test'
};

let paths: Record<Role, string[]>;

test.beforeAll(async () => {
	const db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	try {
		const {
			academy,
			school,
			company,
			partner,
			activity,
			request,
			offer,
			agreement,
			publicOffer,
			publicRequest
		} = await seedIds(db);
		const municipality = await seedValue(
			db,
			`select o.municipality_nis::text as value from public.organisations o where o.slug = $1`,
			[academy]
		);
		// A seeded event and its community (an unknown id is a 404 page, which must fit too).
		const event = await seedValue(
			db,
			`select coalesce((select id::text from public.community_events order by starts_at, id limit 1),
			 '00000000-0000-4000-8000-000000000000') as value`
		);
		const community = await seedValue(
			db,
			`select coalesce((select community_id::text from public.community_events order by starts_at, id
			 limit 1), '00000000-0000-4000-8000-000000000000') as value`
		);
		// A seeded post with a comment (the pinned welcome in Gent: the oldest visible one).
		const post = await seedValue(
			db,
			`select coalesce((select id::text from public.posts where status = 'visible' order by created_at, id
			 limit 1), '00000000-0000-4000-8000-000000000000') as value`
		);
		paths = {
			visitor: [
				'/',
				'/zoeken?q=robotica',
				'/zoeken?q=robotica&weergave=kaart',
				'/academies',
				`/academies/${academy}`,
				'/activiteiten',
				`/activiteiten/${activity}`,
				'/scholen',
				`/scholen/${school}`,
				'/bedrijven',
				`/bedrijven/${company}`,
				'/partners',
				`/partners/${partner}`,
				'/aanbod',
				`/aanbod/${publicOffer}`,
				'/vragen',
				`/vragen/${publicRequest}`,
				`/gemeenten/${municipality}`,
				'/gemeenten',
				'/gemeenten?zoek=gent&provincie=oost-vlaanderen',
				'/dekking',
				'/dekking?schooljaar=2025&basis=2024',
				'/dekking/tabel',
				// The white spots by name, and one province's in full.
				'/dekking/witte-vlekken',
				'/dekking/witte-vlekken?provincie=Oost-Vlaanderen',
				// A white spot (Deinze): the section to start an academy there.
				'/gemeenten/44083',
				'/gemeenten/44021/community',
				'/gemeenten/44021/community/mensen',
				'/regios/westhoek',
				'/goede-praktijken',
				`/evenementen/${event}`,
				`/berichten/${post}`,
				`/goede-praktijken/${await seedValue(db, `select id::text as value from public.good_practice_cards where status = 'visible' order by featured_at nulls last, id limit 1`)}`,
				'/aanmelden',
				'/aanmelden/link',
				'/registreren',
				'/wachtwoord-vergeten',
				'/privacy',
				`/mensen/${await seedValue(db, `select h.user_id::text as value from public.helper_profiles h join public.profiles p on p.id = h.user_id where h.visibility = 'public' and p.visibility = 'public' order by h.user_id limit 1`)}`,
				'/privacy/account-verwijderd',
				'/statistieken',
				'/open-data',
				'/meldingen/uitschrijven',
				'/bestaat-niet'
			],
			coordinator: [
				'/',
				'/profiel',
				'/profiel/gegevens',
				'/profiel/meldingen',
				'/agenda',
				`/evenementen/nieuw?community=${community}`,
				`/berichten/${post}`,
				'/berichten/nieuw?community=c0000000-0000-4000-8000-000000000001',
				'/moderatie',
				'/profiel/wachtwoord',
				'/profiel/leerkracht',
				'/helpen',
				'/mijn-organisaties',
				'/meldingen',
				'/afspraken',
				`/afspraken/${agreement}`,
				'/organisaties/nieuw',
				'/goede-praktijken/nieuw',
				`/organisaties/${academy}`,
				`/organisaties/${academy}/bewerken`,
				`/organisaties/${academy}/leden`,
				`/organisaties/${academy}/academieprofiel`,
				`/organisaties/${academy}/activiteiten`,
				`/organisaties/${academy}/activiteiten/nieuw`,
				`/organisaties/${academy}/activiteiten/importeren`,
				`/organisaties/${academy}/activiteiten/${activity}/bewerken`,
				`/organisaties/${academy}/activiteiten/${activity}/bereik`,
				`/organisaties/${academy}/vragen`,
				`/organisaties/${academy}/vragen/nieuw`,
				`/organisaties/${academy}/vragen/${request}`,
				`/organisaties/${academy}/vrijwilligers`,
				`/organisaties/${academy}/regios`,
				`/organisaties/${academy}/inclusie`,
				`/organisaties/${academy}/kwaliteitslabel`,
				`/organisaties/${academy}/coaching`,
				'/gemeenten/44083',
				'/gemeenten/44083/starten',
				'/gemeenten/44021/community',
				'/gemeenten/44021/community/mensen',
				'/gemeenten/44021/community/leden',
				`/uitnodiging/${'0'.repeat(64)}`,
				'/wachtwoord-herstellen',
				'/afmelden'
			],
			school: [
				`/organisaties/${school}`,
				`/organisaties/${school}/aanbod`,
				`/organisaties/${school}/aanbod/nieuw`,
				`/organisaties/${school}/aanbod/${offer}`,
				`/organisaties/${school}/leerkrachten`
			],
			staff: [
				'/',
				'/netwerk/verificatie',
				'/netwerk/regios',
				'/netwerk/witte-vlekken',
				'/netwerk/witte-vlekken/44083',
				'/netwerk/inclusie',
				'/netwerk/statistieken',
				'/netwerk/import',
				'/netwerk/kwaliteitslabel',
				// The seed's submitted application (Robotica Club Leuven), waiting for review.
				'/netwerk/kwaliteitslabel/13000000-0000-4000-8000-000000000002',
				'/mijn-organisaties'
			]
		};
	} finally {
		await db.end();
	}
});

/** What is wrong with the page as it is now shown at `width`, as sentences; none when it is fine. */
async function problems(page: Page, width: (typeof WIDTHS)[number]): Promise<string[]> {
	const found: string[] = [];
	const { scrollWidth, innerWidth } = await page.evaluate(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		innerWidth: window.innerWidth
	}));
	if (scrollWidth > innerWidth) found.push(`scrolls sideways (${scrollWidth} px wide)`);

	const banner = page.getByRole('banner');
	const main = banner.getByRole('navigation', { name: 'Hoofdnavigatie' });
	if (width === 1280) {
		const height = (await banner.boundingBox())?.height ?? 0;
		if (height > 80) found.push(`header ${Math.round(height)} px tall`);
		if (!(await main.isVisible())) found.push('no section navigation in the header');
	} else {
		const menu = banner.getByText('Menu', { exact: true });
		const academies = banner.getByRole('link', { name: 'Academies', exact: true });
		if (!(await menu.isVisible())) found.push('no visible menu button');
		else if (await academies.isVisible())
			found.push('the section links show before the menu opens');
		else {
			await menu.click();
			await expect(academies).toBeVisible();
			for (const link of await main.getByRole('link').all()) {
				const height = (await link.boundingBox())?.height ?? 0;
				if (height < 44)
					found.push(`menu link "${await link.textContent()}" is ${Math.round(height)} px tall`);
			}
			// Escape is JavaScript's (site-menus.ts); on a page that ships none the menu's button closes it.
			const scripted = await shipsJavaScript(page);
			if (scripted) await page.keyboard.press('Escape');
			else await menu.click();
			if (await academies.isVisible())
				found.push(
					scripted ? 'Escape does not close the menu' : 'its button does not close the menu'
				);
		}
	}

	try {
		await expectNoAxeViolations(page);
	} catch (error) {
		// The helper's message is a diff; its added lines are the violations.
		const lines = String(error instanceof Error ? error.message : error)
			// eslint-disable-next-line no-control-regex -- the colours of the diff
			.replace(/\x1b\[[0-9;]*m/g, '')
			.split('\n');
		const violations = lines
			.filter((line) => /^\s*\+\s+"/.test(line))
			.map((line) => line.trim().replace(/^\+\s+"|",?$/g, ''));
		found.push(...(violations.length > 0 ? violations : [lines[0] ?? 'axe failed']));
	}
	return found;
}

for (const role of ['visitor', 'coordinator', 'school', 'staff'] as const) {
	for (const width of WIDTHS) {
		test(`${role}: every page fits ${width} px with a header that fits too, and passes axe`, async ({
			page
		}) => {
			const list = paths[role];
			test.info().setTimeout(60_000 + list.length * 8_000);
			await page.setViewportSize({ width, height: HEIGHT[width] });
			if (role !== 'visitor') {
				await signIn(page, ACCOUNTS[role], DEMO_PASSWORD);
				await expect(accountMenu(page)).toBeVisible();
			}
			const report: string[] = [];
			for (const path of list) {
				await page.goto(path);
				if (await shipsJavaScript(page))
					await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
				for (const problem of await problems(page, width)) report.push(`${path}: ${problem}`);
			}
			expect(report, `pages that do not fit ${width} px`).toEqual([]);
		});
	}
}
