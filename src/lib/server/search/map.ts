// An SVG map of the Flemish and Brussels municipalities, drawn from the TopoJSON of 2025's municipalities
// (decoded here: delta-encoded, quantized arcs), in an equirectangular projection scaled by cos(50.5°).
// The paths are built once per process, with coordinates rounded to whole units of the view box.

export type Topology = {
	type: 'Topology';
	transform?: { scale: [number, number]; translate: [number, number] };
	arcs: [number, number][][];
	objects: Record<
		string,
		{
			type: 'GeometryCollection';
			geometries: {
				type: 'Polygon' | 'MultiPolygon' | null;
				arcs?: number[][] | number[][][];
				properties?: { nis?: string; name_nl?: string; region?: string };
			}[];
		}
	>;
};

export type Projection = {
	width: number;
	height: number;
	/** [x, y] in the view box for a longitude and latitude. */
	project: (lng: number, lat: number) => [number, number];
};

export type MunicipalityShape = {
	nis: string;
	name: string;
	d: string;
	/** Where its name goes: the centroid of its largest ring, in view-box units. */
	anchor: [number, number];
	/** The area of that ring in square view-box units: bigger places get their name at a lower zoom. */
	area: number;
};
export type BaseMap = { width: number; height: number; shapes: MunicipalityShape[] };

const COS_LAT = Math.cos((50.5 * Math.PI) / 180);

/** The arcs as absolute [longitude, latitude] points (undoing the delta encoding and quantization). */
export function decodeArcs(topology: Topology): [number, number][][] {
	const transform = topology.transform;
	return topology.arcs.map((arc) => {
		if (!transform) return arc.map(([x, y]) => [x, y] as [number, number]);
		let x = 0;
		let y = 0;
		return arc.map(([dx, dy]) => {
			x += dx;
			y += dy;
			return [
				x * transform.scale[0] + transform.translate[0],
				y * transform.scale[1] + transform.translate[1]
			] as [number, number];
		});
	});
}

/** A ring from arc indexes; a negative index ~i is arc i reversed. Shared end points appear once. */
export function ringPoints(arcIndexes: number[], arcs: [number, number][][]): [number, number][] {
	const ring: [number, number][] = [];
	for (const index of arcIndexes) {
		const arc = index >= 0 ? arcs[index] : arcs[~index]?.slice().reverse();
		if (!arc) continue;
		arc.forEach((point, position) => {
			if (position > 0 || ring.length === 0) ring.push(point);
		});
	}
	return ring;
}

/** Equirectangular, x scaled by cos(50.5°), fitted to `width` around a [minLng, minLat, maxLng, maxLat] box. */
export function createProjection(
	box: [number, number, number, number],
	width: number,
	margin = 4
): Projection {
	const [minLng, minLat, maxLng, maxLat] = box;
	const scale = (width - 2 * margin) / ((maxLng - minLng) * COS_LAT);
	const height = Math.ceil((maxLat - minLat) * scale + 2 * margin);
	return {
		width,
		height,
		project: (lng, lat) => [
			(lng - minLng) * COS_LAT * scale + margin,
			(maxLat - lat) * scale + margin
		]
	};
}

/** A number after another in a path: a minus sign separates on its own, a plus needs a space. */
function joined(value: number, first: boolean): string {
	return value < 0 || first ? String(value) : ` ${value}`;
}

/** A ring as a compact path: an absolute start, then relative whole-unit steps, repeated points dropped. */
export function ringPath(points: [number, number][], projection: Projection): string {
	let path = '';
	let previous: [number, number] | null = null;
	for (const [lng, lat] of points) {
		const [px, py] = projection.project(lng, lat);
		const x = Math.round(px);
		const y = Math.round(py);
		if (!previous) {
			path = `M${x} ${y}l`;
		} else if (x !== previous[0] || y !== previous[1]) {
			path += joined(x - previous[0], path.endsWith('l')) + joined(y - previous[1], false);
		} else {
			continue;
		}
		previous = [x, y];
	}
	if (path === '') return '';
	return path.endsWith('l') ? `${path.slice(0, -1)}z` : `${path}z`;
}

/**
 * Douglas–Peucker on one arc in view-box units: drops points closer than `tolerance` to the line between
 * the kept ones. Arcs are shared by neighbours, so simplifying arcs (not rings) keeps borders matching.
 */
