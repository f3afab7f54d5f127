import { formatDateTimeIn, formatNumberIn } from '$lib/locale-format';
import { overwriteGetLocale } from '$lib/paraglide/runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	formatAgeRange,
	formatDate,
	formatDateRange,
	formatDateTime,
	formatDayOf,
	formatDistance,
	formatNumber,
	formatPrice,
	formatSessions,
	formatTime,
	formatTimeRange,
	todayInBelgium
} from './format';

let locale: 'nl' | 'en' = 'nl';
beforeEach(() => {
	locale = 'nl';
	overwriteGetLocale(() => locale);
});
afterEach(() => {
	locale = 'nl';
});

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

	it('writes a date asked again with other options or a timestamp as those ask', () => {
		// Written dates are remembered (locale-format.js); each way of asking has its own text.
		expect(formatDate('2026-07-06', { year: false })).toBe('ma 6 juli');
		expect(formatDate('2026-07-06')).toBe('ma 6 juli 2026');
		expect(formatDate('2026-07-06T23:30:00+00:00', { year: false })).toBe('ma 6 juli');
		expect(formatDate('2026-07-06', { year: false })).toBe('ma 6 juli');
	});

	it("knows today's date in Belgium, also just after midnight there", () => {
		expect(todayInBelgium(new Date('2026-03-04T22:30:00Z'))).toBe('2026-03-04');
		expect(todayInBelgium(new Date('2026-03-04T23:30:00Z'))).toBe('2026-03-05');
		expect(todayInBelgium(new Date('2026-07-04T22:30:00Z'))).toBe('2026-07-05');
	});

	it("changes today's date on the hour of Belgium's midnight (its dates are kept by UTC hour)", () => {
		// Winter (UTC+1) and summer (UTC+2): the last millisecond of a day, then the first of the next.
		expect(todayInBelgium(new Date('2026-03-04T22:59:59.999Z'))).toBe('2026-03-04');
		expect(todayInBelgium(new Date('2026-03-04T23:00:00.000Z'))).toBe('2026-03-05');
		expect(todayInBelgium(new Date('2026-07-04T21:59:59.999Z'))).toBe('2026-07-04');
		expect(todayInBelgium(new Date('2026-07-04T22:00:00.000Z'))).toBe('2026-07-05');
		expect(() => todayInBelgium(new Date('not a date'))).toThrow(RangeError);
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
		expect(formatDistance(12.04)).toBe('12 km');
		expect(formatDistance(2.96)).toBe('3 km');
		expect(formatDistance(1250.26)).toBe('1.250,3 km');
		expect(formatDistance(0.4)).toBe('< 1 km');
	});
});

describe('times, one format in both languages', () => {
	it('writes clock times and moments as 13:30, 24 hours with a colon', () => {
		for (const reader of ['nl', 'en'] as const) {
			locale = reader;
			expect(formatTime('13:30:00')).toBe('13:30');
			expect(formatTime('9:05')).toBe('09:05');
			expect(formatTimeRange('13:30:00', '16:00:00')).toBe('13:30–16:00');
			// 12:30 UTC is 13:30 in Brussels in winter, 14:30 in summer.
			expect(formatTime('2027-01-09T12:30:00Z')).toBe('13:30');
			expect(formatTime('2027-07-09T12:30:00Z')).toBe('14:30');
		}
	});

	it('writes the day a moment falls on in Belgium', () => {
		expect(formatDayOf('2027-01-09T23:30:00Z')).toBe('zo 10 januari 2027');
		locale = 'en';
		expect(formatDayOf('2027-01-09T12:00:00Z')).toBe('Sat 9 January 2027');
	});

	it('writes a moment with its date in Belgian time', () => {
		expect(formatDateTime('2027-01-09T12:30:00Z')).toBe('za 9 januari 2027 om 13:30');
		// Just before midnight UTC it is already the next day in Brussels.
		expect(formatDateTime('2027-01-09T23:30:00Z')).toBe('zo 10 januari 2027 om 00:30');
		locale = 'en';
		expect(formatDateTime('2027-01-09T12:30:00Z')).toBe('Sat 9 January 2027 at 13:30');
	});
});

