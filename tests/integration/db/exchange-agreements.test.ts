// Agreements: either side proposes, only the right side makes each status change, a double accept is
// harmless, a closed request takes no more; the thread, the history and the bookings only for the two
// organisations; accepted bookings of a room never overlap, also between concurrent transactions; the
// other side is notified and a person reads only their own notifications.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl } from '../../../stack/config.js';
import { daysFromToday, everyone, testPeople, type Cast, type Person, type Who } from './people.js';
import {
	expectDeleteRefused,
	expectHidden,
	expectInsertRefused,
	expectUpdateRefused
} from './rls.js';

const people = testPeople('ruil-afspraak');
let cast: Cast;
let schoolAdmin: Person;
let schoolMember: Person;
let otherAcademyMember: Person;
let academy: { id: string };
let otherAcademy: { id: string };
let school: { id: string };
let company: { id: string };
let room: { id: string };

const client = (who: Who) => cast.clients[who];
const wednesdays = { p_booking_weekday: 3, p_booking_starts: '14:00', p_booking_ends: '16:00' };
const period = (from: number, until: number) => ({
	p_booking_from: daysFromToday(from),
	p_booking_until: daysFromToday(until)
});

async function propose(person: Person, values: Record<string, unknown>) {
	return person.client.rpc('propose_agreement', values);
}

async function setStatus(
	person: Person,
	id: string,
	status: string,
	extra: Record<string, unknown> = {}
) {
	return person.client.rpc('set_agreement_status', {
		p_agreement_id: id,
		p_status: status,
		...extra
	});
}

async function events(id: string) {
	return people.query<{ status: string; actor: string }>(
		'select status, actor from public.agreement_events where agreement_id = $1 order by id',
		[id]
	);
}

/** An academy member proposes the room for a fresh venue request; returns both ids. */
async function roomProposal(offerId = room.id, from = 0, until = 60) {
	const request = await people.request(academy.id);
	const { data, error } = await propose(cast.member, {
		p_request_id: request.id,
		p_offer_id: offerId,
		...wednesdays,
		...period(from, until)
	});
	expect(error).toBeNull();
	return { requestId: request.id, agreementId: data as string };
}

beforeAll(async () => {
	cast = await people.cast();
	[schoolAdmin, schoolMember, otherAcademyMember] = await Promise.all([
		people.signUp('school-beheerder'),
		people.signUp('school-lid'),
		people.signUp('andere-academie')
	]);
	academy = await people.organisation(
		[
			[cast.owner, 'owner'],
			[cast.admin, 'admin'],
			[cast.member, 'member']
		],
		{ kind: 'academy', name: 'Academie Afspraak' }
	);
	otherAcademy = await people.organisation([[otherAcademyMember, 'owner']], {
		kind: 'academy',
		name: 'Tweede Academie',
		municipality_nis: '44083'
	});
	school = await people.organisation(
		[
			[schoolAdmin, 'admin'],
			[schoolMember, 'member']
		],
		{ kind: 'school', name: 'School Afspraak' }
	);
	company = await people.organisation([[schoolMember, 'owner']], {
		kind: 'company',
		name: 'Bedrijf Afspraak'
	});
	room = await people.offer(school.id);
});

afterAll(() => people.remove());

