// Starting an academy in a white spot: a person registers interest on the municipality's page through the
// plain form (JavaScript off), sees it listed with their name, and network staff find it on
// /netwerk/witte-vlekken and its detail page; in English the person withdraws it. A verified academy's
// owner offers coaching on /organisaties/[slug]/coaching without JavaScript (a wrong field is said next to
// it), sees the white spot network staff linked it to, /dekking/witte-vlekken says that spot's starters
// have a coach, a plain member only reads the offer; in English on a phone the owner withdraws it. Axe on
// every page.
import type { Page } from '@playwright/test';
import { exchangeFixture, type Person } from './exchange-support';
import { expect, expectNoAxeViolations, signIn, accountMenu, test } from './support';

const { run, db, person, organisation, pageFor, cleanUp } = exchangeFixture('starters');
const STAFF = { email: 'netwerk@groeistoot.test', password: 'groeistoot-demo' };

let starter: Person;
let coachOwner: Person;
let coachMember: Person;
let spot: { nis: string; name_nl: string };
let coachSpot: { nis: string; name_nl: string };
let coach: { id: string; slug: string };
const coachName = `Coachende academie ${run}`;

async function expectNoSidewaysScroll(page: Page) {
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
}

test.beforeAll(async () => {
	await db.connect();
	starter = await person('starter', 'Stien Starter');
	// A white spot nobody else's test or seed touches: no academy at all, no registration yet.
	const { rows } = await db.query<{ nis: string; name_nl: string }>(
		`select m.nis, m.name_nl from public.municipalities m
		 where m.valid_to is null and m.region = 'VLG'
			and not exists (select 1 from public.organisations o where o.municipality_nis = m.nis and o.kind = 'academy')
			and not exists (select 1 from public.starter_interests si where si.municipality_nis = m.nis)
		 order by m.nis limit 2`
	);
	spot = rows[0]!;
	coachSpot = rows[1]!;

	[coachOwner, coachMember] = await Promise.all([
		person('coach', 'Cas Coach'),
		person('coachlid', 'Mila Lid')
	]);
	coach = await organisation('academy', coachName, [
		[coachOwner, 'owner'],
		[coachMember, 'member']
	]);
	// Verified in Gent, which has academies already: no white spot's registrations close.
	await db.query(
		`update public.organisations set verification_status = 'verified', verified_at = now() where id = $1`,
		[coach.id]
	);
});

test.afterAll(async () => {
	await db.query('delete from public.starter_interests where user_id = $1', [starter.id]);
	await db.query('delete from public.starter_coaches where academy_id = $1', [coach.id]);
	await cleanUp();
});

test('a person registers interest without JavaScript and network staff see it', async ({
	browser
}) => {
	test.slow();
	const signedIn = await pageFor(browser, starter);
	await signedIn.setViewportSize({ width: 1280, height: 900 });
	await signedIn.goto(`/gemeenten/${spot.nis}`);
	const section = signedIn.locator('#starten');
	await expect(
		section.getByRole('heading', { level: 2, name: 'Hier een STEM-academie starten?' })
	).toBeVisible();
	await expect(section.getByText('Nog niemand heeft interesse getoond.')).toBeVisible();
	await expectNoAxeViolations(signedIn);

	// The same person with JavaScript off: the plain form does the work.
	const plain = await (
		await browser.newContext({
			javaScriptEnabled: false,
			storageState: await signedIn.context().storageState()
		})
	).newPage();
	await plain.goto(`/gemeenten/${spot.nis}#starten`);
	const form = plain.locator('#starten form').filter({ hasText: 'Toon je interesse' });
	await form.getByLabel('een ruimte').check();
	await form.getByLabel('vrijwilligers').check();
	await form.getByLabel('Toelichting (optioneel)').fill('Ik ken de buurt goed.');
	await form.getByRole('button', { name: 'Interesse registreren' }).click();
	await expect(plain.getByText('Je interesse is geregistreerd.')).toBeVisible();
	const listed = plain
		.locator('#starten')
		.getByRole('listitem')
		.filter({ hasText: 'Stien Starter' });
	await expect(listed).toContainText('(jij)');
	await expect(listed).toContainText('Brengt: een ruimte, vrijwilligers');
	// Sending the form again changes the registration instead of adding one.
	await plain
		.locator('#starten form')
		.filter({ hasText: 'Je interesse aanpassen' })
		.getByLabel('geld')
		.check();
	await plain.getByRole('button', { name: 'Opslaan' }).click();
	await expect(plain.getByText('Je interesse is geregistreerd.')).toBeVisible();
	await expect(
		plain
			.locator('#starten')
			.getByRole('list', { name: 'Wie heeft al interesse' })
			.getByRole('listitem')
	).toHaveCount(1);
	const { rows } = await db.query<{ offers: string[] }>(
		'select offers from public.starter_interests where user_id = $1',
		[starter.id]
	);
	expect(rows).toEqual([{ offers: ['room', 'volunteers', 'money'] }]);

	// Network staff see the white spot with one person interested and open its detail.
	const staff = await (await browser.newContext()).newPage();
	await signIn(staff, STAFF.email, STAFF.password);
	await expect(accountMenu(staff)).toBeVisible();
	await staff.goto('/netwerk/witte-vlekken');
	await expect(
		staff.getByRole('heading', { level: 1, name: 'Witte vlekken: interesse om te starten' })
	).toBeVisible();
	const row = staff.getByRole('row').filter({ hasText: spot.name_nl });
	await expect(row).toContainText('een ruimte, vrijwilligers, geld');
	await expectNoAxeViolations(staff);
	await row.getByRole('link', { name: spot.name_nl }).click();
	await expect(staff.getByRole('heading', { level: 3, name: 'Stien Starter' })).toBeVisible();
	await expect(staff.getByText(starter.email)).toBeVisible();
	await staff.getByLabel('Notitie van het netwerk').fill('Gebeld op maandag');
	await staff
		.getByRole('button', { name: /^Markeren als in contact gebracht\s?: Stien Starter$/ })
		.click();
	await expect(staff.getByText('Opgeslagen.')).toBeVisible();
	await expectNoAxeViolations(staff);
});

