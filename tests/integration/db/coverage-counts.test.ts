// coverage_activity_counts (supabase/migrations/20261207000100_coverage_counts.sql): coverage_municipalities
// reads the published activities per school year and municipality from this table, which triggers on
// activities and municipalities keep current; coverage_nearest (20261207000150_coverage_nearest_rows.sql):
// coverage_nearest_academies reads the three nearest counted academies from it, kept by triggers on
// organisations and municipalities, in the school years no counted academy was verified after. Here the rows the function gives are compared with the old
// computation (the function's body of 20261204000100_coverage.sql, counting the activities on every call)
// before and after each kind of change that moves a count (insert, publish, move across a school year's
// edge, move to a former municipality, cancel, delete, several rows in one statement, a merger), and the
// tables' policies: anyone may read them, nobody may write them through the API. The nearest academies are
// compared likewise with the old computation (private.distance_km over private.coverage_academies) before
// and after an academy is added, renamed, moved, withdrawn and deleted.
// The inserted rows live in school years 2048–2050, which neither the seed nor another suite uses.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousClient, serviceRole, testPeople, type Person } from './people.js';
import { expectDeleteRefused, expectInsertRefused, expectUpdateRefused } from './rls.js';
import { twoWritersAtOnce } from './two-writers.js';

const people = testPeople('dekkingstal');
const YEARS = [2047, 2048, 2049, 2050];

type MunicipalityRow = {
	nis: string;
	name_nl: string;
	province: string;
	status: string;
	academies: number;
	activities: number;
};

/** coverage_municipalities as 20261204000100_coverage.sql computed it, word for word, for school year $1. */
const OLD_COVERAGE = `
	with year as (
		select coalesce(
			$1::integer,
			extract(year from (now() at time zone 'Europe/Brussels') - interval '8 months')::integer
		) as start_year
	),
	bounds as (
		select b.starts_on, b.ends_on from year y, private.school_year_bounds(y.start_year) b
	),
	seats as (
		select a.seat_nis, count(*)::integer as academies
		from year y, private.coverage_academies(y.start_year) a
		group by a.seat_nis
	),
	held as (
		select coalesce(m.merged_into, m.nis) as nis, count(*)::integer as activities
		from public.activities act
		join public.municipalities m on m.nis = act.municipality_nis
		cross join bounds b
		where act.status = 'published' and act.start_date between b.starts_on and b.ends_on
		group by 1
	)
	select
		m.nis,
		m.name_nl,
		private.province_label(m.province_nl, m.region) as province,
		case
			when coalesce(s.academies, 0) > 0 then 'academy'
			when coalesce(h.activities, 0) > 0 then 'activities'
			else 'none'
		end as status,
		coalesce(s.academies, 0) as academies,
		coalesce(h.activities, 0) as activities
	from public.municipalities m
	left join seats s on s.seat_nis = m.nis
	left join held h on h.nis = m.nis
	where m.valid_to is null and m.region in ('VLG', 'BRU')
	order by
		array_position(
			array['West-Vlaanderen', 'Oost-Vlaanderen', 'Antwerpen', 'Vlaams-Brabant', 'Limburg', 'Brussel'],
			private.province_label(m.province_nl, m.region)
		),
		m.name_nl,
		m.nis`;

/** coverage_nearest_academies as 20261204000100_coverage.sql computed it, for school year $1. */
const OLD_NEAREST = `
	select s.nis, n.rank::integer as rank, n.id as academy_id, n.name as academy_name,
		n.slug as academy_slug, n.seat_nis as academy_nis, round(n.km::numeric, 1) as distance_km
	from (select c.nis, m.lat, m.lng from public.coverage_municipalities($1) c
		join public.municipalities m on m.nis = c.nis where c.status <> 'academy') s
	cross join lateral (
		select a.id, a.name, a.slug, a.seat_nis, k.km, row_number() over (order by k.km, a.name) as rank
		from private.coverage_academies($1) a
		cross join lateral (select private.distance_km(s.lat, s.lng, a.lat, a.lng) as km) k
		order by k.km, a.name
		limit 3
	) n
	order by s.nis, n.rank`;

