import { m } from '$lib/paraglide/messages';
import { todayInBelgium } from '$lib/public/format';
import { schoolYearOf } from '$lib/school-year';
import { coverageOf } from '$lib/server/db/coverage';
import { getMunicipalityPage, NEARBY_RADIUS_KM } from '$lib/server/db/municipality-pages';
import { startersSectionView } from '$lib/server/starters-section';
import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params }) => {
	const { supabase } = locals;
	// Two API calls side by side: the page (public.municipality_page(): the municipality, what is there
	// and nearby, its community's summary and its starters section) and its coverage with the nearest
	// academies (public.coverage_of_municipality()).
	const today = todayInBelgium();
	const year = schoolYearOf(today);
	const [lookup, { coverage, nearest }] = await Promise.all([
		getMunicipalityPage(supabase, params.nis, today),
		coverageOf(supabase, year, params.nis)
	]);
	if (!lookup.found) {
		// A municipality that merged (2025) lives on in its successor; old links keep working.
		if (lookup.currentNis) redirect(301, `/gemeenten/${lookup.currentNis}`);
		error(404, m.pub_municipality_not_found());
	}
	const { page, community, starters } = lookup;
	return {
		...page,
		radiusKm: NEARBY_RADIUS_KM,
		community,
		starters: startersSectionView(locals, params.nis, starters.board, starters.organisations),
		coverage: coverage && { ...coverage, year, nearest }
	};
}) satisfies PageServerLoad;
