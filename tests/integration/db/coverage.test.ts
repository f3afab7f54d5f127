// Coverage (supabase/migrations/20261204000100_coverage.sql): coverage_municipalities, coverage_provinces
// on both bases and coverage_nearest_academies, each checked against a count this suite makes on its own
// (SQL of its own over organisations, municipalities and activities, the municipality numbers the reference
// data's README gives, a distance computed here) and against rows it inserts and the change they make.
// The inserted rows live in school year 2046–2047, which neither the seed nor another suite uses.
import { todayInBelgium } from '$lib/public/format';
import { schoolYearOf } from '$lib/school-year';
import { afterAll, describe, expect, it } from 'vitest';
import { anonymousClient, testPeople } from './people.js';

const people = testPeople('dekking');
const YEAR = 2046;
const YEAR_ENDS = '2047-08-31';

type ProvinceRow = {
	province: string;
	municipalities: number;
	with_academy: number;
	coverage_pct: number;
};
type MunicipalityRow = {
	nis: string;
	name_nl: string;
	province: string;
	status: string;
	academies: number;
	activities: number;
};

const ORDER = [
	'West-Vlaanderen',
	'Oost-Vlaanderen',
	'Antwerpen',
	'Vlaams-Brabant',
	'Limburg',
	'Brussel',
	'TOTAL'
];

async function provinces(year: number, basis: string): Promise<ProvinceRow[]> {
	const { data, error } = await anonymousClient().rpc('coverage_provinces', {
		p_start_year: year,
		p_basis: basis
	});
	if (error) throw error;
	return (data as ProvinceRow[]).map((row) => ({ ...row, coverage_pct: Number(row.coverage_pct) }));
}

async function municipalities(year: number): Promise<MunicipalityRow[]> {
	const { data, error } = await anonymousClient().rpc('coverage_municipalities', {
		p_start_year: year
	});
	if (error) throw error;
	return data as MunicipalityRow[];
}

async function statusOf(year: number, nis: string): Promise<MunicipalityRow> {
	const row = (await municipalities(year)).find((r) => r.nis === nis);
	if (!row) throw new Error(`no coverage row for ${nis}`);
	return row;
}

const withAcademy = (rows: ProvinceRow[], province: string) =>
	rows.find((row) => row.province === province)?.with_academy;

/** Haversine, written here independently of private.distance_km. */
function km(lat1: number, lng1: number, lat2: number, lng2: number): number {
	const rad = Math.PI / 180;
	const a =
		Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
		Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
	return 2 * 6371 * Math.asin(Math.sqrt(a));
}

const pct = (covered: number, total: number) => Math.round((10000 * covered) / total) / 100;

/** The academies counted in a school year, by this suite's own reading of the rule. */
async function countedAcademies(yearEnds: string) {
	return people.query<{
		id: string;
		name: string;
		nis: string;
		seat: string;
		lat: number;
		lng: number;
	}>(
		`select o.id, o.name, o.municipality_nis as nis, coalesce(m.merged_into, m.nis) as seat, o.lat, o.lng
		 from public.organisations o join public.municipalities m on m.nis = o.municipality_nis
		 where o.kind = 'academy' and o.verification_status = 'verified'
		   and (o.verified_at is null or (o.verified_at at time zone 'Europe/Brussels')::date <= $1::date)`,
		[yearEnds]
	);
}

afterAll(() => people.remove());

