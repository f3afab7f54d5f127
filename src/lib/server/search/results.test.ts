import { describe, expect, it } from 'vitest';
import { buildSearchPlan, buildSuggestRequest } from './plan';
import { parseSearchParams, type Centre, type SearchQuery } from './query-params';
import {
	escapeHtml,
	mapSearchResponse,
	mapSuggestResponse,
	renderHighlight,
	safePath
} from './results';

const parse = (search: string) => parseSearchParams(new URLSearchParams(search));

const gent: Centre = { nis: '44021', name: 'Gent', lat: 51.0543, lng: 3.7174 };

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
		expect(request.queries).toHaveLength(8);
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
