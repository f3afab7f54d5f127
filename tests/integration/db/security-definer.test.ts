// Functions that run as their owner (security definer) reveal only what their caller could read anyway and
// cost a bounded amount, whatever the input; docs/security-definer.md reviews each one, and this suite keeps
// that review and the database in step.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../../../stack/config.js';
import { asCaller, type Caller } from './as-caller.js';
import {
	anonymousClient,
	daysFromToday,
	serviceRole,
	testPeople,
	type Cast,
	type Person
} from './people.js';

const people = testPeople('definer');
let cast: Cast;
let schoolOwner: Person;
let otherOwner: Person;
let academy: { id: string };
let otherAcademy: { id: string };
let school: { id: string };
let pausedRoom: { id: string };
let centuryRoom: { id: string };
let draft: { id: string };
let closedRequest: { id: string };
let ownAgreement: string;
let theirAgreement: string;

const dayOff = daysFromToday(14);

/** The first Wednesday on or after `days` from today, as the day the room's weekly slot falls on. */
function wednesdayFrom(days: number): string {
	const day = new Date(`${daysFromToday(days)}T12:00:00Z`);
	while (day.getUTCDay() !== 3) day.setUTCDate(day.getUTCDate() + 1);
	return day.toISOString().slice(0, 10);
}

async function agreementBetween(academyId: string, providerId: string) {
	const offer = await people.offer(providerId, { kind: 'volunteers' });
	const request = await people.request(academyId, { kind: 'volunteers', people: 2 });
	const [row] = await people.query<{ id: string }>(
		`insert into public.agreements (request_id, offer_id, academy_id, provider_id, proposed_by_organisation, status)
		 values ($1, $2, $3, $4, $3, 'accepted') returning id`,
		[request.id, offer.id, academyId, providerId]
	);
	return row!.id;
}

beforeAll(async () => {
	cast = await people.cast();
	[schoolOwner, otherOwner] = await Promise.all([
		people.signUp('school'),
		people.signUp('andere-academie')
	]);
	academy = await people.organisation(
		[
			[cast.owner, 'owner'],
			[cast.admin, 'admin'],
			[cast.member, 'member']
		],
		{ kind: 'academy', name: 'Academie Definer' }
	);
	otherAcademy = await people.organisation([[otherOwner, 'owner']], {
		kind: 'academy',
		name: 'Andere Academie Definer'
	});
	school = await people.organisation([[schoolOwner, 'owner']], { name: 'School Definer' });
	const company = await people.organisation([[schoolOwner, 'owner']], {
		kind: 'company',
		name: 'Bedrijf Definer'
	});
	pausedRoom = await people.offer(school.id, { status: 'paused' });
	await people.query('insert into public.offer_unavailable_dates (offer_id, day) values ($1, $2)', [
		pausedRoom.id,
		dayOff
	]);
	centuryRoom = await people.offer(school.id, {
		term_start: '0001-01-01',
		term_end: '9999-12-31'
	});
	draft = await people.activity(academy.id, { status: 'draft', title: 'Geheim ontwerp' });
	closedRequest = await people.request(academy.id, { status: 'closed' });
	ownAgreement = await agreementBetween(academy.id, company.id);
	theirAgreement = await agreementBetween(otherAcademy.id, company.id);
});

afterAll(() => people.remove());

// A helper in schema private: no RPC; the booking functions call it, and the service role may.
describe('room_sessions', () => {
	const call = (caller: Caller, from: string, until: string, offerId = pausedRoom.id) =>
		asCaller<{ day: string }>(
			caller,
			`select to_char(day, 'YYYY-MM-DD') as day
			from private.room_sessions($1, 3, '14:00', '16:00', $2, $3)`,
			[offerId, from, until]
		);

	it('is no RPC: the API answers that there is no such function, to anyone', async () => {
		for (const client of [cast.stranger.client, anonymousClient(), serviceRole]) {
			const { data, error, status } = await client.rpc('room_sessions', {
				p_offer_id: pausedRoom.id,
				p_weekday: 3,
				p_starts: '14:00',
				p_ends: '16:00',
				p_from: daysFromToday(0),
				p_until: daysFromToday(60)
			});
			expect({ status, code: error?.code }).toEqual({ status: 404, code: 'PGRST202' });
			expect(data).toBeNull();
		}
	});

	it.each([
		['a signed-in stranger', (): Caller => cast.stranger],
		['a member of another academy', (): Caller => otherOwner],
		['anonymous', (): Caller => 'anon']
	])('tells %s nothing about the days off of a paused room', async (_, caller) => {
		const { rows, error } = await call(caller(), daysFromToday(0), daysFromToday(60));
		expect(error?.code).toBe('42501');
		expect(rows).toBeNull();
	});

	it('still gives the service role every session but the days off, within a year', async () => {
		const { rows, error } = await call('service_role', daysFromToday(0), daysFromToday(365));
		expect(error).toBeNull();
		const days = rows!.map((row) => row.day);
		expect(days.length).toBeGreaterThanOrEqual(51);
		expect(days).not.toContain(dayOff);
		expect(days).toContain(wednesdayFrom(0));
	});

	it.each([
		['two years', daysFromToday(0), daysFromToday(730)],
		['year 1 to 9999', '0001-01-01', '9999-12-31']
	])('refuses a range of %s at once (22023: a 400)', async (_, from, until) => {
		const started = Date.now();
		const { error } = await call('service_role', from, until);
		expect(Date.now() - started).toBeLessThan(2000);
		expect({ code: error?.code, hint: error?.hint }).toEqual({
			code: '22023',
			hint: 'room_sessions_at_most_400_days'
		});
	});
});

