// Who comes: members of both organisations of an accepted agreement about volunteers, expertise or a visit
// name the people it brings and remove them again; nobody else reads or writes those names; the academy
// sets the first session, and its owners and admins (who keep the safeguarding records) see per named
// volunteer whether their extract still counts on that day; its plain members do not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setFirstSession } from '$lib/server/db/agreement-volunteers';
import { AgreementRefusal } from '$lib/server/db/agreements';
import type { Db } from '$lib/server/supabase';
import { daysFromToday, testPeople, type Cast, type Person, type Who } from './people.js';
import {
	expectDeleteRefused,
	expectHidden,
	expectInsertRefused,
	expectUpdateRefused
} from './rls.js';

const people = testPeople('ruil-wie');
let cast: Cast;
let companyMember: Person;
let otherAcademyMember: Person;
let academy: { id: string };
let otherAcademy: { id: string };
let company: { id: string };
let accepted: string;
let proposed: string;
let materials: string;

const client = (who: Who) => cast.clients[who];

/** A person of the cast, or a member of the company or of the other academy. */
function clientOf(who: Who | 'the company' | 'the other academy') {
	if (who === 'the company') return companyMember.client;
	if (who === 'the other academy') return otherAcademyMember.client;
	return client(who);
}

/** An agreement as postgres between the academy's request and the company's offer of `kind`. */
async function agreement(kind: string, status: string, values: Record<string, unknown> = {}) {
	const offer = await people.offer(company.id, {
		kind,
		...(kind === 'materials' ? { materials: 'Laptops' } : {}),
		...values
	});
	const request = await people.request(academy.id, {
		kind: kind === 'materials' ? 'materials' : 'volunteers'
	});
	const [row] = await people.query<{ id: string }>(
		`insert into public.agreements (request_id, offer_id, academy_id, provider_id, proposed_by_organisation, status)
		 values ($1, $2, $3, $4, $3, $5) returning id`,
		[request.id, offer.id, academy.id, company.id, status]
	);
	return row!.id;
}

async function names(agreementId: string) {
	const rows = await people.query<{ name: string }>(
		'select name from public.agreement_volunteers where agreement_id = $1 order by name',
		[agreementId]
	);
	return rows.map((row) => row.name);
}

beforeAll(async () => {
	cast = await people.cast();
	[companyMember, otherAcademyMember] = await Promise.all([
		people.signUp('bedrijf-lid'),
		people.signUp('andere-academie')
	]);
	academy = await people.organisation(
		[
			[cast.owner, 'owner'],
			[cast.admin, 'admin'],
			[cast.member, 'member']
		],
		{ kind: 'academy', name: 'Academie Wie' }
	);
	otherAcademy = await people.organisation([[otherAcademyMember, 'owner']], {
		kind: 'academy',
		name: 'Andere Academie Wie'
	});
	company = await people.organisation([[companyMember, 'member']], {
		kind: 'company',
		name: 'Bedrijf Wie'
	});
	accepted = await agreement('volunteers', 'accepted');
	proposed = await agreement('volunteers', 'proposed');
	materials = await agreement('materials', 'accepted');
	expect(otherAcademy.id).toBeTruthy();
});

afterAll(() => people.remove());

