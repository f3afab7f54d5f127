import { m } from '$lib/paraglide/messages';
import { todayInBelgium } from '$lib/public/format';
import { getAcademyBySlug } from '$lib/server/db/organisations';
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals: { supabase }, params }) => {
	// One round trip: profile, place and activities come along as embeds.
	const academy = await getAcademyBySlug(supabase, params.slug, todayInBelgium());
	if (!academy) error(404, m.pub_academy_not_found());
	return { academy };
}) satisfies PageServerLoad;