describe('in English', () => {
	beforeEach(() => {
		locale = 'en';
	});

	it('writes dates without a Dutch word, and never moves a calendar date', () => {
		expect(formatDate('2027-01-09')).toBe('Sat 9 January 2027');
		expect(formatDate('2026-01-01')).toBe('Thu 1 January 2026');
		expect(formatDateRange('2026-07-06', '2026-07-10')).toBe('Mon 6 July – Fri 10 July 2026');
		expect(formatDateRange('2026-09-01', '2027-06-30')).toBe(
			'Tue 1 September 2026 – Wed 30 June 2027'
		);
	});

	it('writes numbers, prices and distances the English way', () => {
		expect(formatNumber(1250.5)).toBe('1,250.5');
		expect(formatPrice(1250)).toBe('€1,250.00');
		expect(formatPrice(0)).toBe('free');
		expect(formatDistance(3.456)).toBe('3.5 km');
		expect(formatAgeRange(8, 12)).toBe('8 to 12 years');
	});
});

describe('numbers in Dutch', () => {
	it('groups thousands with a point and uses a decimal comma', () => {
		expect(formatNumber(1250.5)).toBe('1.250,5');
		expect(formatDate('2027-01-09')).toBe('za 9 januari 2027');
	});
});

describe('numbers asked again', () => {
	it('are written for their language and options each time', () => {
		// Written numbers are remembered (locale-format.js) by language, options and value.
		const tenths = { maximumFractionDigits: 1 };
		expect(formatNumberIn(1250.25, 'nl', tenths)).toBe('1.250,3');
		expect(formatNumberIn(1250.25, 'en', tenths)).toBe('1,250.3');
		expect(formatNumberIn(1250.25, 'nl', { maximumFractionDigits: 2 })).toBe('1.250,25');
		expect(formatNumberIn(-0, 'nl', { minimumFractionDigits: 1 })).toBe('-0,0');
		expect(formatNumberIn(0, 'nl', { minimumFractionDigits: 1 })).toBe('0,0');
	});
});

describe('moments asked again', () => {
	it('are written for their language and options each time', () => {
		// Written moments are remembered (locale-format.js) by moment, language and options.
		const moment = '2027-01-09T12:30:00Z';
		expect(formatDateTimeIn(moment, 'nl')).toBe('za 9 januari 2027 om 13:30');
		expect(formatDateTimeIn(moment, 'en')).toBe('Sat 9 January 2027 at 13:30');
		expect(formatDateTimeIn(moment, 'nl', { year: false })).toBe('za 9 januari om 13:30');
		expect(formatDateTimeIn(moment, 'nl', { month: 'short' })).toBe('za 9 jan 2027 om 13:30');
		expect(formatDateTimeIn(moment, 'nl', { weekday: 'long' })).toBe(
			'zaterdag 9 januari 2027 om 13:30'
		);
		expect(formatDateTimeIn(new Date(moment), 'nl')).toBe('za 9 januari 2027 om 13:30');
		expect(formatTime(moment)).toBe('13:30');
		expect(formatTime('2027-07-09T12:30:00Z')).toBe('14:30');
	});
});

describe('whole numbers below a thousand', () => {
	it('read as Intl writes them, in both languages', () => {
		for (const locale of ['nl', 'en'] as const) {
			const intl = new Intl.NumberFormat(locale === 'nl' ? 'nl-BE' : 'en-GB');
			for (const value of [0, 1, 7, 42, 304, 999, 1000, 12500, -3, -0, 2.5]) {
				expect(formatNumberIn(value, locale), `${locale} ${value}`).toBe(intl.format(value));
			}
			expect(formatNumberIn(5, locale, { minimumFractionDigits: 1 })).toBe(
				new Intl.NumberFormat(intl.resolvedOptions().locale, { minimumFractionDigits: 1 }).format(5)
			);
		}
	});
});
