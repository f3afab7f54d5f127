// Agreements in the app: a school's lab with Wednesday slots, two academies that want it. Academy A proposes,
// the school accepts on /afspraken/[id] (a double click is harmless); academy B's overlapping proposal cannot
// be accepted; both sides see the agreement, the notifications and the thread; the academy records a
// volunteer's check. Data is arranged as postgres and through the RPC as each person; the pages are used as
// people would, with role and label locators.
import { mailboxUrl } from '../../stack/config.js';
import { exchangeFixture, type Person } from './exchange-support';
import { expect, expectNoAxeViolations, test } from './support';
import { isoDay } from './organisations-support';

const { run, db, person, organisation, clientFor, pageFor, cleanUp } = exchangeFixture('afspraak');

async function venueRequest(academyId: string, title: string, nis: string) {
	const { rows } = await db.query<{ id: string }>(
		`insert into public.requests (organisation_id, kind, title, municipality_nis, domains)
		 values ($1, 'venue', $2, $3, '{techniek}') returning id`,
		[academyId, title, nis]
	);
	return rows[0]!.id;
}

/** Proposes the lab on Wednesdays 14–16 u as this person, through the RPC (the proposal page is not ours). */
async function propose(who: Person, requestId: string, offerId: string, message: string) {
	const client = await clientFor(who);
	const { data, error } = await client.rpc('propose_agreement', {
		p_request_id: requestId,
		p_offer_id: offerId,
		p_booking_weekday: 3,
		p_booking_starts: '14:00',
		p_booking_ends: '16:00',
		p_booking_from: isoDay(1),
		p_booking_until: isoDay(60),
		p_message: message
	});
	if (error) throw error;
	return data as string;
}

let schoolOwner: Person;
let academyA: Person;
let academyB: Person;
let academyASlug: string;
let agreementA: string;
let agreementB: string;
const labTitle = `Labo wetenschappen ${run}`;
const requestA = `Een labo voor robotica ${run}`;
const requestB = `Een labo voor chemie ${run}`;

test.beforeAll(async () => {
	await db.connect();
	[schoolOwner, academyA, academyB] = await Promise.all([
		person('school', 'Ann Schoolmans'),
		person('academie-a', 'Bart Academie'),
		person('academie-b', 'Carla Tweede')
	]);
	const school = await organisation('school', `Sint-Jozefschool ${run}`, schoolOwner);
	const a = await organisation('academy', `STEM-academie Gent ${run}`, academyA);
	const b = await organisation('academy', `STEM-academie Merelbeke ${run}`, academyB, '44083');
	academyASlug = a.slug;

	const { rows } = await db.query<{ id: string }>(
		`insert into public.offers (organisation_id, kind, title, municipality_nis, radius_km, room_type,
			capacity, term_start, term_end)
		 values ($1, 'room', $2, '44021', 25, 'labo_wetenschappen', 24, $3, $4) returning id`,
		[school.id, labTitle, isoDay(0), isoDay(180)]
	);
	const offerId = rows[0]!.id;
	await db.query(
		`insert into public.offer_slots (offer_id, weekday, starts_at, ends_at) values ($1, 3, '13:00', '17:00')`,
		[offerId]
	);
	const [idA, idB] = await Promise.all([
		venueRequest(a.id, requestA, '44021'),
		venueRequest(b.id, requestB, '44083')
	]);
	agreementA = await propose(academyA, idA, offerId, 'Mogen we woensdag jullie labo gebruiken?');
	agreementB = await propose(academyB, idB, offerId, 'Wij zouden ook graag op woensdag komen.');
});

test.afterAll(cleanUp);

