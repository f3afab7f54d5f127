import { m } from '$lib/paraglide/messages';
import { goodPracticeSchema } from '$lib/schemas/good-practice';
import { requireUser } from '$lib/server/auth/require-user';
import {
	getGoodPractice,
	goodPracticeValues,
	updateGoodPractice
} from '$lib/server/db/good-practices';
import { goodPracticeFormValues, saveGoodPracticeForm } from '$lib/server/good-practice-form';
import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const practice = await getGoodPractice(locals.supabase, params.id);
	if (!practice) error(404, m.gp_error_not_found());
	if (practice.authorId !== user.id) error(403, m.gp_error_author_only());
	return {
		practice: { id: practice.id, title: practice.title },
		values: goodPracticeValues(practice)
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, url, params }) => {
		requireUser(locals, url);
		const values = goodPracticeFormValues(await request.formData());
		const saved = await saveGoodPracticeForm(values, goodPracticeSchema, (form) =>
			updateGoodPractice(locals.supabase, params.id, form)
		);
		if (!saved.ok) return saved.failure;
		redirect(303, `/goede-praktijken/${params.id}?opgeslagen`);
	}
} satisfies Actions;
