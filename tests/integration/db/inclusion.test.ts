// Inclusion figures and the incentive rule: the figures agree with counts this suite computes itself from
// the reports it files (in school years 2041–2042, which nothing else uses), small counts come back null,
// each reader sees what the reach reports' policies allow, and only network staff set a rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asCaller } from './as-caller.js';
import { testPeople, type Cast, type Person } from './people.js';
import { expectDeleteRefused, expectInsertRefused, expectUpdateRefused } from './rls.js';

const people = testPeople('inclusie');
let cast: Cast;
/** A member of the other academy (B), and of nothing else. */
let otherMember: Person;
let academyA: { id: string };
let academyB: { id: string };
const rulesMade: string[] = [];

type Report = {
	academy: 'A' | 'B' | 'unverified';
	start: string;
	domains: string[];
	format: string;
	nis: string;
	province: string;
	participants: number;
	girls: number;
	disadvantaged: number | null;
	home: number | null;
	special: number | null;
	status?: 'published' | 'cancelled';
};

// Gent (44021) is in Oost-Vlaanderen, Leuven (24062) in Vlaams-Brabant.
const reports: Report[] = [
	{
		academy: 'A',
		start: '2041-10-01',
		domains: ['techniek', 'programmeren'],
		format: 'korte_reeks',
		nis: '44021',
		province: 'Oost-Vlaanderen',
		participants: 40,
		girls: 10,
		disadvantaged: 8,
		home: 6,
		special: null
	},
	{
		academy: 'A',
		start: '2042-03-15',
		domains: ['programmeren'],
		format: 'losse_activiteit',
		nis: '24062',
		province: 'Vlaams-Brabant',
		participants: 20,
		girls: 12,
		disadvantaged: null,
		home: 3,
		special: 2
	},
	{
		academy: 'A',
		start: '2042-10-01',
		domains: ['natuur'],
		format: 'korte_reeks',
		nis: '44021',
		province: 'Oost-Vlaanderen',
		participants: 30,
		girls: 15,
		disadvantaged: 6,
		home: null,
		special: null
	},
	{
		academy: 'B',
		start: '2041-11-20',
		domains: ['techniek'],
		format: 'losse_activiteit',
		nis: '44021',
		province: 'Oost-Vlaanderen',
		participants: 12,
		girls: 3,
		disadvantaged: 0,
		home: null,
		special: null
	},
	// Not counted: a cancelled activity, and an academy network staff did not verify.
	{
		academy: 'A',
		start: '2041-12-01',
		domains: ['natuur'],
		format: 'korte_reeks',
		nis: '44021',
		province: 'Oost-Vlaanderen',
		participants: 100,
		girls: 100,
		disadvantaged: 50,
		home: 50,
		special: 50,
		status: 'cancelled'
	},
	{
		academy: 'unverified',
		start: '2041-12-01',
		domains: ['natuur'],
		format: 'korte_reeks',
		nis: '44021',
		province: 'Oost-Vlaanderen',
		participants: 100,
		girls: 0,
		disadvantaged: 0,
		home: 0,
		special: 0
	}
];

const counted = reports.filter((r) => r.academy !== 'unverified' && r.status !== 'cancelled');

/** The small-count rule, written out here independently of the database. */
const shown = (n: number) => (n > 0 && n < 5 ? null : n);
/** The complementary rule: a part of a whole is withheld when it or the rest of the whole is small. */
const shownPart = (part: number, whole: number) =>
	shown(part) === null || shown(whole - part) === null ? null : part;
const share = (part: number, whole: number) =>
	shownPart(part, whole) === null || shown(whole) === null || whole === 0
		? null
		: Math.round((1000 * part) / whole) / 10;
const sum = (rows: Report[], pick: (r: Report) => number | null) =>
	rows.reduce((total, r) => total + (pick(r) ?? 0), 0);

