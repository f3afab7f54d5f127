// A community event end to end: a host creates one with a single place through the form, a person takes
// it, the demo teacher lands on the waiting list, the first person cancels and the teacher moves up (the
// page says so and the promotion mail arrives); the event downloads as a valid .ics. In Dutch and English,
// without axe violations, at 390 and 1280 px.
import type { Page } from '@playwright/test';
import { exchangeFixture, type Person } from './exchange-support';
import { accountMenu, expect, expectNoAxeViolations, linkFromMail, signIn, test } from './support';

const { run, db, person, pageFor, cleanUp } = exchangeFixture('evenement');

const TEACHER = { email: 'leerkracht@groeistoot.test', password: 'groeistoot-demo' };

let host: Person;
let guest: Person;
let communityId: string;

/** A date `days` from today in Brussels, as the date field takes it. */
function dayFromToday(days: number) {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(
		new Date(Date.now() + days * 24 * 3600 * 1000)
	);
}

async function expectNoSidewaysScroll(page: Page) {
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
}

test.beforeAll(async () => {
	await db.connect();
	[host, guest] = await Promise.all([person('host', 'Hanne Host'), person('gast', 'Gert Gast')]);
	const { rows } = await db.query<{ id: string }>(
		`insert into public.communities (kind, slug, name) values ('region', $1, $2) returning id`,
		[`e2e-evenement-${run}`, `Evenementenregio ${run}`]
	);
	communityId = rows[0]!.id;
	await db.query(
		`insert into public.community_municipalities (community_id, municipality_nis) values ($1, '44021')`,
		[communityId]
	);
	await db.query(
		`insert into public.community_members (community_id, user_id, person_kind, role)
		 values ($1, $2, 'teacher', 'host'), ($1, $3, 'volunteer', 'member')`,
		[communityId, host.id, guest.id]
	);
});

test.afterAll(async () => {
	await db.query('delete from public.communities where id = $1', [communityId]);
	await cleanUp();
});

test('a full event: waiting list, a cancel, the teacher promoted and mailed, the .ics', async ({
	browser
}) => {
	test.slow();
	const title = `Robotcafé ${run}`;

	// The host creates it through the form (1280 px).
	const hostPage = await pageFor(browser, host);
	await hostPage.setViewportSize({ width: 1280, height: 900 });
	await hostPage.goto(`/evenementen/nieuw?community=${communityId}`);
	await expect(hostPage.getByRole('heading', { level: 1, name: 'Nieuw evenement' })).toBeVisible();
	await expectNoAxeViolations(hostPage);
	// An empty form is refused next to its fields.
	await hostPage.getByRole('button', { name: 'Evenement maken' }).click();
	await expect(hostPage.getByText('Geef een titel van 3 tot 140 tekens.')).toBeVisible();
	await hostPage.getByLabel('Titel').fill(title);
	await hostPage.getByLabel('Beschrijving').fill('Robots bouwen en bijpraten; koffie voorzien.');
	await hostPage.getByLabel('Datum').fill(dayFromToday(14));
	await hostPage.getByLabel('Begint om').fill('19:30');
	await hostPage.getByLabel('Eindigt om').fill('21:00');
	await hostPage.getByLabel('Adres').fill('Kouter 1');
	await hostPage.getByLabel('Aantal plaatsen').fill('1');
	await hostPage.getByRole('button', { name: 'Evenement maken' }).click();
	await expect(hostPage.getByText('Je evenement staat online.')).toBeVisible();
	await expect(hostPage.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(hostPage.getByText('19:30–21:00')).toBeVisible();
	const eventPath = new URL(hostPage.url()).pathname;
	await expectNoAxeViolations(hostPage);

	// The guest takes the one place.
	const guestPage = await pageFor(browser, guest);
	await guestPage.goto(eventPath);
	await guestPage.getByRole('button', { name: 'Ik kom' }).click();
	await expect(guestPage.getByText('Je bent erbij')).toBeVisible();

	// The demo teacher, on a phone, lands on the waiting list.
	const teacherPage = await (await browser.newContext()).newPage();
	await teacherPage.setViewportSize({ width: 390, height: 844 });
	await signIn(teacherPage, TEACHER.email, TEACHER.password);
	await expect(accountMenu(teacherPage)).toBeVisible();
	await teacherPage.goto(eventPath);
	await expect(teacherPage.getByText('Het evenement is volzet.')).toBeVisible();
	await teacherPage.getByRole('button', { name: 'Zet me op de wachtlijst' }).click();
	await expect(teacherPage.getByText('Je staat op de wachtlijst: plaats 1.')).toBeVisible();
	await expectNoSidewaysScroll(teacherPage);
	await expectNoAxeViolations(teacherPage);

	// The host sees who comes.
	await hostPage.reload();
	const list = hostPage.getByRole('region', { name: 'Wie komt' });
	await expect(list.getByRole('row', { name: /Gert Gast/ })).toContainText('Komt');
	await expect(list.getByText('Wachtlijst, plaats 1')).toBeVisible();

	// The guest cancels; the teacher moves up and is mailed.
	await guestPage.getByRole('button', { name: 'Ik kom toch niet' }).click();
	await expect(guestPage.getByText('Je bent uitgeschreven.')).toBeVisible();
	await teacherPage.reload();
	await expect(teacherPage.getByText('Je bent erbij')).toBeVisible();
	const link = await linkFromMail(TEACHER.email, new RegExp(`${eventPath}$`));
	expect(new URL(link).pathname).toBe(eventPath);

	// The .ics downloads and parses.
	const response = await teacherPage.request.get(`${eventPath}/agenda.ics`);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('text/calendar');
	const ics = await response.text();
	expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
	expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
	const lines = ics.replace(/\r\n /g, '').split('\r\n');
	expect(lines).toContain(`SUMMARY:${title}`);
	expect(lines.some((line) => /^DTSTART:\d{8}T\d{6}Z$/.test(line))).toBe(true);
	expect(lines.some((line) => line.startsWith(`UID:${eventPath.split('/').pop()}@`))).toBe(true);

	// In English.
	await teacherPage
		.context()
		.addCookies([
			{ name: 'PARAGLIDE_LOCALE', value: 'en', url: new URL(teacherPage.url()).origin }
		]);
	await teacherPage.reload();
	await expect(teacherPage.getByText("You're in")).toBeVisible();
	await expect(
		teacherPage.getByRole('link', { name: 'Add to your calendar (.ics)' })
	).toBeVisible();
	await expectNoAxeViolations(teacherPage);
	await teacherPage.getByRole('button', { name: "I can't come after all" }).click();
	await expect(teacherPage.getByText('You are no longer signed up.')).toBeVisible();

	await Promise.all([hostPage, guestPage, teacherPage].map((page) => page.context().close()));
});

test('anonymous visitors read the event and are asked to sign in to RSVP', async ({ page }) => {
	const { rows } = await db.query<{ id: string }>(
		`insert into public.community_events (community_id, organiser_id, title, address, municipality_nis, starts_at, ends_at)
		 values ($1, $2, $3, 'Kouter 1', '44021', now() + interval '3 days', now() + interval '3 days 2 hours')
		 returning id`,
		[communityId, host.id, `Open avond ${run}`]
	);
	await page.goto(`/evenementen/${rows[0]!.id}`);
	await expect(page.getByRole('link', { name: 'Meld je aan om je in te schrijven' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Ik kom' })).toHaveCount(0);
	await expectNoAxeViolations(page);
});
