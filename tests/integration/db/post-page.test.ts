// public.post_page(): a post's page in one call gives what the page's select with embeds and the read of
// its people's names gave together, to a visitor, its author, a commenter and a stranger alike (the
// caller's RLS): a visible post with its communities, comments and names; a hidden post only to its
// author; null for an unknown id.
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPost } from '$lib/server/db/posts';
import type { Db } from '$lib/server/supabase';
import { anonymousClient, testPeople, type Person } from './people.js';

const people = testPeople('berichtpagina');
/** Malle: a community no other suite joins. */
const NIS = '11057';

/** The page's two reads before post_page() (posts.ts), for comparison: the names as a map. */
async function byTwoReads(db: SupabaseClient, id: string) {
	const { data, error } = await db
		.from('posts')
		.select(
			'id, kind, title, body, status, hidden_reason, created_at, updated_at, author_id, ' +
				'shared:post_communities(pinned_at, community:communities(id, name, municipality_nis, slug)), ' +
				'comments:post_comments(id, body, status, hidden_reason, created_at, author_id)'
		)
		.eq('id', id)
		.order('created_at', { referencedTable: 'post_comments', ascending: true })
		.maybeSingle();
	expect(error).toBeNull();
	if (!data) return null;
	const row = data as unknown as Record<string, unknown> & {
		author_id: string | null;
		shared: unknown;
		comments: { author_id: string | null }[];
	};
	const ids = [...new Set([row.author_id, ...row.comments.map((c) => c.author_id)])].filter(
		(value): value is string => value !== null
	);
	const names = await db.from('profiles').select('id, display_name').in('id', ids);
	expect(names.error).toBeNull();
	const byId = new Map(
		(names.data as { id: string; display_name: string }[]).map((p) => [p.id, p.display_name])
	);
	const name = (person: string | null) => (person ? (byId.get(person) ?? null) : null);
	return {
		...row,
		authorName: name(row.author_id),
		commentNames: row.comments.map((c) => name(c.author_id))
	};
}

/** What getPost() gives, in the terms of byTwoReads(). */
async function byCall(db: SupabaseClient, id: string) {
	const post = await getPost(db as Db, id);
	if (!post) return null;
	return {
		id: post.id,
		kind: post.kind,
		title: post.title,
		body: post.body,
		status: post.status,
		hidden_reason: post.hiddenReason,
		created_at: post.createdAt,
		updated_at: post.updatedAt,
		author_id: post.author.id,
		shared: post.communities.map((c) => ({ pinned_at: c.pinnedAt, community: c.id })),
		comments: post.comments.map((c) => ({
			id: c.id,
			body: c.body,
			status: c.status,
			hidden_reason: c.hiddenReason,
			created_at: c.createdAt,
			author_id: c.author.id
		})),
		authorName: post.author.name,
		commentNames: post.comments.map((c) => c.author.name)
	};
}

/** byTwoReads() with the communities as getPost() gives them: their ids, by name. */
async function expected(db: SupabaseClient, id: string) {
	const read = await byTwoReads(db, id);
	if (!read) return null;
	const shared = read.shared as unknown as {
		pinned_at: string | null;
		community: { id: string; name: string } | null;
	}[];
	return {
		...read,
		shared: shared
			.flatMap(({ pinned_at, community }) => (community ? [{ pinned_at, community }] : []))
			.sort((a, b) => a.community.name.localeCompare(b.community.name, 'nl'))
			.map(({ pinned_at, community }) => ({ pinned_at, community: community.id }))
	};
}

let author: Person;
let commenter: Person;
let stranger: Person;
let community: string;
let visible: string;
let hidden: string;

beforeAll(async () => {
	[author, commenter, stranger] = await Promise.all([
		people.signUp('auteur'),
		people.signUp('reageerder'),
		people.signUp('vreemde')
	]);
	await people.query(
		`update public.profiles set display_name = case id when $1 then 'Ans Auteur' else 'Rik Reageerder' end
		where id in ($1, $2)`,
		[author.id, commenter.id]
	);
	for (const person of [author, commenter]) {
		const { data, error } = await person.client.rpc('join_community', {
			p_nis: NIS,
			p_person_kind: 'teacher'
		});
		if (error) throw error;
		community = data as string;
	}
	const post = async (title: string, status: string) => {
		const [row] = await people.query<{ id: string }>(
			`insert into public.posts (author_id, kind, title, body, status, hidden_reason)
			values ($1, 'question', $2, 'Wie helpt?', $3, case when $3 = 'hidden' then 'Reclame' end)
			returning id`,
			[author.id, title, status]
		);
		await people.query(
			'insert into public.post_communities (post_id, community_id, pinned_at) values ($1, $2, now())',
			[row!.id, community]
		);
		return row!.id;
	};
	visible = await post('Wie heeft een 3D-printer?', 'visible');
	hidden = await post('Verborgen vraag', 'hidden');
	await people.query(
		`insert into public.post_comments (post_id, author_id, body, status, hidden_reason, created_at) values
			($1, $2, 'Ik!', 'visible', null, now() - interval '2 minutes'),
			($1, $3, 'Bedankt', 'visible', null, now() - interval '1 minute'),
			($1, $2, 'Koop bij mij', 'hidden', 'Reclame', now())`,
		[visible, commenter.id, author.id]
	);
});

afterAll(() => people.remove());

describe.each([
	['a visitor', () => anonymousClient()],
	['the author', () => author.client],
	['a commenter', () => commenter.client],
	['a stranger', () => stranger.client]
] as [string, () => SupabaseClient][])('post_page as %s', (_who, client) => {
	it('gives the visible post with its community, comments and names, as the two reads did', async () => {
		const page = await byCall(client(), visible);
		expect(page).toEqual(await expected(client(), visible));
		expect(page).toMatchObject({ title: 'Wie heeft een 3D-printer?', shared: [{ community }] });
		expect(page!.comments.map((c) => c.body).slice(0, 2)).toEqual(['Ik!', 'Bedankt']);
	});

	it('gives the hidden post as the two reads did (its author only)', async () => {
		expect(await byCall(client(), hidden)).toEqual(await expected(client(), hidden));
	});

	it('gives null for an unknown id', async () => {
		const unknown = '00000000-0000-4000-8000-00000000b404';
		expect(await getPost(client() as Db, unknown)).toBeNull();
		expect(await byTwoReads(client(), unknown)).toBeNull();
	});
});

it('shows a hidden post or comment to its own author only, and names the people', async () => {
	expect(await getPost(author.client as Db, hidden)).toMatchObject({
		status: 'hidden',
		hiddenReason: 'Reclame'
	});
	expect(await getPost(stranger.client as Db, hidden)).toBeNull();
	const seenByAuthor = await getPost(author.client as Db, visible);
	expect(seenByAuthor?.comments.map((comment) => comment.body)).toEqual(['Ik!', 'Bedankt']);
	expect(await getPost(commenter.client as Db, visible)).toMatchObject({
		author: { id: author.id, name: 'Ans Auteur' },
		comments: [
			{ body: 'Ik!', author: { name: 'Rik Reageerder' } },
			{ body: 'Bedankt', author: { name: 'Ans Auteur' } },
			// Their own hidden comment, with the reason; the author of the post does not see it.
			{ body: 'Koop bij mij', status: 'hidden', author: { name: 'Rik Reageerder' } }
		]
	});
});
