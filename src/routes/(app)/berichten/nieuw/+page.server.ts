import { fieldErrors, text, texts, type FormErrors } from '$lib/forms';
import { m } from '$lib/paraglide/messages';
import { formId, postSchema, type PostValues } from '$lib/schemas/post';
import { requireUser } from '$lib/server/auth/require-user';
import { DbFieldError } from '$lib/server/db/db-errors';
import {
	blockReason,
	createPost,
	hostedAmong,
	myCommunities,
	postingCommunity
} from '$lib/server/db/posts';
import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

type Field = keyof PostValues;

/** The community of ?community=<id>, or a 404: a new post is always written in a community. */
async function communityOf(locals: App.Locals, url: URL) {
	const id = formId(url.searchParams.get('community') ?? '');
	const community = id ? await postingCommunity(locals.supabase, id) : null;
	if (!community || community.status !== 'active') error(404, m.po_error_community_not_found());
	return community;
}

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const community = await communityOf(locals, url);
	const [mine, hosted, blocked] = await Promise.all([
		myCommunities(locals.supabase, user.id),
		hostedAmong(locals.supabase, [community.id]),
		blockReason(locals.supabase, community.id, user.id)
	]);
	const isHost = hosted.has(community.id);
	return {
		community,
		isHost,
		canPost: !blocked && (isHost || mine.some((own) => own.id === community.id)),
		blocked,
		others: mine.filter((own) => own.id !== community.id).map(({ id, name }) => ({ id, name }))
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, url }) => {
		requireUser(locals, url);
		const community = await communityOf(locals, url);
		const form = await request.formData();
		const values: PostValues = {
			kind: text(form, 'kind'),
			title: text(form, 'title'),
			body: text(form, 'body'),
			communities: [community.id, ...texts(form, 'communities')]
		};
		const parsed = postSchema.safeParse(values);
		if (!parsed.success) {
			return fail(400, { values, errors: fieldErrors<Field>(parsed.error) });
		}
		let id: string;
		try {
			id = await createPost(locals.supabase, parsed.data);
		} catch (caught) {
			if (caught instanceof DbFieldError) {
				const errors: FormErrors<Field> = { [caught.field]: caught.message };
				return fail(caught.field === 'form' ? 403 : 400, { values, errors });
			}
			throw caught;
		}
		redirect(303, `/berichten/${id}`);
	}
} satisfies Actions;
