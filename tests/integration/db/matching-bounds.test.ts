// The stored bounds of matching (issue 15, migration 20261223000000): every pair of an open request and an
// offer that reaches it keeps the highest rank it can get (private.request_reach.highest), and
// suggest_offers() reads the pairs in that order, five times the limit of them, then only those whose bound
// reaches the limit-th best rank. A bound left too low after a change would drop the offer that now fits
// best. A venue request in Voeren asks one weekly hour; six rooms in Voeren and one in Riemst (16 km away)
// have an hour each. With a limit of 1, the first five pairs read are five of the six near rooms unless the
// bounds moved with the change: the room in Riemst is then missed unless its bound rose.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromToday, testPeople, type Person } from './people.js';

const VOEREN = '73109';
const RIEMST = '73066';
// Early on a weekend: no seed room has a window then.
const SATURDAY = 6;
const SUNDAY = 7;

const people = testPeople('matching-bounds');
let coordinator: Person;
let schoolId: string;
let requestId: string;
let farRoom: string;
let nearRooms: string[] = [];

/** The best suggestion for the request (limit 1), as its academy's member asks it. */
async function best(): Promise<string | undefined> {
	const { data, error } = await coordinator.client.rpc('suggest_offers', {
		p_request_id: requestId,
		p_limit: 1
	});
	expect(error).toBeNull();
	return (data as { offer_id: string }[])[0]?.offer_id;
}

/** Each stored pair of the request: its bound, and the highest rank worked out here from the tables. */
async function bounds() {
	return people.query<{ offer_id: string; highest: number; expected: number }>(
		`with asked as (
			select count(*)::integer as slot_count,
				coalesce(sum(extract(epoch from q.ends_at - q.starts_at) / 60), 0)::integer as minutes
			from public.request_slots q where q.request_id = $1
		)
		select x.offer_id, x.highest,
			private.matching_rank_hint(
				x.distance_km, a.slot_count, a.minutes,
				case when exists (
					select from public.request_slots q join public.offer_slots s on s.weekday = q.weekday
					where q.request_id = r.id and s.offer_id = o.id
				) then a.minutes else 0 end,
				cardinality(r.domains),
				(select count(*) from unnest(r.domains) d where d = any (o.domains))::integer,
				o.age_min, o.age_max, r.age_min, r.age_max
			) as expected
		from private.request_reach x
		join public.requests r on r.id = x.request_id
		join public.offers o on o.id = x.offer_id
		cross join asked a
		where x.request_id = $1
		order by x.offer_id`,
		[requestId]
	);
}

async function expectBoundsRight() {
	const rows = await bounds();
	expect(rows.map((row) => row.offer_id)).toEqual(expect.arrayContaining([farRoom, ...nearRooms]));
	for (const row of rows) expect(row.highest, row.offer_id).toBeCloseTo(row.expected, 9);
}

beforeAll(async () => {
	coordinator = await people.signUp('coordinator');
	const academy = await people.organisation([[coordinator, 'member']], {
		kind: 'academy',
		name: 'STEM-academie Voeren',
		municipality_nis: VOEREN
	});
	const school = await people.organisation([], {
		kind: 'school',
		name: 'Scholen Voerstreek',
		municipality_nis: VOEREN
	});
	schoolId = school.id;
	const room = (title: string, nis: string, weekday: number, values = {}) =>
		people.offer(
			schoolId,
			{
				title,
				municipality_nis: nis,
				term_start: daysFromToday(-30),
				term_end: daysFromToday(200),
				...values
			},
			[[weekday, '07:00', '08:00']]
		);
	for (let n = 1; n <= 6; n++) nearRooms.push((await room(`Voeren ${n}`, VOEREN, SUNDAY)).id);
	// Read in the order of their offer ids, as the pairs that tie are.
	nearRooms = nearRooms.sort();
	// An id after every other (uuids order as text): of pairs that tie, the last read.
	const last = `ffffffff${randomUUID().slice(8)}`;
	farRoom = (await room('Riemst', RIEMST, SATURDAY, { id: last })).id;
	const request = await people.request(
		academy.id,
		{
			title: 'Een lokaal vroeg in het weekend',
			municipality_nis: VOEREN,
			needed_from: daysFromToday(14),
			needed_until: daysFromToday(120)
		},
		[[SUNDAY, '07:00', '08:00']]
	);
	requestId = request.id;
});

afterAll(() => people.remove());