describe('propose_agreement', () => {
	it('refuses a booking over more than 400 days at once, even in a room open for centuries', async () => {
		const request = await people.request(academy.id);
		const started = Date.now();
		const { error, status } = await cast.member.client.rpc('propose_agreement', {
			p_request_id: request.id,
			p_offer_id: centuryRoom.id,
			p_booking_weekday: 3,
			p_booking_starts: '14:00',
			p_booking_ends: '16:00',
			p_booking_from: '0001-01-01',
			p_booking_until: '9999-12-31'
		});
		expect(Date.now() - started).toBeLessThan(3000);
		expect({ status, code: error?.code, hint: error?.hint }).toEqual({
			status: 400,
			code: '23514',
			hint: 'agreements_booking_at_most_400_days'
		});
		expect(error?.message).toMatch(/400 dagen/);
	});

	it('still books a school year in that room', async () => {
		const request = await people.request(academy.id);
		const { error } = await cast.member.client.rpc('propose_agreement', {
			p_request_id: request.id,
			p_offer_id: centuryRoom.id,
			p_booking_weekday: 3,
			p_booking_starts: '14:00',
			p_booking_ends: '16:00',
			p_booking_from: daysFromToday(1),
			p_booking_until: daysFromToday(300)
		});
		expect(error).toBeNull();
	});
});

// Policy helpers in schema private: no RPCs, but the policies call them as the person asking.
describe('the organisation of an activity, offer or request', () => {
	const lookups = [
		['activity_organisation', 'p_activity_id', () => draft.id, () => academy.id, 'a draft'],
		['offer_organisation', 'p_offer_id', () => pausedRoom.id, () => school.id, 'a paused offer'],
		[
			'request_organisation',
			'p_request_id',
			() => closedRequest.id,
			() => academy.id,
			'a closed request'
		]
	] as const;

	const lookUp = (caller: Caller, fn: string, id: string) =>
		asCaller<{ organisation: string | null }>(caller, `select private.${fn}($1) as organisation`, [
			id
		]);

	it.each(lookups)('%s is no RPC: the API does not expose it', async (fn, parameter, id) => {
		for (const client of [cast.member.client, schoolOwner.client, anonymousClient()]) {
			const { data, error, status } = await client.rpc(fn, { [parameter]: id() });
			expect({ status, code: error?.code }).toEqual({ status: 404, code: 'PGRST202' });
			expect(data).toBeNull();
		}
	});

	it.each(lookups)(
		'%s tells a stranger and another academy nothing about %s',
		async (fn, _, id, __, ___) => {
			for (const caller of [cast.stranger, otherOwner, cast.staff]) {
				const { rows, error } = await lookUp(caller, fn, id());
				expect(error).toBeNull();
				expect(rows).toEqual([{ organisation: null }]);
			}
		}
	);

	it.each(lookups)('%s refuses anonymous callers', async (fn, _, id) => {
		const { rows, error } = await lookUp('anon', fn, id());
		expect(error?.code).toBe('42501');
		expect(rows).toBeNull();
	});

	it.each(lookups)('%s still answers its own members', async (fn, _, id, owner) => {
		const member = fn === 'offer_organisation' ? schoolOwner : cast.member;
		const { rows, error } = await lookUp(member, fn, id());
		expect(error).toBeNull();
		expect(rows).toEqual([{ organisation: owner() }]);
	});
});

