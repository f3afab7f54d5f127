import { describe, expect, it } from 'vitest';
import {
	PAGE_SIZE,
	SearchInputError,
	SearchUnavailableError,
	buildFilters,
	todayTimestamp,
	buildSearchPlan,
	buildSuggestRequest,
	escapeHtml,
	indexesFor,
	mapSearchResponse,
	mapSuggestResponse,
	meiliPost,
	parseSearchParams,
	provinceSlug,
	provinceValue,
	queryToSearch,
	quoteFilterValue,
	renderHighlight,
	safePath,
	type Centre,
	type SearchQuery
} from './query';

const parse = (search: string) => parseSearchParams(new URLSearchParams(search));

function inputError(search: string): SearchInputError {
	try {
		parse(search);
	} catch (error) {
		if (error instanceof SearchInputError) return error;
		throw error;
	}
	throw new Error(`no error for ${search}`);
}

const gent: Centre = { nis: '44021', name: 'Gent', lat: 51.0543, lng: 3.7174 };

describe('parseSearchParams', () => {
	it('reads every contract parameter', () => {
		const query = parse(
			'q=robotica&type=activity&type=academy&provincie=Oost-Vlaanderen&gemeente=44021&domein=techniek' +
				'&formaat=korte_reeks&leeftijd=10&stem=t&dag=3&soort=venue&binnen=15&van=44021&sorteer=afstand' +
				'&pagina=2&weergave=kaart'
		);
		expect(query).toEqual({
			q: 'robotica',
			types: ['activity', 'academy'],
			provinces: ['oost-vlaanderen'],
			municipalities: ['44021'],
			domains: ['techniek'],
			formats: ['korte_reeks'],
			ages: [10],
			stem: ['T'],
			days: [3],
			kinds: ['venue'],
			radiusKm: 15,
			centre: { kind: 'nis', nis: '44021' },
			sort: 'afstand',
			page: 2,
			view: 'kaart'
		});
	});

	it('has defaults, treats empty values as not chosen and ignores unknown parameters', () => {
		expect(parse('q=&provincie=&binnen=&utm_source=nieuwsbrief')).toMatchObject({
			q: '',
			provinces: [],
			radiusKm: null,
			centre: null,
			sort: 'relevantie',
			page: 1,
			view: 'lijst'
		});
	});

	it('trims the query and drops repeated values', () => {
		expect(parse('q=%20%20gent%20&domein=natuur&domein=natuur').domains).toEqual(['natuur']);
		expect(parse('q=%20%20gent%20').q).toBe('gent');
	});

	it('accepts 200 characters and rejects 201 and 2 000 with a Dutch message', () => {
		expect(parse(`q=${'a'.repeat(200)}`).q).toHaveLength(200);
		const error = inputError(`q=${'a'.repeat(2000)}`);
		expect(error.status).toBe(400);
		expect(error.field).toBe('q');
		expect(error.message).toContain('te lang');
		expect(inputError(`q=${'a'.repeat(201)}`).field).toBe('q');
	});

	it.each([
		['type=cursus', 'types'],
		['provincie=Henegouwen', 'provinces'],
		['gemeente=4402', 'municipalities'],
		['gemeente=44021%20OR%201', 'municipalities'],
		['domein=techniek%22%20OR%20type%20%3D%20%22x', 'domains'],
		['formaat=kamp', 'formats'],
		['leeftijd=100', 'ages'],
		['leeftijd=-1', 'ages'],
		['leeftijd=tien', 'ages'],
		['stem=X', 'stem'],
		['dag=8', 'days'],
		['soort=room', 'kinds'],
		['binnen=0&van=44021', 'radiusKm'],
		['binnen=1000&van=44021', 'radiusKm'],
		['sorteer=prijs', 'sort'],
		['pagina=0', 'page'],
		['pagina=51', 'page'],
		['pagina=1e3', 'page'],
		['weergave=tabel', 'view'],
		['q=a&q=b', 'q'],
		['sorteer=datum&sorteer=afstand', 'sort']
	])('rejects %s (%s)', (search, field) => {
		const error = inputError(search);
		expect(error.field).toBe(field);
		expect(error.message).not.toBe('');
	});

	it('needs a centre for a radius and for sorting by distance', () => {
		expect(inputError('binnen=10').field).toBe('centre');
		expect(inputError('sorteer=afstand').field).toBe('centre');
		expect(parse('binnen=10&van=mij').centre).toEqual({ kind: 'me' });
		expect(parse('van=Gent').centre).toEqual({ kind: 'typed', text: 'Gent' });
	});

	it('caps the number of values per filter', () => {
		const many = Array.from({ length: 21 }, (_, i) => `leeftijd=${i}`).join('&');
		expect(inputError(many).field).toBe('ages');
	});

	it('writes a query back to the same URL', () => {
		const search =
			'?q=robot&type=activity&provincie=limburg&leeftijd=9&binnen=10&van=71016&sorteer=afstand&pagina=3&weergave=kaart';
		const query = parse(search.slice(1));
		expect(queryToSearch(query)).toBe(search);
		expect(parse(queryToSearch(query).slice(1))).toEqual(query);
		expect(queryToSearch(query, { page: 1, view: 'lijst' })).not.toContain('pagina');
	});
});