/** The nearest academies equal the old computation now, last year, in 2020 (computed) and in 2046. */
async function expectNearestAsComputed() {
	const [{ year }] = (await people.query<{ year: number }>(
		`select extract(year from (now() at time zone 'Europe/Brussels') - interval '8 months')::integer as year`
	)) as [{ year: number }];
	for (const y of [year, year - 1, 2020, 2046]) {
		const computed = await people.query(OLD_NEAREST, [y]);
		// in 2020 no academy counted yet (the seed's were verified since): no rows, computed as before
		if (y !== 2020) expect(computed.length, String(y)).toBeGreaterThan(0);
		expect(
			await people.query('select * from public.coverage_nearest_academies($1)', [y]),
			String(y)
		).toEqual(computed);
	}
	// one municipality, as its page asks
	const [spot] = await people.query<{ nis: string }>(
		'select nis from public.coverage_municipalities($1) order by nis limit 1',
		[year]
	);
	const { data, error } = await anonymousClient().rpc('coverage_nearest_academies', {
		p_start_year: year,
		p_nis: spot!.nis
	});
	if (error) throw error;
	expect(data).toHaveLength(3);
}

async function viaApi(year: number): Promise<MunicipalityRow[]> {
	const { data, error } = await anonymousClient().rpc('coverage_municipalities', {
		p_start_year: year
	});
	if (error) throw error;
	return data as MunicipalityRow[];
}

/** The function's rows equal the old computation's in every school year this suite touches (and now). */
async function expectSameAsComputed(years: number[] = YEARS) {
	for (const year of years) {
		const computed = await people.query<MunicipalityRow>(OLD_COVERAGE, [year]);
		expect(computed).toHaveLength(304);
		expect(await viaApi(year), String(year)).toEqual(computed);
	}
	const [now] = await people.query<{ rows: number }>(
		`select count(*)::int as rows from (
			(select * from public.coverage_municipalities(null) except all (${OLD_COVERAGE.replace('$1::integer', 'null::integer')}))
			union all
			((${OLD_COVERAGE.replace('$1::integer', 'null::integer')}) except all select * from public.coverage_municipalities(null))
		) d`
	);
	expect(now!.rows, 'the current school year').toBe(0);
	// and the table as a whole: every school year of every published activity, counted with the bounds
	const stale = await people.query(
		`with counted as (
			select y.start_year, coalesce(m.merged_into, m.nis) as nis, count(*)::integer as activities
			from (select distinct extract(year from start_date - interval '8 months')::integer as start_year
			      from public.activities) y
			cross join private.school_year_bounds(y.start_year) b
			join public.activities a on a.status = 'published' and a.start_date between b.starts_on and b.ends_on
			join public.municipalities m on m.nis = a.municipality_nis
			group by 1, 2
		)
		(select start_year, nis, activities from public.coverage_activity_counts except select * from counted)
		union all
		(select * from counted except select start_year, nis, activities from public.coverage_activity_counts)`
	);
	expect(stale).toEqual([]);
}

async function activitiesIn(year: number, nis: string): Promise<number> {
	return (await viaApi(year)).find((row) => row.nis === nis)!.activities;
}

let organisation: { id: string };
let spot: string;
let other: string;

beforeAll(async () => {
	// two current municipalities that no other merged into
	const spots = await people.query<{ nis: string }>(
		`select m.nis from public.municipalities m
		 where m.valid_to is null and m.region = 'VLG' and m.merged_into is null
		   and not exists (select 1 from public.municipalities p where p.merged_into = m.nis)
		 order by m.nis desc limit 2`
	);
	[spot, other] = spots.map((row) => row.nis) as [string, string];
	organisation = await people.organisation([], { kind: 'academy', name: 'Academie Dekkingstal' });
});

afterAll(() => people.remove());