/** What a row of inclusion_figures() should say about these reports. */
function expected(rows: Report[]) {
	const participants = sum(rows, (r) => r.participants);
	const girls = sum(rows, (r) => r.girls);
	const group = (pick: (r: Report) => number | null) => {
		const known = rows.filter((r) => pick(r) !== null);
		const count = sum(known, pick);
		const basis = sum(known, (r) => r.participants);
		return {
			count: basis === 0 ? null : shownPart(count, basis),
			basis: shown(basis),
			pct: share(count, basis)
		};
	};
	const disadvantaged = group((r) => r.disadvantaged);
	const home = group((r) => r.home);
	const special = group((r) => r.special);
	return {
		activities: rows.length,
		participants: shown(participants),
		girls: shownPart(girls, participants),
		girls_pct: share(girls, participants),
		disadvantaged: disadvantaged.count,
		disadvantaged_basis: disadvantaged.basis,
		disadvantaged_pct: disadvantaged.pct,
		non_dutch_home_language: home.count,
		non_dutch_home_language_basis: home.basis,
		non_dutch_home_language_pct: home.pct,
		special_needs: special.count,
		special_needs_basis: special.basis,
		special_needs_pct: special.pct
	};
}

type FigureRow = Record<string, unknown> & { dimension: string; category: string };

const FIGURES = `select dimension, category, activities, participants, girls, girls_pct::float8 as girls_pct,
	disadvantaged, disadvantaged_basis, disadvantaged_pct::float8 as disadvantaged_pct,
	non_dutch_home_language, non_dutch_home_language_basis,
	non_dutch_home_language_pct::float8 as non_dutch_home_language_pct,
	special_needs, special_needs_basis, special_needs_pct::float8 as special_needs_pct,
	meets_rule, participants_short, girls_pct_short::float8 as girls_pct_short
	from public.inclusion_figures($1, $2, $3)`;

async function figures(who: Person | 'anon', organisationId: string | null = null) {
	return asCaller<FigureRow>(who, FIGURES, [2041, 2042, organisationId]);
}

function row(rows: FigureRow[] | null, dimension: string, category: string) {
	const found = rows?.find((r) => r.dimension === dimension && r.category === category);
	if (!found) return undefined;
	const figures = { ...found } as Record<string, unknown>;
	for (const key of [
		'dimension',
		'category',
		'meets_rule',
		'participants_short',
		'girls_pct_short'
	])
		delete figures[key];
	return figures;
}

beforeAll(async () => {
	cast = await people.cast();
	otherMember = await people.signUp('ander-lid');
	academyA = await people.organisation([[cast.member, 'member']], {
		kind: 'academy',
		verification_status: 'verified',
		verified_at: new Date().toISOString()
	});
	academyB = await people.organisation([[otherMember, 'member']], {
		kind: 'academy',
		verification_status: 'verified',
		verified_at: new Date().toISOString()
	});
	const unverified = await people.organisation([], { kind: 'academy' });
	const ids = { A: academyA.id, B: academyB.id, unverified: unverified.id };
	for (const report of reports) {
		// A report needs an activity that has started; the activity moves to its school year afterwards.
		const activity = await people.activity(ids[report.academy], {
			start_date: '2026-09-01',
			end_date: '2043-06-30',
			domains: report.domains,
			format: report.format,
			municipality_nis: report.nis
		});
		await people.query(
			`insert into public.reach_reports
			 (activity_id, participants, girls, disadvantaged, non_dutch_home_language, special_needs)
			 values ($1, $2, $3, $4, $5, $6)`,
			[
				activity.id,
				report.participants,
				report.girls,
				report.disadvantaged,
				report.home,
				report.special
			]
		);
		await people.query('update public.activities set start_date = $2 where id = $1', [
			activity.id,
			report.start
		]);
		if (report.status === 'cancelled') {
			await people.query(
				"update public.activities set status = 'cancelled', cancelled_at = now() where id = $1",
				[activity.id]
			);
		}
	}
});

afterAll(async () => {
	if (rulesMade.length > 0)
		await people.query('delete from public.inclusion_rules where id = any($1::uuid[])', [
			rulesMade
		]);
	await people.remove();
});

describe('the small-count rule', () => {
	it('hides counts from 1 to 4 and shows 0 and 5 upwards', async () => {
		const rows = await people.query<{ n: number | null }>(
			'select private.suppress_small(g) as n from generate_series(0, 6) as g order by g'
		);
		expect(rows.map((r) => r.n)).toEqual([0, null, null, null, null, 5, 6]);
	});
});

