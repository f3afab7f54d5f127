// private.request_reach (supabase/migrations/20261209000100_matching_stored_reach.sql): suggest_offers() reads
// the offers that reach an open request from this table, which statement triggers on offers and requests keep
// current. Here the whole table is compared with the live computation (active_offers_reaching() for every open
// request, the offers' ranking columns as they are now) after every kind of change that moves a pair: an offer
// added, shrunk, moved, listing the request's municipality, paused and active again, its domains, ages and term
// changed, several offers in one statement, an offer deleted; a request added, moved, in progress and open
// again, closed, deleted; and a request and an offer changed by two transactions at once. And the table is
// private: no API role reads it or pairs anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousClient, daysFromToday, testPeople, type Person } from './people.js';
import { twoWritersAtOnce } from './two-writers.js';

const people = testPeople('bereik');
const LEUVEN = '24062';
const GENT = '44021';
let coordinator: Person;
let academy: { id: string };
let school: { id: string };
let company: { id: string };

/** The pairs as match_suggestions() computed them before the table: for every open request, live. */
const LIVE = `
	select r.id as request_id, f.offer_id, f.distance_km, f.reach, o.kind as offer_kind,
		o.domains as offer_domains, o.age_min as offer_age_min, o.age_max as offer_age_max,
		o.term_start as offer_term_start, o.term_end as offer_term_end,
		coalesce((select bit_or(1 << s.weekday) from public.offer_slots s where s.offer_id = o.id), 0)::integer
			as offer_weekdays
	from public.requests r
	cross join lateral private.active_offers_reaching(
		r.lat, r.lng, r.municipality_nis, private.offer_kinds_for_request(r.kind)
	) f
	join public.offers o on o.id = f.offer_id
	where r.status = 'open'`;

const STORED = `
	select request_id, offer_id, distance_km, reach, offer_kind, offer_domains, offer_age_min, offer_age_max,
		offer_term_start, offer_term_end, offer_weekdays
	from private.request_reach`;

/** The rows one side has and the other has not, both ways; and how many pairs there are. */
async function difference() {
	const [row] = await people.query<{ missing: number; extra: number; pairs: number }>(
		`select
			(select count(*) from (${LIVE} except all ${STORED}) d)::integer as missing,
			(select count(*) from (${STORED} except all ${LIVE}) d)::integer as extra,
			(select count(*) from private.request_reach)::integer as pairs`
	);
	return row!;
}

async function expectSameAsLive() {
	const { missing, extra, pairs } = await difference();
	expect({ missing, extra }).toEqual({ missing: 0, extra: 0 });
	expect(pairs).toBeGreaterThan(0);
}

/** The stored pair of this request and offer, or undefined. */
async function pair(requestId: string, offerId: string) {
	const [row] = await people.query<{
		reach: string;
		offer_domains: string[];
		offer_age_min: number;
		offer_weekdays: number;
	}>('select * from private.request_reach where request_id = $1 and offer_id = $2', [
		requestId,
		offerId
	]);
	return row;
}

beforeAll(async () => {
	coordinator = await people.signUp('coordinator');
	academy = await people.organisation([[coordinator, 'member']], {
		kind: 'academy',
		name: 'STEM-academie Bereik',
		municipality_nis: LEUVEN
	});
	school = await people.organisation([], {
		kind: 'school',
		name: 'School Bereik',
		municipality_nis: GENT
	});
	company = await people.organisation([], {
		kind: 'company',
		name: 'Bedrijf Bereik',
		municipality_nis: GENT
	});
});

afterAll(() => people.remove());

