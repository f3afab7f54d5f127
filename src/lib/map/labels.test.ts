import { describe, expect, it } from 'vitest';
import { visibleLabels, type Place } from './labels';

const place = (name: string, x: number, y: number, area: number, landmark = false): Place => ({
	name,
	x,
	y,
	area,
	landmark
});

const places = [
	place('Gent', 100, 100, 150, true),
	place('Merelbeke', 101, 100.5, 40),
	place('Lochristi', 140, 100, 30),
	place('Brugge', 10, 10, 200, true)
];
const view = { x: 50, y: 50, width: 200, height: 100 };

describe('visibleLabels', () => {
	it('shows only landmarks when zoomed out', () => {
		expect(visibleLabels(places, view, 1).map((label) => label.name)).toEqual(['Gent']);
	});

	it('adds smaller places when zoomed in, skipping names that would overlap', () => {
		const names = visibleLabels(places, view, 10).map((label) => label.name);
		expect(names).toEqual(['Gent', 'Lochristi']);
	});

	it('leaves out places outside the view', () => {
		const names = visibleLabels(places, { x: 0, y: 0, width: 30, height: 30 }, 10).map(
			(label) => label.name
		);
		expect(names).toEqual(['Brugge']);
	});
});