describe('proposing', () => {
	it('lets an academy member propose a room for its request, with a first message', async () => {
		const request = await people.request(academy.id);
		const { data, error } = await propose(cast.member, {
			p_request_id: request.id,
			p_offer_id: room.id,
			...wednesdays,
			...period(0, 30),
			p_message: 'Mogen we woensdag jullie labo gebruiken?'
		});
		expect(error).toBeNull();
		const [agreement] = await people.query('select * from public.agreements where id = $1', [data]);
		expect(agreement).toMatchObject({
			status: 'proposed',
			academy_id: academy.id,
			provider_id: school.id,
			proposed_by_organisation: academy.id
		});
		expect(await events(data)).toEqual([{ status: 'proposed', actor: cast.member.id }]);
		const messages = await people.query(
			'select body, organisation_id from public.agreement_messages where agreement_id = $1',
			[data]
		);
		expect(messages).toEqual([
			{ body: 'Mogen we woensdag jullie labo gebruiken?', organisation_id: academy.id }
		]);
	});

	it('lets a company answer a request with one of its offers, and a second click returns the same one', async () => {
		const pledge = await people.offer(company.id, { kind: 'volunteers' });
		const request = await people.request(academy.id, { kind: 'volunteers', people: 2 });
		const first = await propose(schoolMember, { p_request_id: request.id, p_offer_id: pledge.id });
		const second = await propose(schoolMember, { p_request_id: request.id, p_offer_id: pledge.id });
		expect(first.error).toBeNull();
		expect(second.data).toBe(first.data);
		const [row] = await people.query(
			'select proposed_by_organisation from public.agreements where id = $1',
			[first.data]
		);
		expect(row).toEqual({ proposed_by_organisation: company.id });
		expect(
			await people.query('select 1 from public.agreements where request_id = $1', [request.id])
		).toHaveLength(1);
	});

	it.each([
		['a stranger', () => cast.stranger, '42501'],
		['network staff', () => cast.staff, '42501']
	])('refuses a proposal from %s', async (_, who, code) => {
		const request = await people.request(academy.id);
		const { error } = await propose(who(), {
			p_request_id: request.id,
			p_offer_id: room.id,
			...wednesdays,
			...period(0, 30)
		});
		expect(error?.code).toBe(code);
		expect(
			await people.query('select 1 from public.agreements where request_id = $1', [request.id])
		).toEqual([]);
	});

	it('refuses anonymous visitors', async () => {
		const request = await people.request(academy.id);
		const { error } = await client('anonymous').rpc('propose_agreement', {
			p_request_id: request.id,
			p_offer_id: room.id
		});
		expect(error).not.toBeNull();
	});

	it('refuses a proposal on a closed request', async () => {
		const request = await people.request(academy.id, { status: 'closed' });
		const { error } = await propose(cast.member, {
			p_request_id: request.id,
			p_offer_id: room.id,
			...wednesdays,
			...period(0, 30)
		});
		expect(error?.code).toBe('23514');
		expect(error?.message).toBe('Deze vraag is afgesloten: er kunnen geen voorstellen meer bij.');
	});

	it.each([
		[
			'an impossible time',
			{
				p_booking_weekday: 3,
				p_booking_starts: '16:00',
				p_booking_ends: '14:00',
				...period(0, 30)
			},
			'Het einduur moet na het beginuur liggen.'
		],
		[
			'a time outside the free hours',
			{
				p_booking_weekday: 3,
				p_booking_starts: '12:00',
				p_booking_ends: '14:00',
				...period(0, 30)
			},
			'Het lokaal is op dat moment niet vrij: kies een moment binnen de beschikbare uren.'
		],
		[
			'impossible dates',
			{ ...wednesdays, ...period(30, 10) },
			'De einddatum mag niet voor de begindatum liggen.'
		]
	])('refuses %s for a room with a Dutch message', async (_, values, message) => {
		const request = await people.request(academy.id);
		const { error } = await propose(cast.member, {
			p_request_id: request.id,
			p_offer_id: room.id,
			...values
		});
		expect(error?.code).toBe('23514');
		expect(error?.message).toBe(message);
		expect(
			await people.query('select 1 from public.agreements where request_id = $1', [request.id])
		).toEqual([]);
	});

	it('refuses an offer of the wrong kind', async () => {
		const request = await people.request(academy.id, { kind: 'funding', amount_eur: 500 });
		const { error } = await propose(cast.member, {
			p_request_id: request.id,
			p_offer_id: room.id,
			...wednesdays,
			...period(0, 30)
		});
		expect(error?.message).toBe('Dit aanbod past niet bij de soort vraag.');
	});
});