describe('coverage_provinces on the seed, against an independent count', () => {
	it('counts the current municipalities (285 Flemish + 19 in Brussels) and their seats', async () => {
		const academies = await countedAcademies(YEAR_ENDS);
		const seats = new Set(academies.map((a) => a.seat));
		const units = await people.query<{ nis: string; province: string }>(
			`select nis, case region when 'BRU' then 'Brussel' else replace(province_nl, 'Provincie ', '') end
			   as province
			 from public.municipalities where valid_to is null and region <> 'WAL'`
		);
		const rows = await provinces(YEAR, 'current');
		expect(rows.map((row) => row.province)).toEqual(ORDER);
		// The reference data's README: Antwerpen 67, Oost-Vlaanderen 55, West-Vlaanderen 62,
		// Vlaams-Brabant 63, Limburg 38, and the 19 of Brussels.
		expect(rows.map((row) => row.municipalities)).toEqual([62, 55, 67, 63, 38, 19, 304]);
		for (const row of rows.slice(0, -1)) {
			const inProvince = units.filter((u) => u.province === row.province);
			const covered = inProvince.filter((u) => seats.has(u.nis)).length;
			expect(row.with_academy, row.province).toBe(covered);
			expect(row.coverage_pct, row.province).toBe(pct(covered, inProvince.length));
		}
		const total = rows.at(-1)!;
		const covered = units.filter((u) => seats.has(u.nis)).length;
		expect(total.with_academy).toBe(covered);
		expect(total.coverage_pct).toBe(pct(covered, 304));
		expect(covered).toBeGreaterThan(0);
	});

	it('counts the municipalities of 2024 (300 + 19), an academy in a merged one for its nearest part', async () => {
		const academies = await countedAcademies(YEAR_ENDS);
		const units = await people.query<{
			nis: string;
			merged_into: string | null;
			lat: number;
			lng: number;
			province: string;
		}>(
			`select nis, merged_into, lat, lng,
			   case region when 'BRU' then 'Brussel' else replace(province_nl, 'Provincie ', '') end as province
			 from public.municipalities
			 where region <> 'WAL' and valid_from <= '2024-12-31' and coalesce(valid_to, '2024-12-31') >= '2024-12-31'`
		);
		const covered = new Set<string>();
		for (const academy of academies) {
			const parts = units.filter((u) => u.nis === academy.nis || u.merged_into === academy.nis);
			parts.sort(
				(a, b) =>
					km(a.lat, a.lng, academy.lat, academy.lng) - km(b.lat, b.lng, academy.lat, academy.lng)
			);
			if (parts[0]) covered.add(parts[0].nis);
		}
		const rows = await provinces(YEAR, '2024');
		expect(rows.map((row) => row.province)).toEqual(ORDER);
		expect(rows.at(-1)!.municipalities).toBe(319);
		expect(rows.find((row) => row.province === 'Brussel')?.municipalities).toBe(19);
		for (const row of rows.slice(0, -1)) {
			const inProvince = units.filter((u) => u.province === row.province);
			expect(row.municipalities, row.province).toBe(inProvince.length);
			const count = inProvince.filter((u) => covered.has(u.nis)).length;
			expect(row.with_academy, row.province).toBe(count);
			expect(row.coverage_pct, row.province).toBe(pct(count, inProvince.length));
		}
		expect(rows.at(-1)!.with_academy).toBe(covered.size);
	});

	it('refuses an unknown basis with its rule', async () => {
		const { error } = await anonymousClient().rpc('coverage_provinces', {
			p_start_year: YEAR,
			p_basis: '2019'
		});
		expect(error).toMatchObject({ code: '22023', hint: 'coverage_basis_known' });
	});
});

