import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	boundsOf,
	decodeArc,
	fitProjection,
	ringPoints,
	ringsPath,
	simplifyLine,
	type Position,
	type Topology
} from './coverage-map';
import { coverageMap } from './coverage-map-data';

const quantized: Topology = {
	type: 'Topology',
	transform: { scale: [0.5, 2], translate: [10, 20] },
	arcs: [
		[
			[0, 0],
			[2, 0],
			[0, 1]
		],
		[
			[2, 1],
			[-2, 0],
			[0, -1]
		]
	],
	objects: {}
};

describe('decodeArc', () => {
	it('adds up the deltas and applies the transform', () => {
		expect(decodeArc(quantized, 0)).toEqual([
			[10, 20],
			[11, 20],
			[11, 22]
		]);
	});

	it('reads an arc as it is without a transform', () => {
		const plain: Topology = { ...quantized, transform: undefined };
		expect(decodeArc(plain, 1)).toEqual([
			[2, 1],
			[-2, 0],
			[0, -1]
		]);
	});
});

describe('ringPoints', () => {
	const arcs: Position[][] = [
		[
			[0, 0],
			[1, 0],
			[1, 1]
		],
		[
			[0, 0],
			[0, 1],
			[1, 1]
		]
	];

	it('joins arcs without repeating the shared point, reading ~i backwards', () => {
		expect(ringPoints(arcs, [0, ~1])).toEqual([
			[0, 0],
			[1, 0],
			[1, 1],
			[0, 1],
			[0, 0]
		]);
	});

	it('refuses an arc that does not exist', () => {
		expect(() => ringPoints(arcs, [5])).toThrow(RangeError);
	});
});

describe('simplifyLine', () => {
	it('drops points that lie on the line within the tolerance, keeping the ends', () => {
		const line: Position[] = [
			[0, 0],
			[1, 0.1],
			[2, -0.1],
			[3, 0]
		];
		expect(simplifyLine(line, 0.5)).toEqual([
			[0, 0],
			[3, 0]
		]);
	});

	it('keeps a corner that sticks out further than the tolerance', () => {
		const line: Position[] = [
			[0, 0],
			[1, 0],
			[2, 5],
			[3, 0],
			[4, 0]
		];
		expect(simplifyLine(line, 0.5)).toEqual([
			[0, 0],
			[1, 0],
			[2, 5],
			[3, 0],
			[4, 0]
		]);
	});

	it('keeps a closed ring (first point = last point) as a shape', () => {
		const square: Position[] = [
			[0, 0],
			[4, 0],
			[4, 4],
			[0, 4],
			[0, 0]
		];
		expect(simplifyLine(square, 0.5)).toEqual(square);
	});
});

describe('fitProjection', () => {
	const bounds = { minLng: 2, minLat: 50, maxLng: 6, maxLat: 52 };
	const projection = fitProjection(bounds, 1000);

	it('puts the north-west corner at the origin and the south-east one at the far corner', () => {
		expect(projection.project([2, 52])).toEqual([0, 0]);
		const [x, y] = projection.project([6, 50]);
		expect(x).toBeCloseTo(1000, 6);
		expect(y).toBeCloseTo(projection.height, 6);
	});

	it('shrinks longitude by the cosine of the middle latitude', () => {
		// 4° of longitude at 51° N against 2° of latitude
		const expected = (1000 * 2) / (4 * Math.cos((51 * Math.PI) / 180));
		expect(projection.height).toBeCloseTo(expected, 6);
	});

	it('has north up', () => {
		expect(projection.project([4, 51.5])[1]).toBeLessThan(projection.project([4, 50.5])[1]);
	});
});

describe('boundsOf and ringsPath', () => {
	it('finds the box around all rings', () => {
		expect(
			boundsOf([
				[
					[3, 51],
					[5, 50]
				],
				[[2, 52]]
			])
		).toEqual({ minLng: 2, minLat: 50, maxLng: 5, maxLat: 52 });
	});

	it("writes whole units as relative steps, leaves out points that round together, a closed ring's repeated start and rings of fewer than 3 points", () => {
		const path = ringsPath([
			[
				[0, 0],
				[10.4, 0],
				[10.1, 0.2],
				[10, 10],
				[2.6, 12.5],
				[0, 0]
			],
			[
				[1, 1],
				[1.3, 1.2]
			]
		]);
		expect(path).toBe('M0 0l10 0 0 10-7 3z');
	});

	it('rounds points before it differences them, so a shared border lands on the same pixels', () => {
		const border: Position[] = [
			[0.4, 0.4],
			[5.6, 0.4],
			[11.4, 0.6]
		];
		const one = ringsPath([[...border, [6, 8]]]);
		const other = ringsPath([[...border, [6, -8]]]);
		expect(one).toBe('M0 0l6 0 5 1-5 7z');
		expect(other).toBe('M0 0l6 0 5 1-5-9z');
	});
});

describe('coverageMap', () => {
	/** Current Flemish and Brussels municipalities, read from the reference CSV. */
	function currentNis(): string[] {
		const [header, ...lines] = readFileSync('supabase/data/municipalities.csv', 'utf8')
			.trim()
			.split('\n');
		const columns = header!.split(',');
		const at = (name: string) => columns.indexOf(name);
		return lines
			.map((line) => line.split(','))
			.filter((cells) => cells[at('region')] !== 'WAL' && cells[at('valid_to')] === '')
			.map((cells) => cells[at('nis')]!);
	}

	it('has a shape for every current Flemish and Brussels municipality, and no other', () => {
		const map = coverageMap();
		expect(map.shapes.map((shape) => shape.nis).sort()).toEqual(currentNis().sort());
		expect(map.shapes).toHaveLength(304);
	});

	/** The absolute points of a path written by ringsPath ("M x y l dx dy … z" per ring). */
	function absolutePoints(d: string): Position[] {
		const points: Position[] = [];
		for (const [, start, steps] of d.matchAll(/M([^l]+)l([^z]*)z/g)) {
			let [x, y] = start!.split(' ').map(Number) as Position;
			points.push([x, y]);
			const deltas = steps!.match(/-?\d+/g)!.map(Number);
			for (let i = 0; i < deltas.length; i += 2) {
				x += deltas[i]!;
				y += deltas[i + 1]!;
				points.push([x, y]);
			}
		}
		return points;
	}

	it('draws every shape inside the map', () => {
		const map = coverageMap();
		expect(map.width).toBe(1000);
		for (const shape of map.shapes) {
			// the element the map writes: path data, which needs no escaping
			const d = /^<path d="([^"]*)"\/>$/.exec(shape.outline)?.[1] ?? '';
			expect(d, shape.nis).toMatch(/^(M\d+ \d+l[\d -]+z)+$/);
			const points = absolutePoints(d);
			const xs = points.map(([x]) => x);
			const ys = points.map(([, y]) => y);
			expect(Math.min(...xs), shape.nis).toBeGreaterThanOrEqual(0);
			expect(Math.max(...xs), shape.nis).toBeLessThanOrEqual(map.width + 0.5);
			expect(Math.min(...ys), shape.nis).toBeGreaterThanOrEqual(0);
			expect(Math.max(...ys), shape.nis).toBeLessThanOrEqual(map.height + 0.5);
		}
	});

	it('computes the shapes once', () => {
		expect(coverageMap()).toBe(coverageMap());
	});
});
