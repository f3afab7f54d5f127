// The search page's map: the base map of municipalities (built once per process) and results as points.
import topology from './map/belgium-municipalities-2025.topo.json';
import { buildBaseMap, type Topology } from './map';
import type { SearchHit } from './results';

export type MapPoint = {
	id: string;
	x: number;
	y: number;
	title: string;
	/** The kind of result, as the list shows it ("Activiteit"). */
	kind: string;
	place: string;
	path: string;
};
/** A municipality's name and where it goes; `area` decides from which zoom on it is shown. */
export type MapPlace = { name: string; x: number; y: number; area: number; landmark: boolean };
export type ResultMap = { width: number; height: number; points: MapPoint[]; places: MapPlace[] };

/** The cities named on the map before any zoom (2025 NIS codes). */
const LANDMARKS = new Set([
	'11002', // Antwerpen
	'44021', // Gent
	'31005', // Brugge
	'24062', // Leuven
	'71072', // Hasselt
	'21004', // Brussel
	'34022', // Kortrijk
	'35013', // Oostende
	'12025', // Mechelen
	'13040' // Turnhout
]);

let base: ReturnType<typeof buildBaseMap> | null = null;

function baseMap() {
	base ??= buildBaseMap(topology as unknown as Topology);
	return base;
}

let places: MapPlace[] | null = null;

/** Every municipality's name at its label point, rounded to a tenth of a unit (a few kilobytes). */
function mapPlaces(): MapPlace[] {
	places ??= baseMap().shapes.map((shape) => ({
		name: shape.name,
		x: Math.round(shape.anchor[0] * 10) / 10,
		y: Math.round(shape.anchor[1] * 10) / 10,
		area: Math.round(shape.area),
		landmark: LANDMARKS.has(shape.nis)
	}));
	return places;
}

let svg: string | null = null;

/**
 * The municipalities as a standalone SVG document, served once and cached by browsers: a results page then
 * carries only its points, in the same view box.
 */
export function baseMapSvg(): string {
	if (svg) return svg;
	const { width, height, shapes } = baseMap();
	const paths = shapes.map((shape) => `<path d="${shape.d}"/>`).join('');
	svg =
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
		`<g fill="#f5f5f4" stroke="#a8a29e" stroke-width="0.6" stroke-linejoin="round">${paths}</g></svg>`;
	return svg;
}

/** The results with a location, projected into the base map's view box. */
export function resultMap(hits: readonly SearchHit[]): ResultMap {
	const { width, height, projection } = baseMap();
	const points = hits.flatMap((hit) => {
		if (!hit.geo) return [];
		const [x, y] = projection.project(hit.geo.lng, hit.geo.lat);
		if (x < 0 || y < 0 || x > width || y > height) return [];
		return [
			{
				id: hit.id,
				x: Math.round(x * 10) / 10,
				y: Math.round(y * 10) / 10,
				title: hit.title,
				kind: hit.typeName,
				place: hit.municipality ?? '',
				path: hit.path
			}
		];
	});
	return { width, height, points, places: mapPlaces() };
}