describe('filter values', () => {
	it('maps province slugs to the documents’ values and back', () => {
		expect(provinceValue('oost-vlaanderen')).toBe('Oost-Vlaanderen');
		expect(provinceValue('brussel')).toBe('Brussel');
		expect(provinceSlug('Vlaams-Brabant')).toBe('vlaams-brabant');
		expect(provinceSlug('Brussel')).toBe('brussel');
		expect(provinceSlug('Henegouwen')).toBeUndefined();
	});

	it('escapes quotes and backslashes', () => {
		expect(quoteFilterValue('techniek')).toBe('"techniek"');
		expect(quoteFilterValue('a" OR type = "x')).toBe('"a\\" OR type = \\"x"');
		expect(quoteFilterValue('a\\" OR 1')).toBe('"a\\\\\\" OR 1"');
	});

	it('builds one IN filter per chosen facet and a geo radius in metres', () => {
		const query = parse(
			'provincie=oost-vlaanderen&provincie=brussel&domein=techniek&leeftijd=9&leeftijd=10&stem=S&binnen=15&van=44021'
		);
		expect(buildFilters(query, 'activities', gent, new Date('2026-11-27T12:00:00Z'))).toEqual([
			'province IN ["Oost-Vlaanderen", "Brussel"]',
			'domains IN ["techniek"]',
			'ages IN [9, 10]',
			'stem IN ["S"]',
			'end_ts >= 1795737600',
			'_geoRadius(51.054300, 3.717400, 15000)'
		]);
	});

	it('leaves out activities that ended before today in Belgium', () => {
		// 23:30 UTC on 27 November is already 28 November in Brussels.
		expect(todayTimestamp(new Date('2026-11-27T23:30:00Z'))).toBe(Date.parse('2026-11-28') / 1000);
		expect(todayTimestamp(new Date('2026-11-27T22:30:00Z'))).toBe(Date.parse('2026-11-27') / 1000);
		expect(buildFilters(parse(''), 'organisations', null)).toEqual([]);
	});

	it('filters organisation types only on the organisations index', () => {
		const query = parse('type=academy&type=activity');
		expect(buildFilters(query, 'organisations', null)).toEqual(['type IN ["academy"]']);
		expect(buildFilters(query, 'activities', null)).toEqual([
			'type IN ["activity"]',
			`end_ts >= ${todayTimestamp()}`
		]);
	});

	it('applies the kind of request to requests only', () => {
		const query = parse('soort=volunteers');
		expect(indexesFor(query)).toEqual(['requests']);
		expect(buildFilters(query, 'requests', null, new Date('2026-11-27T12:00:00Z'))).toEqual([
			'kind IN ["volunteers"]',
			'(deadline_ts IS NULL OR deadline_ts >= 1795737600)'
		]);
	});
});

describe('indexesFor', () => {
	it('searches every index by default and narrows to the chosen types', () => {
		expect(indexesFor(parse(''))).toEqual(['activities', 'organisations', 'offers', 'requests']);
		expect(indexesFor(parse('type=school&type=company'))).toEqual(['organisations']);
		expect(indexesFor(parse('type=offer&type=activity'))).toEqual(['activities', 'offers']);
	});

	it('narrows to the indexes that hold a chosen attribute', () => {
		expect(indexesFor(parse('formaat=korte_reeks'))).toEqual(['activities']);
		expect(indexesFor(parse('dag=3'))).toEqual(['offers', 'requests']);
		expect(indexesFor(parse('type=academy&formaat=korte_reeks'))).toEqual([]);
	});
});

