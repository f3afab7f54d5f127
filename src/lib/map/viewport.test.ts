import { describe, expect, it } from 'vitest';
import {
	MAX_ZOOM,
	fitView,
	panView,
	pixelScale,
	toMapPoint,
	viewOfBox,
	zoomOf,
	zoomView
} from './viewport';

const map = { width: 800, height: 400 };

describe('fitView', () => {
	it('shows the whole map, centred, in a taller frame', () => {
		expect(fitView(map, 4 / 3)).toEqual({ x: 0, y: -100, width: 800, height: 600 });
	});

	it('shows the whole map, centred, in a wider frame', () => {
		expect(fitView(map, 4)).toEqual({ x: -400, y: 0, width: 1600, height: 400 });
	});
});

describe('zoomView', () => {
	const fitted = fitView(map, 2);

	it('keeps the anchor where it is on screen', () => {
		const anchor: [number, number] = [200, 100];
		const zoomed = zoomView(fitted, 2, anchor, map);
		expect(zoomed.width).toBe(400);
		expect(zoomed.height).toBe(200);
		// The anchor was a quarter across and a quarter down; it still is.
		expect((anchor[0] - zoomed.x) / zoomed.width).toBeCloseTo(0.25);
		expect((anchor[1] - zoomed.y) / zoomed.height).toBeCloseTo(0.25);
		expect(zoomOf(zoomed, map)).toBe(2);
	});

	it('stops at the closest zoom and at the whole map', () => {
		const closest = zoomView(fitted, 1000, [400, 200], map);
		expect(zoomOf(closest, map)).toBe(MAX_ZOOM);
		expect(zoomView(closest, 1 / 1000, [10, 10], map)).toEqual(fitted);
	});
});

describe('panView', () => {
	it('moves the view and keeps its centre over the map', () => {
		const zoomed = zoomView(fitView(map, 2), 4, [400, 200], map);
		expect(panView(zoomed, 50, -20, map)).toMatchObject({ x: zoomed.x + 50, y: zoomed.y - 20 });
		const far = panView(zoomed, 10_000, 10_000, map);
		expect(far.x + far.width / 2).toBe(800);
		expect(far.y + far.height / 2).toBe(400);
	});
});

describe('viewOfBox', () => {
	it('frames a box with a margin in the frame’s aspect', () => {
		const view = viewOfBox([100, 100, 140, 120], 2, map, 10);
		// 40 × 20 plus 10 on each side is 60 × 40; at 2:1 that takes 80 × 40.
		expect(view).toEqual({ x: 80, y: 90, width: 80, height: 40 });
	});

	it('does not zoom closer than the limit for a box on one spot', () => {
		const view = viewOfBox([300, 200, 300, 200], 2, map, 0);
		expect(zoomOf(view, map)).toBe(MAX_ZOOM);
		expect(view.x + view.width / 2).toBe(300);
	});
});

describe('pixels and map units', () => {
	it('turns a pixel of the element into map units and back', () => {
		const view = { x: 100, y: 50, width: 200, height: 100 };
		expect(pixelScale(view, 400)).toBe(2);
		expect(toMapPoint(view, [200, 50], { width: 400, height: 200 })).toEqual([200, 75]);
	});
});
