// coverage_overviews (supabase/migrations/20261213000000_coverage_overview_kept.sql): coverage_overview()
// answers the school years the coverage pages offer (the current one and the three before it) from a row
// that triggers on activities, organisations and municipalities keep, and computes any other year. Here the
// kept rows are compared with the computation (private.coverage_overview_computed, the body coverage_overview
// had before) after each kind of change that moves the answer, each inside a transaction that is rolled back
// so no other suite sees it; then two writers at once, a change the answer does not read, the years outside
// the window, and the table's policies: anyone may read it, nobody may write it through the API.
// Retie (13036): no organisation of the seed or of another suite lives there.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl } from '../../../stack/config.js';
import { anonymousClient, serviceRole, testPeople, type Person } from './people.js';
import { expectDeleteRefused, expectInsertRefused, expectUpdateRefused } from './rls.js';
import { twoWritersAtOnce } from './two-writers.js';

const people = testPeople('dekkingbewaard');
const PLACE = '13036';

type Overview = {
	municipalities: { nis: string; status: string; academies: number; activities: number }[];
	provinces: Record<'current' | '2024', { province: string; with_academy: number }[]>;
};

/**
 * The kept years and those whose row (the overview, its white spots of 20261214000000_white_spots_kept.sql,
 * its municipalities by NIS code of 20261215000000_municipality_coverage_kept.sql or its statistics of
 * 20261216000000_statistics_kept.sql) differs from the computation, read in one statement (one snapshot).
 */
const KEPT = `
	select
		coalesce(array_agg(k.start_year order by k.start_year), '{}') as years,
		coalesce(
			array_agg(k.start_year order by k.start_year)
				filter (where k.overview::text is distinct from private.coverage_overview_computed(k.start_year)::text
					or k.white_spots::text is distinct from
						private.coverage_white_spots_of(private.coverage_overview_computed(k.start_year))::text
					or k.municipalities is distinct from
						private.coverage_municipalities_of(private.coverage_overview_computed(k.start_year))
					or k.statistics::text is distinct from private.statistics_of_school_year(k.start_year)::text),
			'{}'
		) as stale
	from public.coverage_overviews k`;

let current: number;
let window: number[];
let academy: { id: string };
let school: { id: string };

beforeAll(async () => {
	const [row] = await people.query<{ year: number }>(
		`select extract(year from (now() at time zone 'Europe/Brussels') - interval '8 months')::integer as year`
	);
	current = row!.year;
	// the years the pages offer, and the next (the current one from 1 September on)
	window = [current - 3, current - 2, current - 1, current, current + 1];
	// not verified yet: it counts only once a test verifies it
	academy = await people.organisation([], {
		kind: 'academy',
		name: 'Academie Bewaard',
		municipality_nis: PLACE
	});
	school = await people.organisation([], { name: 'School Bewaard', municipality_nis: PLACE });
});

afterAll(async () => {
	await people.remove();
});

/** Runs `steps` in a transaction of its own as postgres and rolls it back. */
async function rolledBack(steps: (db: pg.Client) => Promise<void>) {
	const db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	try {
		await db.query('begin');
		await steps(db);
	} finally {
		await db.query('rollback');
		await db.end();
	}
}

/** Every year of the window is kept, and equals the computation. */
async function expectKept(db: pg.Client, label: string) {
	const { rows } = await db.query<{ years: number[]; stale: number[] }>(KEPT);
	expect(rows[0], label).toEqual({ years: window, stale: [] });
}

async function placeIn(db: pg.Client, year: number) {
	const { rows } = await db.query<{ overview: Overview }>(
		'select overview from public.coverage_overviews where start_year = $1',
		[year]
	);
	return rows[0]!.overview.municipalities.find((m) => m.nis === PLACE)!;
}

const addActivity = (db: pg.Client, start: string) =>
	db.query<{ id: string }>(
		`insert into public.activities (organisation_id, title, domains, format, age_min, age_max,
			start_date, end_date, municipality_nis, status)
		values ($1, 'Bewaarde telling', '{techniek}', 'korte_reeks', 10, 14, $2, $2, $3, 'published')
		returning id`,
		[academy.id, start, PLACE]
	);