describe('coverage_activity_counts kept by the triggers', () => {
	it('gives the rows of the old computation on the seed', async () => {
		await expectSameAsComputed();
	});

	it('follows inserts, publishing, a move across the school year, a move into a merged municipality, cancelling and deleting', async () => {
		const day = (date: string) => ({ start_date: date, end_date: date });
		const published = await people.activity(organisation.id, {
			municipality_nis: spot,
			...day('2048-10-01')
		});
		const draft = await people.activity(organisation.id, {
			municipality_nis: spot,
			status: 'draft',
			...day('2048-11-01')
		});
		expect(await activitiesIn(2048, spot)).toBe(1);
		await expectSameAsComputed();

		await people.query(
			`update public.activities set status = 'published', published_at = now() where id = $1`,
			[draft.id]
		);
		expect(await activitiesIn(2048, spot)).toBe(2);
		await expectSameAsComputed();

		// the last day of school year 2048–2049, then the first of the next
		await people.query(
			`update public.activities set start_date = '2049-08-31', end_date = '2049-08-31' where id = $1`,
			[published.id]
		);
		expect(await activitiesIn(2048, spot)).toBe(2);
		await people.query(
			`update public.activities set start_date = '2049-09-01', end_date = '2049-09-01' where id = $1`,
			[published.id]
		);
		expect(await activitiesIn(2048, spot)).toBe(1);
		expect(await activitiesIn(2049, spot)).toBe(1);
		await expectSameAsComputed();

		// moved to another municipality
		await people.query(`update public.activities set municipality_nis = $2 where id = $1`, [
			published.id,
			other
		]);
		expect(await activitiesIn(2049, other)).toBe(1);
		expect(await activitiesIn(2049, spot)).toBe(0);
		await expectSameAsComputed();

		await people.query(`update public.activities set status = 'cancelled' where id = $1`, [
			draft.id
		]);
		expect(await activitiesIn(2048, spot)).toBe(0);
		await expectSameAsComputed();

		await people.query(`delete from public.activities where id = any($1::uuid[])`, [
			[published.id, draft.id]
		]);
		await expectSameAsComputed();
	});

	it('follows several rows in one statement, across school years and municipalities', async () => {
		const rows = await people.query<{ id: string }>(
			`insert into public.activities (organisation_id, title, domains, format, age_min, age_max,
				start_date, end_date, municipality_nis, status)
			select $1, 'Dekking ' || d::text, array['techniek'], 'korte_reeks', 10, 14, d, d, n, 'published'
			from unnest(array['2047-12-01', '2048-03-01', '2050-02-01']::date[]) d,
				unnest(array[$2, $3]::text[]) n
			returning id`,
			[organisation.id, spot, other]
		);
		expect(rows).toHaveLength(6);
		expect(await activitiesIn(2047, spot)).toBe(2);
		expect(await activitiesIn(2049, other)).toBe(1);
		await expectSameAsComputed();

		await people.query(
			`update public.activities set start_date = start_date + 366, end_date = end_date + 366
			where id = any($1::uuid[])`,
			[rows.map((row) => row.id)]
		);
		expect(await activitiesIn(2047, spot)).toBe(0);
		await expectSameAsComputed();

		await people.query(`delete from public.activities where id = any($1::uuid[])`, [
			rows.map((row) => row.id)
		]);
		await expectSameAsComputed();
	});

	it('follows a merger: an activity in a merged municipality counts where it merged into', async () => {
		await people.activity(organisation.id, {
			municipality_nis: spot,
			start_date: '2050-03-01',
			end_date: '2050-03-01'
		});
		expect(await activitiesIn(2049, spot)).toBe(1);
		// inside a transaction that is rolled back: the reference data stays as it is
		await people.query('begin');
		try {
			await people.query(
				`update public.municipalities set valid_to = '2049-12-31', merged_into = $2 where nis = $1`,
				[spot, other]
			);
			const [row] = await people.query<MunicipalityRow>(
				`select * from public.coverage_municipalities(2049) where nis = $1`,
				[other]
			);
			expect(row!.activities).toBe(1);
			const diff = await people.query(
				`(select * from public.coverage_municipalities(2049) except all (${OLD_COVERAGE.replace('$1::integer', '2049')}))
				union all
				((${OLD_COVERAGE.replace('$1::integer', '2049')}) except all select * from public.coverage_municipalities(2049))`
			);
			expect(diff).toEqual([]);
		} finally {
			await people.query('rollback');
		}
		expect(await activitiesIn(2049, spot)).toBe(1);
		await expectSameAsComputed();
	});
});

describe('coverage_nearest kept by the triggers', () => {
	it('gives the rows of the old computation after an academy is added, renamed, moved, withdrawn and deleted', async () => {
		await expectNearestAsComputed();
		// a white spot's centre, for an academy whose seat is elsewhere
		const [spot] = await people.query<{ nis: string; lat: number; lng: number }>(
			`select m.nis, m.lat, m.lng from public.coverage_municipalities(2046) c
			 join public.municipalities m on m.nis = c.nis where c.status <> 'academy' order by m.nis limit 1`
		);
		const academy = await people.organisation([], {
			kind: 'academy',
			name: 'Zzz Academie Dichtbij',
			municipality_nis: '44021',
			lat: spot!.lat,
			lng: spot!.lng,
			verification_status: 'verified',
			verified_at: new Date().toISOString()
		});
		const [first] = await people.query<{ academy_id: string; distance_km: string }>(
			'select academy_id, distance_km from public.coverage_nearest_academies(2046, $1) where rank = 1',
			[spot!.nis]
		);
		expect(first).toEqual({ academy_id: academy.id, distance_km: '0.0' });
		await expectNearestAsComputed();

		await people.query(
			`update public.organisations set name = 'Aaa Academie Dichtbij' where id = $1`,
			[academy.id]
		);
		await expectNearestAsComputed();

		await people.query(`update public.organisations set lat = lat + 0.05 where id = $1`, [
			academy.id
		]);
		await expectNearestAsComputed();

		await people.query(
			`update public.organisations set verification_status = 'withdrawn' where id = $1`,
			[academy.id]
		);
		await expectNearestAsComputed();

		await people.query(
			`update public.organisations set verification_status = 'verified' where id = $1`,
			[academy.id]
		);
		await people.query(`delete from public.organisations where id = $1`, [academy.id]);
		await expectNearestAsComputed();
	});
});