describe('naming who comes', () => {
	it('lets a member of the company add a name, trimmed, and an academy member another', async () => {
		const first = await companyMember.client
			.from('agreement_volunteers')
			.insert({ agreement_id: accepted, name: '  Mentor   Een ' })
			.select('name, added_by')
			.single();
		expect(first.error).toBeNull();
		expect(first.data).toEqual({ name: 'Mentor Een', added_by: companyMember.id });
		const second = await client('a member')
			.from('agreement_volunteers')
			.insert({ agreement_id: accepted, name: 'Mentor Twee' });
		expect(second.error).toBeNull();
		expect(await names(accepted)).toEqual(['Mentor Een', 'Mentor Twee']);
	});

	it('refuses the same name twice (whatever the case) in Dutch', async () => {
		const again = await client('an admin')
			.from('agreement_volunteers')
			.insert({ agreement_id: accepted, name: 'mentor een' });
		expect(again.error?.code).toBe('23514');
		expect(again.error?.message).toBe('mentor een staat al op de lijst.');
	});

	it('refuses a name that is too short in Dutch', async () => {
		const short = await companyMember.client
			.from('agreement_volunteers')
			.insert({ agreement_id: accepted, name: ' A ' });
		expect(short.error?.code).toBe('23514');
		expect(short.error?.message).toBe('Een naam is 2 tot 120 tekens lang.');
	});

	it('refuses names on an agreement that is not accepted, and on one that brings no people', async () => {
		const notYet = await companyMember.client
			.from('agreement_volunteers')
			.insert({ agreement_id: proposed, name: 'Te Vroeg' });
		expect(notYet.error?.message).toBe(
			'Je kan enkel namen toevoegen zolang de afspraak aanvaard is.'
		);
		const noPeople = await client('a member')
			.from('agreement_volunteers')
			.insert({ agreement_id: materials, name: 'Laptop Persoon' });
		expect(noPeople.error?.message).toBe(
			'Enkel bij een afspraak over vrijwilligers, expertise of een bezoek noteer je wie er komt.'
		);
		expect(await names(proposed)).toEqual([]);
		expect(await names(materials)).toEqual([]);
	});

	it.each(['anonymous', 'a signed-in stranger', 'network staff', 'the other academy'] as const)(
		'lets %s add nothing',
		async (who) => {
			const onAccepted = { agreement_id: accepted };
			const values = { ...onAccepted, name: 'Indringer' };
			await expectInsertRefused(clientOf(who), 'agreement_volunteers', values, onAccepted);
		}
	);

	it.each(['a member', 'an owner', 'network staff', 'the company'] as const)(
		'shows the names to %s',
		async (who) => {
			const { data, error } = await clientOf(who)
				.from('agreement_volunteers')
				.select('name')
				.eq('agreement_id', accepted)
				.order('name');
			expect(error).toBeNull();
			expect(data).toEqual([{ name: 'Mentor Een' }, { name: 'Mentor Twee' }]);
		}
	);

	it.each(['anonymous', 'a signed-in stranger', 'the other academy'] as const)(
		'shows no names to %s',
		async (who) => {
			const refusal = who === 'anonymous' ? '42501' : 'no rows';
			await expectHidden(
				clientOf(who),
				'agreement_volunteers',
				{ agreement_id: accepted },
				refusal
			);
		}
	);

	it('lets neither strangers nor the other academy remove a name; the company can', async () => {
		const onAccepted = { agreement_id: accepted };
		for (const who of ['a signed-in stranger', 'the other academy'] as const) {
			await expectDeleteRefused(clientOf(who), 'agreement_volunteers', onAccepted, 'no rows');
		}
		await expectDeleteRefused(client('anonymous'), 'agreement_volunteers', onAccepted);
		await companyMember.client.from('agreement_volunteers').insert({
			agreement_id: accepted,
			name: 'Weg Straks'
		});
		const removed = await companyMember.client
			.from('agreement_volunteers')
			.delete()
			.eq('agreement_id', accepted)
			.eq('name', 'Weg Straks')
			.select('id');
		expect(removed.data).toHaveLength(1);
		expect(await names(accepted)).toEqual(['Mentor Een', 'Mentor Twee']);
	});

	it('keeps the names once the agreement is no longer accepted: nobody adds or removes then', async () => {
		const closed = await agreement('expertise', 'accepted');
		await companyMember.client.from('agreement_volunteers').insert({
			agreement_id: closed,
			name: 'Blijft Staan'
		});
		await people.query("update public.agreements set status = 'fulfilled' where id = $1", [closed]);
		const member = client('a member');
		const onClosed = { agreement_id: closed };
		await expectDeleteRefused(member, 'agreement_volunteers', onClosed, 'no rows');
		const late = { ...onClosed, name: 'Te Laat' };
		await expectInsertRefused(member, 'agreement_volunteers', late, onClosed, '23514');
		expect(await names(closed)).toEqual(['Blijft Staan']);
	});
});

