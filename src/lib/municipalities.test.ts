import { describe, expect, it } from 'vitest';
import {
	municipalityLabel,
	resolveMunicipality,
	shortProvinceName,
	suggestMunicipalities,
	type MunicipalityOption
} from './municipalities';

const options: MunicipalityOption[] = [
	{ nis: '44021', name: 'Gent', province: 'Oost-Vlaanderen', region: 'VLG' },
	{ nis: '21004', name: 'Brussel', province: null, region: 'BRU' },
	{ nis: '23106', name: 'Pajottegem', province: 'Vlaams-Brabant', region: 'VLG' },
	{ nis: '71070', name: 'Heusden-Zolder', province: 'Limburg', region: 'VLG' },
	{ nis: '99991', name: 'Dubbel', province: 'Antwerpen', region: 'VLG' },
	{ nis: '99992', name: 'Dubbel', province: 'Limburg', region: 'VLG' }
];

describe('municipalityLabel', () => {
	it('names the province, or the region for Brussels', () => {
		expect(municipalityLabel(options[0]!)).toBe('Gent — Oost-Vlaanderen');
		expect(municipalityLabel(options[1]!)).toBe('Brussel — Brussels Hoofdstedelijk Gewest');
	});
});

describe('shortProvinceName', () => {
	it('drops the "Provincie" prefix', () => {
		expect(shortProvinceName('Provincie Oost-Vlaanderen')).toBe('Oost-Vlaanderen');
		expect(shortProvinceName(null)).toBeNull();
	});
});

describe('resolveMunicipality', () => {
	it('finds a label as shown in the list', () => {
		expect(resolveMunicipality(options, 'Gent — Oost-Vlaanderen')).toBe('44021');
	});

	it('ignores case, accents, dash style and spacing', () => {
		expect(resolveMunicipality(options, '  gent -  oost-vlaanderen ')).toBe('44021');
		expect(resolveMunicipality(options, 'heusden-zolder – Limburg')).toBe('71070');
	});

	it('accepts a bare name when it is unique', () => {
		expect(resolveMunicipality(options, 'Pajottegem')).toBe('23106');
		expect(resolveMunicipality(options, 'Heusden-Zolder')).toBe('71070');
		expect(resolveMunicipality(options, 'Dubbel')).toBeUndefined();
		expect(resolveMunicipality(options, 'Dubbel — Limburg')).toBe('99992');
	});

	it('returns null for an empty input and undefined for unknown places', () => {
		expect(resolveMunicipality(options, '   ')).toBeNull();
		expect(resolveMunicipality(options, 'Atlantis')).toBeUndefined();
		expect(resolveMunicipality(options, 'Galmaarden')).toBeUndefined();
	});
});

describe('suggestMunicipalities', () => {
	const labels = options.map(municipalityLabel);

	it('puts names that start with the typed text first', () => {
		expect(suggestMunicipalities(labels, 'gen')).toEqual(['Gent — Oost-Vlaanderen']);
		expect(suggestMunicipalities(labels, 'zold')).toEqual(['Heusden-Zolder — Limburg']);
		expect(suggestMunicipalities(labels, 'bra')).toEqual([]);
		expect(suggestMunicipalities(labels, 'oost')).toEqual([]);
		expect(suggestMunicipalities(labels, 'dubbel — lim')).toEqual(['Dubbel — Limburg']);
		expect(suggestMunicipalities(labels, 'Du', 1)).toEqual(['Dubbel — Antwerpen']);
	});

	it('suggests nothing for empty input', () => {
		expect(suggestMunicipalities(labels, ' ')).toEqual([]);
	});
});
