import { describe, expect, it } from 'vitest';
import { buildDirectory, resolveCentre } from './municipality-centroids';
import { SearchInputError } from './query-params';

const directory = buildDirectory([
	{
		nis: '44021',
		name_nl: 'Gent',
		province_nl: 'Provincie Oost-Vlaanderen',
		region: 'VLG',
		lat: 51.05,
		lng: 3.72
	},
	{ nis: '21004', name_nl: 'Brussel', province_nl: null, region: 'BRU', lat: 50.85, lng: 4.35 },
	{
		nis: '62063',
		name_nl: 'Luik',
		province_nl: 'Provincie Luik',
		region: 'WAL',
		lat: 50.63,
		lng: 5.57
	},
	{ nis: '99999', name_nl: 'Zonder punt', province_nl: null, region: 'BRU', lat: null, lng: null }
]);

describe('buildDirectory', () => {
	it('keeps every municipality with a centroid, and offers Flanders and Brussels by name', () => {
		expect([...directory.byNis.keys()]).toEqual(['44021', '21004', '62063']);
		expect(directory.choices.map((choice) => choice.name)).toEqual(['Brussel', 'Gent']);
	});
});

describe('resolveCentre', () => {
	it('finds a NIS code, a typed label or name, and the person’s own municipality', () => {
		const gent = { nis: '44021', name: 'Gent', lat: 51.05, lng: 3.72 };
		expect(resolveCentre({ kind: 'nis', nis: '44021' }, directory, undefined)).toEqual(gent);
		expect(
			resolveCentre({ kind: 'typed', text: 'gent — oost-vlaanderen' }, directory, undefined)
		).toEqual(gent);
		expect(resolveCentre({ kind: 'typed', text: 'Gent' }, directory, undefined)).toEqual(gent);
		expect(resolveCentre({ kind: 'me' }, directory, '44021')).toEqual(gent);
	});

	it('says what is wrong otherwise', () => {
		const message = (run: () => unknown) => {
			try {
				run();
			} catch (error) {
				expect(error).toBeInstanceOf(SearchInputError);
				return (error as SearchInputError).message;
			}
			throw new Error('no error');
		};
		expect(
			message(() => resolveCentre({ kind: 'nis', nis: '12345' }, directory, undefined))
		).toMatch(/gemeente kennen we niet/);
		expect(
			message(() => resolveCentre({ kind: 'typed', text: 'Atlantis' }, directory, undefined))
		).toMatch(/gemeente kennen we niet/);
		expect(message(() => resolveCentre({ kind: 'me' }, directory, undefined))).toMatch(
			/Meld je aan/
		);
		expect(message(() => resolveCentre({ kind: 'me' }, directory, null))).toMatch(/profiel/);
	});
});