describe('coverage_municipalities', () => {
	it('agrees with an independent count of seats and activities for every municipality', async () => {
		const expected = await people.query<{ nis: string; academies: number; activities: number }>(
			`select m.nis,
			   (select count(*)::int from public.organisations o
			      join public.municipalities om on om.nis = o.municipality_nis
			     where coalesce(om.merged_into, om.nis) = m.nis and o.kind = 'academy'
			       and o.verification_status = 'verified'
			       and (o.verified_at is null or (o.verified_at at time zone 'Europe/Brussels')::date <= '2027-08-31'))
			     as academies,
			   (select count(*)::int from public.activities a
			      join public.municipalities am on am.nis = a.municipality_nis
			     where coalesce(am.merged_into, am.nis) = m.nis and a.status = 'published'
			       and a.start_date >= '2026-09-01' and a.start_date <= '2027-08-31') as activities
			 from public.municipalities m where m.valid_to is null and m.region in ('VLG', 'BRU')`
		);
		const rows = await municipalities(2026);
		expect(rows).toHaveLength(304);
		const byNis = new Map(rows.map((row) => [row.nis, row]));
		for (const want of expected) {
			const row = byNis.get(want.nis);
			expect(row, want.nis).toMatchObject({
				academies: want.academies,
				activities: want.activities
			});
			const status = want.academies > 0 ? 'academy' : want.activities > 0 ? 'activities' : 'none';
			expect(row?.status, want.nis).toBe(status);
		}
		// the seed has all three
		expect(new Set(rows.map((row) => row.status))).toEqual(
			new Set(['academy', 'activities', 'none'])
		);
	});

	it('turns a white spot into "activities" and then "academy" as rows arrive, and counts it per province', async () => {
		const [spot] = await people.query<{ nis: string; lat: number; lng: number; province: string }>(
			`select m.nis, m.lat, m.lng, replace(m.province_nl, 'Provincie ', '') as province
			 from public.municipalities m
			 where m.valid_to is null and m.region = 'VLG' and m.merged_into is null
			   and not exists (select 1 from public.organisations o join public.municipalities om
			                   on om.nis = o.municipality_nis
			                   where coalesce(om.merged_into, om.nis) = m.nis and o.kind = 'academy')
			   and not exists (select 1 from public.municipalities p where p.merged_into = m.nis)
			 order by m.nis limit 1`
		);
		expect(spot).toBeDefined();
		const before = await provinces(YEAR, 'current');
		expect(await statusOf(YEAR, spot!.nis)).toMatchObject({ status: 'none', activities: 0 });

		const elsewhere = await people.organisation([], {
			kind: 'academy',
			name: 'Academie Dekking Elders',
			verification_status: 'verified',
			verified_at: new Date().toISOString()
		});
		await people.activity(elsewhere.id, {
			municipality_nis: spot!.nis,
			lat: spot!.lat,
			lng: spot!.lng,
			start_date: '2046-10-01',
			end_date: '2046-10-01'
		});
		// a draft does not count
		await people.activity(elsewhere.id, {
			municipality_nis: spot!.nis,
			lat: spot!.lat,
			lng: spot!.lng,
			start_date: '2046-10-02',
			end_date: '2046-10-02',
			status: 'draft'
		});
		expect(await statusOf(YEAR, spot!.nis)).toMatchObject({ status: 'activities', activities: 1 });

		// an academy that is not verified does not cover the place
		await people.organisation([], {
			kind: 'academy',
			name: 'Academie Dekking Onbevestigd',
			municipality_nis: spot!.nis,
			lat: spot!.lat,
			lng: spot!.lng
		});
		expect((await statusOf(YEAR, spot!.nis)).status).toBe('activities');

		await people.organisation([], {
			kind: 'academy',
			name: 'Academie Dekking Hier',
			municipality_nis: spot!.nis,
			lat: spot!.lat,
			lng: spot!.lng,
			verification_status: 'verified',
			verified_at: new Date().toISOString()
		});
		expect(await statusOf(YEAR, spot!.nis)).toMatchObject({ status: 'academy', academies: 1 });
		const after = await provinces(YEAR, 'current');
		expect(withAcademy(after, spot!.province)).toBe(withAcademy(before, spot!.province)! + 1);
		expect(withAcademy(after, 'TOTAL')).toBe(withAcademy(before, 'TOTAL')! + 1);
		// an academy verified now did not cover anything in school year 2020–2021
		expect((await statusOf(2020, spot!.nis)).status).toBe('none');
	});

	it('maps an academy in a merged municipality to the former part it lies in, on the 2024 basis', async () => {
		// a 2025 merger of which no part has an academy yet
		const parts = await people.query<{
			merged: string;
			nis: string;
			lat: number;
			lng: number;
			province: string;
		}>(
			`select p.merged_into as merged, p.nis, p.lat, p.lng, replace(p.province_nl, 'Provincie ', '') as province
			 from public.municipalities p
			 where p.merged_into = (
			   select m.nis from public.municipalities m
			   where m.valid_to is null and m.region = 'VLG' and m.valid_from = '2025-01-01'
			     and (select count(*) from public.municipalities x where x.merged_into = m.nis) >= 2
			     and (select count(distinct x.province_nl) from public.municipalities x where x.merged_into = m.nis) = 1
			     and not exists (select 1 from public.organisations o join public.municipalities om
			                     on om.nis = o.municipality_nis
			                     where coalesce(om.merged_into, om.nis) = m.nis and o.kind = 'academy')
			   order by m.nis limit 1)
			 order by p.nis`
		);
		expect(parts.length).toBeGreaterThanOrEqual(2);
		const [first, second] = parts as [(typeof parts)[0], (typeof parts)[0]];
		const province = first.province;
		const current0 = withAcademy(await provinces(YEAR, 'current'), province)!;
		const old0 = withAcademy(await provinces(YEAR, '2024'), province)!;

		const verified = { verification_status: 'verified', verified_at: new Date().toISOString() };
		await people.organisation([], {
			kind: 'academy',
			name: 'Academie Fusie Een',
			municipality_nis: first.merged,
			lat: first.lat,
			lng: first.lng,
			...verified
		});
		expect(withAcademy(await provinces(YEAR, 'current'), province)).toBe(current0 + 1);
		expect(withAcademy(await provinces(YEAR, '2024'), province)).toBe(old0 + 1);

		// a second academy in the same merged municipality, in its other part: one more former
		// municipality covered in 2024, the current one already was
		await people.organisation([], {
			kind: 'academy',
			name: 'Academie Fusie Twee',
			municipality_nis: first.merged,
			lat: second.lat,
			lng: second.lng,
			...verified
		});
		expect(withAcademy(await provinces(YEAR, 'current'), province)).toBe(current0 + 1);
		expect(withAcademy(await provinces(YEAR, '2024'), province)).toBe(old0 + 2);
	});
});

