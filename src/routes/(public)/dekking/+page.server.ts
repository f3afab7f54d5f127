import { m } from '$lib/paraglide/messages';
import { coverageMap } from '$lib/server/coverage-map-data';
import { coverageOverview, type CoverageBasis } from '$lib/server/db/coverage';
import { serverOnly } from '$lib/server-only';
import type { PageServerLoad } from './$types';
import { chosenSchoolYear } from './school-year.server';

// Nothing on this page needs JavaScript (a GET form, links, <details>), and without it SvelteKit sends no
// copy of the data for hydration: the map's 304 paths and the 304 municipalities are in the HTML once. The
// rows are wrapped so that SvelteKit does not serialise them for that copy either (serverOnly()).
// The header then works as it does without JavaScript (menus open and close with their button, the search
// box is a plain form to /zoeken).
export const csr = false;

/** The basis as the URL names it: the year whose municipalities count. */
const BASIS_PARAM: Record<string, CoverageBasis> = { '2025': 'current', '2024': '2024' };

export const load = (async ({ locals: { supabase }, url, isDataRequest }) => {
	// An unknown school year or basis falls back to the default and says so next to its field.
	const { year, years, yearError } = chosenSchoolYear(url);
	const basisParam = url.searchParams.get('basis');
	const basis =
		basisParam === null || basisParam === '' ? 'current' : (BASIS_PARAM[basisParam] ?? null);

	// One call (coverage_overview()): the municipalities and both provinces tables (the method text quotes
	// both totals). The white spots with their nearest academies have a page of their own.
	const { municipalities, provinces } = await coverageOverview(supabase, year);
	const { width, height, shapes } = coverageMap();

	return {
		year,
		years,
		yearError,
		basis: basis ?? 'current',
		basisError: basis ? null : m.cv_error_basis(),
		provinces: provinces[basis ?? 'current'],
		totals: {
			current: provinces.current.at(-1) ?? null,
			before2025: provinces['2024'].at(-1) ?? null
		},
		rows: serverOnly({ municipalities, map: { width, height, shapes } }, { isDataRequest })
	};
}) satisfies PageServerLoad;
