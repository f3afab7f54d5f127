import { coverageByMunicipality } from '$lib/server/db/coverage';
import type { PageServerLoad } from './$types';
import { chosenSchoolYear } from '../school-year.server';

// The map's table alternative: 304 rows that need no JavaScript, so no second copy of them for hydration.
export const csr = false;

export const load = (async ({ locals: { supabase }, url }) => {
	const { year, years, yearError } = chosenSchoolYear(url);
	return { year, years, yearError, municipalities: await coverageByMunicipality(supabase, year) };
}) satisfies PageServerLoad;
