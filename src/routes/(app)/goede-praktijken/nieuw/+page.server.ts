import { emptyGoodPracticeValues, shareGoodPracticeSchema } from '$lib/schemas/good-practice';
import { requireUser } from '$lib/server/auth/require-user';
import { shareGoodPractice, sharingCommunities } from '$lib/server/db/good-practices';
import { goodPracticeFormValues, saveGoodPracticeForm } from '$lib/server/good-practice-form';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const communities = await sharingCommunities(locals.supabase, user.id);
	// ?community=<id> (from a community's page) ticks it; with one community, that one.
	const chosen = url.searchParams.get('community');
	const preselected = communities
		.filter((community) => community.id === chosen || communities.length === 1)
		.map((community) => community.id);
	return { communities, values: emptyGoodPracticeValues(preselected) };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, url }) => {
		requireUser(locals, url);
		const values = goodPracticeFormValues(await request.formData());
		const saved = await saveGoodPracticeForm(values, shareGoodPracticeSchema, (form) =>
			shareGoodPractice(locals.supabase, form)
		);
		if (!saved.ok) return saved.failure;
		redirect(303, `/goede-praktijken/${saved.result}?gedeeld`);
	}
} satisfies Actions;
