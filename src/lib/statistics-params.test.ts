import { describe, expect, it } from 'vitest';
import {
	defaultPeriods,
	parseDay,
	parsePeriod,
	parseStatisticsQuery,
	StatisticsInputError
} from './statistics-params';

const query = (text: string) => new URLSearchParams(text);

describe('parseDay', () => {
	it('accepts real calendar days only', () => {
		expect(parseDay('2026-09-01')).toBe('2026-09-01');
		expect(parseDay('2028-02-29')).toBe('2028-02-29');
		expect(parseDay('2027-02-29')).toBeUndefined();
		expect(parseDay('2026-13-01')).toBeUndefined();
		expect(parseDay('1-9-2026')).toBeUndefined();
		expect(parseDay('1999-12-31')).toBeUndefined();
		expect(parseDay("2026-09-01' or 1=1")).toBeUndefined();
	});
});

describe('defaultPeriods', () => {
	it('is the previous and the current school year', () => {
		expect(defaultPeriods('2026-12-02')).toEqual([
			{ from: '2025-09-01', to: '2026-08-31' },
			{ from: '2026-09-01', to: '2027-08-31' }
		]);
		expect(defaultPeriods('2027-08-31')[1].from).toBe('2026-09-01');
	});
});

describe('parsePeriod', () => {
	const fallback = { from: '2026-09-01', to: '2027-08-31' };

	it('takes the given days and falls back for absent or empty ones', () => {
		expect(parsePeriod(query('van=2026-10-01&tot='), 'van', 'tot', fallback)).toEqual({
			from: '2026-10-01',
			to: '2027-08-31'
		});
	});

	it('names the parameter of a bad day or a reversed period', () => {
		expect(() => parsePeriod(query('van=gisteren'), 'van', 'tot', fallback)).toThrow(
			expect.objectContaining({ param: 'van' })
		);
		expect(() =>
			parsePeriod(query('van=2027-01-02&tot=2027-01-01'), 'van', 'tot', fallback)
		).toThrow(expect.objectContaining({ param: 'tot' }));
	});
});

describe('parseStatisticsQuery', () => {
	it('reads two periods and the filters', () => {
		const parsed = parseStatisticsQuery(
			query(
				'van1=2040-09-01&tot1=2041-08-31&provincie=Brussel&academie=8e0f0b1c-1d2e-4f3a-9b8c-7d6e5f4a3b2c'
			),
			'2026-12-02'
		);
		expect(parsed.periods[0]).toEqual({ from: '2040-09-01', to: '2041-08-31' });
		expect(parsed.periods[1]).toEqual({ from: '2026-09-01', to: '2027-08-31' });
		expect(parsed.province).toBe('Brussel');
		expect(parsed.academy).toBe('8e0f0b1c-1d2e-4f3a-9b8c-7d6e5f4a3b2c');
	});

	it('refuses an unknown province or a malformed academy', () => {
		expect(() => parseStatisticsQuery(query('provincie=Atlantis'), '2026-12-02')).toThrow(
			StatisticsInputError
		);
		expect(() => parseStatisticsQuery(query('academie=1'), '2026-12-02')).toThrow(
			expect.objectContaining({ param: 'academie' })
		);
	});
});
