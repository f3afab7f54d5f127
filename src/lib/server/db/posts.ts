// Community posts: the latest of a community (its page), one post with its comments, what a person may
// post to, and the moderation queue. RLS decides what each person reads; create_post() and the moderation
// functions (20261203003000_posts.sql) decide every write, and their refusals become messages here.
import { POST_KINDS } from '$lib/community-vocabulary';
import { plainExcerpt } from '$lib/markdown-lite';
import type { PostFormKind } from '$lib/schemas/post';
import type { Db } from '$lib/server/supabase';
import { RLS_DENIED, raiseDbError } from './db-errors';
import { m } from '$lib/paraglide/messages';
import type { PostgrestError } from '@supabase/supabase-js';

export type PostKind = (typeof POST_KINDS)[number];

export type PostCommunity = {
	id: string;
	name: string;
	/** The community's page: /gemeenten/<nis>/community or /regios/<slug>. */
	path: string;
	pinnedAt: string | null;
};

export type Author = {
	id: string | null;
	/** Null when their profile is not readable by the reader (or their account is gone). */
	name: string | null;
};

export type PostSummary = {
	id: string;
	kind: PostKind;
	title: string;
	excerpt: string;
	createdAt: string;
	pinned: boolean;
	author: Author;
};

export type PostComment = {
	id: string;
	body: string;
	status: 'visible' | 'hidden';
	hiddenReason: string | null;
	createdAt: string;
	author: Author;
};

export type Post = {
	id: string;
	kind: PostKind;
	title: string;
	body: string;
	status: 'visible' | 'hidden';
	hiddenReason: string | null;
	createdAt: string;
	updatedAt: string;
	author: Author;
	communities: PostCommunity[];
	comments: PostComment[];
};

const asKind = (kind: string): PostKind =>
	kind === 'announcement' || kind === 'good_practice' ? kind : 'question';
const asStatus = (status: string): 'visible' | 'hidden' =>
	status === 'hidden' ? 'hidden' : 'visible';

/** A community's page, from its kind's key. */
export function communityPath(community: { municipality_nis: string | null; slug: string | null }) {
	return community.municipality_nis
		? `/gemeenten/${community.municipality_nis}/community`
		: `/regios/${community.slug ?? ''}`;
}

/** The names of the given people that the reader may read (profiles' policies decide). */
async function authorNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
	const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
	if (wanted.length === 0) return new Map();
	const { data, error } = await db.from('profiles').select('id, display_name').in('id', wanted);
	if (error) throw error;
	return new Map(data.map((row) => [row.id, row.display_name]));
}

const author = (names: Map<string, string>, id: string | null): Author => ({
	id,
	name: id ? (names.get(id) ?? null) : null
});

/**
 * The latest visible posts of a community, pinned ones first (most recently pinned first), then newest.
 * For the community page.
 */
export async function latestPosts(
	db: Db,
	communityId: string,
	limit: number
): Promise<PostSummary[]> {
	const { data, error } = await db
		.from('post_communities')
		.select('pinned_at, post:posts!inner(id, kind, title, body, created_at, author_id, status)')
		.eq('community_id', communityId)
		.eq('post.status', 'visible')
		.order('pinned_at', { ascending: false, nullsFirst: false })
		.order('created_at', { ascending: false })
		.order('post_id')
		.limit(Math.max(1, Math.min(limit, 50)));
	if (error) throw error;
	const names = await authorNames(
		db,
		data.map((row) => row.post.author_id)
	);
	return postSummariesOf(data, names);
}

/** post_communities rows (with their embedded post) as summaries, with the authors' readable names. */
export function postSummariesOf(
	data: {
		pinned_at: string | null;
		post: {
			id: string;
			kind: string;
			title: string;
			body: string;
			created_at: string;
			author_id: string | null;
		};
	}[],
	names: Map<string, string>
): PostSummary[] {
	return data.map(({ pinned_at, post }) => ({
		id: post.id,
		kind: asKind(post.kind),
		title: post.title,
		excerpt: plainExcerpt(post.body, 200),
		createdAt: post.created_at,
		pinned: pinned_at !== null,
		author: author(names, post.author_id)
	}));
}

/** One post with its communities and comments, as far as the reader may read them; null when none. */
export async function getPost(db: Db, id: string): Promise<Post | null> {
	// One call (post_page(), issue 15): the post with its communities, comments and the readable names of
	// its author and commenters; the select with two embeds and the names' read cost two.
	const { data, error } = await db.rpc('post_page', { p_id: id });
	if (error) throw error;
	if (!data) return null;
	const row = data as unknown as PostRow;
	const names = new Map(Object.entries(row.names));
	return {
		id: row.id,
		kind: asKind(row.kind),
		title: row.title,
		body: row.body,
		status: asStatus(row.status),
		hiddenReason: row.hidden_reason,
		createdAt: row.created_at,
		updatedAt: row.updated_at,
		author: author(names, row.author_id),
		communities: row.shared
			.flatMap(({ pinned_at, community }) =>
				community
					? [
							{
								id: community.id,
								name: community.name,
								path: communityPath(community),
								pinnedAt: pinned_at
							}
						]
					: []
			)
			.sort((a, b) => a.name.localeCompare(b.name, 'nl')),
		comments: row.comments.map((comment) => ({
			id: comment.id,
			body: comment.body,
			status: asStatus(comment.status),
			hiddenReason: comment.hidden_reason,
			createdAt: comment.created_at,
			author: author(names, comment.author_id)
		}))
	};
}

