// Which municipality names the map shows at a zoom: bigger places first, only inside the view, and none
// that would overlap a name already placed (boxes estimated from the name's length, in pixels).

import type { View } from './viewport';

export type Place = { name: string; x: number; y: number; area: number; landmark: boolean };

/** A name's box on screen: about 0.55 em a character, 1.2 em high, centred on its point. */
function boxOf(place: Place, view: View, scale: number, fontSize: number) {
	const width = place.name.length * fontSize * 0.55;
	const height = fontSize * 1.2;
	const cx = (place.x - view.x) * scale;
	const cy = (place.y - view.y) * scale;
	return [cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2] as const;
}

/**
 * The names to draw: landmarks always, others once their municipality is at least `minPixels` square
 * pixels on screen; `scale` is pixels per map unit.
 */
export function visibleLabels(
	places: readonly Place[],
	view: View,
	scale: number,
	{ fontSize = 12, minPixels = 2500 }: { fontSize?: number; minPixels?: number } = {}
): Place[] {
	const inView = places.filter(
		(place) =>
			place.x >= view.x &&
			place.x <= view.x + view.width &&
			place.y >= view.y &&
			place.y <= view.y + view.height &&
			(place.landmark || place.area * scale * scale >= minPixels)
	);
	inView.sort(
		(a, b) =>
			Number(b.landmark) - Number(a.landmark) || b.area - a.area || a.name.localeCompare(b.name)
	);
	const placed: (readonly [number, number, number, number])[] = [];
	const shown: Place[] = [];
	for (const place of inView) {
		const box = boxOf(place, view, scale, fontSize);
		const overlaps = placed.some(
			(other) => box[0] < other[2] && box[2] > other[0] && box[1] < other[3] && box[3] > other[1]
		);
		if (overlaps) continue;
		placed.push(box);
		shown.push(place);
	}
	return shown;
}