describe('changing the status', () => {
	it('does not let the proposing side accept its own proposal', async () => {
		const { agreementId } = await roomProposal();
		const { error } = await setStatus(cast.owner, agreementId, 'accepted');
		expect(error?.code).toBe('42501');
		expect(error?.message).toBe('Enkel de andere partij kan dit voorstel aanvaarden.');
		expect(await events(agreementId)).toHaveLength(1);
	});

	it('lets the school accept; a double accept is harmless and writes one event; the room is booked', async () => {
		const { agreementId, requestId } = await roomProposal(room.id, 0, 60);
		const [first, second] = [
			await setStatus(schoolMember, agreementId, 'accepted'),
			await setStatus(schoolMember, agreementId, 'accepted')
		];
		expect(first.error).toBeNull();
		expect(second.error).toBeNull();
		expect(second.data).toMatchObject({ status: 'accepted' });
		expect((await events(agreementId)).map((e) => e.status)).toEqual(['proposed', 'accepted']);
		const [request] = await people.query('select status from public.requests where id = $1', [
			requestId
		]);
		expect(request).toEqual({ status: 'in_progress' });
		const bookings = await people.query(
			'select day from public.room_bookings where agreement_id = $1',
			[agreementId]
		);
		expect(bookings.length).toBeGreaterThanOrEqual(8);

		// The same Wednesday slot cannot be proposed or accepted again.
		const again = await roomProposal(room.id, 0, 60).catch(() => null);
		expect(again).toBeNull();

		// Withdrawing frees the room and reopens the request.
		const withdrawn = await setStatus(cast.member, agreementId, 'withdrawn');
		expect(withdrawn.error).toBeNull();
		expect(
			await people.query('select 1 from public.room_bookings where agreement_id = $1', [
				agreementId
			])
		).toEqual([]);
		const [reopened] = await people.query('select status from public.requests where id = $1', [
			requestId
		]);
		expect(reopened).toEqual({ status: 'open' });
	});

	it('lets only the proposer withdraw a proposal, and only the other side decline it', async () => {
		const { agreementId } = await roomProposal(room.id, 70, 90);
		const withdrawBySchool = await setStatus(schoolMember, agreementId, 'withdrawn');
		expect(withdrawBySchool.error?.message).toBe('Enkel wie het voorstel deed, kan het intrekken.');
		const declineByAcademy = await setStatus(cast.member, agreementId, 'declined');
		expect(declineByAcademy.error?.message).toBe(
			'Enkel de andere partij kan dit voorstel weigeren.'
		);
		const declined = await setStatus(schoolAdmin, agreementId, 'declined', { p_note: 'Examens' });
		expect(declined.error).toBeNull();
		const final = await setStatus(schoolAdmin, agreementId, 'accepted');
		expect(final.error?.code).toBe('23514');
		expect(final.error?.message).toBe('Deze afspraak werd geweigerd en kan niet meer veranderen.');
	});

	it('lets only the academy mark it fulfilled, with what was given', async () => {
		const { agreementId } = await roomProposal(room.id, 100, 120);
		await setStatus(schoolMember, agreementId, 'accepted');
		const bySchool = await setStatus(schoolMember, agreementId, 'fulfilled');
		expect(bySchool.error?.message).toBe(
			'Enkel de academie kan de afspraak als uitgevoerd markeren.'
		);
		const negative = await setStatus(cast.member, agreementId, 'fulfilled', {
			p_given_sessions: -1
		});
		expect(negative.error?.message).toBe('Wat gegeven werd, kan niet negatief zijn.');
		const done = await setStatus(cast.member, agreementId, 'fulfilled', {
			p_given_sessions: 3,
			p_given_hours: 6,
			p_thank_you: 'Dank je wel!'
		});
		expect(done.error).toBeNull();
		expect(done.data).toMatchObject({
			status: 'fulfilled',
			given_sessions: 3,
			given_hours: 6,
			thank_you: 'Dank je wel!'
		});
	});

	it('refuses accepting on a request that was closed in the meantime, writing nothing', async () => {
		const { agreementId, requestId } = await roomProposal(room.id, 130, 150);
		await people.query("update public.requests set status = 'closed' where id = $1", [requestId]);
		const { error } = await setStatus(schoolMember, agreementId, 'accepted');
		expect(error?.code).toBe('23514');
		expect(error?.message).toBe(
			'Deze vraag is afgesloten: het voorstel kan niet meer aanvaard worden.'
		);
		expect(await events(agreementId)).toHaveLength(1);
		expect(
			await people.query('select 1 from public.room_bookings where agreement_id = $1', [
				agreementId
			])
		).toEqual([]);
	});

	it.each([
		['a stranger', () => cast.stranger],
		['network staff', () => cast.staff],
		['another academy', () => otherAcademyMember]
	])('tells %s the agreement does not exist', async (_, who) => {
		const { agreementId } = await roomProposal(room.id, 160, 170);
		const { error } = await setStatus(who(), agreementId, 'accepted');
		expect(error?.code).toBe('PT404');
		expect(error?.message).toBe('Deze afspraak bestaat niet.');
		await setStatus(cast.member, agreementId, 'withdrawn');
	});
});

