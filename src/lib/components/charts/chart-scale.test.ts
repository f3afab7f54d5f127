import { describe, expect, it } from 'vitest';
import { scaleMax, widthPct } from './chart-scale';

describe('scaleMax', () => {
	it('is the largest value, or the target when that is larger, or the given maximum', () => {
		expect(scaleMax([3, 9, 4])).toBe(9);
		expect(scaleMax([30, 20], 50)).toBe(50);
		expect(scaleMax([30, 20], 50, 100)).toBe(100);
	});

	it('is at least 1, so empty or zero rows draw no bars instead of dividing by zero', () => {
		expect(scaleMax([])).toBe(1);
		expect(scaleMax([0, 0])).toBe(1);
	});
});

describe('widthPct', () => {
	it('is the value’s share of the width, capped at 100', () => {
		expect(widthPct(9, 9)).toBe(100);
		expect(widthPct(1, 3)).toBe(33.33);
		expect(widthPct(12, 10)).toBe(100);
	});

	it('draws nothing for zero, negative or missing values', () => {
		expect(widthPct(0, 10)).toBe(0);
		expect(widthPct(-1, 10)).toBe(0);
		expect(widthPct(Number.NaN, 10)).toBe(0);
	});
});
