import { m } from '$lib/paraglide/messages';
import { todayInBelgium } from '$lib/public/format';
import { schoolYearOf } from '$lib/school-year';
import { municipalityCommunitySummary } from '$lib/server/db/communities';
import { coverageOf, nearestAcademies } from '$lib/server/db/coverage';
import { getMunicipalityPage, NEARBY_RADIUS_KM } from '$lib/server/db/municipality-pages';
import { loadStartersSection } from '$lib/server/starters-section';
import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params }) => {
	const { supabase } = locals;
	// Two waves: the municipality, then five queries side by side (see getMunicipalityPage); its
	// community's summary alongside.
	const today = todayInBelgium();
	const year = schoolYearOf(today);
	const [lookup, community, coverage, nearest, starters] = await Promise.all([
		getMunicipalityPage(supabase, params.nis, today),
		municipalityCommunitySummary(supabase, params.nis),
		coverageOf(supabase, year, params.nis),
		nearestAcademies(supabase, year, params.nis),
		loadStartersSection(locals, params.nis)
	]);
	if (!lookup.found) {
		// A municipality that merged (2025) lives on in its successor; old links keep working.
		if (lookup.currentNis) redirect(301, `/gemeenten/${lookup.currentNis}`);
		error(404, m.pub_municipality_not_found());
	}
	return {
		...lookup.page,
		radiusKm: NEARBY_RADIUS_KM,
		community,
		starters,
		coverage: coverage && { ...coverage, year, nearest: nearest.get(params.nis) ?? [] }
	};
}) satisfies PageServerLoad;