describe('coverage_overviews kept by the triggers', () => {
	it('keeps the school years the pages offer, each equal to the computation, and answers them to anyone', async () => {
		const [row] = await people.query<{ years: number[]; stale: number[] }>(KEPT);
		expect(row).toEqual({ years: window, stale: [] });
		const [kept] = await people.query<{ overview: Overview }>(
			'select overview from public.coverage_overviews where start_year = $1',
			[current]
		);
		const { data, error } = await anonymousClient().rpc('coverage_overview', {
			p_start_year: current
		});
		expect(error).toBeNull();
		expect(data).toEqual(kept!.overview);
		expect(kept!.overview.municipalities).toHaveLength(304);
	});

	it('follows activities published, moved to the year before, cancelled and deleted', async () => {
		await rolledBack(async (db) => {
			const before = (await placeIn(db, current)).activities;
			const {
				rows: [activity]
			} = await addActivity(db, `${current}-10-01`);
			expect((await placeIn(db, current)).activities).toBe(before + 1);
			await expectKept(db, 'published');

			await db.query(`update public.activities set start_date = $2, end_date = $2 where id = $1`, [
				activity!.id,
				`${current - 1}-10-01`
			]);
			expect((await placeIn(db, current)).activities).toBe(before);
			await expectKept(db, 'moved to the year before');

			await db.query(`update public.activities set status = 'cancelled' where id = $1`, [
				activity!.id
			]);
			await expectKept(db, 'cancelled');

			const {
				rows: [second]
			} = await addActivity(db, `${current}-12-01`);
			expect((await placeIn(db, current)).activities).toBe(before + 1);
			await db.query('delete from public.activities where id = $1', [second!.id]);
			expect((await placeIn(db, current)).activities).toBe(before);
			await expectKept(db, 'deleted');
		});
	});

	it('follows an academy verified, verified late, moved and deleted', async () => {
		await rolledBack(async (db) => {
			expect((await placeIn(db, current)).status).not.toBe('academy');
			await db.query(
				`update public.organisations set verification_status = 'verified', verified_at = now()
				where id = $1`,
				[academy.id]
			);
			expect(await placeIn(db, current)).toMatchObject({ status: 'academy', academies: 1 });
			// verified in the current school year: it does not count in the one before
			expect((await placeIn(db, current - 1)).academies).toBe(0);
			await expectKept(db, 'verified');

			// verified in June of the school year that started three years ago: it counts from that one on
			await db.query(`update public.organisations set verified_at = $2 where id = $1`, [
				academy.id,
				`${current - 2}-06-01`
			]);
			expect((await placeIn(db, current - 3)).status).toBe('academy');
			await expectKept(db, 'verified two years ago');

			await db.query(
				`update public.organisations set municipality_nis = '13029', lat = null, lng = null
				where id = $1`,
				[academy.id]
			);
			expect((await placeIn(db, current)).academies).toBe(0);
			await expectKept(db, 'moved');

			await db.query('delete from public.organisations where id = $1', [academy.id]);
			await expectKept(db, 'deleted');
		});
	});

	it('follows a municipality renamed', async () => {
		await rolledBack(async (db) => {
			await db.query(`update public.municipalities set name_nl = 'Retie (test)' where nis = $1`, [
				PLACE
			]);
			const { rows } = await db.query<{ overview: string }>(
				'select overview::text from public.coverage_overviews where start_year = $1',
				[current]
			);
			expect(rows[0]!.overview).toContain('Retie (test)');
			await expectKept(db, 'renamed');
		});
	});

	it('keeps its rows when a statement changes nothing the answer reads', async () => {
		await rolledBack(async (db) => {
			// a rebuild writes new row versions: another place in the table (ctid), even in this transaction
			const versions = async () =>
				(await db.query('select start_year, ctid::text from public.coverage_overviews order by 1'))
					.rows;
			const before = await versions();
			// a school described, the academy (not counted) renamed, an activity outside the window, a draft
			// in the current year and its title
			await db.query(`update public.organisations set description = 'Anders' where id = $1`, [
				school.id
			]);
			await db.query(`update public.organisations set name = 'Hernoemd' where id = $1`, [
				academy.id
			]);
			await addActivity(db, `${current - 5}-10-01`);
			const {
				rows: [draft]
			} = await db.query<{ id: string }>(
				`insert into public.activities (organisation_id, title, domains, format, age_min, age_max,
					start_date, end_date, municipality_nis, status)
				values ($1, 'Nog een ontwerp', '{techniek}', 'korte_reeks', 10, 14, $2, $2, $3, 'draft')
				returning id`,
				[academy.id, `${current}-10-01`, PLACE]
			);
			await db.query(
				`update public.activities set title = 'Nog altijd een ontwerp' where id = $1`,
				[draft!.id]
			);
			expect(await versions()).toEqual(before);

			// verified, it counts: its name does not, nor its published activity's title
			await db.query(
				`update public.organisations set verification_status = 'verified', verified_at = now()
				where id = $1`,
				[academy.id]
			);
			const verified = await versions();
			expect(verified).not.toEqual(before);
			await db.query(`update public.organisations set name = 'Weer hernoemd' where id = $1`, [
				academy.id
			]);
			expect(await versions()).toEqual(verified);
			const {
				rows: [published]
			} = await addActivity(db, `${current}-10-01`);
			const withActivity = await versions();
			expect(withActivity).not.toEqual(verified);
			await db.query(`update public.activities set title = 'Andere titel' where id = $1`, [
				published!.id
			]);
			expect(await versions()).toEqual(withActivity);
			// nor a second domain or a later end (the statistics count the first domain and the start)
			await db.query(
				`update public.activities set domains = '{techniek,natuur}', end_date = end_date + 1
				where id = $1`,
				[published!.id]
			);
			expect(await versions()).toEqual(withActivity);
			await expectKept(db, 'unchanged');
		});
	});

	it('answers the coverage of every municipality from the kept row as the computation does', async () => {
		type Answer = {
			nis: string;
			answer: {
				municipality: { nis: string; status: string } | null;
				nearest: { rank: number }[];
			};
		};
		// every municipality (current, merged, Walloon) and an unknown code, as a visitor asks
		const answers = (db: pg.Client) =>
			db
				.query<Answer>(
					`select m.nis, public.coverage_of_municipality($1, m.nis) as answer
					from (select nis from public.municipalities union all select '99999') m
					order by m.nis`,
					[current]
				)
				.then(({ rows }) => rows);
		await rolledBack(async (db) => {
			await db.query('set local role anon');
			const kept = await answers(db);
			await db.query('reset role');
			// the kept row is what answers: changed here (rolled back), the answer follows it
			await db.query(
				`update public.coverage_overviews
				set municipalities = jsonb_set(municipalities, '{44021,academies}', '999')
				where start_year = $1`,
				[current]
			);
			const { rows: changed } = await db.query<{ academies: number }>(
				`select (public.coverage_of_municipality($1, '44021')->'municipality'->>'academies')::int
					as academies`,
				[current]
			);
			expect(changed).toEqual([{ academies: 999 }]);
			await db.query('delete from public.coverage_overviews where start_year = $1', [current]);
			await db.query('set local role anon');
			const computed = await answers(db);
			expect(kept).toEqual(computed);
			// what the comparison covers: the 304 counted ones, white spots with their nearest academies
			const counted = kept.filter((row) => row.answer.municipality !== null);
			expect(counted).toHaveLength(304);
			expect(kept.length).toBeGreaterThan(304);
			expect(
				counted.some(
					(row) => row.answer.municipality!.status !== 'academy' && row.answer.nearest.length === 3
				)
			).toBe(true);
			expect(kept.find((row) => row.nis === '44021')!.answer.municipality!.status).toBe('academy');
		});
	});

	it('computes a school year it does not keep, and one whose row is gone', async () => {
		await rolledBack(async (db) => {
			await addActivity(db, `${current - 5}-10-01`);
			await db.query('delete from public.coverage_overviews where start_year = $1', [current]);
			await db.query('set local role anon');
			for (const year of [current - 5, current, current + 2]) {
				const { rows } = await db.query<{ same: boolean; spots: boolean }>(
					`select public.coverage_overview($1)::text = private.coverage_overview_computed($1)::text
						as same,
					(public.coverage_white_spots($1)->'spots')::text
						= private.coverage_white_spots_of(private.coverage_overview_computed($1))::text as spots`,
					[year]
				);
				expect(rows[0], String(year)).toEqual({ same: true, spots: true });
			}
		});
	});
});

