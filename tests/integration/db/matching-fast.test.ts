// Fast exact matching (issue 15, migration 20261207000500) against the running stack: match_suggestions()
// computes the free windows only for the pairs whose highest possible rank can still make the limit, first
// for five times the limit of them, then for the rest that reach the bar. The suggestions must be the
// same rows, in the same order, as ranking every pair in reach. A venue request in Sint-Truiden: twelve
// rooms next door that are never free when it needs them (they rank highest until their windows are
// known), one room about 10 km away that is free the whole time (it only shows up through the second
// step), rooms at equal distance and equal rank (ties), and a room whose two windows begin together.
// Since 20261209000200 a pair whose room has no window on the request's weekday (Wednesday) cannot rank above
// its lowest: the twelve Monday rooms are never looked at, until one of them gets a Wednesday window; and
// a room open on Wednesday morning only (the right day, the wrong hours) still has its windows computed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousClient, daysFromToday, testPeople, type Person } from './people.js';

const SINT_TRUIDEN = '71053';

const people = testPeople('matching-fast');
let coordinator: Person;
let academy: { id: string };
let school: { id: string };
let nearNis: string;
let requestId: string;
const offers: Record<string, string> = {};

type SuggestionRow = {
	offer_id: string;
	request_id: string;
	distance_km: number;
	overlap_minutes: number;
	overlap_weekday: number | null;
	overlap_starts: string | null;
	overlap_ends: string | null;
	rank_hint: number;
};

async function room(name: string, nis: string, slots: [number, string, string][]) {
	const offer = await people.offer(
		school.id,
		{
			title: `Lokaal ${name}`,
			municipality_nis: nis,
			radius_km: 30,
			domains: ['programmeren'],
			term_start: daysFromToday(-30),
			term_end: daysFromToday(200)
		},
		slots
	);
	offers[name] = offer.id;
}

/** The suggestions as the app asks them. */
async function suggest(limit: number, client = coordinator.client) {
	const { data, error } = await client.rpc('suggest_offers', {
		p_request_id: requestId,
		p_limit: limit
	});
	expect(error).toBeNull();
	return data as SuggestionRow[];
}

/** The same suggestions the slow way: the free windows of every pair in reach, ranked, then the limit. */
async function rankingEveryPair(limit: number) {
	return people.query<SuggestionRow>(
		`with r as (select * from public.requests where id = $1),
		pairs as (
			select x.offer_id, r.id as request_id, x.distance_km, o.domains as offer_domains,
				r.domains as request_domains, o.age_min as offer_age_min, o.age_max as offer_age_max,
				r.age_min as request_age_min, r.age_max as request_age_max
			from r
			cross join lateral private.active_offers_reaching(
				r.lat, r.lng, r.municipality_nis, private.offer_kinds_for_request(r.kind)) x
			join public.offers o on o.id = x.offer_id
			where o.kind <> 'room' or (o.term_end >= greatest(r.needed_from, private.today_in_belgium())
				and (r.needed_until is null or o.term_start <= r.needed_until))
		),
		asked as (
			select count(*)::integer as slot_count,
				sum(extract(epoch from q.ends_at - q.starts_at) / 60)::integer as minutes
			from public.request_slots q where q.request_id = $1
		),
		free as (
			select * from private.free_windows(
				(select array_agg(offer_id) from pairs), (select array_agg(request_id) from pairs))
		)
		select p.offer_id, p.request_id, p.distance_km,
			least(coalesce(f.minutes, 0), a.minutes)::integer as overlap_minutes,
			f.weekday as overlap_weekday, f.starts::text as overlap_starts, f.ends::text as overlap_ends,
			private.matching_rank_hint(p.distance_km, a.slot_count, a.minutes,
				least(coalesce(f.minutes, 0), a.minutes)::integer, cardinality(p.request_domains),
				cardinality(array(select d from unnest(p.request_domains) d where d = any (p.offer_domains))),
				p.offer_age_min, p.offer_age_max, p.request_age_min, p.request_age_max) as rank_hint
		from pairs p
		cross join asked a
		left join free f on f.offer_id = p.offer_id and f.request_id = p.request_id
		order by rank_hint desc, p.distance_km, p.offer_id, p.request_id
		limit $2`,
		[requestId, limit]
	);
}

const shape = (rows: SuggestionRow[]) =>
	rows.map((row) => ({
		offer_id: row.offer_id,
		overlap_minutes: row.overlap_minutes,
		overlap_weekday: row.overlap_weekday,
		overlap_starts: row.overlap_starts,
		overlap_ends: row.overlap_ends,
		rank_hint: row.rank_hint
	}));