describe('coverage_nearest_academies', () => {
	it('gives the three nearest counted academies of a white spot with their distance', async () => {
		const spot = (await municipalities(2026)).find((row) => row.status === 'none');
		expect(spot).toBeDefined();
		const [centre] = await people.query<{ lat: number; lng: number }>(
			'select lat, lng from public.municipalities where nis = $1',
			[spot!.nis]
		);
		const academies = await countedAcademies('2027-08-31');
		const expected = academies
			.map((a) => ({ id: a.id, km: km(centre!.lat, centre!.lng, a.lat, a.lng) }))
			.sort((a, b) => a.km - b.km)
			.slice(0, 3);

		const { data, error } = await anonymousClient().rpc('coverage_nearest_academies', {
			p_start_year: 2026,
			p_nis: spot!.nis
		});
		if (error) throw error;
		const rows = data as { rank: number; academy_id: string; distance_km: number }[];
		expect(rows.map((row) => row.rank)).toEqual([1, 2, 3]);
		expect(rows.map((row) => row.academy_id)).toEqual(expected.map((a) => a.id));
		rows.forEach((row, i) => expect(Number(row.distance_km)).toBeCloseTo(expected[i]!.km, 1));
	});

	it('lists every municipality without an academy, three academies each', async () => {
		const spots = (await municipalities(2026)).filter((row) => row.status !== 'academy');
		const { data, error } = await anonymousClient().rpc('coverage_nearest_academies', {
			p_start_year: 2026
		});
		if (error) throw error;
		const rows = data as { nis: string }[];
		expect(new Set(rows.map((row) => row.nis))).toEqual(new Set(spots.map((row) => row.nis)));
		expect(rows).toHaveLength(spots.length * 3);
	});

	// 20261206000100_coverage_nearest_fast.sql inlines the haversine: the rows must be exactly those of
	// private.distance_km, the ranks and the 0.1 km rounding included, for every spot.
	it('gives exactly the rows private.distance_km gives, and never an academy that is not counted', async () => {
		const expected = await people.query<{
			nis: string;
			rank: number;
			academy_id: string;
			distance_km: string;
		}>(
			`select s.nis, n.rank::integer as rank, n.id as academy_id, round(n.km::numeric, 1)::text as distance_km
			from (select c.nis, m.lat, m.lng from public.coverage_municipalities(2026) c
				join public.municipalities m on m.nis = c.nis where c.status <> 'academy') s
			cross join lateral (
				select a.id, k.km, row_number() over (order by k.km, a.name) as rank
				from private.coverage_academies(2026) a
				cross join lateral (select private.distance_km(s.lat, s.lng, a.lat, a.lng) as km) k
				order by k.km, a.name limit 3
			) n
			order by s.nis, n.rank`
		);
		const { data, error } = await anonymousClient().rpc('coverage_nearest_academies', {
			p_start_year: 2026
		});
		if (error) throw error;
		const rows = (
			data as { nis: string; rank: number; academy_id: string; distance_km: number }[]
		).map((row) => ({ ...row, distance_km: String(row.distance_km) }));
		expect(
			rows.map(({ nis, rank, academy_id, distance_km }) => ({ nis, rank, academy_id, distance_km }))
		).toEqual(expected.map((row) => ({ ...row, distance_km: String(Number(row.distance_km)) })));
		const unverified = await people.query<{ id: string }>(
			`select id from public.organisations where kind = 'academy' and verification_status <> 'verified'`
		);
		expect(unverified.length).toBeGreaterThan(0);
		const listed = new Set(rows.map((row) => row.academy_id));
		for (const { id } of unverified) expect(listed.has(id)).toBe(false);
	});

	it('answers one municipality with an academy too, and nothing for a merged or a Walloon one', async () => {
		const seat = (await municipalities(2026)).find((row) => row.status === 'academy');
		expect(seat).toBeDefined();
		const expected = await people.query<{ academy_id: string; distance_km: string }>(
			`select n.id as academy_id, round(n.km::numeric, 1)::text as distance_km
			from public.municipalities m
			cross join lateral (
				select a.id, k.km from private.coverage_academies(2026) a
				cross join lateral (select private.distance_km(m.lat, m.lng, a.lat, a.lng) as km) k
				order by k.km, a.name limit 3
			) n
			where m.nis = $1 order by n.km, n.id`,
			[seat!.nis]
		);
		const nearest = async (nis: string) => {
			const { data, error } = await anonymousClient().rpc('coverage_nearest_academies', {
				p_start_year: 2026,
				p_nis: nis
			});
			if (error) throw error;
			return data as { nis: string; academy_id: string; distance_km: number }[];
		};
		const rows = await nearest(seat!.nis);
		expect(rows.map((row) => row.nis)).toEqual([seat!.nis, seat!.nis, seat!.nis]);
		expect(
			rows.map((row) => ({ academy_id: row.academy_id, distance_km: String(row.distance_km) }))
		).toEqual(expected.map((row) => ({ ...row, distance_km: String(Number(row.distance_km)) })));
		const [merged] = await people.query<{ nis: string }>(
			`select nis from public.municipalities where valid_to is not null order by nis limit 1`
		);
		const [walloon] = await people.query<{ nis: string }>(
			`select nis from public.municipalities where region = 'WAL' and valid_to is null order by nis limit 1`
		);
		expect(merged && walloon).toBeTruthy();
		expect(await nearest(merged!.nis)).toEqual([]);
		expect(await nearest(walloon!.nis)).toEqual([]);
	});
});

