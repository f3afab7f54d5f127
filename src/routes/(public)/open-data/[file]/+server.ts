// The open-data files (documented on /open-data): dekking, domeinen, formaten and provincies, each as .csv
// and .json with the same rows. Bad parameters answer 400 in plain text, Dutch and English.
import { m } from '$lib/paraglide/messages';
import { todayInBelgium } from '$lib/public/format';
import { parseSchoolYear, schoolYearBounds, schoolYearOf } from '$lib/school-year';
import { coverageByProvince } from '$lib/server/db/coverage';
import { activityCounts } from '$lib/server/db/statistics';
import { openDataResponse, plainTextError } from '$lib/server/statistics';
import { tableOfFile, withShares } from '$lib/statistics';
import { parsePeriod, StatisticsInputError } from '$lib/statistics-params';
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

const CATEGORY_COLUMNS = ['category', 'count', 'pct'] as const;
const COVERAGE_COLUMNS = ['province', 'municipalities', 'with_academy', 'coverage_pct'] as const;

export const GET = (async ({ locals, url, params }) => {
	const match = /^(dekking|domeinen|formaten|provincies)\.(csv|json)$/.exec(params.file);
	if (!match) error(404);
	const [, name, format] = match as unknown as [string, string, 'csv' | 'json'];
	const today = todayInBelgium();

	if (name === 'dekking') {
		const basis = url.searchParams.get('basis') ?? 'current';
		if (basis !== 'current' && basis !== '2024') {
			return plainTextError(
				400,
				m.st_error_basis({}, { locale: 'nl' }),
				m.st_error_basis({}, { locale: 'en' })
			);
		}
		const yearParam = url.searchParams.get('schooljaar');
		const year = yearParam === null ? schoolYearOf(today) : parseSchoolYear(yearParam);
		if (year === undefined) {
			return plainTextError(
				400,
				m.st_error_school_year({}, { locale: 'nl' }),
				m.st_error_school_year({}, { locale: 'en' })
			);
		}
		const rows = (await coverageByProvince(locals.supabase, year, basis)).map((row) => ({
			province: row.province,
			municipalities: row.municipalities,
			with_academy: row.withAcademy,
			coverage_pct: row.pct
		}));
		return openDataResponse(format, COVERAGE_COLUMNS, rows, params.file);
	}

	let period;
	try {
		period = parsePeriod(url.searchParams, 'van', 'tot', schoolYearBounds(schoolYearOf(today)));
	} catch (cause) {
		if (!(cause instanceof StatisticsInputError)) throw cause;
		return plainTextError(
			400,
			`${cause.param}: ${cause.messageIn('nl')}`,
			`${cause.param}: ${cause.messageIn('en')}`
		);
	}
	const dimension = tableOfFile(name);
	if (!dimension) error(404);
	const counts = await activityCounts(locals.supabase, period);
	const shared = withShares(counts[dimension]);
	const total = shared.reduce((sum, row) => sum + row.count, 0);
	const rows = [
		...shared.map((row) => ({ category: row.label, count: row.count, pct: row.pct })),
		{ category: 'TOTAL', count: total, pct: total > 0 ? 100 : 0 }
	];
	return openDataResponse(format, CATEGORY_COLUMNS, rows, params.file);
}) satisfies RequestHandler;
