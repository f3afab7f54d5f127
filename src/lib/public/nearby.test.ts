import { describe, expect, it } from 'vitest';
import { boundingBox, distanceKm, nearestFirst } from './nearby';

const gent = { lat: 51.0543, lng: 3.7174 };
const antwerpen = { lat: 51.2194, lng: 4.4025 };
const merelbeke = { lat: 51.0, lng: 3.75 };

describe('distanceKm', () => {
	it('measures great-circle distances', () => {
		expect(distanceKm(gent, antwerpen)).toBeGreaterThan(50);
		expect(distanceKm(gent, antwerpen)).toBeLessThan(52);
		expect(distanceKm(gent, gent)).toBe(0);
		expect(distanceKm(gent, antwerpen)).toBeCloseTo(distanceKm(antwerpen, gent), 9);
	});
});

describe('boundingBox', () => {
	it('holds every point within the radius, in all directions', () => {
		const box = boundingBox(gent, 15);
		for (let bearing = 0; bearing < 360; bearing += 15) {
			// A point just inside 15 km in this direction.
			const rad = (bearing * Math.PI) / 180;
			const point = {
				lat: gent.lat + (14.99 / 111.19) * Math.cos(rad),
				lng: gent.lng + (14.99 / (111.19 * Math.cos((gent.lat * Math.PI) / 180))) * Math.sin(rad)
			};
			expect(distanceKm(gent, point)).toBeLessThanOrEqual(15.1);
			expect(point.lat).toBeGreaterThanOrEqual(box.minLat);
			expect(point.lat).toBeLessThanOrEqual(box.maxLat);
			expect(point.lng).toBeGreaterThanOrEqual(box.minLng);
			expect(point.lng).toBeLessThanOrEqual(box.maxLng);
		}
	});

	it('is small: about 0.27° of latitude and 0.43° of longitude in Flanders', () => {
		const box = boundingBox(gent, 15);
		expect(box.maxLat - box.minLat).toBeCloseTo(0.27, 2);
		expect(box.maxLng - box.minLng).toBeGreaterThan(0.42);
		expect(box.maxLng - box.minLng).toBeLessThan(0.44);
	});
});

describe('nearestFirst', () => {
	it('keeps items within the radius, nearest first, ties by name, with their distance', () => {
		const items = [
			{ name: 'Antwerpen', ...antwerpen },
			{ name: 'Zelfde plek', ...merelbeke },
			{ name: 'Merelbeke', ...merelbeke },
			{ name: 'Gent', ...gent },
			{ name: 'Onbekend', lat: null, lng: null }
		];
		const result = nearestFirst(items, gent, 15);
		expect(result.map((item) => item.name)).toEqual(['Gent', 'Merelbeke', 'Zelfde plek']);
		expect(result[1]?.distanceKm).toBeCloseTo(6.4, 0);
	});

	it('stops at the limit', () => {
		const items = [
			{ name: 'b', ...gent },
			{ name: 'a', ...gent }
		];
		expect(nearestFirst(items, gent, 15, 1).map((item) => item.name)).toEqual(['a']);
	});
});
