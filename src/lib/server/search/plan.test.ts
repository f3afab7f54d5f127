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
