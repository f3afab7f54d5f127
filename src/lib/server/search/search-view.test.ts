import { describe, expect, it } from 'vitest';
import { parseSearchParams } from './query-params';
import { activeFilters, facetGroups, pageLinks, searchHref } from './search-view';

const parse = (search: string) => parseSearchParams(new URLSearchParams(search));
const names: Record<string, string> = { '44021': 'Gent', '24062': 'Leuven' };
const nameOf = (nis: string) => names[nis];

describe('facetGroups', () => {
	it('lists counted values with Dutch labels, vocabulary order, and URL values', () => {
		const groups = facetGroups(
			parse('provincie=limburg'),
			{
				province: { 'Oost-Vlaanderen': 4, Limburg: 2, Henegouwen: 9 },
				type: { request: 1, activity: 3 },
				municipality_nis: { '24062': 1, '44021': 5, '99999': 3 },
				ages: { '10': 2, '8': 1 }
			},
			nameOf
		);
		expect(groups.map((group) => group.param)).toEqual([
			'type',
			'provincie',
			'gemeente',
			'leeftijd'
		]);
		expect(groups[0]?.options.map((o) => [o.value, o.label, o.count])).toEqual([
			['activity', 'Activiteiten', 3],
			['request', 'Vragen', 1]
		]);
		// Unknown provinces and municipalities are dropped; the chosen one is checked.
		expect(groups[1]?.options.map((o) => [o.value, o.checked])).toEqual([
			['limburg', true],
			['oost-vlaanderen', false]
		]);
		// Municipalities: most results first.
		expect(groups[2]?.options.map((o) => o.label)).toEqual(['Gent', 'Leuven']);
		expect(groups[3]?.options.map((o) => o.label)).toEqual(['8 jaar', '10 jaar']);
	});

	it('keeps a chosen value that has no results, with count 0', () => {
		const groups = facetGroups(parse('domein=natuur'), {}, nameOf);
		expect(groups).toEqual([
			{
				param: 'domein',
				legend: 'Domein',
				options: [{ value: 'natuur', label: 'Natuur', count: 0, checked: true }]
			}
		]);
	});
});

describe('activeFilters', () => {
	it('names each chosen filter with a link that removes only it', () => {
		const query = parse(
			'q=robot&provincie=limburg&leeftijd=8&leeftijd=10&binnen=10&van=44021&sorteer=afstand'
		);
		const filters = activeFilters(query, nameOf, { nis: '44021', name: 'Gent', lat: 51, lng: 3.7 });
		expect(filters.map((filter) => filter.label)).toEqual([
			'Provincie: Limburg',
			'Leeftijd: 8 jaar',
			'Leeftijd: 10 jaar',
			'Binnen 10 km van Gent'
		]);
		expect(filters[1]?.removeHref).toBe(
			'/zoeken?q=robot&provincie=limburg&leeftijd=10&binnen=10&van=44021&sorteer=afstand'
		);
		expect(filters[3]?.removeHref).toBe('/zoeken?q=robot&provincie=limburg&leeftijd=8&leeftijd=10');
	});
});

describe('pageLinks', () => {
	it('shows the first, the last and two around the current page', () => {
		const links = pageLinks(parse('q=x&pagina=7'), 20);
		expect(links.map((link) => ('gap' in link ? '…' : link.page))).toEqual([
			1,
			'…',
			5,
			6,
			7,
			8,
			9,
			'…',
			20
		]);
		expect(links.find((link) => 'current' in link && link.current)).toMatchObject({
			page: 7,
			href: '/zoeken?q=x&pagina=7'
		});
		expect(pageLinks(parse(''), 1)).toEqual([]);
	});

	it('writes page 1 without a page parameter', () => {
		expect(searchHref(parse('q=x&pagina=3'), { page: 1 })).toBe('/zoeken?q=x');
	});
});
