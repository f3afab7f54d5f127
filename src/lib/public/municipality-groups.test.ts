import { describe, expect, it } from 'vitest';
import { groupMunicipalities, groupOptions } from './municipality-groups';

const municipalities = [
	{ nis: '21004', name: 'Brussel', province: null },
	{ nis: '11002', name: 'Antwerpen', province: 'Antwerpen' },
	{ nis: '44021', name: 'Gent', province: 'Oost-Vlaanderen' },
	{ nis: '11001', name: 'Aartselaar', province: 'Antwerpen' },
	{ nis: '23098', name: 'Sint-Genesius-Rode', province: 'Vlaams-Brabant' }
];

describe('groupMunicipalities', () => {
	it('groups by province in the filter order, Brussels last, keeping the order within a group', () => {
		const groups = groupMunicipalities(municipalities);
		expect(groups.map((group) => group.label)).toEqual([
			'Antwerpen',
			'Oost-Vlaanderen',
			'Vlaams-Brabant',
			'Brussels Hoofdstedelijk Gewest'
		]);
		expect(groupOptions(groups[0]!)).toEqual([
			{ nis: '11002', name: 'Antwerpen' },
			{ nis: '11001', name: 'Aartselaar' }
		]);
	});

	it('gives back every municipality as it came in', () => {
		const back = groupMunicipalities(municipalities).flatMap(groupOptions);
		expect(back).toHaveLength(municipalities.length);
		for (const { nis, name } of municipalities) expect(back).toContainEqual({ nis, name });
	});

	it('has no groups without municipalities', () => {
		expect(groupMunicipalities([])).toEqual([]);
	});
});