test('in English on a phone, the person sees and withdraws their interest', async ({ browser }) => {
	const page = await pageFor(browser, starter);
	await page.setViewportSize({ width: 390, height: 844 });
	await page
		.context()
		.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: new URL(page.url()).origin }]);
	await db.query(
		`insert into public.starter_interests (municipality_nis, user_id, role, offers, shown_as)
		 values ($1, $2, 'person', '{coordinator}', 'name')
		 on conflict (municipality_nis, user_id) where closed_at is null and user_id is not null do nothing`,
		[spot.nis, starter.id]
	);
	await page.goto(`/gemeenten/${spot.nis}`);
	const section = page.locator('#starten');
	await expect(
		section.getByRole('heading', { level: 2, name: 'Start a STEM academy here?' })
	).toBeVisible();
	await expect(
		section
			.getByRole('list', { name: 'Who is already interested' })
			.getByRole('listitem')
			.filter({ hasText: 'Stien Starter' })
	).toContainText('(you)');
	await expectNoAxeViolations(page);
	await expectNoSidewaysScroll(page);
	await section.getByRole('button', { name: /^Withdraw interest\s?: Stien Starter$/ }).click();
	await expect(page.getByText('Your interest is withdrawn.')).toBeVisible();
	await expect(section.getByText('Nobody has shown interest yet. Be the first!')).toBeVisible();
});

