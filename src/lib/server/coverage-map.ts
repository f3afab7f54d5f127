// Turns the municipalities' TopoJSON into SVG paths: decode the shared, quantized arcs, project longitude
// and latitude onto a flat map, simplify the arcs, stitch them into rings and write each ring as a path. Pure functions; the
// topology itself is loaded (once) by coverage-map-data.ts.

export type Position = [number, number];

type Polygon = { type: 'Polygon'; arcs: number[][] };
type MultiPolygon = { type: 'MultiPolygon'; arcs: number[][][] };
export type TopoGeometry = (Polygon | MultiPolygon) & {
	id?: string;
	properties?: Record<string, unknown>;
};

export type Topology = {
	type: 'Topology';
	transform?: { scale: Position; translate: Position };
	arcs: Position[][];
	objects: Record<string, { type: 'GeometryCollection'; geometries: TopoGeometry[] }>;
};

/** An arc as absolute [lng, lat] points: quantized arcs are delta-encoded and scaled by the transform. */
export function decodeArc(topology: Topology, index: number): Position[] {
	const arc = topology.arcs[index];
	if (!arc) throw new RangeError(`No arc ${index}`);
	const transform = topology.transform;
	if (!transform) return arc.map(([x, y]) => [x, y]);
	const [sx, sy] = transform.scale;
	const [tx, ty] = transform.translate;
	let x = 0;
	let y = 0;
	return arc.map(([dx, dy]) => {
		x += dx;
		y += dy;
		return [x * sx + tx, y * sy + ty];
	});
}

/**
 * A ring from its arcs (already decoded, possibly projected): an index i < 0 is arc ~i read backwards; each
 * next arc starts where the previous one ended, so its first point is dropped.
 */
export function ringPoints(arcs: Position[][], arcIndexes: number[]): Position[] {
	const points: Position[] = [];
	for (const index of arcIndexes) {
		const stored = arcs[index < 0 ? ~index : index];
		if (!stored) throw new RangeError(`No arc ${index}`);
		const arc = index < 0 ? [...stored].reverse() : stored;
		points.push(...(points.length > 0 ? arc.slice(1) : arc));
	}
	return points;
}

/** The rings of a geometry (outer rings and holes alike). */
export function geometryRings(arcs: Position[][], geometry: TopoGeometry): Position[][] {
	const polygons = geometry.type === 'Polygon' ? [geometry.arcs] : geometry.arcs;
	return polygons.flatMap((polygon) => polygon.map((ring) => ringPoints(arcs, ring)));
}

/** The arcs a geometry uses (their indexes, whatever their direction). */
export function geometryArcIndexes(geometry: TopoGeometry): number[] {
	const polygons = geometry.type === 'Polygon' ? [geometry.arcs] : geometry.arcs;
	return polygons.flat(2).map((index) => (index < 0 ? ~index : index));
}

/**
 * Douglas–Peucker: the points of a line that matter at `tolerance` (its ends always kept). Simplifying the
 * shared arcs, not each ring, keeps neighbours' common borders identical, so no gaps open between them.
 */
export function simplifyLine(points: Position[], tolerance: number): Position[] {
	if (points.length <= 2) return points;
	const keep = new Array<boolean>(points.length).fill(false);
	keep[0] = keep[points.length - 1] = true;
	const stack: [number, number][] = [[0, points.length - 1]];
	while (stack.length > 0) {
		const [first, last] = stack.pop()!;
		let farthest = -1;
		let farthestDistance = tolerance;
		const start = points[first]!;
		const end = points[last]!;
		for (let i = first + 1; i < last; i++) {
			const distance = distanceToSegment(points[i]!, start, end);
			if (distance > farthestDistance) {
				farthest = i;
				farthestDistance = distance;
			}
		}
		if (farthest >= 0) {
			keep[farthest] = true;
			stack.push([first, farthest], [farthest, last]);
		}
	}
	return points.filter((_, i) => keep[i]);
}

function distanceToSegment([px, py]: Position, [ax, ay]: Position, [bx, by]: Position): number {
	const dx = bx - ax;
	const dy = by - ay;
	const length2 = dx * dx + dy * dy;
	const t =
		length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
	return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

export type Bounds = { minLng: number; minLat: number; maxLng: number; maxLat: number };

/** The smallest box around all points. */
export function boundsOf(rings: Position[][]): Bounds {
	const bounds = { minLng: Infinity, minLat: Infinity, maxLng: -Infinity, maxLat: -Infinity };
	for (const ring of rings) {
		for (const [lng, lat] of ring) {
			bounds.minLng = Math.min(bounds.minLng, lng);
			bounds.maxLng = Math.max(bounds.maxLng, lng);
			bounds.minLat = Math.min(bounds.minLat, lat);
			bounds.maxLat = Math.max(bounds.maxLat, lat);
		}
	}
	return bounds;
}

export type Projection = { width: number; height: number; project: (point: Position) => Position };

/**
 * An equirectangular projection fitted to `bounds` at `width` units wide: a degree of longitude is
 * cos(middle latitude) of a degree of latitude, which at Flanders' size keeps shapes true to the eye. North
 * is up (SVG's y grows downwards).
 */
export function fitProjection(bounds: Bounds, width: number): Projection {
	const kx = Math.cos(((bounds.minLat + bounds.maxLat) / 2) * (Math.PI / 180));
	const scale = width / ((bounds.maxLng - bounds.minLng) * kx);
	const height = (bounds.maxLat - bounds.minLat) * scale;
	return {
		width,
		height,
		project: ([lng, lat]) => [(lng - bounds.minLng) * kx * scale, (bounds.maxLat - lat) * scale]
	};
}

/**
 * The SVG path of rings (in map units), as short as it can be written, since the map's 304 paths are most of
 * the coverage page: per ring "M x y" then relative line-tos "l dx dy …" and "z", in whole units (about a
 * pixel, the simplification's own tolerance). Points are rounded before they are differenced, so a border two
 * municipalities share lands on the same pixels in both; a point that rounds onto the previous one is left
 * out, as is a closed ring's repeated first point ("z" closes it), and a ring that shrinks below three
 * points is left out.
 */
export function ringsPath(rings: Position[][]): string {
	const parts: string[] = [];
	for (const ring of rings) {
		const points: Position[] = [];
		for (const [x, y] of ring) {
			const point: Position = [Math.round(x), Math.round(y)];
			const last = points.at(-1);
			if (!last || last[0] !== point[0] || last[1] !== point[1]) points.push(point);
		}
		// "z" draws the way back to the start, so a closed ring need not repeat its first point.
		const [start, end] = [points[0], points.at(-1)];
		if (points.length > 3 && start![0] === end![0] && start![1] === end![1]) points.pop();
		if (points.length < 3) continue;
		const [first, ...rest] = points as [Position, ...Position[]];
		let previous = first;
		let steps = '';
		for (const point of rest) {
			steps += joined(steps, point[0] - previous[0]);
			steps += joined(steps, point[1] - previous[1]);
			previous = point;
		}
		parts.push(`M${first[0]} ${first[1]}l${steps}z`);
	}
	return parts.join('');
}

/** A number added to a list of numbers: a minus sign separates it by itself, otherwise a space does. */
function joined(list: string, value: number): string {
	const text = String(value);
	return list === '' || text.startsWith('-') ? text : ` ${text}`;
}