type StatisticsRow = { dimension: string; category: string; activities: number };

/** A school year's kept statistics as { "domain:techniek": 3, … }. */
async function statisticsIn(db: pg.Client, year: number): Promise<Record<string, number>> {
	const { rows } = await db.query<{ statistics: StatisticsRow[] }>(
		'select statistics from public.coverage_overviews where start_year = $1',
		[year]
	);
	return Object.fromEntries(
		rows[0]!.statistics.map((row) => [`${row.dimension}:${row.category}`, row.activities])
	);
}

/** The statistics pages' default periods: the school year before and the current one. */
const defaultPeriods = () => ({
	p_from_1: `${current - 1}-09-01`,
	p_to_1: `${current}-08-31`,
	p_from_2: `${current}-09-01`,
	p_to_2: `${current + 1}-08-31`
});

describe('the statistics kept with each school year (20261216000000_statistics_kept.sql)', () => {
	it('answers the default periods from the kept rows to anyone, as activity_statistics() counts them', async () => {
		const periods = defaultPeriods();
		const { data, error } = await anonymousClient().rpc('activity_statistics_periods', periods);
		expect(error).toBeNull();
		const kept = await people.query<{ start_year: number; statistics: StatisticsRow[] }>(
			`select start_year, statistics from public.coverage_overviews where start_year = any ($1)
			order by start_year`,
			[[current - 1, current]]
		);
		expect(data).toEqual({ first: kept[0]!.statistics, second: kept[1]!.statistics });
		for (const [which, from, to] of [
			['first', periods.p_from_1, periods.p_to_1],
			['second', periods.p_from_2, periods.p_to_2]
		] as const) {
			const counted = await anonymousClient().rpc('activity_statistics', {
				p_from: from,
				p_to: to
			});
			expect(counted.error).toBeNull();
			expect((data as Record<string, StatisticsRow[]>)[which], which).toEqual(counted.data);
		}
		// the seed has activities in the current school year: the comparison is not of two empty lists
		expect((data as { second: StatisticsRow[] }).second.length).toBeGreaterThan(0);
	});

	it('follows a published activity given another first domain and format', async () => {
		await rolledBack(async (db) => {
			await db.query(
				`update public.organisations set verification_status = 'verified', verified_at = now()
				where id = $1`,
				[academy.id]
			);
			const {
				rows: [activity]
			} = await addActivity(db, `${current}-10-01`);
			const before = await statisticsIn(db, current);
			expect(before['format:korte_reeks']).toBeGreaterThan(0);

			await db.query(`update public.activities set domains = '{natuur,techniek}' where id = $1`, [
				activity!.id
			]);
			const domain = await statisticsIn(db, current);
			expect(domain['domain:natuur']).toBe((before['domain:natuur'] ?? 0) + 1);
			expect(domain['domain:techniek'] ?? 0).toBe(before['domain:techniek']! - 1);
			await expectKept(db, 'another first domain');

			await db.query(`update public.activities set format = 'losse_activiteit' where id = $1`, [
				activity!.id
			]);
			const format = await statisticsIn(db, current);
			expect(format['format:losse_activiteit']).toBe((before['format:losse_activiteit'] ?? 0) + 1);
			expect(format['format:korte_reeks'] ?? 0).toBe(before['format:korte_reeks']! - 1);
			await expectKept(db, 'another format');
		});
	});

	it('answers from the kept row, and counts a filtered period or one that is not a school year', async () => {
		const kept: StatisticsRow[] = [{ dimension: 'domain', category: 'bewaard', activities: 7 }];
		const answer = async (db: pg.Client, periods: Record<string, string | null>) => {
			const { rows } = await db.query<{
				answer: { first: StatisticsRow[]; second: StatisticsRow[] };
			}>(`select public.activity_statistics_periods($1, $2, $3, $4, $5) as answer`, [
				periods.p_from_1,
				periods.p_to_1,
				periods.p_from_2,
				periods.p_to_2,
				periods.province
			]);
			return rows[0]!.answer;
		};
		await rolledBack(async (db) => {
			// changed here (rolled back): the answer follows the kept row
			await db.query('update public.coverage_overviews set statistics = $2 where start_year = $1', [
				current,
				JSON.stringify(kept)
			]);
			await db.query('set local role anon');
			const periods = { ...defaultPeriods(), province: null };
			expect((await answer(db, periods)).second).toEqual(kept);
			expect((await answer(db, { ...periods, province: 'Antwerpen' })).second).not.toEqual(kept);
			const dayLater = { ...periods, p_from_2: `${current}-09-02` };
			expect((await answer(db, dayLater)).second).not.toEqual(kept);
			// the first period is still the kept (unchanged) school year before
			expect((await answer(db, dayLater)).first).toEqual((await answer(db, periods)).first);
		});
	});

	// 20261219000300_activity_statistics_period.sql: /open-data and its files ask for one period.
	it('answers one period the same way: a kept school year from its row, anything else counted', async () => {
		const { p_from_2: from, p_to_2: to } = defaultPeriods();
		const counted = await anonymousClient().rpc('activity_statistics', { p_from: from, p_to: to });
		expect(counted.error).toBeNull();
		const one = await anonymousClient().rpc('activity_statistics_period', {
			p_from: from,
			p_to: to
		});
		expect(one.error).toBeNull();
		expect(one.data).toEqual(counted.data);
		expect((one.data as StatisticsRow[]).length).toBeGreaterThan(0);

		const kept: StatisticsRow[] = [{ dimension: 'format', category: 'bewaard', activities: 3 }];
		const period = async (db: pg.Client, start: string, province: string | null = null) => {
			const { rows } = await db.query<{ answer: StatisticsRow[] }>(
				`select public.activity_statistics_period($1, $2, $3) as answer`,
				[start, to, province]
			);
			return rows[0]!.answer;
		};
		await rolledBack(async (db) => {
			await db.query('update public.coverage_overviews set statistics = $2 where start_year = $1', [
				current,
				JSON.stringify(kept)
			]);
			await db.query('set local role anon');
			expect(await period(db, from)).toEqual(kept);
			expect(await period(db, from, 'Antwerpen')).not.toEqual(kept);
			expect(await period(db, `${current}-09-02`)).not.toEqual(kept);
		});
	});
});

