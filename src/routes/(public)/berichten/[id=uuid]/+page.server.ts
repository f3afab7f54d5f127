import { fieldErrors, text, type FormErrors } from '$lib/forms';
import { m } from '$lib/paraglide/messages';
import { commentSchema, formId, reasonSchema } from '$lib/schemas/post';
import { requireUser } from '$lib/server/auth/require-user';
import { isNetworkStaff } from '$lib/server/auth/require-staff';
import { DbFieldError } from '$lib/server/db/db-errors';
import {
	addComment,
	blockFromCommunity,
	getPost,
	hidePost,
	hostedAmong,
	myCommunities,
	pinPost,
	reportPost,
	restorePost
} from '$lib/server/db/posts';
import { sendPendingNotificationMails } from '$lib/server/notification-mail';
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params }) => {
	const post = await getPost(locals.supabase, params.id);
	if (!post) error(404, m.po_not_found());
	const user = locals.user;
	if (!user) {
		return { post, viewer: null };
	}
	const communityIds = post.communities.map((community) => community.id);
	const [hosted, staff, mine] = await Promise.all([
		hostedAmong(locals.supabase, communityIds),
		isNetworkStaff(locals.supabase),
		myCommunities(locals.supabase, user.id)
	]);
	const belongs = mine.some((own) => communityIds.includes(own.id));
	return {
		post,
		viewer: {
			id: user.id,
			isAuthor: post.author.id === user.id,
			canComment: post.status === 'visible' && (belongs || hosted.size > 0),
			moderates: hosted.size > 0 || staff,
			/** Where this person may pin and block: the post's communities they host (all of them for staff). */
			hostedCommunities: post.communities
				.filter((community) => staff || hosted.has(community.id))
				.map(({ id, name, pinnedAt }) => ({ id, name, pinned: pinnedAt !== null }))
		}
	};
}) satisfies PageServerLoad;

type Event = RequestEvent<{ id: string }>;

/** Which form on the page answered: the post's own, or a comment's (by its id). */
type Target = { form: string; commentId: string | null };

function targetOf(form: FormData, name: string): Target {
	const commentId = formId(text(form, 'commentId'));
	return { form: commentId ? `${name}-${commentId}` : name, commentId };
}

/** Runs a write; a refusal the person can read comes back next to the form it came from. */
async function attempt<Field extends string>(
	target: Target,
	values: Record<string, string>,
	write: () => Promise<void>,
	done: string
) {
	try {
		await write();
	} catch (caught) {
		if (caught instanceof DbFieldError) {
			const errors: FormErrors<Field> = { [caught.field]: caught.message } as FormErrors<Field>;
			return fail(caught.field === 'form' ? 403 : 400, { target: target.form, values, errors });
		}
		throw caught;
	}
	return { target: target.form, done };
}

async function reasonAction(
	event: Event,
	name: string,
	write: (target: Target, reason: string, form: FormData) => Promise<void>,
	done: () => string
) {
	requireUser(event.locals, event.url);
	const form = await event.request.formData();
	const target = targetOf(form, name);
	const values = { reason: text(form, 'reason') };
	const parsed = reasonSchema.safeParse(values);
	if (!parsed.success) {
		return fail(400, {
			target: target.form,
			values,
			errors: fieldErrors<'reason'>(parsed.error)
		});
	}
	return attempt(target, values, () => write(target, parsed.data.reason, form), done());
}

function mailInBackground(origin: string) {
	void sendPendingNotificationMails(origin);
}

export const actions = {
	comment: async (event) => {
		requireUser(event.locals, event.url);
		const form = await event.request.formData();
		const values = { body: text(form, 'body') };
		const parsed = commentSchema.safeParse(values);
		const target = { form: 'comment', commentId: null };
		if (!parsed.success) {
			return fail(400, { target: target.form, values, errors: fieldErrors<'body'>(parsed.error) });
		}
		const result = await attempt(
			target,
			values,
			() => addComment(event.locals.supabase, { postId: event.params.id, body: parsed.data.body }),
			m.po_comment_sent()
		);
		mailInBackground(event.url.origin);
		return result;
	},

	report: async (event) => {
		const result = await reasonAction(
			event,
			'report',
			(target, reason) =>
				reportPost(event.locals.supabase, {
					postId: event.params.id,
					commentId: target.commentId,
					reason
				}),
			m.po_report_sent
		);
		mailInBackground(event.url.origin);
		return result;
	},

	hide: async (event) => {
		const result = await reasonAction(
			event,
			'hide',
			(target, reason) =>
				hidePost(event.locals.supabase, {
					postId: event.params.id,
					commentId: target.commentId,
					reason
				}),
			m.po_hidden_done
		);
		mailInBackground(event.url.origin);
		return result;
	},

	restore: async (event) => {
		requireUser(event.locals, event.url);
		const target = targetOf(await event.request.formData(), 'restore');
		return attempt(
			target,
			{},
			() =>
				restorePost(event.locals.supabase, {
					postId: event.params.id,
					commentId: target.commentId
				}),
			m.po_restored_done()
		);
	},

	pin: async (event) => {
		requireUser(event.locals, event.url);
		const form = await event.request.formData();
		const communityId = formId(text(form, 'communityId'));
		const pinned = text(form, 'pinned') === 'true';
		const target = { form: 'pin', commentId: null };
		if (!communityId) {
			return fail(400, {
				target: 'pin',
				values: {},
				errors: { form: m.po_error_community_choice() }
			});
		}
		return attempt(
			target,
			{},
			() => pinPost(event.locals.supabase, { postId: event.params.id, communityId, pinned }),
			pinned ? m.po_pinned_done() : m.po_unpinned_done()
		);
	},

	block: async (event) => {
		const post = await getPost(event.locals.supabase, event.params.id);
		if (!post) error(404, m.po_not_found());
		return reasonAction(
			event,
			'block',
			async (_target, reason, form) => {
				const communityId = formId(text(form, 'communityId'));
				if (!communityId || !post.author.id) {
					throw new DbFieldError('communityId', m.po_error_community_choice());
				}
				await blockFromCommunity(event.locals.supabase, {
					communityId,
					userId: post.author.id,
					reason
				});
			},
			m.po_block_done
		);
	}
} satisfies Actions;
