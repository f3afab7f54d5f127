// The period of the inclusion pages: a first and a last school year from the query string (?van=2025&tot=2026),
// by default the current school year alone; at most ten school years, as inclusion_figures() accepts.
import { parseSchoolYear } from './school-year';

export const MAX_PERIOD_YEARS = 10;

export type Period = { first: number; last: number };

/**
 * The period a query string asks for, or the default with `invalid` set when it names a bad one (a year
 * that is not one, the first after the last, more than ten years). Missing parameters take the current year.
 */
export function parsePeriod(
	params: URLSearchParams,
	currentYear: number
): Period & { invalid: boolean } {
	const rawFirst = params.get('van');
	const rawLast = params.get('tot');
	const first = rawFirst === null || rawFirst === '' ? currentYear : parseSchoolYear(rawFirst);
	const last =
		rawLast === null || rawLast === '' ? (first ?? currentYear) : parseSchoolYear(rawLast);
	if (
		first === undefined ||
		last === undefined ||
		first > last ||
		last - first >= MAX_PERIOD_YEARS
	) {
		return { first: currentYear, last: currentYear, invalid: true };
	}
	return { first, last, invalid: false };
}

/** The school years a period form offers: ten back from the current one and one ahead, newest first. */
export function periodChoices(currentYear: number): number[] {
	return Array.from({ length: 12 }, (_, i) => currentYear + 1 - i);
}