describe('the stored pairs are the live ones', () => {
	it('after the migration filled them (the seed and what other suites left)', async () => {
		await expectSameAsLive();
	});

	it('as an offer is added, shrunk, moved, lists the municipality, pauses and comes back', async () => {
		const request = await people.request(academy.id, { municipality_nis: GENT });
		await expectSameAsLive();
		const room = await people.offer(school.id, { municipality_nis: GENT, radius_km: 20 });
		expect(await pair(request.id, room.id)).toMatchObject({ reach: 'radius' });
		await expectSameAsLive();

		// Moved to Leuven with a small radius: out of Gent's reach.
		await people.query(
			'update public.offers set municipality_nis = $2, radius_km = 5 where id = $1',
			[room.id, LEUVEN]
		);
		expect(await pair(request.id, room.id)).toBeUndefined();
		await expectSameAsLive();

		// It lists Gent among the municipalities it serves.
		await people.query('update public.offers set area_municipalities = $2 where id = $1', [
			room.id,
			[GENT]
		]);
		expect(await pair(request.id, room.id)).toMatchObject({ reach: 'municipalities' });
		await expectSameAsLive();

		await people.query(`update public.offers set status = 'paused' where id = $1`, [room.id]);
		expect(await pair(request.id, room.id)).toBeUndefined();
		await expectSameAsLive();
		await people.query(`update public.offers set status = 'active' where id = $1`, [room.id]);
		expect(await pair(request.id, room.id)).toBeDefined();
		await expectSameAsLive();
	});

	it('as an offer’s domains, ages and term change', async () => {
		const request = await people.request(academy.id, { municipality_nis: GENT });
		const room = await people.offer(school.id, { municipality_nis: GENT });
		await people.query(
			`update public.offers set domains = '{programmeren,techniek}', age_min = 10, age_max = 14,
				term_end = $2 where id = $1`,
			[room.id, daysFromToday(90)]
		);
		expect(await pair(request.id, room.id)).toMatchObject({
			offer_domains: ['programmeren', 'techniek'],
			offer_age_min: 10
		});
		await expectSameAsLive();
	});

	it('as an offer’s weekly windows are added, moved to another day and removed', async () => {
		const request = await people.request(academy.id, { municipality_nis: GENT });
		// people.offer() gives a room one window, on Wednesday (weekday 3): bit 3.
		const room = await people.offer(school.id, { municipality_nis: GENT });
		expect(await pair(request.id, room.id)).toMatchObject({ offer_weekdays: 1 << 3 });
		await people.query(
			`insert into public.offer_slots (offer_id, weekday, starts_at, ends_at)
			values ($1, 1, '09:00', '12:00'), ($1, 5, '09:00', '12:00')`,
			[room.id]
		);
		expect(await pair(request.id, room.id)).toMatchObject({
			offer_weekdays: (1 << 1) | (1 << 3) | (1 << 5)
		});
		await expectSameAsLive();
		await people.query(
			'update public.offer_slots set weekday = 7 where offer_id = $1 and weekday = 3',
			[room.id]
		);
		expect(await pair(request.id, room.id)).toMatchObject({
			offer_weekdays: (1 << 1) | (1 << 5) | (1 << 7)
		});
		await people.query('delete from public.offer_slots where offer_id = $1', [room.id]);
		expect(await pair(request.id, room.id)).toMatchObject({ offer_weekdays: 0 });
		await expectSameAsLive();
	});

	it('for several offers in one statement, and when one is deleted', async () => {
		const request = await people.request(academy.id, {
			kind: 'volunteers',
			municipality_nis: GENT,
			people: 2
		});
		const made = await people.query<{ id: string }>(
			`insert into public.offers (organisation_id, kind, title, municipality_nis, radius_km, people)
			select $1, 'volunteers', 'Mentoren ' || n, $2, 10 + n, 2 from generate_series(1, 5) n
			returning id`,
			[company.id, GENT]
		);
		const ids = made.map((row) => row.id);
		for (const id of ids) expect(await pair(request.id, id)).toBeDefined();
		await expectSameAsLive();
		await people.query(
			'update public.offers set radius_km = radius_km + 1 where id = any($1::uuid[])',
			[ids]
		);
		await expectSameAsLive();
		await people.query('delete from public.offers where id = $1', [ids[0]]);
		expect(await pair(request.id, ids[0]!)).toBeUndefined();
		await expectSameAsLive();
	});

	it('as a request is added, moved, in progress and open again, closed and deleted', async () => {
		const room = await people.offer(school.id, { municipality_nis: GENT, radius_km: 15 });
		const request = await people.request(academy.id, { municipality_nis: GENT });
		expect(await pair(request.id, room.id)).toBeDefined();
		await expectSameAsLive();

		await people.query('update public.requests set municipality_nis = $2 where id = $1', [
			request.id,
			LEUVEN
		]);
		expect(await pair(request.id, room.id)).toBeUndefined();
		await expectSameAsLive();
		await people.query('update public.requests set municipality_nis = $2 where id = $1', [
			request.id,
			GENT
		]);
		expect(await pair(request.id, room.id)).toBeDefined();

		await people.query(`update public.requests set status = 'in_progress' where id = $1`, [
			request.id
		]);
		expect(await pair(request.id, room.id)).toBeUndefined();
		await expectSameAsLive();
		await people.query(`update public.requests set status = 'open' where id = $1`, [request.id]);
		expect(await pair(request.id, room.id)).toBeDefined();
		await expectSameAsLive();

		await people.query(`update public.requests set status = 'closed' where id = $1`, [request.id]);
		expect(await pair(request.id, room.id)).toBeUndefined();
		await expectSameAsLive();

		const other = await people.request(academy.id, { municipality_nis: GENT });
		expect(await pair(other.id, room.id)).toBeDefined();
		await people.query('delete from public.requests where id = $1', [other.id]);
		expect(await pair(other.id, room.id)).toBeUndefined();
		await expectSameAsLive();
	});

	it('when a request moves next to an offer while another transaction changes that offer', async () => {
		const room = await people.offer(school.id, { municipality_nis: GENT, radius_km: 10 });
		const request = await people.request(academy.id, { municipality_nis: LEUVEN });
		expect(await pair(request.id, room.id)).toBeUndefined();
		// Each pairs from its own snapshot: without one writer at a time the pair would keep the offer's old
		// ages (the move saw the offer as it was, the offer's change did not see the request in Gent yet).
		const failed = await twoWritersAtOnce(
			(db) =>
				db.query('update public.requests set municipality_nis = $2 where id = $1', [
					request.id,
					GENT
				]),
			(db) => db.query('update public.offers set age_min = 12 where id = $1', [room.id])
		);
		expect(failed).toBeNull();
		expect(await pair(request.id, room.id)).toMatchObject({ offer_age_min: 12 });
		await expectSameAsLive();
	});

	it('suggest_offers() finds an offer the moment it is added, and not once it is paused', async () => {
		const request = await people.request(academy.id, { municipality_nis: GENT });
		const suggested = async () => {
			const { data, error } = await coordinator.client.rpc('suggest_offers', {
				p_request_id: request.id,
				p_limit: 100
			});
			expect(error).toBeNull();
			return (data as { offer_id: string }[]).map((row) => row.offer_id);
		};
		const room = await people.offer(school.id, { municipality_nis: GENT, radius_km: 10 });
		expect(await suggested()).toContain(room.id);
		await people.query(`update public.offers set status = 'paused' where id = $1`, [room.id]);
		expect(await suggested()).not.toContain(room.id);
	});
});

