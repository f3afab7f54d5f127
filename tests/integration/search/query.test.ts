// The query side against the stack's real Meilisearch, filled from the seed by the sync: every filter and
// facet, the geo radius, sorting, pagination, highlighting, bad input and injection attempts, and a
// Meilisearch that cannot be reached. Each hit is checked against its document as Meilisearch stores it.
import type { SupabaseClient } from '@supabase/supabase-js';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiUrl, meiliMasterKey, meiliUrl, serviceRoleKey } from '../../../stack/config.js';
import { reindex } from '../../../src/lib/server/search/reindex.js';
import {
	municipalityDirectory,
	resolveCentre,
	type MunicipalityDirectory
} from '../../../src/lib/server/search/municipality-centroids';
import { createMeiliClient } from '../../../src/lib/server/search/meili.js';
import {
	SearchInputError,
	parseSearchParams,
	type Centre,
	type SearchQuery
} from '../../../src/lib/server/search/query-params';
import type { SearchHit, SearchResults } from '../../../src/lib/server/search/results';
import {
	SearchUnavailableError,
	runSearch,
	runSuggest
} from '../../../src/lib/server/search/run-search';
import { INDEX_OF_TYPE } from '../../../src/lib/server/search/types/registry.js';
import type { Db } from '../../../src/lib/server/supabase';
import { anonClient } from '../support/supabase';

const meili = createMeiliClient({ url: meiliUrl, key: meiliMasterKey });
type Doc = Record<string, unknown> & {
	ages?: number[];
	domains?: string[];
	stem?: string[];
	weekdays?: number[];
};

let directory: MunicipalityDirectory;

const parse = (search: string) => parseSearchParams(new URLSearchParams(search));

function centreOf(query: SearchQuery): Centre | null {
	return query.centre ? resolveCentre(query.centre, directory, undefined) : null;
}

async function searchFor(search: string): Promise<SearchResults> {
	const query = parse(search);
	return runSearch(meili, query, centreOf(query));
}

async function documentOf(hit: SearchHit): Promise<Doc> {
	return meili.index<Doc>(INDEX_OF_TYPE[hit.type]).getDocument(hit.id);
}

/** The most frequent value of a facet in an unfiltered search, so a filter on it finds something. */
async function commonValue(search: string, facet: keyof SearchResults['facets']): Promise<string> {
	const counts = (await searchFor(search)).facets[facet] ?? {};
	const [value] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0] ?? [];
	expect(value, `a ${facet} value in the index`).toBeDefined();
	return value as string;
}

/** Great-circle distance in metres. */
function metres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
	const rad = Math.PI / 180;
	const dLat = (b.lat - a.lat) * rad;
	const dLng = (b.lng - a.lng) * rad;
	const h =
		Math.sin(dLat / 2) ** 2 +
		Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
	return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

beforeAll(async () => {
	directory = await municipalityDirectory(anonClient() as SupabaseClient as unknown as Db);
	// The indexes as npm run search:reindex builds them from the database, whichever suite ran before.
	await reindex({ supabaseUrl: apiUrl, serviceRoleKey, meiliUrl, meiliKey: meiliMasterKey });
	const stats = await fetch(`${meiliUrl}/indexes/activities/stats`, {
		headers: { authorization: `Bearer ${meiliMasterKey}` }
	});
	expect(stats.ok, 'the activities index exists').toBe(true);
	expect(((await stats.json()) as { numberOfDocuments: number }).numberOfDocuments).toBeGreaterThan(
		0
	);
}, 120_000);

