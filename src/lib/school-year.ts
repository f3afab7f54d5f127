// School years as Flemish schools count them: from 1 September to 31 August. A school year is named by the
// calendar year it starts in (2026 is 2026–2027); the database has the same rule in private.school_year_bounds.

/** The school year a day falls in: 2026-10-01 and 2027-08-31 are in 2026, 2027-09-01 is in 2027. */
export function schoolYearOf(day: Date | string): number {
	const iso = isoDay(day);
	const year = Number(iso.slice(0, 4));
	return Number(iso.slice(5, 7)) >= 9 ? year : year - 1;
}

/** First and last day (ISO dates) of the school year that starts in September of `startYear`. */
export function schoolYearBounds(startYear: number): { from: string; to: string } {
	return { from: `${startYear}-09-01`, to: `${startYear + 1}-08-31` };
}

/** "2026–2027": how people write a school year, in either language. */
export function schoolYearLabel(startYear: number): string {
	return `${startYear}–${startYear + 1}`;
}

/** "2025–2026" for one school year, "2024–2025 – 2026–2027" for a span of them. */
export function schoolYearsLabel(first: number, last: number): string {
	return first === last
		? schoolYearLabel(first)
		: `${schoolYearLabel(first)} – ${schoolYearLabel(last)}`;
}

/**
 * The school year a query parameter names ("2026" or "2026-2027"), or undefined when it names none or one
 * outside 2000–2100.
 */
export function parseSchoolYear(value: string | null | undefined): number | undefined {
	const match = /^(\d{4})(?:[-–](\d{4}))?$/.exec(value?.trim() ?? '');
	if (!match) return undefined;
	const start = Number(match[1]);
	if (match[2] !== undefined && Number(match[2]) !== start + 1) return undefined;
	return start >= 2000 && start <= 2100 ? start : undefined;
}

function isoDay(day: Date | string): string {
	return typeof day === 'string' ? day.slice(0, 10) : day.toISOString().slice(0, 10);
}