// The room bookings' policy lists the person's own offers once per statement instead of asking
// offer_organisation() per booking (20261209000600_room_bookings_own_rooms.sql).
describe('the offers of the organisations one belongs to', () => {
	const ownOffers = (caller: Caller) =>
		asCaller<{ id: string }>(caller, 'select id from private.my_offer_ids() as t(id)');

	it('is no RPC: the API does not expose it', async () => {
		const { data, error, status } = await schoolOwner.client.rpc('my_offer_ids');
		expect({ status, code: error?.code }).toEqual({ status: 404, code: 'PGRST202' });
		expect(data).toBeNull();
	});

	it("lists a member's offers, the paused ones too", async () => {
		const { rows, error } = await ownOffers(schoolOwner);
		expect(error).toBeNull();
		const ids = rows!.map((row) => row.id);
		expect(ids).toContain(pausedRoom.id);
		expect(ids).toContain(centuryRoom.id);
	});

	it('lists nothing to a stranger, another academy or network staff, and refuses anonymous callers', async () => {
		for (const caller of [cast.stranger, otherOwner, cast.staff]) {
			const { rows, error } = await ownOffers(caller);
			expect(error).toBeNull();
			expect(rows).toEqual([]);
		}
		const { rows, error } = await ownOffers('anon');
		expect(error?.code).toBe('42501');
		expect(rows).toBeNull();
	});
});

describe('validation triggers that run as their owner', () => {
	const check = (agreementId: string) => ({
		organisation_id: academy.id,
		volunteer_name: 'Indringer',
		agreement_id: agreementId,
		seen_on: daysFromToday(0),
		seen_by_name: 'Iemand'
	});

	it.each([
		['a signed-in stranger', () => cast.stranger],
		['another academy', () => otherOwner]
	])(
		"do not tell %s whose agreement an id is when it records a check for someone else's academy",
		async (_, who) => {
			const own = await who().client.from('volunteer_checks').insert(check(ownAgreement));
			const theirs = await who().client.from('volunteer_checks').insert(check(theirAgreement));
			expect(own.error?.code).toBe('42501');
			expect(theirs.error?.code).toBe('42501');
		}
	);

	it('still tell the academy in Dutch when the agreement is not its own', async () => {
		const { error } = await cast.admin.client.from('volunteer_checks').insert({
			...check(theirAgreement),
			volunteer_name: 'Mentor Een'
		});
		expect(error?.code).toBe('23514');
		expect(error?.message).toBe('Kies een afspraak van je eigen academie.');
		expect(error?.hint).toBe('volunteer_checks_agreement_of_academy');
	});

	it.each([
		['a side of the agreement', () => academy.id],
		['no side of it', () => school.id]
	])(
		"do not tell a stranger whether an organisation is a side of someone else's agreement (%s)",
		async (_, organisationId) => {
			const { error } = await cast.stranger.client.from('agreement_messages').insert({
				agreement_id: ownAgreement,
				organisation_id: organisationId(),
				body: 'Hallo'
			});
			expect(error?.code).toBe('42501');
		}
	);
});

describe('the review in docs/security-definer.md', () => {
	const qualifiedName = `case when n.nspname = 'public' then p.proname else n.nspname || '.' || p.proname end`;
	type Reviewed = { name: string; callers: string[] };

	/** The table's rows: | `name(parameters)` | who may call | ..., named `private.name` in schema private. */
	function reviewed(): Reviewed[] {
		const text = readFileSync(path.join(root, 'docs/security-definer.md'), 'utf8');
		return [...text.matchAll(/^\| `((?:private\.)?[a-z_]+)\([^`]*\)`\s*\|([^|]+)\|/gm)].map(
			(match) => ({
				name: match[1]!,
				callers: match[2]!.split(',').map((caller) => caller.trim())
			})
		);
	}

	async function definers() {
		return people.query<{ name: string; anon: boolean; authenticated: boolean }>(
			`select ${qualifiedName} as name,
				has_function_privilege('anon', p.oid, 'execute') as anon,
				has_function_privilege('authenticated', p.oid, 'execute') as authenticated
			from pg_proc p join pg_namespace n on n.oid = p.pronamespace
			where n.nspname in ('public', 'private') and p.prosecdef
			order by 1`
		);
	}

	it('lists every security definer function of the database, and nothing else', async () => {
		const inDatabase = (await definers()).map((row) => row.name);
		const inReview = reviewed()
			.map((row) => row.name)
			.sort();
		expect(inReview).toEqual([...inDatabase].sort());
	});

	it('says for each who may call it, as the grants do', async () => {
		const grants = new Map((await definers()).map((row) => [row.name, row]));
		const stated = reviewed().map(({ name, callers }) => ({
			name,
			anon: callers.includes('anon'),
			authenticated: callers.includes('authenticated')
		}));
		const actual = stated.map(({ name }) => ({
			name,
			anon: grants.get(name)?.anon,
			authenticated: grants.get(name)?.authenticated
		}));
		expect(stated).toEqual(actual);
	});

	it('lets nobody call a trigger function through the API', async () => {
		const callable = await people.query<{ name: string }>(
			`select ${qualifiedName} as name
			from pg_proc p join pg_namespace n on n.oid = p.pronamespace
			where n.nspname in ('public', 'private') and p.prorettype = 'trigger'::regtype
				and (has_function_privilege('anon', p.oid, 'execute')
					or has_function_privilege('authenticated', p.oid, 'execute'))
			order by 1`
		);
		expect(callable).toEqual([]);
	});
});
