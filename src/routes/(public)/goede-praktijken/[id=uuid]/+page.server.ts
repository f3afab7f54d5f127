import { m } from '$lib/paraglide/messages';
import { isNetworkStaff } from '$lib/server/auth/require-staff';
import { requireUser } from '$lib/server/auth/require-user';
import { DbFieldError } from '$lib/server/db/db-errors';
import { featureGoodPractice, getGoodPractice } from '$lib/server/db/good-practices';
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals: { supabase, user }, params, url }) => {
	const [practice, staff] = await Promise.all([
		getGoodPractice(supabase, params.id),
		user ? isNetworkStaff(supabase) : false
	]);
	if (!practice) error(404, m.gp_error_not_found());
	return {
		practice,
		staff,
		mine: user !== null && practice.authorId === user.id,
		saved: url.searchParams.has('opgeslagen'),
		shared: url.searchParams.has('gedeeld')
	};
}) satisfies PageServerLoad;

/** Feature or unfeature: the database refuses anyone but network staff. */
async function setFeatured(locals: App.Locals, url: URL, id: string, featured: boolean) {
	requireUser(locals, url);
	try {
		await featureGoodPractice(locals.supabase, id, featured);
	} catch (caught) {
		if (caught instanceof DbFieldError) return fail(403, { featureError: caught.message });
		throw caught;
	}
	return { featured };
}

export const actions = {
	feature: ({ locals, url, params }) => setFeatured(locals, url, params.id, true),
	unfeature: ({ locals, url, params }) => setFeatured(locals, url, params.id, false)
} satisfies Actions;