describe('buildSearchPlan', () => {
	it('asks one index with page/hitsPerPage and its facets', () => {
		const plan = buildSearchPlan(parse('q=robot&type=activity&pagina=2&sorteer=datum'), null);
		expect(plan.kind).toBe('single');
		if (plan.kind !== 'single') return;
		expect(plan.path).toBe('/indexes/activities/search');
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
			'requests'
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

const hit = (overrides: Record<string, unknown>) => ({
	id: 'id',
	type: 'activity',
	title: 'Robotica',
	path: '/activiteiten/abc',
	...overrides
});

describe('mapSearchResponse', () => {
	it('maps a single index response with exact totals and facets', () => {
		const query = parse('type=activity');
		const plan = buildSearchPlan(query, null);
		const results = mapSearchResponse(plan, query, {
			hits: [hit({ _formatted: { title: '<mark>Robot</mark>ica', description: 'een <b>x</b>' } })],
			totalHits: 45,
			facetDistribution: { province: { Limburg: 3 } }
		});
		expect(results).toMatchObject({ total: 45, exact: true, pageCount: 3 });
		expect(results.hits[0]).toMatchObject({
			titleHtml: '<mark>Robot</mark>ica',
			snippetHtml: 'een &lt;b&gt;x&lt;/b&gt;',
			path: '/activiteiten/abc'
		});
		expect(results.facets).toEqual({ province: { Limburg: 3 } });
	});

	it('merges sorted lists by distance and cuts out the page', () => {
		const query: SearchQuery = { ...parse('sorteer=afstand&van=44021'), page: 1 };
		const plan = buildSearchPlan(query, gent);
		const results = mapSearchResponse(plan, query, {
			results: [
				{
					indexUid: 'activities',
					hits: [hit({ id: 'a1', _geoDistance: 100 }), hit({ id: 'a2', _geoDistance: 5000 })],
					estimatedTotalHits: 2,
					facetDistribution: { type: { activity: 2 } }
				},
				{
					indexUid: 'organisations',
					hits: [hit({ id: 'o1', type: 'academy', _geoDistance: 300 })],
					estimatedTotalHits: 1,
					facetDistribution: { type: { academy: 1 } }
				},
				{ indexUid: 'offers', hits: [], estimatedTotalHits: 0 },
				{ indexUid: 'requests', hits: [], estimatedTotalHits: 0 }
			]
		});
		expect(results.hits.map((h) => h.id)).toEqual(['a1', 'o1', 'a2']);
		expect(results.hits[1]?.distance).toBe(300);
		expect(results.total).toBe(3);
		expect(results.facets.type).toEqual({ activity: 2, academy: 1 });
	});

	it('never links outside the site', () => {
		expect(safePath('/academies/de-uitvinders')).toBe('/academies/de-uitvinders');
		expect(safePath('javascript:alert(1)')).toBe('/zoeken');
		expect(safePath('//evil.example/x')).toBe('/zoeken');
		expect(safePath('https://evil.example')).toBe('/zoeken');
	});
});

describe('suggestions', () => {
	it('asks each index for its best few, and groups them by type', () => {
		const request = buildSuggestRequest(parse('q=robot'));
		expect(request.queries).toHaveLength(4);
		expect(request.queries[0]).toMatchObject({ indexUid: 'activities', q: 'robot', limit: 4 });
		const groups = mapSuggestResponse({
			results: [
				{ hits: [hit({ id: 'a' })] },
				{
					hits: [hit({ id: 'o', type: 'academy', _formatted: { title: '<mark>Robot</mark> <i>' } })]
				}
			]
		});
		expect(groups.map((group) => group.type)).toEqual(['activity', 'academy']);
		expect(groups[1]?.hits[0]?.titleHtml).toBe('<mark>Robot</mark> &lt;i&gt;');
	});
});

describe('renderHighlight', () => {
	it('escapes everything but the marks', () => {
		expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
			'&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;'
		);
		expect(renderHighlight('Leer <mark>robots</mark> bouwen & programmeren')).toBe(
			'Leer <mark>robots</mark> bouwen &amp; programmeren'
		);
	});

	it('neutralises an XSS attempt in the indexed text', () => {
		const html = renderHighlight(
			'<img src=x onerror=alert(1)><mark>robot</mark><script>alert(2)</script>'
		);
		expect(html).toBe(
			'&lt;img src=x onerror=alert(1)&gt;<mark>robot</mark>&lt;script&gt;alert(2)&lt;/script&gt;'
		);
		expect(html).not.toMatch(/<(img|script)/);
	});

	it('keeps marks balanced when the text itself contains mark tags', () => {
		expect(renderHighlight('a </mark> b')).toBe('a &lt;/mark&gt; b');
		expect(renderHighlight('<mark>a<mark>b</mark>')).toBe('<mark>a&lt;mark&gt;b</mark>');
		expect(renderHighlight('<mark>open')).toBe('<mark>open</mark>');
		expect(renderHighlight('<MARK onclick=x>')).toBe('&lt;MARK onclick=x&gt;');
	});
});

describe('meiliPost', () => {
	it('turns a response body that breaks off into SearchUnavailableError, not a 500', async () => {
		const broken = {
			url: 'http://127.0.0.1:7700',
			key: 'key',
			fetch: async () => new Response('{"hits": [', { status: 200 })
		};
		await expect(meiliPost(broken, '/indexes/activities/search', {})).rejects.toBeInstanceOf(
			SearchUnavailableError
		);
	});
});
