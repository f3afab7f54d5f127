// "Nearby" on municipality pages: great-circle distance between points, a bounding box to ask the database
// for candidates only, and nearest-first ordering within a radius.

export type Point = { lat: number; lng: number };

const EARTH_RADIUS_KM = 6371;
const KM_PER_DEGREE_LAT = (Math.PI * EARTH_RADIUS_KM) / 180;

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Haversine distance in kilometres. */
export function distanceKm(a: Point, b: Point): number {
	const dLat = radians(b.lat - a.lat);
	const dLng = radians(b.lng - a.lng);
	const h =
		Math.sin(dLat / 2) ** 2 +
		Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLng / 2) ** 2;
	return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export type BoundingBox = { minLat: number; maxLat: number; minLng: number; maxLng: number };

/** The smallest lat/lng box that holds every point within `radiusKm` of `center`. */
export function boundingBox(center: Point, radiusKm: number): BoundingBox {
	const dLat = radiusKm / KM_PER_DEGREE_LAT;
	// Widest at the edge nearest the pole, where a degree of longitude is shortest.
	const edgeLat = Math.min(89, Math.abs(center.lat) + dLat);
	const dLng = radiusKm / (KM_PER_DEGREE_LAT * Math.cos(radians(edgeLat)));
	return {
		minLat: center.lat - dLat,
		maxLat: center.lat + dLat,
		minLng: center.lng - dLng,
		maxLng: center.lng + dLng
	};
}

/**
 * Items within `radiusKm` of `center`, nearest first (ties by name), each with its distance.
 * Items without a point are left out.
 */
export function nearestFirst<T extends { lat: number | null; lng: number | null; name: string }>(
	items: readonly T[],
	center: Point,
	radiusKm: number,
	limit = Infinity
): (T & { distanceKm: number })[] {
	return items
		.flatMap((item) =>
			item.lat === null || item.lng === null
				? []
				: [{ ...item, distanceKm: distanceKm(center, { lat: item.lat, lng: item.lng }) }]
		)
		.filter((item) => item.distanceKm <= radiusKm)
		.sort((a, b) => a.distanceKm - b.distanceKm || a.name.localeCompare(b.name, 'nl'))
		.slice(0, limit);
}
