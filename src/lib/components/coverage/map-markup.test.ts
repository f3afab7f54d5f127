import { describe, expect, it } from 'vitest';
import { mapAreasMarkup, type MapArea } from './map-markup';

const label = (status: MapArea['status']) =>
	({ academy: 'Academie', activities: 'Alleen activiteiten', none: 'Nog niets' })[status];

describe('mapAreasMarkup', () => {
	it('writes a link per area, grouped by status in the statuses’ order, paths closing themselves', () => {
		const markup = mapAreasMarkup(
			[
				{ nis: '11001', name: 'Aartselaar', status: 'none', d: 'M1 2l3 4z' },
				{ nis: '44021', name: 'Gent', status: 'academy', d: 'M5 6l-1 2z' },
				{ nis: '11002', name: 'Antwerpen', status: 'academy', d: 'M7 8l1-1z' }
			],
			'/gemeenten',
			label
		);
		expect(markup).toBe(
			'<g class="academy">' +
				'<a href="/gemeenten/44021"><title>Gent: Academie</title><path d="M5 6l-1 2z"/></a>' +
				'<a href="/gemeenten/11002"><title>Antwerpen: Academie</title><path d="M7 8l1-1z"/></a>' +
				'</g><g class="none">' +
				'<a href="/gemeenten/11001"><title>Aartselaar: Nog niets</title><path d="M1 2l3 4z"/></a>' +
				'</g>'
		);
	});

	it('escapes names, labels and attributes', () => {
		const markup = mapAreasMarkup(
			[{ nis: '1"2', name: '<b>A & B</b>', status: 'activities', d: 'M0 0"/><script>' }],
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
		expect(mapAreasMarkup([], '/gemeenten', label)).toBe('');
	});
});
