import { describe, expect, it } from 'vitest';
import { mapAreasMarkup, outlineMarkup, type MapRow } from './map-markup';

const label = (status: MapRow['status']) =>
	({ academy: 'Academie', activities: 'Alleen activiteiten', none: 'Nog niets' })[status];

describe('mapAreasMarkup', () => {
	it('writes a link per area, grouped by status in the statuses’ order, paths closing themselves', () => {
		const markup = mapAreasMarkup(
			// the shapes' order within a group; a shape without a row and a row without a shape are left out
			['11001', '44021', '99999', '11002'].map((nis, i) => ({
				nis,
				outline: outlineMarkup(`M${i} ${i}l1 1z`)
			})),
			[
				{ nis: '11002', name: 'Antwerpen', status: 'academy' },
				{ nis: '11001', name: 'Aartselaar', status: 'none' },
				{ nis: '44021', name: 'Gent', status: 'academy' },
				{ nis: '12345', name: 'Nergens', status: 'none' }
			],
			'/gemeenten',
			label
		);
		expect(markup).toBe(
			'<g class="academy">' +
				'<a href="/gemeenten/44021"><title>Gent: Academie</title><path d="M1 1l1 1z"/></a>' +
				'<a href="/gemeenten/11002"><title>Antwerpen: Academie</title><path d="M3 3l1 1z"/></a>' +
				'</g><g class="none">' +
				'<a href="/gemeenten/11001"><title>Aartselaar: Nog niets</title><path d="M0 0l1 1z"/></a>' +
				'</g>'
		);
	});

	it('escapes names, labels and attributes', () => {
		const markup = mapAreasMarkup(
			[{ nis: '1"2', outline: outlineMarkup('M0 0"/><script>') }],
			[{ nis: '1"2', name: '<b>A & B</b>', status: 'activities' }],
			'/x',
			() => 'Label <i>'
		);
		expect(markup).toBe(
			'<g class="activities"><a href="/x/1&quot;2"><title>&lt;b&gt;A &amp; B&lt;/b&gt;: ' +
				'Label &lt;i&gt;</title><path d="M0 0&quot;/&gt;&lt;script&gt;"/></a></g>'
		);
		expect(markup).not.toContain('<script>');
	});

	it('writes nothing for no areas', () => {
		expect(mapAreasMarkup([], [], '/gemeenten', label)).toBe('');
		expect(mapAreasMarkup([{ nis: '1', outline: '<path d="M0 0"/>' }], [], '/g', label)).toBe('');
	});
});
