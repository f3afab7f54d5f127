// Exact matching (issue 15) against the running stack: a venue request in Sint-Truiden, with 320 rooms in the
// same town that have no common moment, and rooms that do: one next door that is free, one next door booked
// on Wednesday but free on Saturday, one next door booked at the only time it has, and one about 20 km
// away that is free both times. The suggestions used to go on with only the nearest 300 offers in reach, so
// the far room was never seen; now every offer that reaches the place is scored, booked windows do not
// count, and the order is the rough fit's, in SQL. Who may ask is as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asCaller } from './as-caller.js';
import { anonymousClient, daysFromToday, testPeople, type Person } from './people.js';

const SINT_TRUIDEN = '71053';

const people = testPeople('matching-exact');
let coordinator: Person;
let stranger: Person;
let teacher: Person;
let academy: { id: string };
let school: { id: string };
let farNis: string;
const offers: Record<string, string> = {};
const requests: Record<string, string> = {};

type SuggestionRow = {
	offer_id: string;
	distance_km: number;
	overlap_minutes: number;
	overlap_weekday: number | null;
	overlap_starts: string | null;
	rank_hint: number;
};

async function room(name: string, nis: string, slots: [number, string, string][], values = {}) {
	const offer = await people.offer(
		school.id,
		{
			title: `Lokaal ${name}`,
			municipality_nis: nis,
			radius_km: 30,
			domains: ['programmeren'],
			term_start: daysFromToday(-30),
			term_end: daysFromToday(200),
			...values
		},
		slots
	);
	offers[name] = offer.id;
}

/** Books the room on every Wednesday 13–17 of its term, as an accepted agreement with another academy. */
async function bookWednesdays(offerId: string) {
	const other = await people.organisation([], {
		kind: 'academy',
		name: 'STEM-academie elders',
		municipality_nis: SINT_TRUIDEN
	});
	const earlier = await people.request(other.id, { municipality_nis: SINT_TRUIDEN });
	const [agreement] = await people.query<{ id: string }>(
		`insert into public.agreements (request_id, offer_id, academy_id, provider_id,
			proposed_by_organisation, status, booking_weekday, booking_starts, booking_ends, booking_from,
			booking_until)
		values ($1, $2, $3, $4, $4, 'accepted', 3, '13:00', '17:00', $5, $6) returning id`,
		[earlier.id, offerId, other.id, school.id, daysFromToday(-30), daysFromToday(200)]
	);
	await people.query(
		`insert into public.room_bookings (offer_id, agreement_id, day, slot)
		select $1, $2, d::date, tsrange(d::date + time '13:00', d::date + time '17:00')
		from generate_series($3::timestamp, $4::timestamp, interval '1 day') d
		where extract(isodow from d) = 3`,
		[offerId, agreement!.id, daysFromToday(-30), daysFromToday(200)]
	);
}

async function suggest(client = coordinator.client, requestId = requests['venue']!, limit = 100) {
	const { data, error } = await client.rpc('suggest_offers', {
		p_request_id: requestId,
		p_limit: limit
	});
	expect(error).toBeNull();
	return data as SuggestionRow[];
}

beforeAll(async () => {
	[coordinator, stranger, teacher] = await Promise.all([
		people.signUp('coordinator'),
		people.signUp('buitenstaander'),
		people.signUp('leerkracht')
	]);
	academy = await people.organisation([[coordinator, 'member']], {
		kind: 'academy',
		name: 'STEM-academie Sint-Truiden',
		municipality_nis: SINT_TRUIDEN
	});
	school = await people.organisation([[teacher, 'admin']], {
		kind: 'school',
		name: 'Scholengroep Haspengouw',
		municipality_nis: SINT_TRUIDEN
	});
	// A Flemish municipality about 20 km from Sint-Truiden's centre: far enough that 300 rooms are nearer.
	const [far] = await people.query<{ nis: string }>(
		`select b.nis from public.municipalities a, public.municipalities b
		where a.nis = $1 and b.valid_to is null and b.region = 'VLG'
		order by abs((point(a.lng, a.lat) operator(extensions.<@>) point(b.lng, b.lat)) * 1.609344 - 20)
		limit 1`,
		[SINT_TRUIDEN]
	);
	farNis = far!.nis;

	// 320 rooms in Sint-Truiden itself, in reach but never free when the request needs them (Monday only).
	await people.query(
		`with made as (
			insert into public.offers (organisation_id, kind, title, municipality_nis, radius_km, room_type,
				capacity, term_start, term_end)
			select $1, 'room', 'Klaslokaal ' || n, $2, 10, 'klaslokaal', 24, $3, $4
			from generate_series(1, 320) n
			returning id
		)
		insert into public.offer_slots (offer_id, weekday, starts_at, ends_at)
		select id, 1, '16:00', '18:00' from made`,
		[school.id, SINT_TRUIDEN, daysFromToday(-30), daysFromToday(200)]
	);
	await room('next door', SINT_TRUIDEN, [
		[3, '13:00', '17:00'],
		[6, '09:00', '12:00']
	]);
	await room('half booked', SINT_TRUIDEN, [
		[3, '13:00', '17:00'],
		[6, '09:00', '12:00']
	]);
	await room('booked', SINT_TRUIDEN, [[3, '13:00', '17:00']]);
	await room('far', farNis, [
		[3, '12:30', '18:00'],
		[6, '09:00', '12:00']
	]);
	await room('far paused', farNis, [[3, '12:30', '18:00']], { status: 'paused' });
	await bookWednesdays(offers['half booked']!);
	await bookWednesdays(offers['booked']!);

	for (const [name, status] of [
		['venue', 'open'],
		['closed', 'closed']
	] as const) {
		const request = await people.request(
			academy.id,
			{
				title: `Vraag ${name}`,
				municipality_nis: SINT_TRUIDEN,
				domains: ['programmeren'],
				needed_from: daysFromToday(14),
				needed_until: daysFromToday(120),
				status
			},
			[
				[3, '13:00', '16:00'],
				[6, '10:00', '12:00']
			]
		);
		requests[name] = request.id;
	}
});