describe('the table is private', () => {
	it('no API role reads it, and none may pair anything', async () => {
		for (const client of [anonymousClient(), coordinator.client]) {
			const read = await client
				.schema('private' as 'public')
				.from('request_reach')
				.select('*');
			expect(read.error).not.toBeNull();
		}
		const asCoordinator = await people.query<{ readable: boolean; pairs: boolean }>(
			`select
				has_table_privilege('authenticated', 'private.request_reach', 'select') as readable,
				has_function_privilege('authenticated', 'private.request_reach_pair_all()', 'execute') as pairs`
		);
		expect(asCoordinator).toEqual([{ readable: false, pairs: false }]);
		const asAnon = await people.query<{ readable: boolean; pairs: boolean }>(
			`select
				has_table_privilege('anon', 'private.request_reach', 'select') as readable,
				has_function_privilege('anon', 'private.request_reach_pair_offers(uuid[])', 'execute') as pairs`
		);
		expect(asAnon).toEqual([{ readable: false, pairs: false }]);
		// What they may call, for the suggestions: the offers that reach a request (in rank order, from a bar),
		// what an open request asks; not the writer of the bounds.
		const reaching = await people.query<{ reaching: boolean; asked: boolean; bound: boolean }>(
			`select
				has_function_privilege('anon', 'private.offers_reaching_request_ranked(uuid, date, date, double precision, integer)', 'execute') as reaching,
				has_function_privilege('anon', 'private.open_request_asked(uuid)', 'execute') as asked,
				has_function_privilege('authenticated', 'private.request_reach_bound(uuid[], uuid[])', 'execute') as bound`
		);
		expect(reaching).toEqual([{ reaching: true, asked: true, bound: false }]);
	});

	it('what an open request asks is all anyone reads of it: nothing of a request not open', async () => {
		const request = await people.request(academy.id, { municipality_nis: GENT }, [
			[2, '14:00', '16:00'],
			[4, '14:00', '15:30']
		]);
		const asked = () => people.query('select * from private.open_request_asked($1)', [request.id]);
		expect(await asked()).toEqual([
			{ request_id: request.id, slot_count: 2, minutes: 210, weekdays: (1 << 2) | (1 << 4) }
		]);
		await people.query(`update public.requests set status = 'closed' where id = $1`, [request.id]);
		expect(await asked()).toEqual([]);
	});
});