describe('two transactions at once', () => {
	it('both publish an activity in one school year and municipality: both commit, both are counted', async () => {
		const before = await activitiesIn(2049, spot);
		const publish = (title: string) => (db: pg.Client) =>
			db.query(
				`insert into public.activities (organisation_id, title, domains, format, age_min, age_max,
					start_date, end_date, municipality_nis, status)
				values ($1, $2, '{techniek}', 'korte_reeks', 10, 14, '2049-10-01', '2049-10-01', $3, 'published')`,
				[organisation.id, title, spot]
			);
		// Each counted the school year again from its own snapshot: the second wrote a count the first had
		// just written (duplicate key, 23505) and its activity was refused.
		expect(await twoWritersAtOnce(publish('Samen A'), publish('Samen B'))).toBeNull();
		expect(await activitiesIn(2049, spot)).toBe(before + 2);
		await expectSameAsComputed([2049]);
	});

	it('both add a counted academy: both commit, the nearest academies are right', async () => {
		const add = (name: string) => (db: pg.Client) =>
			db.query(
				`insert into public.organisations (kind, name, slug, municipality_nis, verification_status,
					verified_at)
				values ('academy', $1, $2, '44021', 'verified', now())`,
				[name, `dekkingstal-samen-${name.slice(-1).toLowerCase()}-${Date.now()}`]
			);
		try {
			expect(await twoWritersAtOnce(add('Samen Academie A'), add('Samen Academie B'))).toBeNull();
			await expectNearestAsComputed();
		} finally {
			await people.query(`delete from public.organisations where name like 'Samen Academie %'`);
		}
	});
});

describe('coverage_activity_counts policies', () => {
	let person: Person;
	beforeAll(async () => {
		person = await people.signUp('lezer');
		await people.activity(organisation.id, {
			municipality_nis: other,
			start_date: '2050-05-01',
			end_date: '2050-05-01'
		});
	});
	const where = () => ({ start_year: 2049, nis: other });

	it('lets anyone read it, as coverage_municipalities shows the same counts to anyone', async () => {
		for (const db of [anonymousClient(), person.client]) {
			const { data, error } = await db.from('coverage_activity_counts').select('*').match(where());
			expect(error).toBeNull();
			expect(data).toEqual([{ ...where(), activities: 1 }]);
		}
	});

	it('refuses writes through the API, to visitors, people and the service role', async () => {
		for (const db of [anonymousClient(), person.client, serviceRole]) {
			await expectInsertRefused(
				db,
				'coverage_activity_counts',
				{ start_year: 2050, nis: other, activities: 5 },
				{ start_year: 2050, nis: other }
			);
			await expectUpdateRefused(db, 'coverage_activity_counts', where(), { activities: 9 });
			await expectDeleteRefused(db, 'coverage_activity_counts', where());
		}
	});

	it('lets anyone read coverage_nearest and nobody write it through the API', async () => {
		const [row] = await people.query<{ nis: string; rank: number }>(
			'select nis, rank from public.coverage_nearest order by nis, rank limit 1'
		);
		const nearest = { nis: row!.nis, rank: row!.rank };
		for (const db of [anonymousClient(), person.client]) {
			const { data, error } = await db.from('coverage_nearest').select('nis, rank').match(nearest);
			expect(error).toBeNull();
			expect(data).toEqual([nearest]);
		}
		for (const db of [anonymousClient(), person.client, serviceRole]) {
			await expectUpdateRefused(db, 'coverage_nearest', nearest, { distance_km: 99 });
			await expectDeleteRefused(db, 'coverage_nearest', nearest);
		}
	});
});
