import { coverageOverview } from '$lib/server/db/coverage';
import { serverOnly } from '$lib/server-only';
import type { PageServerLoad } from './$types';
import { chosenSchoolYear } from '../school-year.server';

// The map's table alternative: 304 rows that need no JavaScript, so no second copy of them for hydration,
// and not serialised for one either (serverOnly()). They come from coverage_overview(), whose answer is kept
// per school year (the provinces it also holds are a few hundred bytes).
export const csr = false;

export const load = (async ({ locals: { supabase }, url, isDataRequest }) => {
	const { year, years, yearError } = chosenSchoolYear(url);
	return {
		year,
		years,
		yearError,
		rows: serverOnly((await coverageOverview(supabase, year)).municipalities, { isDataRequest })
	};
}) satisfies PageServerLoad;