// 20261209000400_coverage_overview.sql: /dekking's one call gives what the page's five calls gave;
// 20261209001100_coverage_white_spots.sql: the white spots, their nearest academies by NIS code and their
// coaches moved to a call of their own for /dekking/witte-vlekken.
describe('coverage_overview and coverage_white_spots', () => {
	type Overview = {
		municipalities: MunicipalityRow[];
		provinces: Record<'current' | '2024', ProvinceRow[]>;
	};
	type WhiteSpots = {
		spots: Pick<MunicipalityRow, 'nis' | 'name_nl' | 'province' | 'status'>[];
		nearest: Record<string, { slug: string; name: string; km: number }[]>;
		coaches: { municipality_nis: string; name: string }[];
	};

	async function overview(year: number): Promise<Overview> {
		const { data, error } = await anonymousClient().rpc('coverage_overview', {
			p_start_year: year
		});
		if (error) throw error;
		return data as Overview;
	}

	async function whiteSpots(year: number, province?: string): Promise<WhiteSpots> {
		const { data, error } = await anonymousClient().rpc('coverage_white_spots', {
			p_start_year: year,
			...(province === undefined ? {} : { p_province: province })
		});
		if (error) throw error;
		return data as WhiteSpots;
	}

	async function nearestOfWhiteSpots(year: number) {
		const { data, error } = await anonymousClient().rpc('coverage_nearest_academies', {
			p_start_year: year
		});
		if (error) throw error;
		return data;
	}

	// The current school year: every counted academy counts (the kept rows), those this suite verified
	// today too; 2024: some seed academies were verified after it ended (computed).
	it.each([schoolYearOf(todayInBelgium()), 2024])(
		'gives the municipalities, both provinces tables, the white spots and their nearest academies of %i as their own functions do',
		async (year) => {
			const [afterwards] = await people.query<{ verified_after: boolean }>(
				`select exists (select 1 from public.organisations o
				 where o.kind = 'academy' and o.verification_status = 'verified'
				   and (o.verified_at at time zone 'Europe/Brussels')::date > make_date($1 + 1, 8, 31)) as verified_after`,
				[year]
			);
			expect(afterwards!.verified_after).toBe(year === 2024);

			const one = await overview(year);
			expect(Object.keys(one).sort()).toEqual(['municipalities', 'provinces']);
			expect(one.municipalities).toEqual(await municipalities(year));
			expect(one.municipalities.length).toBe(304);
			for (const basis of ['current', '2024'] as const) {
				expect(
					one.provinces[basis].map((row) => ({ ...row, coverage_pct: Number(row.coverage_pct) }))
				).toEqual(await provinces(year, basis));
			}

			// The white spots: the municipalities without an academy, in the table's order.
			const spots = await whiteSpots(year);
			const withoutAcademy = one.municipalities.filter((row) => row.status !== 'academy');
			expect(withoutAcademy.length).toBeGreaterThan(0);
			expect(spots.spots).toEqual(
				withoutAcademy.map(({ nis, name_nl, province, status }) => ({
					nis,
					name_nl,
					province,
					status
				}))
			);
			const separate = await nearestOfWhiteSpots(year);
			expect(separate.length).toBeGreaterThan(0);
			// coverage_nearest_academies() orders its rows by NIS code and rank.
			const byNis: WhiteSpots['nearest'] = {};
			for (const row of separate) {
				(byNis[row.nis] ??= []).push({
					slug: row.academy_slug,
					name: row.academy_name,
					km: Number(row.distance_km)
				});
			}
			// Without a province, no white spot's details; with one, those of its white spots and only
			// those, with at most three academies each. Every province together gives them all.
			expect(spots.nearest).toEqual({});
			expect(spots.coaches).toEqual([]);
			const spotProvinces = [...new Set(withoutAcademy.map((row) => row.province))];
			expect(spotProvinces.length).toBeGreaterThan(1);
			const together: WhiteSpots['nearest'] = {};
			for (const province of spotProvinces) {
				const one = await whiteSpots(year, province);
				expect(one.spots).toEqual(spots.spots);
				const own = withoutAcademy.filter((row) => row.province === province).map((row) => row.nis);
				expect(Object.keys(one.nearest).sort()).toEqual(own.sort());
				expect(Object.values(one.nearest).every((list) => list.length <= 3)).toBe(true);
				Object.assign(together, one.nearest);
			}
			expect(together).toEqual(byNis);
			// A province the function does not know details nothing.
			expect((await whiteSpots(year, 'Atlantis')).nearest).toEqual({});
		}
	);

	it('gives the coaching academies of the white spots, and of no municipality with an academy', async () => {
		const year = schoolYearOf(todayInBelgium());
		const expected = await people.query<{ municipality_nis: string; name: string }>(
			`select s.municipality_nis, o.name from public.starter_coaches s
			 join public.organisations o on o.id = s.academy_id order by 1, 2`
		);
		expect(expected.length).toBeGreaterThan(0);
		const all = (await whiteSpots(year)).spots;
		const spots = new Set(all.map((row) => row.nis));
		const coached = expected.filter((row) => spots.has(row.municipality_nis));
		expect(coached.length).toBeGreaterThan(0);
		// A province's call lists the coaches of its own white spots, and none of another province's.
		const provinceOf = new Map(all.map((row) => [row.nis, row.province]));
		const coachedProvince = provinceOf.get(coached[0]!.municipality_nis)!;
		const ofProvince = coached.filter(
			(row) => provinceOf.get(row.municipality_nis) === coachedProvince
		);
		expect((await whiteSpots(year, coachedProvince)).coaches).toEqual(ofProvince);
		const otherProvince = all.find((row) => row.province !== coachedProvince)!.province;
		expect((await whiteSpots(year, otherProvince)).coaches).toEqual(
			coached.filter((row) => provinceOf.get(row.municipality_nis) === otherProvince)
		);
		expect((await whiteSpots(year)).coaches).toEqual([]);

		// A coach for a municipality with an academy (Gent): not a white spot, so not listed.
		const [gent] = await people.query<{ nis: string; academy: string }>(
			`select m.nis, (select o.id from public.organisations o
			   where o.kind = 'academy' and o.verification_status = 'verified' order by o.name limit 1) as academy
			 from public.municipalities m where m.nis = '44021'`
		);
		expect(spots.has(gent!.nis)).toBe(false);
		await people.query(
			`insert into public.starter_coaches (municipality_nis, academy_id) values ($1, $2)`,
			[gent!.nis, gent!.academy]
		);
		try {
			expect((await whiteSpots(year, coachedProvince)).coaches).toEqual(ofProvince);
			expect((await whiteSpots(year, 'Oost-Vlaanderen')).coaches).toEqual(
				coached.filter((row) => provinceOf.get(row.municipality_nis) === 'Oost-Vlaanderen')
			);
		} finally {
			await people.query(
				`delete from public.starter_coaches where municipality_nis = $1 and academy_id = $2`,
				[gent!.nis, gent!.academy]
			);
		}
	});
});

