import { m } from '$lib/paraglide/messages';
import { todayInBelgium } from '$lib/public/format';
import { schoolYearOf } from '$lib/school-year';
import { getMunicipalityPage, NEARBY_RADIUS_KM } from '$lib/server/db/municipality-pages';
import { startersSectionView } from '$lib/server/starters-section';
import { serverOnly } from '$lib/server-only';
import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

// Nothing on this page needs JavaScript (links and cards), so it sends none, and no copy of its data for
// hydration either: a fifth of the page's HTML was that copy (serverOnly()).
export const csr = false;

export const load = (async ({ locals, params, isDataRequest }) => {
	// One API call (public.municipality_overview()): the page (the municipality, what is there and nearby,
	// its community's summary and its starters section) and its coverage with the nearest academies.
	const today = todayInBelgium();
	const year = schoolYearOf(today);
	const { lookup, coverage, nearest } = await getMunicipalityPage(
		locals.supabase,
		params.nis,
		today,
		year
	);
	if (!lookup.found) {
		// A municipality that merged (2025) lives on in its successor; old links keep working.
		if (lookup.currentNis) redirect(301, `/gemeenten/${lookup.currentNis}`);
		error(404, m.pub_municipality_not_found());
	}
	const { page, community, starters } = lookup;
	const view = {
		...page,
		radiusKm: NEARBY_RADIUS_KM,
		community,
		starters: startersSectionView(locals, params.nis, starters.board, starters.organisations),
		coverage: coverage && { ...coverage, year, nearest }
	};
	return { view: serverOnly(view, { isDataRequest }) };
}) satisfies PageServerLoad;