describe('the first session', () => {
	it('is set by an academy member while accepted', async () => {
		const { data, error } = await client('a member')
			.from('agreements')
			.update({ first_session_on: daysFromToday(30) })
			.eq('id', accepted)
			.select('first_session_on');
		expect(error).toBeNull();
		expect(data).toEqual([{ first_session_on: daysFromToday(30) }]);
	});

	it.each(['the company', 'a signed-in stranger', 'the other academy', 'anonymous'] as const)(
		'is not set by %s',
		async (who) => {
			const patch = { first_session_on: daysFromToday(5) };
			const refusal = who === 'anonymous' ? '42501' : 'no rows';
			await expectUpdateRefused(clientOf(who), 'agreements', { id: accepted }, patch, refusal);
		}
	);

	it('is not set on an agreement that is only proposed, and the status stays out of reach', async () => {
		const patch = { first_session_on: daysFromToday(5) };
		await expectUpdateRefused(client('a member'), 'agreements', { id: proposed }, patch, 'no rows');
		const fulfilled = { status: 'fulfilled' };
		await expectUpdateRefused(client('an owner'), 'agreements', { id: accepted }, fulfilled);
	});
});

describe('a first session that cannot be', () => {
	async function firstSession(agreementId: string) {
		const [row] = await people.query<{ first_session_on: string | null }>(
			"select to_char(first_session_on, 'YYYY-MM-DD') as first_session_on from public.agreements where id = $1",
			[agreementId]
		);
		return row!.first_session_on;
	}

	/** An accepted agreement about a school's room (as postgres): it uses booking_from. */
	async function roomAgreement() {
		const school = await people.organisation([[companyMember, 'member']], {
			kind: 'school',
			name: 'School Wie'
		});
		const offer = await people.offer(school.id);
		const request = await people.request(academy.id);
		const [row] = await people.query<{ id: string }>(
			`insert into public.agreements (request_id, offer_id, academy_id, provider_id, proposed_by_organisation, status)
			 values ($1, $2, $3, $4, $3, 'accepted') returning id`,
			[request.id, offer.id, academy.id, school.id]
		);
		return row!.id;
	}

	it('is refused more than a year ago in Dutch (23514) to the academy member, not as a permission error', async () => {
		const { data, error } = await client('a member')
			.from('agreements')
			.update({ first_session_on: daysFromToday(-400) })
			.eq('id', accepted)
			.select('id');
		expect(error?.code).toBe('23514');
		expect(error?.message).toBe('De eerste sessie kan niet meer dan een jaar geleden zijn.');
		expect(data).toBeNull();
		expect(await firstSession(accepted)).toBe(daysFromToday(30));
	});

	it('comes back to the agreement page next to the date field (400), not as a 403', async () => {
		const refused = setFirstSession(client('a member') as Db, {
			agreementId: accepted,
			day: daysFromToday(-400)
		});
		await expect(refused).rejects.toBeInstanceOf(AgreementRefusal);
		await expect(refused).rejects.toMatchObject({
			status: 400,
			field: 'firstSessionOn',
			message: 'De eerste sessie kan niet meer dan een jaar geleden zijn.'
		});
		expect(await firstSession(accepted)).toBe(daysFromToday(30));
	});

	it.each(['room', 'materials'] as const)(
		'is refused in Dutch on an accepted %s agreement, whose offer brings no people',
		async (kind) => {
			const agreementId = kind === 'materials' ? materials : await roomAgreement();
			const { error } = await client('a member')
				.from('agreements')
				.update({ first_session_on: daysFromToday(10) })
				.eq('id', agreementId)
				.select('id');
			expect(error?.code).toBe('23514');
			expect(error?.message).toBe(
				'Enkel bij een afspraak over vrijwilligers, expertise of een bezoek plan je een eerste sessie; bij een lokaal geldt de boekingsperiode.'
			);
			await expect(
				setFirstSession(client('a member') as Db, { agreementId, day: daysFromToday(10) })
			).rejects.toMatchObject({ status: 400, field: 'firstSessionOn' });
			expect(await firstSession(agreementId)).toBeNull();
		}
	);
});

