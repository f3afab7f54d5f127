import { describe, expect, it } from 'vitest';
import { percentOf, withShares } from './statistics';

describe('percentOf', () => {
	it('writes a share of the total with 2 decimals, like the published tables', () => {
		// Published: Techniek 196 of 869 = 22,55 %; Natuur 5 of 869 = 0,58 %; Limburg 127 of 992 = 12,80 %.
		expect(percentOf(196, 869)).toBe(22.55);
		expect(percentOf(5, 869)).toBe(0.58);
		expect(percentOf(127, 992)).toBe(12.8);
		expect(percentOf(1210, 1866)).toBe(64.84);
	});

	it('rounds halves up, also where floating point would land just below', () => {
		expect(percentOf(1, 8)).toBe(12.5);
		expect(percentOf(1005, 100000)).toBe(1.01);
		expect(percentOf(2, 3)).toBe(66.67);
	});

	it('is 0 for an empty total and 100 for the whole', () => {
		expect(percentOf(0, 0)).toBe(0);
		expect(percentOf(7, 7)).toBe(100);
	});
});

describe('withShares', () => {
	it('gives each row its share of the rows’ total', () => {
		const rows = withShares([
			{ category: 'a', count: 1 },
			{ category: 'b', count: 3 }
		]);
		expect(rows).toEqual([
			{ category: 'a', count: 1, pct: 25 },
			{ category: 'b', count: 3, pct: 75 }
		]);
	});
});