afterAll(() => people.remove());

describe('suggest_offers considers every offer that reaches the place', () => {
	it('suggests the far room with the perfect slots, behind more than 300 nearer offers in reach', async () => {
		// What the nearest-300 cap cut off: more than 300 active offers in reach are nearer than the far room.
		const [reached] = await people.query<{ nearer: number; far: number }>(
			`with r as (select * from public.requests where id = $1),
			x as (
				select x.* from r, private.active_offers_reaching(r.lat, r.lng, r.municipality_nis, array['room']) x
			)
			select count(*) filter (where x.distance_km < f.distance_km)::int as nearer,
				f.distance_km as far
			from x, (select distance_km from x where offer_id = $2) f
			group by f.distance_km`,
			[requests['venue'], offers['far']]
		);
		expect(reached!.nearer).toBeGreaterThan(300);
		expect(reached!.far).toBeGreaterThan(15);

		const rows = await suggest(coordinator.client, requests['venue'], 10);
		const farRow = rows.find((row) => row.offer_id === offers['far']);
		expect(farRow?.overlap_minutes).toBe(300);
		expect(farRow?.overlap_weekday).toBe(3);
		expect(farRow?.overlap_starts).toBe('13:00:00');
		// Not the paused one next to it.
		expect(rows.map((row) => row.offer_id)).not.toContain(offers['far paused']);
	});

	it('leaves booked windows out: a room booked on Wednesday is free only on Saturday, one booked at its only time not at all', async () => {
		const rows = await suggest();
		const half = rows.find((row) => row.offer_id === offers['half booked']);
		expect(half?.overlap_minutes).toBe(120);
		expect(half?.overlap_weekday).toBe(6);
		expect(half?.overlap_starts).toBe('10:00:00');
		const booked = rows.find((row) => row.offer_id === offers['booked']);
		expect(booked?.overlap_minutes).toBe(0);
		expect(booked?.overlap_weekday).toBeNull();
		// The same for someone not signed in.
		const anonymous = await suggest(anonymousClient());
		expect(anonymous.find((row) => row.offer_id === offers['half booked'])?.overlap_minutes).toBe(
			120
		);
	});

	it('ranks in SQL by the rough fit: free next door, half booked, far and free, booked, then the rest', async () => {
		const rows = await suggest();
		const position = (name: string) => rows.findIndex((row) => row.offer_id === offers[name]);
		const order = ['next door', 'half booked', 'far', 'booked'].map(position);
		expect(order.every((index) => index >= 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
		// Next door: 30 (distance 0) + 30 (all 300 minutes) + 15 (the domain) + 5 (ages unknown).
		expect(rows[order[0]!]!.rank_hint).toBeCloseTo(80, 5);
		expect(rows[order[1]!]!.rank_hint).toBeCloseTo(30 + 12 + 15 + 5, 5);
		// The rooms without a common moment come after all four, and the rows come best first.
		const hints = rows.map((row) => row.rank_hint);
		expect([...hints].sort((a, b) => b - a)).toEqual(hints);
		expect(rows[order[3]! + 1]!.rank_hint).toBeLessThan(rows[order[3]!]!.rank_hint);
		expect(rows).toHaveLength(100);
	});
});

describe('who may ask, as before', () => {
	it('anyone may ask for an open request; a closed or unknown one gives nothing to anyone', async () => {
		for (const client of [anonymousClient(), stranger.client, coordinator.client]) {
			expect((await suggest(client, requests['venue'], 5)).length).toBe(5);
			expect(await suggest(client, requests['closed'], 5)).toEqual([]);
			expect(await suggest(client, '00000000-0000-4000-8000-000000000000', 5)).toEqual([]);
		}
	});

	it('a paused offer gets no requests, for its own members too; an active one finds the request', async () => {
		for (const client of [anonymousClient(), teacher.client]) {
			const { data, error } = await client.rpc('suggest_requests', {
				p_offer_id: offers['far paused']!,
				p_limit: 10
			});
			expect(error).toBeNull();
			expect(data).toEqual([]);
		}
		const { data } = await teacher.client.rpc('suggest_requests', {
			p_offer_id: offers['far']!,
			p_limit: 10
		});
		const venue = (data as { request_id: string; overlap_minutes: number }[]).find(
			(row) => row.request_id === requests['venue']
		);
		expect(venue?.overlap_minutes).toBe(300);
	});

	it('free_windows() tells nothing about a paused offer or a closed request, and refuses unequal lists', async () => {
		const pairs = await asCaller<{ offer_id: string }>(
			'anon',
			'select offer_id from private.free_windows($1::uuid[], $2::uuid[])',
			[
				[offers['far paused'], offers['far'], offers['next door']],
				[requests['venue'], requests['closed'], requests['venue']]
			]
		);
		expect(pairs.error).toBeNull();
		expect(pairs.rows).toEqual([{ offer_id: offers['next door'] }]);
		const unequal = await asCaller(
			stranger,
			'select * from private.free_windows($1::uuid[], $2::uuid[])',
			[[offers['far']], []]
		);
		expect(unequal.error).toMatchObject({ code: '22023', hint: 'free_windows_pairs' });
	});

	it('the helper is not part of the API', async () => {
		const { error } = await anonymousClient().rpc(
			'free_windows' as never,
			{
				p_offer_ids: [offers['far']],
				p_request_ids: [requests['venue']]
			} as never
		);
		expect(error).not.toBeNull();
	});
});
