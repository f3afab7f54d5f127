import { m } from '$lib/paraglide/messages';
import { getPersonPage } from '$lib/server/db/teacher-profiles';
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals: { supabase, user }, params }) => {
	// A person without a helper profile, one whose profile is not for this reader, and an unknown id get
	// the same answer: RLS decides, and the page never says which it was.
	const person = await getPersonPage(supabase, params.id);
	if (!person) error(404, m.tp_person_not_found());
	return { person, own: user?.id === person.id };
}) satisfies PageServerLoad;
