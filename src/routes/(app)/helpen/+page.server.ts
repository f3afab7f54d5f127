import { helpReasons } from '$lib/matching/help-reasons';
import { requireUser } from '$lib/server/auth/require-user';
import { getProfile } from '$lib/server/db/profiles';
import { getHelperProfile, helpSuggestions } from '$lib/server/db/teacher-profiles';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const [helper, profile, rows] = await Promise.all([
		getHelperProfile(locals.supabase, user.id),
		getProfile(locals.supabase, user.id),
		helpSuggestions(locals.supabase, 20)
	]);
	// What is still missing decides the empty state: interests first, then a place to look near.
	const missing =
		!helper || helper.interests.length === 0
			? ('interests' as const)
			: !profile?.municipalityNis && rows.length === 0
				? ('place' as const)
				: null;
	const suggestions = rows.map((row) => ({
		requestId: row.request_id,
		title: row.title,
		organisationName: row.organisation_name,
		municipalityName: row.municipality_name,
		requestKind: row.request_kind,
		deadline: row.deadline as string | null,
		reasons: helpReasons({
			interests: row.interests,
			distanceKm: row.distance_km as number | null,
			inMyCommunity: row.in_my_community,
			requestSlotCount: row.request_slot_count,
			requestedMinutes: row.requested_minutes,
			overlapMinutes: row.overlap_minutes,
			overlap:
				row.overlap_weekday !== null && row.overlap_starts !== null && row.overlap_ends !== null
					? { weekday: row.overlap_weekday, starts: row.overlap_starts, ends: row.overlap_ends }
					: null,
			sharedDomains: row.shared_domains,
			agesFit: row.ages_fit as boolean | null,
			ageMin: row.request_age_min as number | null,
			ageMax: row.request_age_max as number | null
		})
	}));
	return { missing, suggestions };
}) satisfies PageServerLoad;
