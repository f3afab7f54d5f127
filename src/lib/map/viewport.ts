// The visible part of an SVG map as a view box in map units, and the pure steps that move it: fit, zoom
// around a point, pan, and zoom to a box. The zoom is the map's width over the view's width.

export type Size = { width: number; height: number };
export type View = { x: number; y: number; width: number; height: number };

export const MIN_ZOOM = 1;
export const MAX_ZOOM = 16;

/** The zoom of a view over a map: 1 shows the whole map's width. */
export function zoomOf(view: View, map: Size): number {
	return map.width / view.width;
}

/** Pixels per map unit when the view fills an element `pixelWidth` wide. */
export function pixelScale(view: View, pixelWidth: number): number {
	return pixelWidth / view.width;
}

/** The whole map inside a frame of the given aspect (width / height), centred. */
export function fitView(map: Size, aspect: number): View {
	const width = Math.max(map.width, map.height * aspect);
	const height = width / aspect;
	return { x: (map.width - width) / 2, y: (map.height - height) / 2, width, height };
}

/** Keeps the view's centre over the map, so panning never loses the map. */
function clampCentre(view: View, map: Size): View {
	const cx = Math.min(Math.max(view.x + view.width / 2, 0), map.width);
	const cy = Math.min(Math.max(view.y + view.height / 2, 0), map.height);
	return { ...view, x: cx - view.width / 2, y: cy - view.height / 2 };
}

/**
 * The view zoomed by `factor` (2 = twice as close) with `anchor` (map units) staying where it is on
 * screen; the zoom stays between MIN_ZOOM and MAX_ZOOM of the map's fitted view.
 */
export function zoomView(view: View, factor: number, anchor: [number, number], map: Size): View {
	const aspect = view.width / view.height;
	const fitted = fitView(map, aspect);
	const width = Math.min(
		Math.max(view.width / factor, fitted.width / MAX_ZOOM),
		fitted.width / MIN_ZOOM
	);
	const applied = view.width / width;
	const [ax, ay] = anchor;
	const next = {
		x: ax - (ax - view.x) / applied,
		y: ay - (ay - view.y) / applied,
		width,
		height: width / aspect
	};
	return width === fitted.width ? fitted : clampCentre(next, map);
}

/** The view moved by dx, dy map units. */
export function panView(view: View, dx: number, dy: number, map: Size): View {
	return clampCentre({ ...view, x: view.x + dx, y: view.y + dy }, map);
}

/** A view of the given aspect that shows the box with a margin (map units), within the zoom limits. */
export function viewOfBox(
	box: [number, number, number, number],
	aspect: number,
	map: Size,
	margin = 20
): View {
	const [minX, minY, maxX, maxY] = box;
	const fitted = fitView(map, aspect);
	const width = Math.min(
		Math.max(
			maxX - minX + 2 * margin,
			(maxY - minY + 2 * margin) * aspect,
			fitted.width / MAX_ZOOM
		),
		fitted.width
	);
	const height = width / aspect;
	return clampCentre(
		{ x: (minX + maxX) / 2 - width / 2, y: (minY + maxY) / 2 - height / 2, width, height },
		map
	);
}

/** A point in the element (pixels from its top left) as map units. */
export function toMapPoint(view: View, pixel: [number, number], element: Size): [number, number] {
	return [
		view.x + (pixel[0] / element.width) * view.width,
		view.y + (pixel[1] / element.height) * view.height
	];
}