describe('two transactions at once', () => {
	it('one publishes an activity, the other verifies an academy: the kept answer has both', async () => {
		const [before] = await people.query<{ overview: Overview }>(
			'select overview from public.coverage_overviews where start_year = $1',
			[current]
		);
		const place = () => before!.overview.municipalities.find((m) => m.nis === PLACE)!;
		try {
			// Before one lock for both, each kept the answer from its own snapshot: whichever committed last
			// kept one without the other's change.
			expect(
				await twoWritersAtOnce(
					(db) => addActivity(db, `${current}-11-01`),
					(db) =>
						db.query(
							`update public.organisations set verification_status = 'verified', verified_at = now()
							where id = $1`,
							[academy.id]
						)
				)
			).toBeNull();
			const [row] = await people.query<{ years: number[]; stale: number[] }>(KEPT);
			expect(row).toEqual({ years: window, stale: [] });
			const [after] = await people.query<{ overview: Overview }>(
				'select overview from public.coverage_overviews where start_year = $1',
				[current]
			);
			expect(after!.overview.municipalities.find((m) => m.nis === PLACE)).toMatchObject({
				status: 'academy',
				academies: place().academies + 1,
				activities: place().activities + 1
			});
		} finally {
			await people.query(`delete from public.activities where organisation_id = $1`, [academy.id]);
			await people.query(
				`update public.organisations set verification_status = 'unverified', verified_at = null
				where id = $1`,
				[academy.id]
			);
		}
	});
});

