// The coverage map's shapes: every current Flemish and Brussels municipality as an SVG path, computed from
// the 2025 TopoJSON (a copy of ../shared/data, CC0) on first use and kept in memory.
import { outlineMarkup } from '$lib/components/coverage/map-markup';
import raw from './data/belgium-municipalities-2025.topo.json?raw';
import {
	boundsOf,
	decodeArc,
	fitProjection,
	geometryArcIndexes,
	geometryRings,
	ringsPath,
	simplifyLine,
	type Position,
	type Topology
} from './coverage-map';

/** The map's width in SVG units; the height follows from the area's shape. */
export const MAP_WIDTH = 1000;
/**
 * Detail below this many map units (about a pixel on a wide screen) is dropped: 1.2 keeps /dekking under
 * 65 500 characters (docs/benchmarks.md), where 0.8 did not.
 */
const TOLERANCE = 1.2;

/**
 * A municipality's outline as the `<path>` element the map writes (outlineMarkup()), its path data escaped
 * once here. Only the element: a client-side navigation to /dekking gets the shapes as data.
 */
export type MapShape = { nis: string; outline: string };
export type CoverageMap = { width: number; height: number; shapes: MapShape[] };

let cached: CoverageMap | undefined;

/** The paths of the municipalities of Flanders and Brussels, fitted to MAP_WIDTH. */
export function coverageMap(): CoverageMap {
	cached ??= build(JSON.parse(raw) as Topology);
	return cached;
}

function build(topology: Topology): CoverageMap {
	const collection = topology.objects.municipalities;
	if (!collection) throw new Error('The topology has no municipalities');
	const geometries = collection.geometries.filter((geometry) =>
		['VLG', 'BRU'].includes(String(geometry.properties?.region))
	);
	const used = new Set(geometries.flatMap(geometryArcIndexes));
	const lngLat: Position[][] = topology.arcs.map((_, index) =>
		used.has(index) ? decodeArc(topology, index) : []
	);
	const projection = fitProjection(boundsOf(lngLat), MAP_WIDTH);
	const arcs = lngLat.map((arc) => simplifyLine(arc.map(projection.project), TOLERANCE));
	return {
		width: projection.width,
		height: Math.ceil(projection.height),
		shapes: geometries.map((geometry) => ({
			nis: String(geometry.properties?.nis ?? geometry.id),
			outline: outlineMarkup(ringsPath(geometryRings(arcs, geometry)))
		}))
	};
}