test('an academy offers coaching without JavaScript and sees the starters it coaches', async ({
	browser
}) => {
	test.slow();
	const signedIn = await pageFor(browser, coachOwner);
	await signedIn.setViewportSize({ width: 1280, height: 900 });
	await signedIn.goto(`/organisaties/${coach.slug}`);
	await signedIn
		.getByRole('navigation', { name: new RegExp(coachName) })
		.getByRole('link', { name: 'Coaching' })
		.click();
	await expect(signedIn.getByRole('heading', { level: 1, name: 'Coaching' })).toBeVisible();
	await expect(signedIn.getByText('Je academie biedt nog geen coaching aan.')).toBeVisible();
	await expectNoAxeViolations(signedIn);

	// Too long a note: refused with a 400, said next to the field, what was chosen kept, nothing stored.
	const form = signedIn.locator('form').filter({ hasText: 'In welke provincies?' });
	await form.getByLabel('Oost-Vlaanderen').check();
	const note = form.getByLabel('Wat bied je aan?');
	await note.evaluate((field) => field.removeAttribute('maxlength'));
	await note.fill('x'.repeat(501));
	const [refused] = await Promise.all([
		signedIn.waitForResponse((response) => response.request().method() === 'POST'),
		form.getByRole('button', { name: 'Coaching aanbieden' }).click()
	]);
	expect(refused.status()).toBe(400);
	await expect(signedIn.getByLabel('Wat bied je aan?')).toHaveAccessibleDescription(
		/Schrijf hoogstens 500 tekens\./
	);
	await expect(signedIn.getByLabel('Oost-Vlaanderen')).toBeChecked();
	await expectNoAxeViolations(signedIn);
	const stored = () =>
		db
			.query<{ provinces: string[]; note: string }>(
				'select provinces, note from public.academy_coaching_offers where organisation_id = $1',
				[coach.id]
			)
			.then((result) => result.rows);
	expect(await stored()).toEqual([]);

	// Without JavaScript the plain form offers it; provinces come in the published order.
	const plain = await (
		await browser.newContext({
			javaScriptEnabled: false,
			storageState: await signedIn.context().storageState()
		})
	).newPage();
	await plain.goto(`/organisaties/${coach.slug}/coaching`);
	await plain.getByLabel('Oost-Vlaanderen').check();
	await plain.getByLabel('West-Vlaanderen').check();
	await plain
		.getByLabel('Wat bied je aan?')
		.fill('Een bezoek aan onze werking en hulp bij de start.');
	await plain.getByRole('button', { name: 'Coaching aanbieden' }).click();
	await expect(plain.getByText('Je aanbod om te coachen is opgeslagen.')).toBeVisible();
	await expect(plain.getByText('Waar: West-Vlaanderen, Oost-Vlaanderen')).toBeVisible();
	expect(await stored()).toEqual([
		{
			provinces: ['West-Vlaanderen', 'Oost-Vlaanderen'],
			note: 'Een bezoek aan onze werking en hulp bij de start.'
		}
	]);
	await expect(
		plain.getByText('Het netwerk heeft je academie nog aan geen starters gekoppeld.')
	).toBeVisible();
	await plain.context().close();

	// Network staff link it to a white spot's starters: the page lists the spot, and so does
	// /dekking/witte-vlekken.
	await db.query(
		`insert into public.starter_coaches (municipality_nis, academy_id) values ($1, $2)`,
		[coachSpot.nis, coach.id]
	);
	await signedIn.goto(`/organisaties/${coach.slug}/coaching`);
	const coached = signedIn.getByRole('list', { name: 'Starters die je academie coacht' });
	await expect(coached.getByRole('link', { name: coachSpot.name_nl })).toHaveAttribute(
		'href',
		`/gemeenten/${coachSpot.nis}#starten`
	);
	await expectNoAxeViolations(signedIn);
	await signedIn.goto('/dekking/witte-vlekken');
	// The white spots are listed by name per province; a province's link shows its white spots in full.
	const spotLink = signedIn.getByRole('link', { name: coachSpot.name_nl, exact: true });
	await signedIn
		.getByRole('region', { name: 'Witte vlekken' })
		.getByRole('region')
		.filter({ has: spotLink })
		.getByRole('link', { name: /^Dichtstbije academies in / })
		.click();
	await expect(
		signedIn
			.getByRole('listitem')
			.filter({ has: spotLink })
			.getByText(`Starters hier krijgen coaching van ${coachName}.`)
	).toBeVisible();
	await signedIn.context().close();

	// A member reads the offer but cannot change it; a post of their own is refused.
	const member = await pageFor(browser, coachMember);
	await member.goto(`/organisaties/${coach.slug}/coaching`);
	await expect(member.getByText('Je academie biedt coaching aan.')).toBeVisible();
	await expect(
		member.getByText('Alleen de eigenaars en beheerders van de academie passen het aanbod aan.')
	).toBeVisible();
	await expect(member.getByRole('button', { name: 'Aanbod intrekken' })).toHaveCount(0);
	const answer = await member.request.post(`/organisaties/${coach.slug}/coaching?/withdraw`, {
		headers: { origin: new URL(member.url()).origin, accept: 'text/html' },
		form: {},
		maxRedirects: 0,
		failOnStatusCode: false
	});
	expect(answer.status()).toBe(403);
	expect(await stored()).toHaveLength(1);
	await member.context().close();
});

test('in English on a phone, the owner withdraws the coaching offer', async ({ browser }) => {
	const page = await pageFor(browser, coachOwner);
	await page.setViewportSize({ width: 360, height: 800 });
	await page
		.context()
		.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: new URL(page.url()).origin }]);
	await db.query(
		`insert into public.academy_coaching_offers (organisation_id, provinces, note) values ($1, '{}', 'Hulp')
		 on conflict (organisation_id) do update set provinces = '{}', note = 'Hulp'`,
		[coach.id]
	);
	await page.goto(`/organisaties/${coach.slug}/coaching`);
	await expect(page.getByText('Your academy offers coaching.')).toBeVisible();
	await expect(page.getByText('Where: anywhere in Flanders and Brussels')).toBeVisible();
	await expectNoAxeViolations(page);
	await expectNoSidewaysScroll(page);
	await page.getByRole('button', { name: 'Withdraw offer' }).click();
	await expect(page.getByText('Your offer to coach is withdrawn.')).toBeVisible();
	await expect(page.getByText('Your academy does not offer coaching yet.')).toBeVisible();
	const { rows } = await db.query(
		'select 1 from public.academy_coaching_offers where organisation_id = $1',
		[coach.id]
	);
	expect(rows).toEqual([]);
	await page.context().close();
});
