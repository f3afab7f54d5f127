import { describe, expect, it } from 'vitest';
import { todayTimestamp } from './filters';
import { buildSearchPlan } from './plan';
import { PAGE_SIZE, parseSearchParams, type Centre } from './query-params';
import { mapSearchResponse } from './results';

const parse = (search: string) => parseSearchParams(new URLSearchParams(search));

const gent: Centre = { nis: '44021', name: 'Gent', lat: 51.0543, lng: 3.7174 };

describe('buildSearchPlan', () => {
	it('asks one index with page/hitsPerPage and its facets', () => {
		const plan = buildSearchPlan(parse('q=robot&type=activity&pagina=2&sorteer=datum'), null);
		expect(plan.kind).toBe('single');
		if (plan.kind !== 'single') return;
		expect(plan.index).toBe('activities');
		expect(plan.body).toMatchObject({
			q: 'robot',
			page: 2,
			hitsPerPage: PAGE_SIZE,
			sort: ['start_ts:asc'],
			filter: ['type IN ["activity"]', `end_ts >= ${todayTimestamp()}`],
			highlightPreTag: '<mark>',
			highlightPostTag: '</mark>'
		});
		expect(plan.body.facets).toContain('format');
	});

	it('federates several indexes by relevance, with merged facets', () => {
		const plan = buildSearchPlan(parse('q=robot&pagina=3'), null);
		expect(plan.kind).toBe('federated');
		if (plan.kind !== 'federated') return;
		expect(plan.body.federation).toMatchObject({
			offset: 2 * PAGE_SIZE,
			limit: PAGE_SIZE,
			mergeFacets: { maxValuesPerFacet: 600 }
		});
		const queries = plan.body.queries as { indexUid: string; page?: number }[];
		expect(queries.map((query) => query.indexUid)).toEqual([
			'activities',
			'organisations',
			'offers',
			'requests',
			'communities',
			'posts',
			'events',
			'people'
		]);
		expect(queries.every((query) => query.page === undefined)).toBe(true);
	});

	it('merges several indexes sorted by distance from the first pages of each', () => {
		const plan = buildSearchPlan(parse('sorteer=afstand&van=44021&pagina=2'), gent);
		expect(plan.kind).toBe('merged');
		if (plan.kind !== 'merged') return;
		for (const query of plan.body.queries) {
			expect(query).toMatchObject({
				offset: 0,
				limit: 2 * PAGE_SIZE,
				sort: ['_geoPoint(51.054300, 3.717400):asc']
			});
		}
	});

	it('needs no request when no index can match', () => {
		const query = parse('type=academy&formaat=korte_reeks');
		expect(buildSearchPlan(query, null)).toEqual({ kind: 'empty' });
		expect(mapSearchResponse({ kind: 'empty' }, query, null)).toMatchObject({ hits: [], total: 0 });
	});

	it('refuses a geo query without its centre', () => {
		expect(() => buildSearchPlan(parse('binnen=5&van=44021'), null)).toThrow();
	});
});

describe('disjunctive facets (buildSearchPlan facetQueries)', () => {
	it('adds no query without a chosen filter', () => {
		const plan = buildSearchPlan(parse('q=robot'), null);
		expect(plan.kind).toBe('federated');
		if (plan.kind !== 'federated') return;
		expect(plan.facetQueries).toEqual([]);
		expect(plan.body.federation?.facetsByIndex?.activities).toContain('province');
	});

	it('counts each chosen filter without itself, with the others, and not in the main query', () => {
		const plan = buildSearchPlan(
			parse('q=robot&type=activity&provincie=limburg&leeftijd=10'),
			null
		);
		expect(plan.kind).toBe('single');
		if (plan.kind !== 'single') return;
		const byFacet = (attribute: string) =>
			plan.facetQueries.filter((query) => query.facets[0] === attribute);

		const province = byFacet('province');
		expect(province.map((query) => query.indexUid)).toEqual(['activities']);
		expect(province[0]).toMatchObject({ q: 'robot', limit: 0, facets: ['province'] });
		expect(province[0]?.filter).toEqual([
			'type IN ["activity"]',
			'ages IN [10]',
			`end_ts >= ${todayTimestamp()}`
		]);

		const ages = byFacet('ages');
		expect(ages[0]?.filter).toEqual([
			'type IN ["activity"]',
			'province IN ["Limburg"]',
			`end_ts >= ${todayTimestamp()}`
		]);

		// Without the type filter every index that counts types and can match the rest is asked.
		const types = byFacet('type');
		expect(types.length).toBeGreaterThan(1);
		for (const query of types) {
			expect(query.filter).toContain('province IN ["Limburg"]');
			expect(query.filter).toContain('ages IN [10]');
			expect(String(query.filter)).not.toContain('type IN');
		}

		// The main query counts the rest only.
		expect(plan.body.facets).not.toContain('province');
		expect(plan.body.facets).not.toContain('ages');
		expect(plan.body.facets).not.toContain('type');
		expect(plan.body.facets).toContain('format');
	});

	it('replaces the main counts of a chosen facet with the facet queries’ sums', () => {
		const query = parse('type=activity&provincie=limburg');
		const plan = buildSearchPlan(query, null);
		const results = mapSearchResponse(
			plan,
			query,
			{ hits: [], totalHits: 2, facetDistribution: { format: { korte_reeks: 2 } } },
			[
				{ hits: [], facetDistribution: { type: { activity: 7 } } },
				{ hits: [], facetDistribution: { type: { academy: 3 } } },
				{ hits: [], facetDistribution: { province: { Limburg: 2, Antwerpen: 5 } } }
			]
		);
		expect(results.facets).toEqual({
			format: { korte_reeks: 2 },
			type: { activity: 7, academy: 3 },
			province: { Limburg: 2, Antwerpen: 5 }
		});
		expect(results.total).toBe(2);
	});
});