describe('who sees an agreement, its history, thread and bookings', () => {
	let agreementId: string;
	let requestId: string;

	beforeAll(async () => {
		({ agreementId, requestId } = await roomProposal(room.id, 172, 179));
		await setStatus(schoolMember, agreementId, 'accepted');
		await people.query("update public.requests set status = 'fulfilled' where id = $1", [
			requestId
		]);
		await people.query(
			'insert into public.agreement_messages (agreement_id, author, organisation_id, body) values ($1, $2, $3, $4)',
			[agreementId, schoolMember.id, school.id, 'Welkom!']
		);
	});

	const tables = ['agreements', 'agreement_events', 'agreement_messages', 'room_bookings'] as const;
	const read = (table: (typeof tables)[number]) => (table === 'agreements' ? 'id' : 'agreement_id');

	it.each(['a member', 'an admin', 'an owner', 'network staff'] as const)(
		'shows everything to %s (academy side or staff)',
		async (who) => {
			for (const table of tables) {
				const { data, error } = await client(who)
					.from(table)
					.select(read(table))
					.eq(read(table), agreementId);
				expect(error).toBeNull();
				expect(data!.length, table).toBeGreaterThan(0);
			}
		}
	);

	it('shows everything to the school side, and the fulfilled request too', async () => {
		for (const table of tables) {
			const { data } = await schoolMember.client
				.from(table)
				.select(read(table))
				.eq(read(table), agreementId);
			expect(data!.length, table).toBeGreaterThan(0);
		}
		const { data } = await schoolMember.client.from('requests').select('id').eq('id', requestId);
		expect(data).toEqual([{ id: requestId }]);
	});

	it.each(['anonymous', 'a signed-in stranger'] as const)('shows nothing to %s', async (who) => {
		for (const table of tables) {
			await expectHidden(client(who), table, { [read(table)]: agreementId });
		}
	});

	it.each(everyone)('lets %s write nothing directly but messages', async (who) => {
		const db = client(who);
		const agreement = { id: agreementId };
		const history = { agreement_id: agreementId };
		const values = { request_id: requestId, offer_id: room.id };
		await expectInsertRefused(db, 'agreements', values, { request_id: requestId });
		await expectUpdateRefused(db, 'agreements', agreement, { status: 'fulfilled' });
		await expectDeleteRefused(db, 'agreements', agreement);
		await expectInsertRefused(db, 'agreement_events', { ...history, status: 'fulfilled' }, history);
		await expectDeleteRefused(db, 'room_bookings', history);
		await expectUpdateRefused(db, 'agreement_messages', history, { body: 'x' });
	});

	it('lets members of both sides write in the thread, each for their own side only', async () => {
		const academySide = await cast.member.client
			.from('agreement_messages')
			.insert({ agreement_id: agreementId, organisation_id: academy.id, body: '  Tot woensdag!  ' })
			.select('body, author')
			.single();
		expect(academySide.data).toEqual({ body: 'Tot woensdag!', author: cast.member.id });
		const posing = { agreement_id: agreementId, body: 'Namens de school' };
		await expectInsertRefused(
			cast.member.client,
			'agreement_messages',
			{ ...posing, organisation_id: school.id },
			posing
		);
		const empty = await schoolMember.client
			.from('agreement_messages')
			.insert({ agreement_id: agreementId, organisation_id: school.id, body: '   ' });
		expect(empty.error?.message).toBe('Schrijf een bericht.');
	});

	it.each(['anonymous', 'a signed-in stranger', 'network staff'] as const)(
		'does not let %s write in the thread',
		async (who) => {
			const message = { agreement_id: agreementId, body: `Indringer ${who}` };
			const values = { ...message, organisation_id: academy.id };
			await expectInsertRefused(client(who), 'agreement_messages', values, message);
		}
	);
});

