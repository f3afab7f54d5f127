// The chart as the server renders it: bars for sighted readers, hidden from assistive technology, and the
// same figures in a table that is.
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import BarChart from './bar-chart.svelte';
import GroupedBarChart from './grouped-bar-chart.svelte';

describe('bar chart', () => {
	const { body } = render(BarChart, {
		props: {
			caption: 'Activiteiten per domein',
			rows: [
				{ label: 'Techniek', value: 3, pct: 75 },
				{ label: 'Natuur', value: 1, pct: 25 }
			],
			target: { value: 50, label: 'Doel: 50 %' },
			max: 100
		}
	});

	it('hides the SVG and offers a table named by the caption', () => {
		expect(body).toMatch(/<svg aria-hidden="true"/);
		const captionId = /<figcaption id="([^"]+)"/.exec(body)?.[1];
		expect(captionId).toBeTruthy();
		expect(body).toContain(`aria-labelledby="${captionId}"`);
		expect(body).toMatch(/<th scope="row"[^>]*>Techniek<\/th>/);
	});

	it('draws each bar as a share of the maximum and the target line at its value', () => {
		expect(body).toContain('width="3%"');
		expect(body).toContain('width="1%"');
		expect(body).toContain('x1="50%"');
		expect(body).toContain('Doel: 50 %');
	});
});

describe('grouped bar chart', () => {
	it('draws one bar per series scaled to the largest value, and a table with a column per series', () => {
		const { body } = render(GroupedBarChart, {
			props: {
				caption: 'Per formaat',
				series: ['2025–2026', '2026–2027'],
				rows: [{ label: 'Korte reeks', values: [2, 4] }]
			}
		});
		expect(body).toContain('width="50%"');
		expect(body).toContain('width="100%"');
		expect(body).toMatch(/<th scope="col"[^>]*>2026–2027<\/th>/);
	});
});