describe('filters and facets', () => {
	it.each([
		['type', 'type', (doc: Doc, value: string) => doc.type === value],
		['provincie', 'province', (doc: Doc, value: string) => doc.province === value],
		['gemeente', 'municipality_nis', (doc: Doc, value: string) => doc.municipality_nis === value],
		['domein', 'domains', (doc: Doc, value: string) => doc.domains?.includes(value) === true],
		['formaat', 'format', (doc: Doc, value: string) => doc.format === value],
		['leeftijd', 'ages', (doc: Doc, value: string) => doc.ages?.includes(Number(value)) === true],
		['stem', 'stem', (doc: Doc, value: string) => doc.stem?.includes(value) === true],
		[
			'dag',
			'weekdays',
			(doc: Doc, value: string) => doc.weekdays?.includes(Number(value)) === true
		],
		['soort', 'kind', (doc: Doc, value: string) => doc.type === 'request' && doc.kind === value]
	] as const)('%s: every hit has the chosen value', async (param, facet, holds) => {
		const scope = param === 'soort' ? 'type=request' : param === 'dag' ? 'type=offer' : '';
		let value = await commonValue(scope, facet);
		if (param === 'provincie') value = value.toLowerCase();
		const results = await searchFor(`${scope}&${param}=${encodeURIComponent(value)}`);
		expect(results.total).toBeGreaterThan(0);
		expect(results.hits.length).toBeGreaterThan(0);
		const expected = param === 'provincie' ? results.hits[0]?.province : value;
		for (const hit of results.hits) {
			expect(holds(await documentOf(hit), String(expected)), `${hit.type} ${hit.id}`).toBe(true);
		}
		// The facet counts the chosen value.
		expect(Object.keys(results.facets[facet] ?? {}).length).toBeGreaterThan(0);
	});

	it('combines filters: all must hold, values of one filter are alternatives', async () => {
		const results = await searchFor(
			'provincie=oost-vlaanderen&provincie=limburg&leeftijd=10&type=activity'
		);
		expect(results.total).toBeGreaterThan(0);
		for (const hit of results.hits) {
			const doc = await documentOf(hit);
			expect(['Oost-Vlaanderen', 'Limburg']).toContain(doc.province);
			expect(doc.ages).toContain(10);
			expect(doc.type).toBe('activity');
		}
		// Disjunctive facets: the province counts ignore the province filter (not the others), so both
		// chosen provinces are counted and the other provinces stay in the list.
		const provinces = Object.keys(results.facets.province ?? {});
		expect(provinces).toEqual(expect.arrayContaining(['Limburg', 'Oost-Vlaanderen']));
		expect(provinces.length).toBeGreaterThan(2);
	});

	it('counts facets across all indexes in one federated search', async () => {
		const results = await searchFor('q=robotica');
		const types = Object.keys(results.facets.type ?? {});
		expect(types).toContain('activity');
		expect(types).toContain('academy');
		expect(results.facets.province).toBeDefined();
	});
});

describe('geo', () => {
	it('finds only what lies within the radius of a municipality', async () => {
		const gent = directory.byNis.get('44021');
		expect(gent).toBeDefined();
		const results = await searchFor('binnen=10&van=44021');
		expect(results.hits.length).toBeGreaterThan(0);
		for (const hit of results.hits) {
			expect(hit.geo).not.toBeNull();
			expect(metres(gent!, hit.geo!)).toBeLessThanOrEqual(10_050);
		}
		const wider = await searchFor('binnen=50&van=44021');
		expect(wider.total).toBeGreaterThan(results.total);
	});

	it('sorts by distance across every index, also onto the next page', async () => {
		const gent = directory.byNis.get('44021')!;
		const first = await searchFor('van=44021&sorteer=afstand');
		const second = await searchFor('van=44021&sorteer=afstand&pagina=2');
		const hits = [...first.hits, ...second.hits];
		expect(hits).toHaveLength(40);
		expect(new Set(hits.map((hit) => hit.type)).size).toBeGreaterThan(1);
		const distances = hits.map((hit) => hit.distance ?? Infinity);
		expect(distances).toEqual([...distances].sort((a, b) => a - b));
		expect(distances[0]).toBeCloseTo(metres(gent, hits[0]!.geo!), -2);
	});

	it('sorts by distance within one index', async () => {
		const results = await searchFor('type=academy&van=24062&sorteer=afstand');
		const distances = results.hits.map((hit) => hit.distance ?? Infinity);
		expect(distances.length).toBeGreaterThan(1);
		expect(distances).toEqual([...distances].sort((a, b) => a - b));
	});
});

describe('sorting and pages', () => {
	it('sorts activities by date', async () => {
		const results = await searchFor('type=activity&sorteer=datum');
		const dates = results.hits.map((hit) => hit.startDate ?? '');
		expect(dates).toEqual([...dates].sort());
	});

	it('pages through one index with exact totals, 20 a page', async () => {
		const first = await searchFor('type=activity');
		const second = await searchFor('type=activity&pagina=2');
		expect(first.exact).toBe(true);
		expect(first.hits).toHaveLength(20);
		expect(second.hits).toHaveLength(20);
		expect(first.pageCount).toBe(Math.min(50, Math.ceil(first.total / 20)));
		const ids = new Set(first.hits.map((hit) => hit.id));
		expect(second.hits.some((hit) => ids.has(hit.id))).toBe(false);
	});

	it('pages through a federated search without repeating a hit', async () => {
		const first = await searchFor('q=club');
		const second = await searchFor('q=club&pagina=2');
		expect(first.hits).toHaveLength(20);
		const ids = new Set(first.hits.map((hit) => `${hit.type}:${hit.id}`));
		expect(second.hits.some((hit) => ids.has(`${hit.type}:${hit.id}`))).toBe(false);
	});
});

