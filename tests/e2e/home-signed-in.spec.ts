// The signed-in home: a coordinator who signs in lands on what needs their attention, with the proposal a
// company just made to their academy first; in English the home, the notifications and the agreement show
// no Dutch date, time or sentence.
import { randomUUID } from 'node:crypto';
import { mailboxUrl } from '../../stack/config.js';
import { exchangeFixture, type Person } from './exchange-support';
import { expect, expectNoAxeViolations, signIn, test } from './support';

const DEMO_PASSWORD = 'groeistoot-demo';
const { run, db, person, organisation, clientFor, pageFor, cleanUp } = exchangeFixture('thuis');

/** The demo coordinator's academy (supabase/seed), and a request of its own that this spec removes. */
const DEMO_ACADEMY = 'c1000000-0000-4000-8000-000000000001';
const requestTitle = `Twee mentoren voor de thuisclub ${run}`;
const offerTitle = `Ingenieurs op woensdag ${run}`;
let demoRequestId: string;
let demoAgreementId: string;

let ann: Person;
let annAgreementId: string;
let annCompanyOwner: Person;
const annRequestTitle = `Labo voor de proefjesclub ${run}`;
const annOfferTitle = `Vrijwilligers uit het labo ${run}`;

/** A company (of its own) proposes its volunteers for the request; returns the agreement. */
async function companyProposes(
	requestId: string,
	title: string
): Promise<{ agreementId: string; owner: Person }> {
	const owner = await person(`bedrijf-${randomUUID().slice(0, 4)}`, 'Carl Bedrijf');
	const company = await organisation('company', `Ingenieursbureau ${run}`, owner);
	const client = await clientFor(owner);
	const offer = await client
		.from('offers')
		.insert({
			organisation_id: company.id,
			kind: 'volunteers',
			title,
			municipality_nis: '44021',
			radius_km: 25,
			people: 2
		})
		.select('id')
		.single();
	if (offer.error) throw offer.error;
	const proposed = await client.rpc('propose_agreement', {
		p_request_id: requestId,
		p_offer_id: offer.data.id,
		p_message: 'Wij komen graag helpen.'
	});
	if (proposed.error) throw proposed.error;
	return { agreementId: proposed.data as string, owner };
}

type MailSummary = { ID: string; Subject: string };

/** The text of the first mail to `email` whose subject matches, once it has arrived. */
async function mailText(email: string, subject: RegExp): Promise<string> {
	let text = '';
	await expect
		.poll(
			async () => {
				const query = new URLSearchParams({ query: `to:${email}` });
				const list = (await (await fetch(`${mailboxUrl}/api/v1/messages?${query}`)).json()) as {
					messages: MailSummary[];
				};
				const found = list.messages.find((mail) => subject.test(mail.Subject));
				if (!found) return false;
				const mail = (await (await fetch(`${mailboxUrl}/api/v1/message/${found.ID}`)).json()) as {
					Text: string;
				};
				text = mail.Text;
				return true;
			},
			{ message: `a mail to ${email} with subject ${subject}`, timeout: 20_000 }
		)
		.toBe(true);
	return text;
}

async function volunteerRequest(organisationId: string, title: string): Promise<string> {
	const { rows } = await db.query<{ id: string }>(
		`insert into public.requests (organisation_id, kind, title, people, municipality_nis)
		 values ($1, 'volunteers', $2, 2, '44021') returning id`,
		[organisationId, title]
	);
	return rows[0]!.id;
}

test.beforeAll(async () => {
	await db.connect();
	demoRequestId = await volunteerRequest(DEMO_ACADEMY, requestTitle);
	demoAgreementId = (await companyProposes(demoRequestId, offerTitle)).agreementId;

	ann = await person('academie', 'Ann Academie');
	const academy = await organisation('academy', `STEM-academie Thuis ${run}`, ann);
	const proposal = await companyProposes(
		await volunteerRequest(academy.id, annRequestTitle),
		annOfferTitle
	);
	annAgreementId = proposal.agreementId;
	annCompanyOwner = proposal.owner;
});

test.afterAll(async () => {
	await db.query('delete from public.requests where id = $1', [demoRequestId]);
	await cleanUp();
});

test('the coordinator signs in and lands on a home that lists the proposal waiting for them', async ({
	page
}) => {
	await signIn(page, 'coordinator@groeistoot.test', DEMO_PASSWORD);
	await expect(page).toHaveURL((url) => url.pathname === '/');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Wat vraagt jouw aandacht?' })
	).toBeVisible();

	const proposals = page.getByRole('region', { name: /Voorstellen die op jouw antwoord wachten/ });
	const proposal = proposals.getByRole('link', { name: new RegExp(offerTitle) });
	await expect(proposal).toHaveText(
		`Ingenieursbureau ${run}: „${offerTitle}” voor „${requestTitle}”`
	);
	await expect(page.getByRole('region', { name: /Ongelezen meldingen/ })).toContainText(
		`Nieuw voorstel van Ingenieursbureau ${run}: „${offerTitle}” voor „${requestTitle}”`
	);
	await expectNoAxeViolations(page);

	for (const width of [390, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(scrollWidth, `page width at ${width} px`).toBeLessThanOrEqual(width);
	}

	await proposal.click();
	await expect(page).toHaveURL(new RegExp(`/afspraken/${demoAgreementId}$`));
});

