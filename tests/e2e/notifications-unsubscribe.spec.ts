// Unsubscribing through a mailed link: an academy writes in an agreement's thread, the school's owner and
// admin get a mail (owners and admins get e-mail by default). Opening the link changes nothing (a link
// scanner only reads it); the button unsubscribes from that kind of mail, and a mail client's one-click
// POST (RFC 8058, from its own server: no session, no Origin) does too. A tampered or expired link is a
// 400 with a Dutch message. Other pages still refuse cross-site form posts.
import { apiUrl, mailboxUrl, serviceRoleKey } from '../../stack/config.js';
import { emailLinkSecret, unsubscribeUrl } from '../../src/lib/server/mail-jobs/links.js';
import { exchangeFixture, type Person } from './exchange-support';
import { isoDay } from './organisations-support';
import { expect, expectNoAxeViolations, linkFromMail, test } from './support';

const { run, db, person, organisation, clientFor, pageFor, cleanUp } = exchangeFixture('meld-uit');

let schoolOwner: Person;
let schoolAdmin: Person;
let academyMember: Person;
let agreementId: string;
const requestTitle = `Een labo voor de robotclub ${run}`;
// As the built app derives it against the local stack (or takes it from the environment).
const linkSecret = emailLinkSecret({
	configured: process.env.EMAIL_LINK_SECRET,
	supabaseUrl: apiUrl,
	serviceRoleKey
});

async function choice(who: Person, kind: string) {
	const { rows } = await db.query<{ delivery: string }>(
		'select delivery from public.notification_preferences where user_id = $1 and kind = $2',
		[who.id, kind]
	);
	return rows[0]?.delivery ?? null;
}

/** The List-Unsubscribe URL of the newest mail to this address, from the mailbox's headers API. */
async function listUnsubscribe(email: string): Promise<string> {
	await linkFromMail(email, /\/meldingen\/uitschrijven\?/);
	const query = new URLSearchParams({ query: `to:${email}` });
	const list = (await (await fetch(`${mailboxUrl}/api/v1/messages?${query}`)).json()) as {
		messages: { ID: string; Created: string }[];
	};
	const newest = [...list.messages].sort((a, b) => b.Created.localeCompare(a.Created))[0]!;
	const headers = (await (
		await fetch(`${mailboxUrl}/api/v1/message/${newest.ID}/headers`)
	).json()) as Record<string, string[]>;
	expect(headers['List-Unsubscribe-Post']).toEqual(['List-Unsubscribe=One-Click']);
	return /^<(.+)>$/.exec(headers['List-Unsubscribe']![0]!)![1]!;
}

test.beforeAll(async () => {
	await db.connect();
	[schoolOwner, schoolAdmin, academyMember] = await Promise.all([
		person('school', 'Ann Schoolmans'),
		person('beheerder', 'Bob Beheerder'),
		person('academie', 'Carla Academie')
	]);
	const school = await organisation('school', `Sint-Jozefschool ${run}`, [
		[schoolOwner, 'owner'],
		[schoolAdmin, 'admin']
	]);
	const academy = await organisation('academy', `STEM-academie Gent ${run}`, academyMember);
	// The proposal is told only in the app, so that the one mail is the message's.
	for (const who of [schoolOwner, schoolAdmin]) {
		await db.query(
			`insert into public.notification_preferences (user_id, kind, delivery) values ($1, 'agreement_proposed', 'app')`,
			[who.id]
		);
	}
	const { rows: offers } = await db.query<{ id: string }>(
		`insert into public.offers (organisation_id, kind, title, municipality_nis, radius_km, room_type,
			capacity, term_start, term_end)
		 values ($1, 'room', 'Labo wetenschappen', '44021', 25, 'labo_wetenschappen', 24, $2, $3) returning id`,
		[school.id, isoDay(0), isoDay(180)]
	);
	await db.query(
		`insert into public.offer_slots (offer_id, weekday, starts_at, ends_at) values ($1, 3, '13:00', '17:00')`,
		[offers[0]!.id]
	);
	const { rows: requests } = await db.query<{ id: string }>(
		`insert into public.requests (organisation_id, kind, title, municipality_nis, domains)
		 values ($1, 'venue', $2, '44021', '{techniek}') returning id`,
		[academy.id, requestTitle]
	);
	const client = await clientFor(academyMember);
	const { data, error } = await client.rpc('propose_agreement', {
		p_request_id: requests[0]!.id,
		p_offer_id: offers[0]!.id,
		p_booking_weekday: 3,
		p_booking_starts: '14:00',
		p_booking_ends: '16:00',
		p_booking_from: isoDay(1),
		p_booking_until: isoDay(60)
	});
	if (error) throw error;
	agreementId = data as string;
});

