// The shared domains in matching (issue 15, migration 20261222000000): match_suggestions() counts a pair's
// shared domains as a sum of comparisons instead of building an array per pair, and builds the array only for
// the rows it returns. A venue request in Poperinge asks four domains; six rooms there, alike but for their
// domains, share none to four of them. Each suggestion must carry the shared domains in order and rank by
// how many: 15 points for all that were asked, a share for each. A list not numbered from 1 (possible in SQL,
// never from the app) or of all seven domains must count the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromToday, testPeople, type Person } from './people.js';

const POPERINGE = '33021';
const ALL_DOMAINS = [
	'techniek',
	'programmeren',
	'natuur',
	'sterrenkunde',
	'wiskunde_natuurwetenschappen',
	'life_sciences',
	'andere'
];
const ASKED = ['techniek', 'programmeren', 'natuur', 'sterrenkunde'];

/** Each room's domains, by name. */
const ROOMS: Record<string, string[]> = {
	none: [],
	other: ['andere', 'life_sciences'],
	one: ['techniek'],
	'one of two': ['life_sciences', 'sterrenkunde'],
	three: ['natuur', 'techniek', 'programmeren'],
	all: ALL_DOMAINS
};

const people = testPeople('matching-domains');
let coordinator: Person;
let requestId: string;
const offers: Record<string, string> = {};

type SuggestionRow = { offer_id: string; shared_domains: string[]; rank_hint: number };

/** This test's rooms among the suggestions, by name. */
async function suggestions(): Promise<Record<string, SuggestionRow>> {
	const { data, error } = await coordinator.client.rpc('suggest_offers', {
		p_request_id: requestId,
		p_limit: 100
	});
	expect(error).toBeNull();
	const rows = data as SuggestionRow[];
	return Object.fromEntries(
		Object.entries(offers).map(([name, id]) => [name, rows.find((row) => row.offer_id === id)!])
	);
}

/** What each room should get against `asked`: the shared domains in order, and the rank above `none`. */
function expected(asked: string[]) {
	return Object.fromEntries(
		Object.entries(ROOMS).map(([name, domains]) => {
			const shared = asked.filter((domain) => domains.includes(domain)).sort();
			return [name, { shared, above: (15 * shared.length) / asked.length }];
		})
	);
}

function expectCounted(rows: Record<string, SuggestionRow>, asked: string[]) {
	const base = rows.none!.rank_hint;
	for (const [name, { shared, above }] of Object.entries(expected(asked))) {
		expect(rows[name]?.shared_domains, name).toEqual(shared);
		expect(rows[name]!.rank_hint - base, name).toBeCloseTo(above, 6);
	}
}

beforeAll(async () => {
	coordinator = await people.signUp('coordinator');
	const academy = await people.organisation([[coordinator, 'member']], {
		kind: 'academy',
		name: 'STEM-academie Poperinge',
		municipality_nis: POPERINGE
	});
	const school = await people.organisation([], {
		kind: 'school',
		name: 'Scholengroep Westhoek',
		municipality_nis: POPERINGE
	});
	for (const [name, domains] of Object.entries(ROOMS)) {
		const offer = await people.offer(school.id, {
			title: `Lokaal ${name}`,
			municipality_nis: POPERINGE,
			radius_km: 5,
			domains,
			term_start: daysFromToday(-30),
			term_end: daysFromToday(200)
		});
		offers[name] = offer.id;
	}
	const request = await people.request(
		academy.id,
		{
			title: 'Vraag met vier domeinen',
			municipality_nis: POPERINGE,
			domains: ASKED,
			needed_from: daysFromToday(14),
			needed_until: daysFromToday(120)
		},
		[[3, '13:00', '16:00']]
	);
	requestId = request.id;
});

afterAll(() => people.remove());

describe('suggest_offers and the domains a room shares with the request', () => {
	it('gives each room the domains it shares, in order, and ranks it by how many', async () => {
		const rows = await suggestions();
		expectCounted(rows, ASKED);
		// Alike but for the domains: more shared domains, a higher rank.
		expect(rows.all!.rank_hint).toBeGreaterThan(rows.three!.rank_hint);
		expect(rows.three!.rank_hint).toBeGreaterThan(rows.one!.rank_hint);
		expect(rows.one!.rank_hint).toBe(rows['one of two']!.rank_hint);
		expect(rows.one!.rank_hint).toBeGreaterThan(rows.other!.rank_hint);
		expect(rows.other!.rank_hint).toBe(rows.none!.rank_hint);
	});

	it('counts the same for a list not numbered from 1', async () => {
		await people.query(
			`update public.requests set domains = '[0:3]={techniek,programmeren,natuur,sterrenkunde}'::text[]
			where id = $1`,
			[requestId]
		);
		const [stored] = await people.query<{ lower: number }>(
			'select array_lower(domains, 1) as lower from public.requests where id = $1',
			[requestId]
		);
		expect(stored?.lower).toBe(0);
		expectCounted(await suggestions(), ASKED);
	});

	it('counts all seven domains when all are asked', async () => {
		await people.query('update public.requests set domains = $2 where id = $1', [
			requestId,
			ALL_DOMAINS
		]);
		expectCounted(await suggestions(), ALL_DOMAINS);
		// No domain asked: every room ranks alike, and shares none.
		await people.query(`update public.requests set domains = '{}' where id = $1`, [requestId]);
		const rows = await suggestions();
		for (const name of Object.keys(ROOMS)) {
			expect(rows[name]?.shared_domains, name).toEqual([]);
			expect(rows[name]!.rank_hint, name).toBe(rows.none!.rank_hint);
		}
	});
});