describe('notifications', () => {
	it('tells the other side of a proposal, a status change and a message; each reads only their own', async () => {
		const { agreementId } = await roomProposal(room.id, 5, 20);
		const kinds = async (person: Person) =>
			(
				await people.query<{ kind: string }>(
					'select kind from public.notifications where user_id = $1 and agreement_id = $2 order by id',
					[person.id, agreementId]
				)
			).map((n) => n.kind);
		expect(await kinds(schoolMember)).toEqual(['agreement_proposed']);
		expect(await kinds(schoolAdmin)).toEqual(['agreement_proposed']);
		expect(await kinds(cast.member)).toEqual([]);

		await setStatus(schoolAdmin, agreementId, 'declined');
		expect(await kinds(cast.owner)).toEqual(['agreement_status']);
		expect(await kinds(schoolAdmin)).toEqual(['agreement_proposed']);

		await cast.member.client
			.from('agreement_messages')
			.insert({ agreement_id: agreementId, organisation_id: academy.id, body: 'Jammer!' });
		expect(await kinds(schoolMember)).toEqual(['agreement_proposed', 'agreement_message']);

		// A kind and the parameters its text needs, never a sentence in one language.
		const own = await schoolMember.client
			.from('notifications')
			.select('kind, title, params, link, read_at')
			.eq('agreement_id', agreementId)
			.order('id');
		expect(own.data).toEqual([
			{
				kind: 'agreement_proposed',
				title: null,
				params: {
					organisation: expect.stringContaining('Academie Afspraak'),
					offer: expect.any(String),
					request: expect.any(String)
				},
				link: `/afspraken/${agreementId}`,
				read_at: null
			},
			{
				kind: 'agreement_message',
				title: null,
				params: {
					organisation: expect.stringContaining('Academie Afspraak'),
					request: expect.any(String)
				},
				link: `/afspraken/${agreementId}`,
				read_at: null
			}
		]);
		const declined = await people.query<{ params: Record<string, string> }>(
			`select params from public.notifications
			 where user_id = $1 and agreement_id = $2 and kind = 'agreement_status'`,
			[cast.owner.id, agreementId]
		);
		expect(declined[0]?.params.status).toBe('declined');
		await expectHidden(cast.stranger.client, 'notifications', { agreement_id: agreementId });
		const anonymous = await client('anonymous').from('notifications').select('id');
		expect(anonymous.data ?? []).toEqual([]);

		const read = await schoolMember.client
			.from('notifications')
			.update({ read_at: new Date().toISOString() })
			.eq('agreement_id', agreementId)
			.select('id');
		expect(read.data).toHaveLength(2);
		const aboutIt = { agreement_id: agreementId };
		await expectUpdateRefused(schoolMember.client, 'notifications', aboutIt, { title: 'x' });
		await expectUpdateRefused(schoolMember.client, 'notifications', aboutIt, {
			params: { organisation: 'x' }
		});
		const ownersOwn = { user_id: cast.owner.id };
		const readNow = { read_at: new Date().toISOString() };
		await expectUpdateRefused(cast.stranger.client, 'notifications', ownersOwn, readNow, 'no rows');
		const forged = { user_id: schoolMember.id, title: 'x' };
		const values = { ...forged, kind: 'agreement_message', link: '/x' };
		await expectInsertRefused(schoolMember.client, 'notifications', values, forged);
	});
});

