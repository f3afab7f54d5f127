import { describe, expect, it } from 'vitest';
import { parseSearchParams, queryToSearch, SearchInputError } from './query-params';

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

describe('parseSearchParams', () => {
	it('reads every contract parameter', () => {
		const query = parse(
			'q=robotica&type=activity&type=academy&provincie=Oost-Vlaanderen&gemeente=44021&domein=techniek' +
				'&formaat=korte_reeks&leeftijd=10&stem=t&dag=3&soort=venue&kwaliteitslabel=ja&binnen=15&van=44021&sorteer=afstand' +
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
			labels: ['ja'],
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
