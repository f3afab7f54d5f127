import { coverageWhiteSpots } from '$lib/server/db/coverage';
import { COVERAGE_PROVINCES } from '$lib/published-labels';
import { serverOnly } from '$lib/server-only';
import type { PageServerLoad } from './$types';
import { chosenSchoolYear } from '../school-year.server';

// The white spots: up to 200 municipalities with three academies each, as links and <details> that need no
// JavaScript, so no second copy of them for hydration, and not serialised for one either (serverOnly()).
export const csr = false;

export const load = (async ({ locals: { supabase }, url }) => {
	const { year, years, yearError } = chosenSchoolYear(url);
	// ?provincie= opens that province's list (the links from /dekking); anything else opens none.
	const param = url.searchParams.get('provincie');
	const province = COVERAGE_PROVINCES.find((name) => name === param) ?? null;
	return {
		year,
		years,
		yearError,
		province,
		spots: serverOnly(await coverageWhiteSpots(supabase, year))
	};
}) satisfies PageServerLoad;
