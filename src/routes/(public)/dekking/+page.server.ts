import { m } from '$lib/paraglide/messages';
import { todayInBelgium } from '$lib/public/format';
import { parseSchoolYear, schoolYearOf } from '$lib/school-year';
import { coverageMap } from '$lib/server/coverage-map-data';
import {
	coverageByMunicipality,
	coverageByProvince,
	nearestAcademies,
	type CoverageBasis
} from '$lib/server/db/coverage';
import { coachesByWhiteSpot } from '$lib/server/db/starters';
import type { PageServerLoad } from './$types';

/** How many school years back the form offers (the current one and these before it). */
const YEARS_BACK = 3;

/** The basis as the URL names it: the year whose municipalities count. */
const BASIS_PARAM: Record<string, CoverageBasis> = { '2025': 'current', '2024': '2024' };

export const load = (async ({ locals: { supabase }, url }) => {
	const currentYear = schoolYearOf(todayInBelgium());
	const years = Array.from({ length: YEARS_BACK + 1 }, (_, i) => currentYear - i);

	// An unknown school year or basis falls back to the default and says so next to its field.
	const yearParam = url.searchParams.get('schooljaar');
	const parsedYear =
		yearParam === null || yearParam === '' ? currentYear : parseSchoolYear(yearParam);
	const year = parsedYear !== undefined && years.includes(parsedYear) ? parsedYear : currentYear;
	const basisParam = url.searchParams.get('basis');
	const basis =
		basisParam === null || basisParam === '' ? 'current' : (BASIS_PARAM[basisParam] ?? null);

	const [municipalities, provinces, current, before2025, nearest] = await Promise.all([
		coverageByMunicipality(supabase, year),
		coverageByProvince(supabase, year, basis ?? 'current'),
		coverageByProvince(supabase, year, 'current'),
		coverageByProvince(supabase, year, '2024'),
		nearestAcademies(supabase, year)
	]);
	const { width, height, shapes } = coverageMap();

	return {
		year,
		years,
		yearError: year === parsedYear ? null : m.cv_error_year(),
		basis: basis ?? 'current',
		basisError: basis ? null : m.cv_error_basis(),
		municipalities,
		provinces,
		totals: {
			current: current.at(-1) ?? null,
			before2025: before2025.at(-1) ?? null
		},
		nearest: Object.fromEntries(nearest),
		// Which white spots' starters a coaching academy helps (issue 13: the coverage page shows it).
		coaches: await coachesByWhiteSpot(supabase),
		map: { width, height, shapes }
	};
}) satisfies PageServerLoad;
