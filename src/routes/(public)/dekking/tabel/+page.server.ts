import { coverageByMunicipality } from '$lib/server/db/coverage';
import { serverOnly } from '$lib/server-only';
import type { PageServerLoad } from './$types';
import { chosenSchoolYear } from '../school-year.server';

// The map's table alternative: 304 rows that need no JavaScript, so no second copy of them for hydration,
// and not serialised for one either (serverOnly()).
export const csr = false;

export const load = (async ({ locals: { supabase }, url, isDataRequest }) => {
	const { year, years, yearError } = chosenSchoolYear(url);
	return {
		year,
		years,
		yearError,
		rows: serverOnly(await coverageByMunicipality(supabase, year), { isDataRequest })
	};
}) satisfies PageServerLoad;
