import { describe, expect, it } from 'vitest';
import { parsePeriod, periodChoices } from './inclusion-period';

const params = (query: string) => new URLSearchParams(query);

describe('parsePeriod', () => {
	it('defaults to the current school year', () => {
		expect(parsePeriod(params(''), 2026)).toEqual({ first: 2026, last: 2026, invalid: false });
	});

	it('reads a first and last year, also written as "2025-2026"', () => {
		expect(parsePeriod(params('van=2024&tot=2025-2026'), 2026)).toEqual({
			first: 2024,
			last: 2025,
			invalid: false
		});
	});

	it('takes the first year alone as a one-year period', () => {
		expect(parsePeriod(params('van=2023'), 2026)).toEqual({
			first: 2023,
			last: 2023,
			invalid: false
		});
	});

	it.each(['van=2026&tot=2025', 'van=2010&tot=2020', 'van=abc', 'tot=1999', 'van=2025-2027'])(
		'refuses %s and falls back to the current year',
		(query) => {
			expect(parsePeriod(params(query), 2026)).toEqual({ first: 2026, last: 2026, invalid: true });
		}
	);

	it('accepts ten school years but not eleven', () => {
		expect(parsePeriod(params('van=2017&tot=2026'), 2026).invalid).toBe(false);
		expect(parsePeriod(params('van=2016&tot=2026'), 2026).invalid).toBe(true);
	});
});

describe('periodChoices', () => {
	it('offers the next year and eleven before it, newest first', () => {
		const years = periodChoices(2026);
		expect(years[0]).toBe(2027);
		expect(years.at(-1)).toBe(2016);
		expect(years).toHaveLength(12);
	});
});