test('signing in from a page brings people back to it, not to the home', async ({ page }) => {
	await page.goto('/afspraken');
	await expect(page).toHaveURL(/\/aanmelden\?redirectTo=%2Fafspraken$/);
	await page.getByLabel('E-mailadres').fill('coordinator@groeistoot.test');
	await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(page).toHaveURL((url) => url.pathname === '/afspraken');
});

test('someone without an organisation is told how to join or create one', async ({ browser }) => {
	const loner = await person('alleen', 'Lou Alleen');
	const page = await pageFor(browser, loner);
	await page.goto('/');
	await expect(
		page.getByRole('heading', { level: 2, name: 'Je bent nog geen lid van een organisatie' })
	).toBeVisible();
	await expect(page.getByRole('link', { name: 'Een organisatie aanmaken' })).toHaveAttribute(
		'href',
		'/organisaties/nieuw'
	);
});

test('in English the home, the notifications and the agreement show no Dutch', async ({
	browser,
	baseURL
}) => {
	// Three signed-in browsers and a mail round trip: more than the default minute on a busy machine.
	test.setTimeout(150_000);
	const page = await pageFor(browser, ann);
	// The language switch as the header's form sends it; it also becomes Ann's mail language.
	const switched = await page.request.post('/taal', {
		form: { locale: 'en', redirectTo: '/' },
		headers: { origin: baseURL! }
	});
	expect(switched.ok()).toBe(true);
	const { rows } = await db.query<{ locale: string }>(
		'select locale from public.account_locales where user_id = $1',
		[ann.id]
	);
	expect(rows).toEqual([{ locale: 'en' }]);
	// ... and of the auth service's mails (a new password), which read it from the user's metadata.
	const { rows: metadata } = await db.query<{ locale: string }>(
		"select raw_user_meta_data->>'locale' as locale from auth.users where id = $1",
		[ann.id]
	);
	expect(metadata).toEqual([{ locale: 'en' }]);

	const dutch =
		/\b(januari|februari|maart|mei|juni|juli|augustus|oktober|Nieuw|voorstel|om \d|(ma|di|wo|do|vr|za|zo) \d{1,2} )\b/;

	await page.goto('/');
	await expect(
		page.getByRole('heading', { level: 1, name: 'What needs your attention?' })
	).toBeVisible();
	const proposals = page.getByRole('region', { name: /Proposals waiting for your answer/ });
	await expect(proposals.getByRole('link', { name: new RegExp(annOfferTitle) })).toHaveText(
		`Ingenieursbureau ${run}: “${annOfferTitle}” for “${annRequestTitle}”`
	);
	await expect(proposals).toContainText(
		/since (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]+ \d{4}/
	);
	expect(await page.getByRole('main').innerText()).not.toMatch(dutch);

	await page.goto('/meldingen');
	const notifications = page.getByRole('main');
	await expect(notifications).toContainText(
		`New proposal from Ingenieursbureau ${run}: “${annOfferTitle}” for “${annRequestTitle}”`
	);
	await expect(notifications).toContainText(
		/(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2}/
	);
	expect(await notifications.innerText()).not.toMatch(dutch);

	await page.goto(`/afspraken/${annAgreementId}`);
	const agreement = page.getByRole('main');
	await expect(agreement).toContainText(annOfferTitle);
	// The thread's dates (part of the agreement page) are in English too.
	expect(await agreement.innerText()).not.toMatch(
		/\b(januari|februari|maart|mei|juni|juli|augustus|oktober|(ma|di|wo|do|vr|za|zo) \d{1,2} |\d{1,2} \w+ \d{4} om )/
	);

	// A message after the switch reaches Ann by mail in English, and its unsubscribe page, opened in a
	// browser that never chose a language, speaks English too.
	const company = await pageFor(browser, annCompanyOwner);
	await company.goto(`/afspraken/${annAgreementId}`);
	await company.getByLabel('Je bericht').fill('Past woensdag?');
	await company.getByRole('button', { name: 'Bericht versturen' }).click();
	await expect(company.getByText('Je bericht is verstuurd.')).toBeVisible();
	const text = await mailText(ann.email, /^Groeistoot: New message from Ingenieursbureau/);
	expect(text).toContain(`See it on Groeistoot:`);
	expect(text).not.toMatch(/Nieuw|Bekijk|Kies hoe/);
	const unsubscribe = /https?:\/\/\S+\/meldingen\/uitschrijven\?\S+/.exec(text)?.[0];
	expect(unsubscribe).toBeDefined();
	const stranger = await (await browser.newContext()).newPage();
	await stranger.goto(unsubscribe!);
	await expect(
		stranger.getByRole('heading', { level: 1, name: 'Unsubscribe from e-mails' })
	).toBeVisible();
});
