import { describe, expect, it } from 'vitest';
import { groupMunicipalities, groupOptions, municipalityOptionsHtml } from './municipality-groups';

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

describe('municipalityOptionsHtml', () => {
	const groups = groupMunicipalities(municipalities);

	it('gives each group as an optgroup of its municipalities in their order, none selected', () => {
		expect(municipalityOptionsHtml(groups, null)).toBe(
			'<optgroup label="Antwerpen"><option value=11002>Antwerpen' +
				'<option value=11001>Aartselaar</optgroup>' +
				'<optgroup label="Oost-Vlaanderen"><option value=44021>Gent</optgroup>' +
				'<optgroup label="Vlaams-Brabant"><option value=23098>Sint-Genesius-Rode</optgroup>' +
				'<optgroup label="Brussels Hoofdstedelijk Gewest"><option value=21004>Brussel</optgroup>'
		);
	});

	it('selects the chosen municipality only, and none for an unknown one', () => {
		const html = municipalityOptionsHtml(groups, '44021');
		expect(html.match(/ selected/g)).toHaveLength(1);
		expect(html).toContain('<option value=44021 selected>Gent<');
		// the HTML kept for these groups is not changed by a choice
		expect(municipalityOptionsHtml(groups, '11001')).toContain('<option value=44021>Gent<');
		expect(municipalityOptionsHtml(groups, '99999')).not.toContain('selected');
		expect(municipalityOptionsHtml(groups, '$&')).not.toContain('selected');
	});

	it('escapes labels and names, and builds other groups anew', () => {
		const odd = groupMunicipalities([{ nis: '11001', name: 'A & <B> "C"', province: 'Antwerpen' }]);
		expect(municipalityOptionsHtml(odd, '11001')).toBe(
			'<optgroup label="Antwerpen"><option value=11001 selected>A &amp; &lt;B&gt; &quot;C&quot;</optgroup>'
		);
		// a value that is not digits only keeps its quotes, escaped
		const quoted = groupMunicipalities([{ nis: 'a"b c', name: 'X', province: 'Antwerpen' }]);
		expect(municipalityOptionsHtml(quoted, 'a"b c')).toBe(
			'<optgroup label="Antwerpen"><option value="a&quot;b c" selected>X</optgroup>'
		);
		expect(municipalityOptionsHtml([], '11001')).toBe('');
	});
});