describe('text', () => {
	it('marks the matches and escapes the rest', async () => {
		const results = await searchFor('q=robotica');
		expect(results.hits.some((hit) => hit.titleHtml.includes('<mark>'))).toBe(true);
		for (const hit of results.hits) {
			expect(hit.titleHtml.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
			expect(hit.path).toMatch(/^\/[a-z-]+\/[A-Za-z0-9_-]+$/);
		}
	});

	it('finds through typos and synonyms', async () => {
		expect((await searchFor('q=robotcia')).total).toBeGreaterThan(0);
		expect((await searchFor('q=coderen&type=activity')).total).toBeGreaterThan(0);
	});

	it('suggests the best few per type for the header box', async () => {
		const groups = await runSuggest(meili, parse('q=robotica'));
		expect(groups.map((group) => group.type)).toContain('activity');
		for (const group of groups) {
			expect(group.hits.length).toBeGreaterThan(0);
			expect(group.hits.length).toBeLessThanOrEqual(4);
		}
	});
});

describe('bad input and injection', () => {
	const inputError = (search: string) => {
		try {
			parse(search);
		} catch (error) {
			return error;
		}
		return null;
	};

	it.each([
		'domein=techniek" OR type = "x',
		'provincie=limburg" OR province EXISTS',
		'gemeente=44021" OR municipality_nis EXISTS OR "',
		'leeftijd=10 OR 1=1',
		'type=activity" OR type = "request',
		'binnen=10)&van=44021',
		'van=44021, 0, 999999999)'
	])('rejects %s with a 400', (search) => {
		const error = inputError(search);
		if (search.startsWith('van=')) {
			// A typed centre is resolved against the municipalities, never put in a filter.
			const query = parse(search);
			expect(() => centreOf(query)).toThrow(SearchInputError);
			return;
		}
		expect(error).toBeInstanceOf(SearchInputError);
		expect((error as SearchInputError).status).toBe(400);
	});

	it('rejects a 2 000-character query with a 400 and a Dutch message', () => {
		const error = inputError(`q=${'robotica '.repeat(223)}`);
		expect(error).toBeInstanceOf(SearchInputError);
		expect((error as SearchInputError).status).toBe(400);
		expect((error as SearchInputError).message).toMatch(/te lang/);
	});

	it('searches filter syntax in the text as plain words', async () => {
		const results = await searchFor(
			`q=${encodeURIComponent('robot" OR type = "request')}&type=activity`
		);
		for (const hit of results.hits) expect(hit.type).toBe('activity');
	});
});

describe('Meilisearch unreachable', () => {
	it('is a SearchUnavailableError (503), for searches and suggestions', async () => {
		const down = createMeiliClient({ url: 'http://127.0.0.1:9', key: 'x', timeoutMs: 2000 });
		await expect(runSearch(down, parse('q=robotica'), null)).rejects.toMatchObject({
			name: 'SearchUnavailableError',
			status: 503
		});
		await expect(runSuggest(down, parse('q=robotica'))).rejects.toBeInstanceOf(
			SearchUnavailableError
		);
	});

	it('turns an answer that breaks off into SearchUnavailableError, not a 500', async () => {
		const server = http.createServer((_request, response) => {
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end('{"hits": [');
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const { port } = server.address() as AddressInfo;
			const broken = createMeiliClient({ url: `http://127.0.0.1:${port}`, key: 'x' });
			await expect(
				runSearch(broken, parse('q=robotica&type=activity'), null)
			).rejects.toBeInstanceOf(SearchUnavailableError);
		} finally {
			server.close();
		}
	});

	it('names the key when Meilisearch refuses it, and never shows the key', async () => {
		const wrong = createMeiliClient({ url: meiliUrl, key: 'not-the-key-of-this-meilisearch' });
		const failure = await runSearch(wrong, parse('q=robotica'), null).catch((error) => error);
		expect(failure).toBeInstanceOf(SearchUnavailableError);
		expect(failure.message).toContain('MEILI_MASTER_KEY');
		expect(`${failure.message} ${failure.detail}`).not.toContain('not-the-key-of-this');
	});
});
