import { describe, expect, it } from 'vitest';
import topology from './map/belgium-municipalities-2025.topo.json';
import {
	buildBaseMap,
	createProjection,
	decodeArcs,
	ringPath,
	ringCentroid,
	ringPoints,
	simplify,
	type Topology
} from './map';

const tiny: Topology = {
	type: 'Topology',
	transform: { scale: [0.5, 0.25], translate: [3, 50] },
	arcs: [
		[
			[0, 0],
			[2, 0],
			[0, 4]
		],
		[
			[2, 4],
			[-2, 0],
			[0, -4]
		]
	],
	objects: {
		municipalities: {
			type: 'GeometryCollection',
			geometries: [
				{
					type: 'Polygon',
					arcs: [[0, 1]],
					properties: { nis: '11111', name_nl: 'A', region: 'VLG' }
				},
				{
					type: 'Polygon',
					arcs: [[~1, ~0]],
					properties: { nis: '22222', name_nl: 'B', region: 'WAL' }
				}
			]
		}
	}
};

describe('decodeArcs', () => {
	it('undoes the delta encoding and the quantization', () => {
		expect(decodeArcs(tiny)[0]).toEqual([
			[3, 50],
			[4, 50],
			[4, 51]
		]);
		expect(decodeArcs(tiny)[1]).toEqual([
			[4, 51],
			[3, 51],
			[3, 50]
		]);
	});

	it('stitches rings from arcs, reversing negative ones, without repeating shared points', () => {
		const arcs = decodeArcs(tiny);
		expect(ringPoints([0, 1], arcs)).toEqual([
			[3, 50],
			[4, 50],
			[4, 51],
			[3, 51],
			[3, 50]
		]);
		expect(ringPoints([~1], arcs)).toEqual([
			[3, 50],
			[3, 51],
			[4, 51]
		]);
	});
});

describe('createProjection', () => {
	it('scales longitude by cos(50.5°) and puts north at the top', () => {
		const projection = createProjection([3, 50, 4, 51], 100, 0);
		const [x0, y0] = projection.project(3, 51);
		const [x1, y1] = projection.project(4, 50);
		expect(x0).toBeCloseTo(0);
		expect(y0).toBeCloseTo(0);
		expect(x1).toBeCloseTo(100);
		expect(y1).toBeCloseTo(100 / Math.cos((50.5 * Math.PI) / 180));
		expect(projection.height).toBe(Math.ceil(y1));
	});
});

describe('ringPath', () => {
	it('writes an absolute start, relative whole steps, and drops repeated points', () => {
		const identity = {
			width: 10,
			height: 10,
			project: (x: number, y: number) => [x, y] as [number, number]
		};
		expect(
			ringPath(
				[
					[1.2, 1.4],
					[4, 1],
					[4.2, 0.9],
					[4, 5],
					[1, 5]
				],
				identity
			)
		).toBe('M1 1l3 0 0 4-3 0z');
	});
});

describe('simplify', () => {
	it('keeps the ends and the corners, drops points on a straight line', () => {
		expect(
			simplify(
				[
					[0, 0],
					[1, 0.1],
					[2, 0],
					[2, 2]
				],
				0.5
			)
		).toEqual([
			[0, 0],
			[2, 0],
			[2, 2]
		]);
	});
});

describe('ringCentroid', () => {
	it('finds the centre and area of a ring in either direction', () => {
		const square: [number, number][] = [
			[0, 0],
			[4, 0],
			[4, 2],
			[0, 2]
		];
		expect(ringCentroid(square)).toEqual({ centroid: [2, 1], area: 8 });
		expect(ringCentroid(square.slice().reverse())).toEqual({ centroid: [2, 1], area: 8 });
	});

	it('gives a degenerate ring its first point and no area', () => {
		expect(ringCentroid([[3, 5]])).toEqual({ centroid: [3, 5], area: 0 });
	});
});

describe('buildBaseMap', () => {
	it('draws only the chosen regions', () => {
		const map = buildBaseMap(tiny, { width: 100 });
		expect(map.shapes.map((shape) => shape.nis)).toEqual(['11111']);
		expect(map.shapes[0]?.d).toMatch(/^M\d+ \d+l.*z$/);
	});

	it('draws the 304 Flemish and Brussels municipalities in a few tens of kilobytes', () => {
		const map = buildBaseMap(topology as unknown as Topology);
		expect(map.shapes).toHaveLength(304);
		expect(map.shapes.every((shape) => shape.d.startsWith('M'))).toBe(true);
		const size = map.shapes.reduce((sum, shape) => sum + shape.d.length, 0);
		expect(size).toBeLessThan(60_000);
		// Gent lies west of Leuven, and Antwerpen north of Leuven.
		const [gentX] = map.projection.project(3.72, 51.05);
		const [leuvenX, leuvenY] = map.projection.project(4.7, 50.88);
		const [, antwerpenY] = map.projection.project(4.4, 51.22);
		expect(gentX).toBeLessThan(leuvenX);
		expect(antwerpenY).toBeLessThan(leuvenY);
		expect(leuvenX).toBeGreaterThan(0);
		expect(leuvenX).toBeLessThan(map.width);
		// Each name sits inside the map, near where its municipality lies.
		const anchorOf = (name: string) => map.shapes.find((shape) => shape.name === name)?.anchor;
		const [gentAnchorX = 0, gentAnchorY = 0] = anchorOf('Gent') ?? [];
		expect(
			Math.hypot(gentAnchorX - gentX, gentAnchorY - map.projection.project(3.72, 51.05)[1])
		).toBeLessThan(15);
		expect(map.shapes.every((shape) => shape.area > 0)).toBe(true);
	});
});