beforeAll(async () => {
	coordinator = await people.signUp('coordinator');
	academy = await people.organisation([[coordinator, 'member']], {
		kind: 'academy',
		name: 'STEM-academie Sint-Truiden',
		municipality_nis: SINT_TRUIDEN
	});
	school = await people.organisation([], {
		kind: 'school',
		name: 'Scholengroep Haspengouw',
		municipality_nis: SINT_TRUIDEN
	});
	// A Flemish municipality about 10 km from Sint-Truiden's centre.
	const [near] = await people.query<{ nis: string }>(
		`select b.nis from public.municipalities a, public.municipalities b
		where a.nis = $1 and b.valid_to is null and b.region = 'VLG'
		order by abs((point(a.lng, a.lat) operator(extensions.<@>) point(b.lng, b.lat)) * 1.609344 - 10)
		limit 1`,
		[SINT_TRUIDEN]
	);
	nearNis = near!.nis;

	for (let n = 1; n <= 12; n++) await room(`maandag ${n}`, SINT_TRUIDEN, [[1, '16:00', '18:00']]);
	await room('ten km', nearNis, [[3, '13:00', '16:00']]);
	// Two windows that begin together (13:00, where the request begins): the longer one is the first.
	await room('two windows', nearNis, [
		[3, '12:00', '15:00'],
		[3, '12:30', '16:00']
	]);
	for (let n = 1; n <= 3; n++) await room(`gelijk ${n}`, nearNis, [[3, '14:00', '15:00']]);
	await room('woensdagochtend', SINT_TRUIDEN, [[3, '08:00', '12:00']]);

	const request = await people.request(
		academy.id,
		{
			title: 'Vraag snel',
			municipality_nis: SINT_TRUIDEN,
			domains: ['programmeren'],
			needed_from: daysFromToday(14),
			needed_until: daysFromToday(120)
		},
		[[3, '13:00', '16:00']]
	);
	requestId = request.id;
});

afterAll(() => people.remove());

describe('suggest_offers computes windows only where they can matter, with the same result', () => {
	it('finds the free room behind the rooms that rank highest until their windows are known', async () => {
		// With limit 2 the first step looks at the Wednesday-morning room next door (highest possible rank 80,
		// not free) and the rooms 10 km away (highest possible 65); the Monday rooms rank 50 at most.
		const rows = await suggest(2);
		// The two rooms 10 km away that are free the whole time (equal rank and distance: by id).
		expect(rows.map((row) => row.offer_id).sort()).toEqual(
			[offers['ten km'], offers['two windows']].sort()
		);
		expect(rows.map((row) => row.overlap_minutes)).toEqual([180, 180]);
		expect(shape(rows)).toEqual(shape(await rankingEveryPair(2)));
	});

	it('gives the same rows in the same order as ranking every pair, for every limit, ties included', async () => {
		for (const limit of [1, 3, 5, 10, 16, 30, 100]) {
			const rows = await suggest(limit);
			expect(shape(rows)).toEqual(shape(await rankingEveryPair(limit)));
		}
		// The three equal rooms rank alike and come in the order of distance, then id.
		const rows = await suggest(100);
		const tied = rows.filter((row) =>
			['gelijk 1', 'gelijk 2', 'gelijk 3'].some((name) => offers[name] === row.offer_id)
		);
		expect(tied).toHaveLength(3);
		expect(new Set(tied.map((row) => row.rank_hint)).size).toBe(1);
		// The same for someone not signed in.
		expect(shape(await suggest(5, anonymousClient()))).toEqual(shape(await rankingEveryPair(5)));
	});

	it('ranks a room by the window it gets on the request’s weekday at once, and not once it is gone', async () => {
		const monday = offers['maandag 1']!;
		const check = async (limit: number) => {
			const rows = await suggest(limit);
			expect(shape(rows)).toEqual(shape(await rankingEveryPair(limit)));
			return rows;
		};
		// The room next door moves its window to Wednesday, covering the request's: the best suggestion.
		await people.query(
			`update public.offer_slots set weekday = 3, starts_at = '12:00', ends_at = '17:00'
			where offer_id = $1`,
			[monday]
		);
		expect((await check(2))[0]).toMatchObject({
			offer_id: monday,
			overlap_minutes: 180,
			overlap_weekday: 3
		});
		// On Thursday it is no longer free when asked.
		await people.query('update public.offer_slots set weekday = 4 where offer_id = $1', [monday]);
		expect((await check(2)).map((row) => row.offer_id)).not.toContain(monday);
		// A Wednesday window added beside it.
		await people.query(
			`insert into public.offer_slots (offer_id, weekday, starts_at, ends_at) values ($1, 3, '13:00', '16:00')`,
			[monday]
		);
		expect((await check(1))[0]?.offer_id).toBe(monday);
		// Back to its Monday window only.
		await people.query('delete from public.offer_slots where offer_id = $1', [monday]);
		await people.query(
			`insert into public.offer_slots (offer_id, weekday, starts_at, ends_at) values ($1, 1, '16:00', '18:00')`,
			[monday]
		);
		for (const limit of [1, 2, 16, 100]) await check(limit);
	});

	it('gives as first window of two that begin together the longer one', async () => {
		const rows = await suggest(100);
		const two = rows.find((row) => row.offer_id === offers['two windows']);
		expect(two?.overlap_weekday).toBe(3);
		expect(two?.overlap_starts).toBe('13:00:00');
		expect(two?.overlap_ends).toBe('16:00:00');
	});
});
