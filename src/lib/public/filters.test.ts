import { describe, expect, it } from 'vitest';
import {
	filtersToSearch,
	hasActiveFilters,
	invalidFiltersMessage,
	pageCount,
	pageRange,
	parseListFilters
} from './filters';
import { provinceBySlug, provinceName } from './provinces';

const all = ['province', 'municipality', 'domain', 'format', 'age'] as const;
const parse = (search: string, known = (nis: string) => nis !== '99999') =>
	parseListFilters(new URLSearchParams(search), { supported: all, knownMunicipality: known });

describe('parseListFilters', () => {
	it('reads every valid filter and the page', () => {
		expect(
			parse(
				'provincie=limburg&gemeente=71022&domein=programmeren&formaat=korte_reeks&leeftijd=10&pagina=3'
			)
		).toEqual({
			filters: {
				province: 'limburg',
				municipality: '71022',
				domain: 'programmeren',
				format: 'korte_reeks',
				age: 10,
				page: 3
			},
			invalid: []
		});
	});

	it('treats empty values (an untouched select in a GET form) as no filter', () => {
		expect(parse('provincie=&gemeente=&domein=&formaat=&leeftijd=&pagina=')).toEqual({
			filters: { page: 1 },
			invalid: []
		});
	});

	it('drops and names invalid values instead of failing', () => {
		const { filters, invalid } = parse(
			'provincie=atlantis&gemeente=12&domein=alchemie&formaat=KAMP&leeftijd=tien&pagina=-1'
		);
		expect(filters).toEqual({ page: 1 });
		expect(invalid).toEqual(['province', 'municipality', 'domain', 'format', 'age', 'page']);
	});

	it('refuses a well-formed NIS code of no current municipality', () => {
		expect(parse('gemeente=99999').invalid).toEqual(['municipality']);
	});

	it('accepts ages 2 to 25 only, whole numbers', () => {
		expect(parse('leeftijd=2').filters.age).toBe(2);
		expect(parse('leeftijd=25').filters.age).toBe(25);
		for (const age of ['1', '26', '10.5', '1e1', '0x10', ' ', '999999999999']) {
			expect(parse(`leeftijd=${encodeURIComponent(age)}`).filters.age).toBeUndefined();
		}
	});

	it('refuses absurd pages', () => {
		expect(parse('pagina=0').invalid).toEqual(['page']);
		expect(parse('pagina=99999999').invalid).toEqual(['page']);
		expect(parse('pagina=2.5').invalid).toEqual(['page']);
	});

	it('ignores filters a list does not support', () => {
		const parsed = parseListFilters(new URLSearchParams('domein=natuur&provincie=limburg'), {
			supported: ['province', 'municipality']
		});
		expect(parsed).toEqual({ filters: { province: 'limburg', page: 1 }, invalid: [] });
	});

	it('is lenient about case and spaces in the province', () => {
		expect(parse('provincie=%20West-Vlaanderen%20').filters.province).toBe('west-vlaanderen');
	});
});

describe('filtersToSearch', () => {
	it('writes the filters back in a stable order and leaves page 1 out', () => {
		expect(filtersToSearch({ page: 1, age: 9, domain: 'natuur', province: 'antwerpen' })).toBe(
			'?provincie=antwerpen&domein=natuur&leeftijd=9'
		);
		expect(filtersToSearch({ page: 1 })).toBe('');
		expect(filtersToSearch({ page: 1, municipality: '44021' }, 4)).toBe('?gemeente=44021&pagina=4');
	});

	it('round-trips through parseListFilters', () => {
		const filters = {
			page: 2,
			province: 'brussel',
			municipality: '21004',
			format: 'lange_reeks_jaar',
			age: 14
		} as const;
		expect(parse(filtersToSearch(filters).slice(1)).filters).toEqual(filters);
	});
});

describe('hasActiveFilters', () => {
	it('does not count the page', () => {
		expect(hasActiveFilters({ page: 5 })).toBe(false);
		expect(hasActiveFilters({ page: 1, age: 12 })).toBe(true);
	});
});

describe('pagination', () => {
	it('turns a page into a row range', () => {
		expect(pageRange(1, 24)).toEqual({ from: 0, to: 23 });
		expect(pageRange(3, 24)).toEqual({ from: 48, to: 71 });
	});

	it('counts at least one page', () => {
		expect(pageCount(0, 24)).toBe(1);
		expect(pageCount(24, 24)).toBe(1);
		expect(pageCount(25, 24)).toBe(2);
	});
});

describe('provinces', () => {
	it('finds provinces by slug and names them', () => {
		expect(provinceBySlug('vlaams-brabant')?.provinceNl).toBe('Provincie Vlaams-Brabant');
		expect(provinceBySlug('Vlaams-Brabant')).toBeUndefined();
		expect(provinceName('Provincie Oost-Vlaanderen')).toBe('Oost-Vlaanderen');
		expect(provinceName(null)).toBe('Brussels Hoofdstedelijk Gewest');
		expect(provinceName('Provincie Henegouwen')).toBe('Henegouwen');
	});
});

describe('invalidFiltersMessage', () => {
	it('names the ignored filters in Dutch', () => {
		expect(invalidFiltersMessage([])).toBeNull();
		expect(invalidFiltersMessage(['province', 'age'])).toBe(
			'Niet elke filter in deze link klopte. We negeerden: provincie, leeftijd.'
		);
	});
});