describe('who still lacks a recent extract', () => {
	beforeAll(async () => {
		// Mentor Een: seen 3 years minus 5 days ago, so it runs out before the first session (in 30 days).
		await people.query(
			`insert into public.volunteer_checks (organisation_id, volunteer_name, seen_on, seen_by_name)
			 values ($1, 'MENTOR EEN', $2, 'Els')`,
			[academy.id, daysFromToday(-3 * 365 + 5)]
		);
	});

	async function states(db = client('an admin')) {
		const { data, error } = await db
			.from('volunteer_session_checks')
			.select('volunteer_name, first_session_on, state')
			.eq('agreement_id', accepted)
			.order('volunteer_name');
		expect(error).toBeNull();
		return data;
	}

	it.each(['an admin', 'an owner'] as const)(
		'shows the academy (%s) each named volunteer with the first session and a state',
		async (who) => {
			expect(await states(client(who))).toEqual([
				{
					volunteer_name: 'Mentor Een',
					first_session_on: daysFromToday(30),
					state: 'expires_before_session'
				},
				{ volunteer_name: 'Mentor Twee', first_session_on: daysFromToday(30), state: 'missing' }
			]);
		}
	);

	it('says ok once a recent check is recorded (by name, whatever the case)', async () => {
		const recorded = await client('an admin')
			.from('volunteer_checks')
			.insert({
				organisation_id: academy.id,
				volunteer_name: 'mentor twee',
				agreement_id: accepted,
				seen_on: daysFromToday(-1),
				seen_by_name: 'Els'
			});
		expect(recorded.error).toBeNull();
		expect((await states())?.map((row) => row.state)).toEqual(['expires_before_session', 'ok']);
	});

	it('says expired for a check older than 3 years', async () => {
		const old = await agreement('visit', 'accepted');
		await people.query(
			`insert into public.agreement_volunteers (agreement_id, name) values ($1, 'Oude Bekende')`,
			[old]
		);
		await people.query("set session_replication_role = 'replica'");
		try {
			await people.query(
				`insert into public.volunteer_checks (organisation_id, volunteer_name, seen_on, seen_by_name)
				 values ($1, 'Oude Bekende', $2, 'Els')`,
				[academy.id, daysFromToday(-4 * 365)]
			);
		} finally {
			await people.query("set session_replication_role = 'origin'");
		}
		const { data } = await client('an admin')
			.from('volunteer_session_checks')
			.select('volunteer_name, first_session_on, state')
			.eq('agreement_id', old);
		expect(data).toEqual([
			{ volunteer_name: 'Oude Bekende', first_session_on: null, state: 'expired' }
		]);
	});

	it('matches a check typed with extra inner spaces to the name on the agreement', async () => {
		const spaced = await agreement('expertise', 'accepted');
		await companyMember.client
			.from('agreement_volunteers')
			.insert({ agreement_id: spaced, name: 'Jan Peeters' });
		const recorded = await client('an admin')
			.from('volunteer_checks')
			.insert({
				organisation_id: academy.id,
				volunteer_name: ' Jan  \t Peeters ',
				agreement_id: spaced,
				seen_on: daysFromToday(-2),
				seen_by_name: 'Els   Maes'
			})
			.select('volunteer_name, seen_by_name')
			.single();
		expect(recorded.error).toBeNull();
		expect(recorded.data).toEqual({ volunteer_name: 'Jan Peeters', seen_by_name: 'Els Maes' });
		const { data } = await client('an admin')
			.from('volunteer_session_checks')
			.select('volunteer_name, seen_on, state')
			.eq('agreement_id', spaced);
		expect(data).toEqual([
			{ volunteer_name: 'Jan Peeters', seen_on: daysFromToday(-2), state: 'ok' }
		]);
	});

	it.each([
		'the company',
		'a signed-in stranger',
		'the other academy',
		'anonymous',
		'a member'
	] as const)('shows %s nothing', async (who) => {
		// No service-role read-back: the view shows only the asker's own academies, so it shows that role nothing.
		const { data } = await clientOf(who)
			.from('volunteer_session_checks')
			.select('volunteer_name')
			.eq('organisation_id', academy.id);
		expect(data ?? []).toEqual([]);
	});
});
