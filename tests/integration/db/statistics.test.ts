// activity_statistics() and activity_statistics_periods() (both periods in one call): the counts the
// statistics pages and open data show, checked against activities
// this suite inserts in school year 2047–2048 (which no seed or other suite uses) and against the same
// count written independently in SQL. Anonymous visitors get the same figures as staff: published
// activities are public.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousClient, testPeople, type Cast } from './people.js';

const people = testPeople('statistieken');
const FROM = '2047-09-01';
const TO = '2048-08-31';
let cast: Cast;
let counted: { id: string };
let unverified: { id: string };

type Row = { dimension: string; category: string; activities: number };

/** The function's rows as { "domain:programmeren": 2, … }. */
function keyed(rows: Row[]): Record<string, number> {
	return Object.fromEntries(
		rows.map((row) => [`${row.dimension}:${row.category}`, row.activities])
	);
}

beforeAll(async () => {
	cast = await people.cast();
	counted = await people.organisation([[cast.owner, 'owner']], {
		kind: 'academy',
		verification_status: 'verified',
		verified_at: new Date().toISOString()
	});
	unverified = await people.organisation([[cast.admin, 'owner']], { kind: 'academy' });
	const activity = (organisation: string, values: Record<string, unknown>) =>
		people.activity(organisation, { end_date: values.start_date, ...values });

	// Counted: three published activities in the school year, the last on its last day.
	await activity(counted.id, {
		domains: ['programmeren', 'techniek'],
		format: 'losse_activiteit',
		start_date: '2047-09-01',
		municipality_nis: '44021'
	});
	await activity(counted.id, {
		domains: ['techniek'],
		format: 'korte_reeks',
		start_date: '2048-03-01',
		municipality_nis: '11002'
	});
	await activity(counted.id, {
		domains: ['programmeren'],
		format: 'losse_activiteit',
		start_date: '2048-08-31',
		municipality_nis: '21004'
	});
	// Not counted: a draft, a cancelled one, one a day before and one a day after the school year.
	await activity(counted.id, { domains: ['natuur'], status: 'draft', start_date: '2047-10-01' });
	await activity(counted.id, {
		domains: ['natuur'],
		status: 'cancelled',
		start_date: '2047-10-01'
	});
	await activity(counted.id, { domains: ['natuur'], start_date: '2047-08-31' });
	await activity(counted.id, { domains: ['natuur'], start_date: '2048-09-01' });
	// Not counted: an academy network staff did not verify.
	await activity(unverified.id, { domains: ['sterrenkunde'], start_date: '2047-10-01' });
});

afterAll(() => people.remove());

describe('activity_statistics', () => {
	it('counts one academy’s published activities per main domain, format and province', async () => {
		const { data, error } = await anonymousClient().rpc('activity_statistics', {
			p_from: FROM,
			p_to: TO,
			p_academy: counted.id
		});
		expect(error).toBeNull();
		expect(keyed(data)).toEqual({
			'domain:programmeren': 2,
			'domain:techniek': 1,
			'format:losse_activiteit': 2,
			'format:korte_reeks': 1,
			'province:Oost-Vlaanderen': 1,
			'province:Antwerpen': 1,
			'province:Brussel': 1
		});
	});

	it('narrows to a province', async () => {
		const { data } = await anonymousClient().rpc('activity_statistics', {
			p_from: FROM,
			p_to: TO,
			p_academy: counted.id,
			p_province: 'Brussel'
		});
		expect(keyed(data ?? [])).toEqual({
			'domain:programmeren': 1,
			'format:losse_activiteit': 1,
			'province:Brussel': 1
		});
	});

	it('counts nothing of an unverified academy', async () => {
		const { data } = await anonymousClient().rpc('activity_statistics', {
			p_from: FROM,
			p_to: TO,
			p_academy: unverified.id
		});
		expect(data).toEqual([]);
	});

	it('agrees with an independent count of the whole network, for visitors and staff alike', async () => {
		const independent = await people.query(
			`select 'domain' as dimension, a.domains[1] as category, count(*)::int as activities
			 from public.activities a join public.organisations o on o.id = a.organisation_id
			 where o.kind = 'academy' and o.verification_status = 'verified' and a.status = 'published'
			   and a.start_date >= $1 and a.start_date <= $2
			 group by 2
			 union all
			 select 'province', case when mu.region = 'BRU' then 'Brussel'
			   else replace(mu.province_nl, 'Provincie ', '') end, count(*)::int
			 from public.activities a join public.organisations o on o.id = a.organisation_id
			 join public.municipalities mu on mu.nis = a.municipality_nis
			 where o.kind = 'academy' and o.verification_status = 'verified' and a.status = 'published'
			   and a.start_date >= $1 and a.start_date <= $2
			 group by 2`,
			[FROM, TO]
		);
		const expected = keyed(independent as Row[]);
		for (const client of [anonymousClient(), cast.clients['network staff']]) {
			const { data } = await client.rpc('activity_statistics', { p_from: FROM, p_to: TO });
			const got = keyed((data ?? []).filter((row: Row) => row.dimension !== 'format'));
			expect(got).toEqual(expected);
		}
	});

	it('counts nothing for a reversed period', async () => {
		const { data, error } = await anonymousClient().rpc('activity_statistics', {
			p_from: TO,
			p_to: FROM
		});
		expect(error).toBeNull();
		expect(data).toEqual([]);
	});
});

describe('activity_statistics_periods', () => {
	it('answers each period as activity_statistics() does, in one call, for visitors and staff alike', async () => {
		// the suite's school year and the one before it (the seed's activities are not in either)
		const before = { from: '2046-09-01', to: '2047-08-31' };
		for (const client of [anonymousClient(), cast.clients['network staff']]) {
			for (const filters of [{}, { p_academy: counted.id }, { p_province: 'Brussel' }]) {
				const { data, error } = await client.rpc('activity_statistics_periods', {
					p_from_1: FROM,
					p_to_1: TO,
					p_from_2: before.from,
					p_to_2: before.to,
					...filters
				});
				expect(error).toBeNull();
				const separately = await Promise.all(
					[
						[FROM, TO],
						[before.from, before.to]
					].map(async ([from, to]) => {
						const answer = await client.rpc('activity_statistics', {
							p_from: from,
							p_to: to,
							...filters
						});
						if (answer.error) throw answer.error;
						return answer.data as Row[];
					})
				);
				expect(data, JSON.stringify(filters)).toEqual({
					first: separately[0],
					second: separately[1]
				});
			}
		}
		// and the one activity on the day before the suite's school year counts in the period before
		const { data } = await anonymousClient().rpc('activity_statistics_periods', {
			p_from_1: FROM,
			p_to_1: TO,
			p_from_2: before.from,
			p_to_2: before.to,
			p_academy: counted.id
		});
		const { first, second } = data as { first: Row[]; second: Row[] };
		expect(keyed(first)['domain:programmeren']).toBe(2);
		expect(keyed(second)).toEqual({
			'domain:natuur': 1,
			'format:korte_reeks': 1,
			'province:Oost-Vlaanderen': 1
		});
	});

	it('answers empty lists for reversed periods', async () => {
		const { data, error } = await anonymousClient().rpc('activity_statistics_periods', {
			p_from_1: TO,
			p_to_1: FROM,
			p_from_2: TO,
			p_to_2: FROM
		});
		expect(error).toBeNull();
		expect(data).toEqual({ first: [], second: [] });
	});
});
