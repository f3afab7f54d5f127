// The school year the coverage pages show: from ?schooljaar=, one of the current one and the three before it;
// an unknown one falls back to the current year and says so next to its field.
import { m } from '$lib/paraglide/messages';
import { todayInBelgium } from '$lib/public/format';
import { parseSchoolYear, schoolYearOf } from '$lib/school-year';

/**
 * How many school years back the form offers (the current one and these before it). The database keeps
 * coverage_overview()'s answer for the same years and the next (20261213000000_coverage_overview_kept.sql).
 */
const YEARS_BACK = 3;

export function chosenSchoolYear(url: URL): {
	year: number;
	years: number[];
	yearError: string | null;
} {
	const currentYear = schoolYearOf(todayInBelgium());
	const years = Array.from({ length: YEARS_BACK + 1 }, (_, i) => currentYear - i);
	const param = url.searchParams.get('schooljaar');
	const parsed = param === null || param === '' ? currentYear : parseSchoolYear(param);
	const year = parsed !== undefined && years.includes(parsed) ? parsed : currentYear;
	return { year, years, yearError: year === parsed ? null : m.cv_error_year() };
}
