import { describe, expect, it } from 'vitest';
import { clusterPoints, isStacked } from './cluster';

const point = (id: string, x: number, y: number) => ({ id, x, y });

describe('clusterPoints', () => {
	const points = [point('a', 0, 0), point('b', 3, 4), point('c', 100, 100), point('d', 102, 100)];

	it('groups points within the radius of a seed and keeps far ones apart', () => {
		const clusters = clusterPoints(points, 10);
		expect(clusters.map((cluster) => cluster.items.map((item) => item.id))).toEqual([
			['a', 'b'],
			['c', 'd']
		]);
		expect(clusters[0]).toMatchObject({ id: 'a', x: 1.5, y: 2, box: [0, 0, 3, 4] });
	});

	it('splits every group once the radius is smaller than the gaps (zoomed in)', () => {
		expect(clusterPoints(points, 1)).toHaveLength(4);
	});

	it('puts everything in one group when zoomed far out', () => {
		const [only, ...rest] = clusterPoints(points, 500);
		expect(rest).toEqual([]);
		expect(only?.items).toHaveLength(4);
	});

	it('gives the same groups whatever the order of the input', () => {
		const reversed = clusterPoints([...points].reverse(), 10);
		expect(reversed).toEqual(clusterPoints(points, 10));
	});

	it('measures the distance to the seed, not to any member (no chains across the map)', () => {
		const chain = [point('a', 0, 0), point('b', 8, 0), point('c', 16, 0)];
		expect(clusterPoints(chain, 10).map((cluster) => cluster.items.length)).toEqual([2, 1]);
	});

	it('returns nothing for no points', () => {
		expect(clusterPoints([], 10)).toEqual([]);
	});
});

describe('isStacked', () => {
	it('tells a group on one spot from one that zooming would split', () => {
		const [stacked] = clusterPoints([point('a', 5, 5), point('b', 5, 5.2)], 10);
		const [spread] = clusterPoints([point('a', 5, 5), point('b', 9, 5)], 10);
		expect(stacked && isStacked(stacked)).toBe(true);
		expect(spread && isStacked(spread)).toBe(false);
	});
});