test.afterAll(cleanUp);

test('a mailed link unsubscribes only after the button or a one-click POST; opening it changes nothing', async ({
	browser,
	page,
	playwright
}) => {
	await test.step('the academy writes, and the school’s owner gets a mail', async () => {
		const academy = await pageFor(browser, academyMember);
		await academy.goto(`/afspraken/${agreementId}`);
		await academy.getByLabel('Je bericht').fill('Mogen we woensdag al komen kijken?');
		await academy.getByRole('button', { name: 'Bericht versturen' }).click();
		await expect(academy.getByText('Je bericht is verstuurd.')).toBeVisible();
	});

	const link = await linkFromMail(schoolOwner.email, /\/meldingen\/uitschrijven\?/);

	await test.step('opening the link, signed out, shows what will change and changes nothing', async () => {
		const response = await page.goto(link);
		expect(response?.status()).toBe(200);
		await expect(
			page.getByRole('heading', { level: 1, name: 'Uitschrijven voor e-mails' })
		).toBeVisible();
		await expect(
			page.getByText(
				'Je krijgt dan geen e-mails meer over: Nieuwe berichten bij een afspraak. Je ziet die meldingen wel nog in de app.'
			)
		).toBeVisible();
		await expectNoAxeViolations(page);
		await page.reload();
		expect(await choice(schoolOwner, 'agreement_message')).toBeNull();
	});

	await test.step('the button unsubscribes from that kind of mail', async () => {
		await page.getByRole('button', { name: 'Uitschrijven' }).click();
		await expect(page.getByRole('status')).toHaveText(
			'Je bent uitgeschreven. Je ziet deze meldingen nog in de app.'
		);
		await expect(page.getByRole('button', { name: 'Uitschrijven' })).toHaveCount(0);
		expect(await choice(schoolOwner, 'agreement_message')).toBe('app');
		expect(await choice(schoolOwner, 'agreement_status')).toBeNull();
	});

	await test.step('a changed link is refused with a Dutch message and a 400', async () => {
		const tampered = new URL(link);
		tampered.searchParams.set('k', 'agreement_status');
		const response = await page.goto(tampered.href);
		expect(response?.status()).toBe(400);
		await expect(page.getByText('Deze uitschrijflink klopt niet.', { exact: false })).toBeVisible();
		const posted = await page.request.post(tampered.href, {
			form: { 'List-Unsubscribe': 'One-Click' }
		});
		expect(posted.status()).toBe(400);
		expect(await choice(schoolOwner, 'agreement_status')).toBeNull();
	});

	await test.step('an expired link is refused with a Dutch message and a 400', async () => {
		const expired = unsubscribeUrl({
			origin: new URL(link).origin,
			userId: schoolOwner.id,
			scope: 'agreement_status',
			secret: linkSecret,
			now: Date.now() - 91 * 24 * 60 * 60 * 1000
		});
		const response = await page.goto(expired);
		expect(response?.status()).toBe(400);
		await expect(
			page.getByText(
				'Deze uitschrijflink is verlopen. Meld je aan en kies je meldingen in je profiel.'
			)
		).toBeVisible();
		expect(await choice(schoolOwner, 'agreement_status')).toBeNull();
	});

	await test.step('a mail client unsubscribes with one POST, without a session or an Origin (RFC 8058)', async () => {
		const url = await listUnsubscribe(schoolAdmin.email);
		expect(new URL(url).searchParams.get('k')).toBe('agreement_message');

		// A mail provider's server: a bare HTTP client, nothing a browser would add.
		const provider = await playwright.request.newContext();
		const response = await provider.post(url, { form: { 'List-Unsubscribe': 'One-Click' } });
		expect(response.status()).toBe(200);
		expect(await choice(schoolAdmin, 'agreement_message')).toBe('app');

		// Every other form still refuses a post from another site.
		const forged = await provider.post(new URL('/profiel', url).href, {
			form: { displayName: 'Overgenomen' },
			headers: { origin: 'https://evil.example' }
		});
		expect(forged.status()).toBe(403);
		const unnamed = await provider.post(new URL('/aanmelden', url).href, {
			form: { email: 'x@y.test', password: 'x' }
		});
		expect(unnamed.status()).toBe(403);
		await provider.dispose();
	});
});