export function simplify(points: [number, number][], tolerance: number): [number, number][] {
	if (points.length <= 2) return points;
	const keep = new Uint8Array(points.length);
	keep[0] = 1;
	keep[points.length - 1] = 1;
	const stack: [number, number][] = [[0, points.length - 1]];
	while (stack.length > 0) {
		const [first, last] = stack.pop() as [number, number];
		const [ax, ay] = points[first] as [number, number];
		const [bx, by] = points[last] as [number, number];
		const length = Math.hypot(bx - ax, by - ay);
		let farthest = -1;
		let distance = tolerance;
		for (let i = first + 1; i < last; i++) {
			const [px, py] = points[i] as [number, number];
			const d =
				length === 0
					? Math.hypot(px - ax, py - ay)
					: Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length;
			if (d > distance) {
				distance = d;
				farthest = i;
			}
		}
		if (farthest >= 0) {
			keep[farthest] = 1;
			stack.push([first, farthest], [farthest, last]);
		}
	}
	return points.filter((_, i) => keep[i] === 1);
}

/** The centroid and area of a closed ring (shoelace formula); a degenerate ring gives its first point. */
export function ringCentroid(points: [number, number][]): {
	centroid: [number, number];
	area: number;
} {
	let twiceArea = 0;
	let cx = 0;
	let cy = 0;
	for (let i = 0; i < points.length; i++) {
		const [ax, ay] = points[i] as [number, number];
		const [bx, by] = points[(i + 1) % points.length] as [number, number];
		const cross = ax * by - bx * ay;
		twiceArea += cross;
		cx += (ax + bx) * cross;
		cy += (ay + by) * cross;
	}
	if (twiceArea === 0) return { centroid: points[0] ?? [0, 0], area: 0 };
	return { centroid: [cx / (3 * twiceArea), cy / (3 * twiceArea)], area: Math.abs(twiceArea) / 2 };
}

type Geometry = Topology['objects'][string]['geometries'][number];

function polygonsOf(geometry: Geometry): number[][][] {
	if (geometry.type === 'Polygon') return [geometry.arcs as number[][]];
	if (geometry.type === 'MultiPolygon') return geometry.arcs as number[][][];
	return [];
}

/** The municipalities of the given regions as SVG paths, fitted to `width`. */
export function buildBaseMap(
	topology: Topology,
	{
		regions = ['VLG', 'BRU'],
		width = 800,
		tolerance = 0.6
	}: { regions?: readonly string[]; width?: number; tolerance?: number } = {}
): BaseMap & { projection: Projection } {
	const arcs = decodeArcs(topology);
	const object = Object.values(topology.objects)[0];
	const geometries = (object?.geometries ?? []).filter((geometry) =>
		regions.includes(geometry.properties?.region ?? '')
	);

	const used = new Set<number>();
	for (const geometry of geometries) {
		for (const polygon of polygonsOf(geometry)) {
			for (const ring of polygon) for (const index of ring) used.add(index < 0 ? ~index : index);
		}
	}
	const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const index of used) {
		for (const [lng, lat] of arcs[index] ?? []) {
			box[0] = Math.min(box[0], lng);
			box[1] = Math.min(box[1], lat);
			box[2] = Math.max(box[2], lng);
			box[3] = Math.max(box[3], lat);
		}
	}
	const projection = createProjection(box, width);

	// Project and simplify every arc once; rings are then stitched from view-box points.
	const projected = arcs.map((arc, index) =>
		used.has(index)
			? simplify(
					arc.map(([lng, lat]) => projection.project(lng, lat)),
					tolerance
				)
			: []
	);
	const identity: Projection = { ...projection, project: (x, y) => [x, y] };
	const shapes = geometries.map((geometry) => {
		const polygons = polygonsOf(geometry);
		// The outer ring of each polygon; the largest one carries the name.
		const outer = polygons.flatMap((polygon) =>
			polygon[0] ? [ringCentroid(ringPoints(polygon[0], projected))] : []
		);
		const largest = outer.reduce((best, ring) => (ring.area > best.area ? ring : best), {
			centroid: [0, 0] as [number, number],
			area: -1
		});
		return {
			nis: geometry.properties?.nis ?? '',
			name: geometry.properties?.name_nl ?? '',
			d: polygons
				.flatMap((polygon) =>
					polygon.map((ring) => ringPath(ringPoints(ring, projected), identity))
				)
				.join(''),
			anchor: largest.centroid,
			area: Math.max(largest.area, 0)
		};
	});
	return { width: projection.width, height: projection.height, shapes, projection };
}