describe('coverage_of_municipality', () => {
	async function coverageOf(nis: string) {
		const { data, error } = await anonymousClient().rpc('coverage_of_municipality', {
			p_start_year: 2026,
			p_nis: nis
		});
		if (error) throw error;
		return data as { municipality: MunicipalityRow | null; nearest: unknown[] };
	}

	it('gives a seat’s and a white spot’s row as the whole table does, and a white spot’s nearest academies as coverage_nearest_academies does', async () => {
		const all = await municipalities(2026);
		const seat = all.find((row) => row.status === 'academy');
		const spot = all.find((row) => row.status === 'none');
		const active = all.find((row) => row.status === 'activities');
		for (const row of [seat, spot, active]) {
			expect(row).toBeDefined();
			const { data, error } = await anonymousClient().rpc('coverage_nearest_academies', {
				p_start_year: 2026,
				p_nis: row!.nis
			});
			if (error) throw error;
			expect(data).toHaveLength(3);
			// 20261209001400_coverage_of_seat.sql: the page shows nearest academies only for a white
			// spot, so a municipality with an academy gets none.
			expect(await coverageOf(row!.nis)).toEqual({
				municipality: row,
				nearest: row === seat ? [] : data
			});
		}
	});

	it('answers nothing for a merged or a Walloon municipality', async () => {
		const [merged] = await people.query<{ nis: string }>(
			`select nis from public.municipalities where valid_to is not null order by nis limit 1`
		);
		const [walloon] = await people.query<{ nis: string }>(
			`select nis from public.municipalities where region = 'WAL' and valid_to is null order by nis limit 1`
		);
		for (const { nis } of [merged!, walloon!]) {
			expect(await coverageOf(nis)).toEqual({ municipality: null, nearest: [] });
		}
	});
});