type PostRow = {
	id: string;
	kind: string;
	title: string;
	body: string;
	status: string;
	hidden_reason: string | null;
	created_at: string;
	updated_at: string;
	author_id: string | null;
	shared: {
		pinned_at: string | null;
		community: {
			id: string;
			name: string;
			municipality_nis: string | null;
			slug: string | null;
		} | null;
	}[];
	comments: {
		id: string;
		body: string;
		status: string;
		hidden_reason: string | null;
		created_at: string;
		author_id: string | null;
	}[];
	/** Display names by person id (the author's and commenters' that the reader may read). */
	names: Record<string, string>;
};

export type PostingCommunity = { id: string; name: string; path: string; status: string };

/** A community by id, for the new post form (any reader may read an active one). */
export async function postingCommunity(db: Db, id: string): Promise<PostingCommunity | null> {
	const { data, error } = await db
		.from('communities')
		.select('id, name, status, municipality_nis, slug')
		.eq('id', id)
		.maybeSingle();
	if (error) throw error;
	return data
		? { id: data.id, name: data.name, path: communityPath(data), status: data.status }
		: null;
}

/**
 * The active communities the person belongs to, as a person or through an organisation, without those
 * that blocked them: where they may share a question.
 */
export async function myCommunities(db: Db, userId: string): Promise<PostingCommunity[]> {
	const organisations = await db
		.from('memberships')
		.select('organisation_id')
		.eq('user_id', userId);
	if (organisations.error) throw organisations.error;
	const orgIds = organisations.data.map((row) => row.organisation_id);
	const members = await db
		.from('community_members')
		.select('community:communities!inner(id, name, status, municipality_nis, slug)')
		.or(
			[
				`user_id.eq.${userId}`,
				...(orgIds.length ? [`organisation_id.in.(${orgIds.join(',')})`] : [])
			].join(',')
		)
		.eq('community.status', 'active');
	if (members.error) throw members.error;
	const blocks = await db.from('community_blocks').select('community_id').eq('user_id', userId);
	if (blocks.error) throw blocks.error;
	const blocked = new Set(blocks.data.map((row) => row.community_id));
	const byId = new Map<string, PostingCommunity>();
	for (const { community } of members.data) {
		if (!blocked.has(community.id)) {
			byId.set(community.id, {
				id: community.id,
				name: community.name,
				path: communityPath(community),
				status: community.status
			});
		}
	}
	return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/** Why the person is blocked from the community, or null. */
export async function blockReason(db: Db, communityId: string, userId: string) {
	const { data, error } = await db
		.from('community_blocks')
		.select('reason')
		.eq('community_id', communityId)
		.eq('user_id', userId)
		.maybeSingle();
	if (error) throw error;
	return data?.reason ?? null;
}

/** Whether the signed-in person hosts any of the communities (to offer announcements and moderation). */
export async function hostedAmong(db: Db, communityIds: string[]): Promise<Set<string>> {
	const answers = await Promise.all(
		communityIds.map(async (id) => {
			const { data, error } = await db.rpc('hosts_community', { p_community_id: id });
			if (error) throw error;
			return data === true ? [id] : [];
		})
	);
	return new Set(answers.flat());
}

/** Writes a post shared to the communities; returns its id. Refusals come back as DbFieldError. */
export async function createPost(
	db: Db,
	input: { kind: PostFormKind; title: string; body: string; communities: string[] }
): Promise<string> {
	const { data, error } = await db.rpc('create_post', {
		p_kind: input.kind,
		p_title: input.title,
		p_body: input.body,
		p_community_ids: input.communities
	});
	if (error)
		raiseDbError(error, { [RLS_DENIED]: { field: 'form', message: m.po_error_members_only } });
	return data;
}

export async function addComment(db: Db, input: { postId: string; body: string }): Promise<void> {
	const { error } = await db
		.from('post_comments')
		.insert({ post_id: input.postId, body: input.body });
	if (error) {
		raiseDbError(error, {
			[RLS_DENIED]: { field: 'body', message: m.po_error_comment_not_allowed }
		});
	}
}

export async function reportPost(
	db: Db,
	input: { postId: string; commentId: string | null; reason: string }
): Promise<void> {
	const { error } = await db
		.from('post_reports')
		.insert({ post_id: input.postId, comment_id: input.commentId, reason: input.reason });
	if (error) {
		raiseDbError(error, { [RLS_DENIED]: { field: 'form', message: m.po_error_not_found } });
	}
}

/** The moderation functions answer PT404 post_host_only to anyone who does not moderate the post. */
function check(error: PostgrestError | null) {
	if (error) raiseDbError(error);
}

export async function hidePost(
	db: Db,
	input: { postId: string; commentId: string | null; reason: string }
) {
	const { error } = await db.rpc('hide_post', {
		p_post_id: input.postId,
		p_reason: input.reason,
		...(input.commentId ? { p_comment_id: input.commentId } : {})
	});
	check(error);
}

export async function restorePost(db: Db, input: { postId: string; commentId: string | null }) {
	const { error } = await db.rpc('restore_post', {
		p_post_id: input.postId,
		...(input.commentId ? { p_comment_id: input.commentId } : {})
	});
	check(error);
}

export async function pinPost(
	db: Db,
	input: { postId: string; communityId: string; pinned: boolean }
) {
	const { error } = await db.rpc('pin_post', {
		p_post_id: input.postId,
		p_community_id: input.communityId,
		p_pinned: input.pinned
	});
	check(error);
}

export async function blockFromCommunity(
	db: Db,
	input: { communityId: string; userId: string; reason: string }
) {
	const { error } = await db.rpc('block_from_community', {
		p_community_id: input.communityId,
		p_user_id: input.userId,
		p_reason: input.reason
	});
	check(error);
}

export async function unblockFromCommunity(db: Db, input: { communityId: string; userId: string }) {
	const { error } = await db.rpc('unblock_from_community', {
		p_community_id: input.communityId,
		p_user_id: input.userId
	});
	check(error);
}

export async function dismissReport(db: Db, input: { reportId: string; reason: string }) {
	const { error } = await db.rpc('dismiss_report', {
		p_report_id: input.reportId,
		...(input.reason ? { p_reason: input.reason } : {})
	});
	check(error);
}

export type OpenReport = {
	id: string;
	postId: string;
	postTitle: string;
	commentId: string | null;
	commentExcerpt: string | null;
	reason: string;
	createdAt: string;
};

export type Block = {
	communityId: string;
	communityName: string;
	userId: string;
	name: string | null;
	reason: string;
	createdAt: string;
};

export type ModerationEvent = {
	id: number;
	action: string;
	communityName: string | null;
	actorName: string | null;
	postId: string | null;
	postTitle: string | null;
	reason: string | null;
	createdAt: string;
};

export type ModerationQueue = {
	/** The communities the person hosts (staff may host none and still moderate). */
	hosted: { id: string; name: string }[];
	reports: OpenReport[];
	blocks: Block[];
	events: ModerationEvent[];
};

/**
 * What a host or staff member moderates: the open reports of the posts in their communities (not their
 * own reports), the people blocked there and the latest audit trail. RLS limits each list to them.
 */
export async function moderationQueue(db: Db, userId: string): Promise<ModerationQueue> {
	const [hosted, reports, blocks, events] = await Promise.all([
		db.rpc('my_hosted_communities'),
		db
			.from('post_reports')
			.select(
				'id, post_id, comment_id, reason, created_at, post:posts(title), comment:post_comments(body)'
			)
			.eq('status', 'open')
			.or(`reporter_id.is.null,reporter_id.neq.${userId}`)
			.order('created_at', { ascending: true })
			.limit(100),
		db
			.from('community_blocks')
			.select('community_id, user_id, reason, created_at, community:communities(name)')
			.neq('user_id', userId)
			.order('created_at', { ascending: false })
			.limit(100),
		db
			.from('moderation_events')
			.select(
				'id, action, actor_id, post_id, reason, created_at, community:communities(name), post:posts(title)'
			)
			.order('id', { ascending: false })
			.limit(50)
	]);
	for (const result of [hosted, reports, blocks, events]) if (result.error) throw result.error;
	const names = await authorNames(db, [
		...(blocks.data ?? []).map((row) => row.user_id),
		...(events.data ?? []).map((row) => row.actor_id)
	]);
	return {
		hosted: hosted.data ?? [],
		reports: (reports.data ?? []).map((row) => ({
			id: row.id,
			postId: row.post_id,
			postTitle: row.post?.title ?? '',
			commentId: row.comment_id,
			commentExcerpt: row.comment ? plainExcerpt(row.comment.body, 160) : null,
			reason: row.reason,
			createdAt: row.created_at
		})),
		blocks: (blocks.data ?? []).map((row) => ({
			communityId: row.community_id,
			communityName: row.community?.name ?? '',
			userId: row.user_id,
			name: names.get(row.user_id) ?? null,
			reason: row.reason,
			createdAt: row.created_at
		})),
		events: (events.data ?? []).map((row) => ({
			id: row.id,
			action: row.action,
			communityName: row.community?.name ?? null,
			actorName: row.actor_id ? (names.get(row.actor_id) ?? null) : null,
			postId: row.post_id,
			postTitle: row.post?.title ?? null,
			reason: row.reason,
			createdAt: row.created_at
		}))
	};
}
