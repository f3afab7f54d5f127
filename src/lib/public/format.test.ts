import { describe, expect, it } from 'vitest';
import {
	formatAgeRange,
	formatDate,
	formatDateRange,
	formatDistance,
	formatPrice,
	formatSessions,
	todayInBelgium
} from './format';

const nbsp = '\u00a0';

describe('formatPrice', () => {
	it('writes euros the Belgian way, and 0 as free', () => {
		expect(formatPrice(45)).toBe(`€${nbsp}45,00`);
		expect(formatPrice('12.50')).toBe(`€${nbsp}12,50`);
		expect(formatPrice(1250)).toBe(`€${nbsp}1.250,00`);
		expect(formatPrice(0)).toBe('gratis');
		expect(formatPrice('0.00')).toBe('gratis');
	});
});

describe('formatAgeRange', () => {
	it('writes a range, a single age, or nothing', () => {
		expect(formatAgeRange(8, 12)).toBe('8 tot 12 jaar');
		expect(formatAgeRange(10, 10)).toBe('10 jaar');
		expect(formatAgeRange(null, null)).toBeNull();
	});
});

describe('dates', () => {
	it('writes a date with its weekday, without shifting it by the time zone', () => {
		expect(formatDate('2026-03-04')).toBe('wo 4 maart 2026');
		expect(formatDate('2026-01-01')).toBe('do 1 januari 2026');
	});

	it('writes a range compactly', () => {
		expect(formatDateRange('2026-03-04', '2026-03-04')).toBe('wo 4 maart 2026');
		expect(formatDateRange('2026-07-06', '2026-07-10')).toBe('ma 6 juli – vr 10 juli 2026');
		expect(formatDateRange('2026-09-01', '2027-06-30')).toBe(
			'di 1 september 2026 – wo 30 juni 2027'
		);
	});

	it("knows today's date in Belgium, also just after midnight there", () => {
		expect(todayInBelgium(new Date('2026-03-04T22:30:00Z'))).toBe('2026-03-04');
		expect(todayInBelgium(new Date('2026-03-04T23:30:00Z'))).toBe('2026-03-05');
		expect(todayInBelgium(new Date('2026-07-04T22:30:00Z'))).toBe('2026-07-05');
	});
});

describe('formatSessions and formatDistance', () => {
	it('counts sessions', () => {
		expect(formatSessions(1)).toBe('1 sessie');
		expect(formatSessions(12)).toBe('12 sessies');
	});

	it('writes distances in kilometres with a decimal comma', () => {
		expect(formatDistance(3.456)).toBe('3,5 km');
		expect(formatDistance(12)).toBe('12 km');
		expect(formatDistance(0.4)).toBe('< 1 km');
	});
});
