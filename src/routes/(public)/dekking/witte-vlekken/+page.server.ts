import { coverageWhiteSpots } from '$lib/server/db/coverage';
import { COVERAGE_PROVINCES } from '$lib/published-labels';
import { serverOnly } from '$lib/server-only';
import type { PageServerLoad } from './$types';
import { chosenSchoolYear } from '../school-year.server';

// The white spots: every one by name per province, and one province's in full (?provincie=: with their
// nearest academies, coaches and links), as plain links that need no JavaScript, so no second copy of
// them for hydration, and not serialised for one either (serverOnly()).
export const csr = false;

export const load = (async ({ locals: { supabase }, url, isDataRequest }) => {
	const { year, years, yearError } = chosenSchoolYear(url);
	// ?provincie= (the links from /dekking and this page's own) shows that province; anything else, all.
	const param = url.searchParams.get('provincie');
	const province = COVERAGE_PROVINCES.find((name) => name === param) ?? null;
	return {
		year,
		years,
		yearError,
		province,
		spots: serverOnly(await coverageWhiteSpots(supabase, year, province), { isDataRequest })
	};
}) satisfies PageServerLoad;