describe('suggest_offers and the stored bounds', () => {
	it('bounds every pair as it is paired', async () => {
		await expectBoundsRight();
		// On Sunday the rooms in Voeren fit and are nearest.
		expect(nearRooms).toContain(await best());
	});

	it('moves the bounds with the windows a request asks: the room that now fits comes first', async () => {
		await people.query('update public.request_slots set weekday = $2 where request_id = $1', [
			requestId,
			SATURDAY
		]);
		await expectBoundsRight();
		// Only the room in Riemst has a window on Saturday: 16 km away, it ranks above every room in Voeren.
		expect(await best()).toBe(farRoom);
	});

	it("moves the bounds with a room's windows", async () => {
		// The last of the rooms in Voeren by id (never among the first read of five that tie) gets Saturday too.
		const last = nearRooms[nearRooms.length - 1]!;
		await people.query('update public.offer_slots set weekday = $2 where offer_id = $1', [
			last,
			SATURDAY
		]);
		await expectBoundsRight();
		expect(await best()).toBe(last);
		// And back: its bound falls again (one left too high would only cost time, but it is wrong too).
		await people.query('update public.offer_slots set weekday = $2 where offer_id = $1', [
			last,
			SUNDAY
		]);
		await expectBoundsRight();
		expect(await best()).toBe(farRoom);
	});

	it('moves the bounds with what a request and an offer ask and offer: domains, ages, windows added and gone', async () => {
		await people.query(
			`update public.requests set domains = '{sterrenkunde,natuur}', age_min = 10, age_max = 12 where id = $1`,
			[requestId]
		);
		await expectBoundsRight();
		await people.query(
			`update public.offers set domains = '{sterrenkunde}', age_min = 6, age_max = 9 where id = $1`,
			[nearRooms[0]]
		);
		await expectBoundsRight();
		await people.slots('request', requestId, [[SUNDAY, '07:30', '09:00']]);
		await expectBoundsRight();
		await people.query('delete from public.offer_slots where offer_id = $1', [farRoom]);
		await expectBoundsRight();
		await people.query('delete from public.request_slots where request_id = $1', [requestId]);
		await expectBoundsRight();
		await people.slots('request', requestId, [[SATURDAY, '07:00', '08:00']]);
		await people.slots('offer', farRoom, [[SATURDAY, '07:00', '08:00']]);
		await expectBoundsRight();
		expect(await best()).toBe(farRoom);
	});

	it('reads the pairs not bounded yet, all of them and first: each is suggested where it ranks', async () => {
		// As if no bound of the request's pairs were written: the first five read are five others (by id),
		// and the room in Riemst, which ranks first, must still be read.
		await people.query(
			"update private.request_reach set highest = 'infinity' where request_id = $1",
			[requestId]
		);
		const [{ pairs } = { pairs: 0 }] = await people.query<{ pairs: number }>(
			'select count(*)::integer as pairs from private.request_reach where request_id = $1',
			[requestId]
		);
		expect(pairs).toBeGreaterThan(5);
		expect(await best()).toBe(farRoom);
		// Read first: a pair not bounded yet comes before every bounded one, however high, in the reader's
		// order (which decides only the time, not the rows: such a pair also reaches any bar).
		await people.query(
			`update private.request_reach
			set highest = case when offer_id = $2 then 'infinity'::double precision else 1000 end
			where request_id = $1`,
			[requestId, farRoom]
		);
		const firstRead = await people.query<{ offer_id: string }>(
			`select offer_id from private.offers_reaching_request_ranked($1, current_date, null, '-infinity', 2)`,
			[requestId]
		);
		expect(firstRead.map((row) => row.offer_id)).toEqual([farRoom, expect.any(String)]);
		expect(firstRead[1]?.offer_id).not.toBe(farRoom);
		await people.query(`select private.request_reach_bound(array[$1::uuid], null)`, [requestId]);
		await expectBoundsRight();
	});

	it('keeps the pairs as they are when a save changes no window, and moves them when one changes', async () => {
		const [request] = await people.query<Record<string, unknown>>(
			'select to_jsonb(r) as row from public.requests r where r.id = $1',
			[requestId]
		);
		const stored = async () => ({
			pairs: await people.query<{ offer_id: string; version: string }>(
				`select offer_id, xmin::text as version from private.request_reach
				where request_id = $1 order by offer_id`,
				[requestId]
			),
			slots: await people.query<{ id: string }>(
				'select id from public.request_slots where request_id = $1 order by id',
				[requestId]
			)
		});
		const save = (slots: { weekday: number; starts_at: string; ends_at: string }[]) =>
			coordinator.client.rpc('save_request', {
				p_id: requestId,
				p_organisation_id: (request!.row as { organisation_id: string }).organisation_id,
				p_request: { ...(request!.row as object), title: 'Een lokaal op zaterdag, vroeg' },
				p_slots: slots
			});
		const before = await stored();
		// A title edit with the same window: not one stored pair or window written.
		expect(
			(await save([{ weekday: SATURDAY, starts_at: '07:00', ends_at: '08:00' }])).error
		).toBeNull();
		expect(await stored()).toEqual(before);
		// The window moved to Sunday: the rooms in Voeren fit again and come first.
		expect(
			(await save([{ weekday: SUNDAY, starts_at: '07:00', ends_at: '08:00' }])).error
		).toBeNull();
		await expectBoundsRight();
		expect(nearRooms).toContain(await best());
	});
});
