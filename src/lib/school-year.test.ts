import { describe, expect, it } from 'vitest';
import {
	parseSchoolYear,
	schoolYearBounds,
	schoolYearLabel,
	schoolYearOf,
	schoolYearsLabel
} from './school-year';

describe('school years', () => {
	it('start on 1 September and end on 31 August', () => {
		expect(schoolYearOf('2026-08-31')).toBe(2025);
		expect(schoolYearOf('2026-09-01')).toBe(2026);
		expect(schoolYearOf('2027-01-15')).toBe(2026);
		expect(schoolYearOf(new Date('2026-12-02T05:00:00Z'))).toBe(2026);
		expect(schoolYearBounds(2026)).toEqual({ from: '2026-09-01', to: '2027-08-31' });
		expect(schoolYearLabel(2026)).toBe('2026–2027');
		expect(schoolYearsLabel(2026, 2026)).toBe('2026–2027');
		expect(schoolYearsLabel(2024, 2026)).toBe('2024–2025 – 2026–2027');
	});

	it('are read from a query parameter, or not at all', () => {
		expect(parseSchoolYear('2026')).toBe(2026);
		expect(parseSchoolYear('2026-2027')).toBe(2026);
		expect(parseSchoolYear('2026–2027')).toBe(2026);
		expect(parseSchoolYear('2026-2028')).toBeUndefined();
		expect(parseSchoolYear('1999')).toBeUndefined();
		expect(parseSchoolYear('twintig')).toBeUndefined();
		expect(parseSchoolYear(null)).toBeUndefined();
	});
});