describe('the complementary rule', () => {
	it('withholds a part of 20 when it or the rest is from 1 to 4, and shows it otherwise', async () => {
		const rows = await people.query<{ n: number | null }>(
			'select private.suppress_part(g, 20) as n from generate_series(0, 20) as g order by g'
		);
		expect(rows.map((r) => r.n)).toEqual([
			0,
			...[null, null, null, null],
			...[5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
			...[null, null, null, null],
			20
		]);
	});

	it('withholds the share with the part', async () => {
		const rows = await people.query<{ pct: number | null }>(
			`select private.suppressed_share(p, 20)::float8 as pct
			 from unnest(array[18, 10, 0, 2, 15]) with ordinality as t(p, i) order by i`
		);
		expect(rows.map((r) => r.pct)).toEqual([null, 50, 0, null, 75]);
	});
});

describe('inclusion figures for network staff', () => {
	let rows: FigureRow[] | null;
	beforeAll(async () => {
		const result = await figures(cast.staff);
		expect(result.error).toBeNull();
		rows = result.rows;
	});

	it('count the published activities of verified academies over the period', () => {
		expect(row(rows, 'total', 'total')).toEqual(expected(counted));
	});

	it('give each academy its own figures', () => {
		expect(row(rows, 'academy', academyA.id)).toEqual(
			expected(counted.filter((r) => r.academy === 'A'))
		);
	});

	it('withhold a count of 3 girls and the share computed from it', () => {
		const b = row(rows, 'academy', academyB.id);
		expect(b?.participants).toBe(12);
		expect(b?.girls).toBeNull();
		expect(b?.girls_pct).toBeNull();
		expect(b).toEqual(expected(counted.filter((r) => r.academy === 'B')));
	});

	it('compute target-group shares over the reports that filled them in', () => {
		const total = row(rows, 'total', 'total')!;
		// 8 + 6 + 0 disadvantaged of 40 + 30 + 12 participants whose reports said so.
		expect(total.disadvantaged_basis).toBe(82);
		expect(total.disadvantaged_pct).toBe(17.1);
		// Two children with special needs in the only report that said: withheld, and so is the share.
		expect(total.special_needs).toBeNull();
		expect(total.special_needs_pct).toBeNull();
	});

	it.each([
		['province', 'Oost-Vlaanderen', (r: Report) => r.province === 'Oost-Vlaanderen'],
		['province', 'Vlaams-Brabant', (r: Report) => r.province === 'Vlaams-Brabant'],
		['domain', 'techniek', (r: Report) => r.domains[0] === 'techniek'],
		['domain', 'programmeren', (r: Report) => r.domains[0] === 'programmeren'],
		['domain', 'natuur', (r: Report) => r.domains[0] === 'natuur'],
		['format', 'korte_reeks', (r: Report) => r.format === 'korte_reeks'],
		['format', 'losse_activiteit', (r: Report) => r.format === 'losse_activiteit'],
		['year', '2041', (r: Report) => r.start >= '2041-09-01' && r.start <= '2042-08-31'],
		['year', '2042', (r: Report) => r.start >= '2042-09-01' && r.start <= '2043-08-31']
	] as const)('per %s: %s', (dimension, category, belongs) => {
		expect(row(rows, dimension, category)).toEqual(expected(counted.filter(belongs)));
	});

	it('say which academies meet the current incentive rule and how far the others are', async () => {
		const [rule] = await people.query<{ pct: string; participants: number }>(
			`select min_girls_pct as pct, min_participants as participants from public.inclusion_rules
			 where valid_from <= current_date order by valid_from desc, created_at desc limit 1`
		);
		const a = rows!.find((r) => r.category === academyA.id)!;
		const aReports = counted.filter((r) => r.academy === 'A');
		const participants = sum(aReports, (r) => r.participants);
		const girls = sum(aReports, (r) => r.girls);
		const meets =
			participants >= rule!.participants && girls * 100 >= Number(rule!.pct) * participants;
		expect(a.meets_rule).toBe(meets);
		expect(a.participants_short).toBe(Math.max(rule!.participants - participants, 0));
		const pct = Math.round((1000 * girls) / participants) / 10;
		expect(a.girls_pct_short).toBeCloseTo(Math.max(Number(rule!.pct) - pct, 0), 5);
		// B's share is withheld, so how far it is from the rule's share is too.
		expect(rows!.find((r) => r.category === academyB.id)!.girls_pct_short).toBeNull();
	});
});

describe('inclusion figures for others', () => {
	it("give an academy's member only their own academy", async () => {
		const { rows, error } = await figures(cast.member);
		expect(error).toBeNull();
		expect(row(rows, 'total', 'total')).toEqual(expected(counted.filter((r) => r.academy === 'A')));
		expect(rows!.filter((r) => r.dimension === 'academy').map((r) => r.category)).toEqual([
			academyA.id
		]);
	});

	it("give another academy's member nothing of academy A", async () => {
		const { rows, error } = await figures(otherMember, academyA.id);
		expect(error).toBeNull();
		expect(rows!.filter((r) => r.dimension !== 'total')).toEqual([]);
		expect(rows!.every((r) => r.activities === 0)).toBe(true);
	});

	it('give a signed-in stranger nothing', async () => {
		const { rows } = await figures(cast.stranger);
		expect(rows!.filter((r) => r.dimension !== 'total')).toEqual([]);
	});

	it('are refused to anonymous visitors', async () => {
		const { error } = await figures('anon');
		expect(error?.code).toBe('42501');
	});

	it('refuse a period of more than ten school years', async () => {
		const { error } = await asCaller(
			cast.staff,
			'select * from public.inclusion_figures(2030, 2041)'
		);
		expect(error?.code).toBe('22023');
		expect(error?.hint).toBe('inclusion_period_invalid');
	});
});

describe('the incentive rule', () => {
	// Rules valid from 2099 never become the current one while other suites and pages run.
	const future = { min_girls_pct: 45, min_participants: 60, valid_from: '2099-01-01' };

	it('is read by signed-in people', async () => {
		const { data, error } = await cast.member.client.from('inclusion_rules').select('id').limit(1);
		expect(error).toBeNull();
		expect(data).toHaveLength(1);
	});

	it('is not read by anonymous visitors', async () => {
		const { error } = await cast.clients.anonymous.from('inclusion_rules').select('id');
		expect(error?.code).toBe('42501');
	});

	it('is set by network staff', async () => {
		const { data, error } = await cast.staff.client
			.from('inclusion_rules')
			.insert(future)
			.select('id, min_girls_pct, min_participants, valid_from')
			.single();
		expect(error).toBeNull();
		rulesMade.push(data!.id);
		expect(data).toMatchObject(future);
	});

	it.each(['a member', 'an owner', 'a signed-in stranger', 'anonymous'] as const)(
		'is not set by %s',
		async (who) => {
			await expectInsertRefused(cast.clients[who], 'inclusion_rules', future, {
				valid_from: future.valid_from,
				min_participants: 61
			});
			await expectInsertRefused(
				cast.clients[who],
				'inclusion_rules',
				{ ...future, min_participants: 61 },
				{ valid_from: future.valid_from, min_participants: 61 }
			);
		}
	);

	it('is never changed or deleted in place, not even by staff (a change is a new version)', async () => {
		const [rule] = await people.query<{ id: string }>(
			`insert into public.inclusion_rules (min_girls_pct, min_participants, valid_from)
			 values (45, 62, '2099-01-01') returning id`
		);
		rulesMade.push(rule!.id);
		await expectUpdateRefused(
			cast.staff.client,
			'inclusion_rules',
			{ id: rule!.id },
			{
				min_participants: 1
			}
		);
		await expectDeleteRefused(cast.staff.client, 'inclusion_rules', { id: rule!.id });
	});

	it('refuses a share above 100 %', async () => {
		const { error } = await cast.staff.client
			.from('inclusion_rules')
			.insert({ ...future, min_girls_pct: 120 });
		expect(error?.code).toBe('23514');
		expect(error?.message).toContain('inclusion_rules_min_girls_pct_range');
	});
});

describe('inclusion figures under the complementary rule', () => {
	// Three academies with one report each in school year 2044–2045, which nothing else uses: 18, 10 and 0
	// girls of 20 participants, and target groups whose rest is small (17 and 16 of 20) or not.
	type Filed = { girls: number; disadvantaged: number; home: number; special: number | null };
	const filed: Record<'C' | 'D' | 'E', Filed> = {
		C: { girls: 18, disadvantaged: 17, home: 8, special: 0 },
		D: { girls: 10, disadvantaged: 10, home: 16, special: null },
		E: { girls: 0, disadvantaged: 0, home: 0, special: 0 }
	};
	const ids: Partial<Record<keyof typeof filed, string>> = {};
	let rows: FigureRow[];

	beforeAll(async () => {
		for (const [name, report] of Object.entries(filed) as [keyof typeof filed, Filed][]) {
			const academy = await people.organisation([], {
				kind: 'academy',
				verification_status: 'verified',
				verified_at: new Date().toISOString()
			});
			ids[name] = academy.id;
			const activity = await people.activity(academy.id, {
				start_date: '2026-09-01',
				end_date: '2045-06-30',
				domains: ['natuur'],
				format: 'losse_activiteit',
				municipality_nis: '44021'
			});
			await people.query(
				`insert into public.reach_reports
				 (activity_id, participants, girls, disadvantaged, non_dutch_home_language, special_needs)
				 values ($1, 20, $2, $3, $4, $5)`,
				[activity.id, report.girls, report.disadvantaged, report.home, report.special]
			);
			await people.query("update public.activities set start_date = '2044-10-01' where id = $1", [
				activity.id
			]);
		}
		const result = await asCaller<FigureRow>(cast.staff, FIGURES, [2044, 2044, null]);
		expect(result.error).toBeNull();
		rows = result.rows!;
	});

	const academy = (name: keyof typeof filed) => rows.find((r) => r.category === ids[name])!;

	it('show neither 18 girls of 20 nor the 2 boys that would follow, but keep the 20 participants', () => {
		const c = academy('C');
		expect(c.participants).toBe(20);
		expect(c.girls).toBeNull();
		expect(c.girls_pct).toBeNull();
		// no figure of the row gives the 18 girls, the 2 boys or their shares (90 %, 10 %) away
		for (const value of [18, 2, 90, 10]) expect(Object.values(c)).not.toContain(value);
		expect(c.girls_pct_short).toBeNull();
	});

	it('show 10 girls of 20 and their 50 %', () => {
		const d = academy('D');
		expect(d.participants).toBe(20);
		expect(d.girls).toBe(10);
		expect(d.girls_pct).toBe(50);
	});

	it('show 0 girls of 20 and 0 %', () => {
		const e = academy('E');
		expect(e.participants).toBe(20);
		expect(e.girls).toBe(0);
		expect(e.girls_pct).toBe(0);
	});

	it('treat the target groups the same way against the reports that filled them in', () => {
		const [c, d, e] = [academy('C'), academy('D'), academy('E')];
		// 17 of 20 disadvantaged: the 3 others would follow
		expect([c.disadvantaged, c.disadvantaged_basis, c.disadvantaged_pct]).toEqual([null, 20, null]);
		expect([c.non_dutch_home_language, c.non_dutch_home_language_pct]).toEqual([8, 40]);
		expect([c.special_needs, c.special_needs_pct]).toEqual([0, 0]);
		// 16 of 20 speak another language at home: the 4 others would follow
		expect([d.non_dutch_home_language, d.non_dutch_home_language_pct]).toEqual([null, null]);
		expect([d.disadvantaged, d.disadvantaged_pct]).toEqual([10, 50]);
		expect([e.disadvantaged, e.non_dutch_home_language, e.special_needs]).toEqual([0, 0, 0]);
	});

	it('show the totals, whose parts and rests are large enough', () => {
		const total = rows.find((r) => r.dimension === 'total')!;
		// 18 + 10 + 0 girls of 60; 17 + 10 + 0 disadvantaged; 8 + 16 + 0 at home; 0 + 0 of 40 special needs
		expect([total.participants, total.girls, total.girls_pct]).toEqual([60, 28, 46.7]);
		expect([total.disadvantaged, total.disadvantaged_pct]).toEqual([27, 45]);
		expect([total.non_dutch_home_language, total.non_dutch_home_language_pct]).toEqual([24, 40]);
		expect([total.special_needs, total.special_needs_basis, total.special_needs_pct]).toEqual([
			0, 40, 0
		]);
	});
});