describe('two academies booking the same slot at the same moment', () => {
	/** Two proposals by the school for the same Wednesday slot, one to each academy. */
	async function twoProposals(from: number, until: number) {
		const mine = await people.request(academy.id);
		const theirs = await people.request(otherAcademy.id, { municipality_nis: '44083' });
		const a = await propose(schoolMember, {
			p_request_id: mine.id,
			p_offer_id: room.id,
			...wednesdays,
			...period(from, until)
		});
		const b = await propose(schoolMember, {
			p_request_id: theirs.id,
			p_offer_id: room.id,
			...wednesdays,
			...period(from, until)
		});
		expect(a.error).toBeNull();
		expect(b.error).toBeNull();
		return [
			{ agreementId: a.data as string, requestId: mine.id, person: cast.member },
			{ agreementId: b.data as string, requestId: theirs.id, person: otherAcademyMember }
		];
	}

	async function asPerson(db: pg.Client, person: Person) {
		await db.query('begin');
		await db.query('set local role authenticated');
		await db.query("select set_config('request.jwt.claims', $1, true)", [
			JSON.stringify({ sub: person.id, role: 'authenticated' })
		]);
	}

	async function assertOneWinner(
		sides: Awaited<ReturnType<typeof twoProposals>>,
		failedIndex: number
	) {
		const loser = sides[failedIndex]!;
		const winner = sides[1 - failedIndex]!;
		const [w] = await people.query('select status from public.agreements where id = $1', [
			winner.agreementId
		]);
		const [l] = await people.query('select status from public.agreements where id = $1', [
			loser.agreementId
		]);
		expect(w).toEqual({ status: 'accepted' });
		expect(l).toEqual({ status: 'proposed' });
		expect(
			await people.query('select 1 from public.room_bookings where agreement_id = $1', [
				loser.agreementId
			])
		).toEqual([]);
		expect((await events(loser.agreementId)).map((e) => e.status)).toEqual(['proposed']);
		const [request] = await people.query('select status from public.requests where id = $1', [
			loser.requestId
		]);
		expect(request).toEqual({ status: 'open' });
	}

	it('lets exactly one of two concurrent transactions accept; the other gets the Dutch overlap message', async () => {
		const sides = await twoProposals(0, 45);
		const first = new pg.Client({ connectionString: databaseUrl });
		const second = new pg.Client({ connectionString: databaseUrl });
		await Promise.all([first.connect(), second.connect()]);
		try {
			await asPerson(first, sides[0]!.person);
			await asPerson(second, sides[1]!.person);
			await first.query('select public.set_agreement_status($1, $2)', [
				sides[0]!.agreementId,
				'accepted'
			]);
			// The second waits on the first's uncommitted bookings...
			const pending = second
				.query('select public.set_agreement_status($1, $2)', [sides[1]!.agreementId, 'accepted'])
				.then(
					() => null,
					(error: { code?: string; message?: string }) => error
				);
			await new Promise((resolve) => setTimeout(resolve, 300));
			await first.query('commit');
			// ...and fails once they are committed.
			const error = await pending;
			await second.query('rollback');
			expect(error?.code).toBe('23P01');
			expect(error?.message).toBe('Dit lokaal is op dat moment al geboekt.');
		} finally {
			await Promise.all([first.end(), second.end()]);
		}
		await assertOneWinner(sides, 1);
	});

	it('lets exactly one of two simultaneous API calls accept', async () => {
		const sides = await twoProposals(50, 95);
		const results = await Promise.all(
			sides.map((side) => setStatus(side.person, side.agreementId, 'accepted'))
		);
		const failed = results.findIndex((result) => result.error !== null);
		expect(results.filter((result) => result.error === null)).toHaveLength(1);
		expect(results[failed]!.error?.code).toBe('23P01');
		expect(results[failed]!.error?.message).toBe('Dit lokaal is op dat moment al geboekt.');
		await assertOneWinner(sides, failed);
	});
});