describe('coverage_overviews policies', () => {
	let person: Person;
	beforeAll(async () => {
		person = await people.signUp('lezer');
	});

	it('lets anyone read it, as coverage_overview() gives the same answer to anyone', async () => {
		for (const db of [anonymousClient(), person.client]) {
			const { data, error } = await db
				.from('coverage_overviews')
				.select('start_year')
				.eq('start_year', current);
			expect(error).toBeNull();
			expect(data).toEqual([{ start_year: current }]);
		}
	});

	it('refuses writes through the API, to visitors, people and the service role', async () => {
		for (const db of [anonymousClient(), person.client, serviceRole]) {
			await expectInsertRefused(
				db,
				'coverage_overviews',
				{ start_year: 1999, overview: {}, white_spots: [], municipalities: {}, statistics: [] },
				{ start_year: 1999 }
			);
			await expectUpdateRefused(
				db,
				'coverage_overviews',
				{ start_year: current },
				{ overview: {} }
			);
			await expectDeleteRefused(db, 'coverage_overviews', { start_year: current });
		}
		const grants = await people.query<{ grantee: string; privilege_type: string }>(
			`select grantee, privilege_type from information_schema.role_table_grants
			where table_schema = 'public' and table_name = 'coverage_overviews'
				and grantee in ('anon', 'authenticated', 'service_role')
			order by 1, 2`
		);
		expect(grants).toEqual(
			['anon', 'authenticated', 'service_role'].map((grantee) => ({
				grantee,
				privilege_type: 'SELECT'
			}))
		);
	});
});