test('a school accepts one academy, the overlapping one is refused, both sides follow up', async ({
	browser
}) => {
	const school = await pageFor(browser, schoolOwner);

	await test.step('the school sees both proposals as notifications and in its agreements', async () => {
		await school.goto('/meldingen');
		await expect(school.getByRole('heading', { level: 1, name: 'Meldingen' })).toBeVisible();
		// Each proposal and its first message.
		await expect(school.getByText('4 ongelezen', { exact: true })).toBeVisible();
		await expect(
			school.getByRole('link', { name: new RegExp(`Nieuw voorstel van .*${requestA}`) })
		).toBeVisible();
		await school.goto('/afspraken');
		await expect(school.getByRole('link', { name: requestA })).toBeVisible();
		await expect(school.getByRole('link', { name: requestB })).toBeVisible();
	});

	await test.step('the school accepts academy A; a double click is harmless', async () => {
		await school.goto(`/afspraken/${agreementA}`);
		await expect(
			school.getByRole('heading', { level: 1, name: new RegExp(requestA) })
		).toBeVisible();
		await expect(school.getByText('Elke woensdag van 14:00 tot 16:00,')).toBeVisible();
		await expect(school.getByText('Mogen we woensdag jullie labo gebruiken?')).toBeVisible();
		await school.getByRole('button', { name: 'Aanvaarden' }).dblclick();
		await expect(school.getByRole('status')).toContainText('De afspraak is aanvaard.');
		await expect(school.getByText('Status: Aanvaard')).toBeVisible();
		await expect(
			school.getByRole('listitem').filter({ hasText: /^Aanvaard door Ann Schoolmans/ })
		).toHaveCount(1);
		const { rows } = await db.query(
			`select count(*)::int as n from public.agreement_events where agreement_id = $1 and status = 'accepted'`,
			[agreementA]
		);
		expect(rows[0]).toEqual({ n: 1 });
	});

	await test.step('the school writes in the thread', async () => {
		await school.getByLabel('Je bericht').fill('Welkom! De sleutel ligt aan het onthaal.');
		await school.getByRole('button', { name: 'Bericht versturen' }).click();
		await expect(school.getByText('Je bericht is verstuurd.')).toBeVisible();
		await expect(school.getByText('Welkom! De sleutel ligt aan het onthaal.')).toBeVisible();
	});

	await test.step("academy B's overlapping proposal cannot be accepted", async () => {
		await school.goto(`/afspraken/${agreementB}`);
		await school.getByRole('button', { name: 'Aanvaarden' }).click();
		await expect(school.getByRole('alert')).toHaveText('Dit lokaal is op dat moment al geboekt.');
		await expect(school.getByText('Status: Voorgesteld')).toBeVisible();
		await expectNoAxeViolations(school);
	});

	const academy = await pageFor(browser, academyA);

	await test.step('academy A sees the acceptance and the message as notifications', async () => {
		await academy.goto('/meldingen');
		await expect(academy.getByText('2 ongelezen', { exact: true })).toBeVisible();
		await expect(
			academy.getByRole('link', { name: /heeft de afspraak over .* aanvaard/ })
		).toBeVisible();
		await academy
			.getByRole('button', { name: /^Markeer „Nieuw bericht van .*” als gelezen$/ })
			.click();
		await expect(academy.getByText('1 ongelezen', { exact: true })).toBeVisible();
		await academy.getByRole('button', { name: 'Alles als gelezen markeren' }).click();
		await expect(academy.getByText('0 ongelezen', { exact: true })).toBeVisible();
		await expectNoAxeViolations(academy);
	});

	await test.step('academy A sees the agreement and answers in the thread', async () => {
		await academy.goto('/afspraken');
		await academy.getByRole('link', { name: requestA }).click();
		await expect(academy.getByText('Status: Aanvaard')).toBeVisible();
		await expect(academy.getByText('Welkom! De sleutel ligt aan het onthaal.')).toBeVisible();
		await expect(academy.getByRole('button', { name: 'Aanvaarden' })).toHaveCount(0);
		await academy.getByRole('button', { name: 'Bericht versturen' }).click();
		await expect(academy.getByText('Schrijf een bericht.')).toBeVisible();
		await academy.getByLabel('Je bericht').fill('Dank je, tot woensdag!');
		await academy.getByRole('button', { name: 'Bericht versturen' }).click();
		await expect(academy.getByText('Dank je, tot woensdag!')).toBeVisible();
	});

	await test.step('the school is told of the answer', async () => {
		await school.goto('/meldingen');
		await expect(
			school.getByRole('link', { name: new RegExp(`Nieuw bericht van .* over „${requestA}”`) })
		).toHaveCount(2); // the first message with the proposal, and the answer
	});

	await test.step('the academy records a volunteer check and sees it is recent', async () => {
		await academy.goto(`/organisaties/${academyASlug}/vrijwilligers`);
		await expect(academy.getByText('Er is nog geen uittreksel genoteerd.')).toBeVisible();
		await academy.getByLabel('Naam van de vrijwilliger').fill('Dirk Mentor');
		await academy.getByLabel('Gezien op').fill(isoDay(1));
		await academy.getByLabel('Gezien door').fill('Bart Academie');
		await academy.getByRole('button', { name: 'Noteren' }).click();
		await expect(
			academy.getByText(
				'De datum waarop het uittreksel gezien werd, kan niet in de toekomst liggen.'
			)
		).toBeVisible();
		await expect(academy.getByLabel('Naam van de vrijwilliger')).toHaveValue('Dirk Mentor');
		await academy.getByLabel('Gezien op').fill(isoDay(-10));
		await academy.getByRole('button', { name: 'Noteren' }).click();
		await expect(academy.getByText('Het uittreksel van Dirk Mentor is genoteerd.')).toBeVisible();
		const row = academy.getByRole('row', { name: /Dirk Mentor/ });
		await expect(row).toContainText('door Bart Academie');
		await expect(row.getByRole('cell', { name: 'Ja' })).toBeVisible();
		await expectNoAxeViolations(academy);
	});

	// The app mails only with a service-role key (it reads the addresses and marks emailed_at).
	if (!process.env.SUPABASE_SERVICE_ROLE_KEY) return;
	await test.step('mail reaches the school', async () => {
		await expect
			.poll(async () => {
				const query = new URLSearchParams({ query: `to:${schoolOwner.email}` });
				const list = (await (await fetch(`${mailboxUrl}/api/v1/messages?${query}`)).json()) as {
					messages: { Subject: string }[];
				};
				return list.messages.map((mail) => mail.Subject).join('\n');
			})
			.toContain('Nieuw bericht van');
	});
});
