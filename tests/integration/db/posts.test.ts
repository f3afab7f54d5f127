// Posts, comments and reports under RLS: who reads a visible or hidden post, who posts and comments
// where, and the rate limit for new accounts. Communities are created with join_community() as the people
// themselves; the community's host is the admin of an academy seated in its municipality.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHidden, expectInsertRefused, expectUpdateRefused } from './rls.js';
import { anonymousClient, serviceRole, testPeople, type Person } from './people.js';
import { twoWritersAtOnce } from './two-writers.js';

const people = testPeople('posts');
// Two municipalities of their own, so that other suites' communities and hosts do not mix in.
const NIS = '11029'; // Mortsel
const OTHER_NIS = '11030'; // Niel

let member: Person;
let otherMember: Person;
let host: Person;
let stranger: Person;
let blocked: Person;
let community: string;
let otherCommunity: string;

async function join(person: Person, nis: string) {
	const { data, error } = await person.client.rpc('join_community', {
		p_nis: nis,
		p_person_kind: 'teacher'
	});
	if (error) throw error;
	return data as string;
}

async function post(person: Person, communities: string[], kind = 'question') {
	return person.client.rpc('create_post', {
		p_kind: kind,
		p_title: 'Wie heeft een 3D-printer?',
		p_body: 'Graag **hulp**.',
		p_community_ids: communities
	});
}

/** Makes an account older than a week, so the new-account limit does not apply. */
async function ageAccount(person: Person) {
	await people.query(
		`update auth.users set created_at = now() - interval '30 days' where id = $1`,
		[person.id]
	);
}

beforeAll(async () => {
	[member, otherMember, host, stranger, blocked] = await Promise.all([
		people.signUp('lid'),
		people.signUp('ander-lid'),
		people.signUp('host'),
		people.signUp('vreemde'),
		people.signUp('geblokkeerd')
	]);
	await people.organisation([[host, 'admin']], {
		kind: 'academy',
		name: 'Academie Posts',
		municipality_nis: NIS
	});
	community = await join(member, NIS);
	await join(otherMember, NIS);
	await join(blocked, NIS);
	otherCommunity = await join(member, OTHER_NIS);
	await people.query(
		`insert into public.community_blocks (community_id, user_id, reason) values ($1, $2, 'Spam, herhaaldelijk')`,
		[community, blocked.id]
	);
	await Promise.all([member, otherMember, host, blocked].map(ageAccount));
});

afterAll(() => people.remove());

describe('writing posts', () => {
	it('lets a member post a question to their communities at once', async () => {
		const { data: id, error } = await post(member, [community, otherCommunity]);
		expect(error).toBeNull();
		const shared = await people.query<{ community_id: string }>(
			'select community_id from public.post_communities where post_id = $1 order by community_id',
			[id]
		);
		expect(shared.map((row) => row.community_id).sort()).toEqual(
			[community, otherCommunity].sort()
		);
	});

	it('refuses a non-member, and writes nothing', async () => {
		const before = await people.query('select id from public.posts where author_id = $1', [
			stranger.id
		]);
		const { error } = await post(stranger, [community]);
		expect(error?.hint).toBe('post_members_only');
		expect(
			await people.query('select id from public.posts where author_id = $1', [stranger.id])
		).toEqual(before);
	});

	it('refuses someone blocked from the community', async () => {
		const { error } = await post(blocked, [community]);
		expect(error?.hint).toBe('post_blocked');
	});

	it('refuses sharing to a second community the member does not belong to, all or nothing', async () => {
		const { error } = await post(otherMember, [community, otherCommunity]);
		expect(error?.hint).toBe('post_members_only');
		expect(
			await people.query('select id from public.posts where author_id = $1', [otherMember.id])
		).toEqual([]);
	});

	it('lets only hosts post announcements', async () => {
		const refused = await post(member, [community], 'announcement');
		expect(refused.error?.hint).toBe('post_announcement_hosts_only');
		const allowed = await post(host, [community], 'announcement');
		expect(allowed.error).toBeNull();
	});

	it('refuses anonymous visitors', async () => {
		const { error } = await anonymousClient().rpc('create_post', {
			p_kind: 'question',
			p_title: 'Anoniem',
			p_body: 'x',
			p_community_ids: [community]
		});
		expect(error).not.toBeNull();
	});

	it('refuses a direct insert into post_communities for a community the author is not in', async () => {
		const { data: id } = await post(otherMember, [community]);
		await expectInsertRefused(
			otherMember.client,
			'post_communities',
			{ post_id: id, community_id: otherCommunity },
			{ post_id: id as string }
		);
	});
});

describe('reading posts', () => {
	let visible: string;
	let hidden: string;

	beforeAll(async () => {
		visible = (await post(member, [community])).data as string;
		hidden = (await post(member, [community])).data as string;
		await people.query(
			`update public.posts set status = 'hidden', hidden_reason = 'Reclame' where id = $1`,
			[hidden]
		);
	});

	it('shows a visible post to everyone, anonymous visitors included', async () => {
		for (const client of [anonymousClient(), stranger.client]) {
			const { data } = await client.from('posts').select('id').eq('id', visible);
			expect(data).toEqual([{ id: visible }]);
		}
	});

	it('shows a hidden post to its author (with the reason) and the hosts only', async () => {
		const own = await member.client.from('posts').select('hidden_reason').eq('id', hidden);
		expect(own.data).toEqual([{ hidden_reason: 'Reclame' }]);
		const hosts = await host.client.from('posts').select('id').eq('id', hidden);
		expect(hosts.data).toEqual([{ id: hidden }]);
		await expectHidden(anonymousClient(), 'posts', { id: hidden });
		await expectHidden(stranger.client, 'posts', { id: hidden });
		await expectHidden(otherMember.client, 'posts', { id: hidden });
	});

	it('lets authors edit the title and body of their visible post, nobody else, nothing else', async () => {
		const { error } = await member.client
			.from('posts')
			.update({ title: 'Wie heeft een lasercutter?' })
			.eq('id', visible);
		expect(error).toBeNull();
		await expectUpdateRefused(
			otherMember.client,
			'posts',
			{ id: visible },
			{ title: 'Gekaapt' },
			'no rows'
		);
		await expectUpdateRefused(
			member.client,
			'posts',
			{ id: visible },
			{ status: 'hidden' },
			'42501'
		);
		await expectUpdateRefused(
			member.client,
			'posts',
			{ id: hidden },
			{ body: 'Toch zichtbaar' },
			'no rows'
		);
	});
});

describe('comments', () => {
	let visible: string;
	let hidden: string;

	beforeAll(async () => {
		visible = (await post(member, [community])).data as string;
		hidden = (await post(member, [community])).data as string;
		await people.query(
			`update public.posts set status = 'hidden', hidden_reason = 'Reclame' where id = $1`,
			[hidden]
		);
	});

	it('lets members comment on visible posts and tells the author', async () => {
		const { error } = await otherMember.client
			.from('post_comments')
			.insert({ post_id: visible, body: 'Wij hebben er een!' });
		expect(error).toBeNull();
		const notes = await people.query<{ kind: string; link: string }>(
			`select kind, link from public.notifications where user_id = $1 and kind = 'post_comment'`,
			[member.id]
		);
		expect(notes).toContainEqual({ kind: 'post_comment', link: `/berichten/${visible}` });
	});

	it('refuses comments by non-members, blocked people and on hidden posts', async () => {
		await expectInsertRefused(
			stranger.client,
			'post_comments',
			{ post_id: visible, body: 'Hallo' },
			{ post_id: visible }
		);
		await expectInsertRefused(
			blocked.client,
			'post_comments',
			{ post_id: visible, body: 'Hallo' },
			{ post_id: visible }
		);
		await expectInsertRefused(
			otherMember.client,
			'post_comments',
			{ post_id: hidden, body: 'Hallo' },
			{ post_id: hidden }
		);
	});

	it('refuses writing a comment as someone else', async () => {
		await expectInsertRefused(
			otherMember.client,
			'post_comments',
			{
				post_id: visible,
				body: 'Namens jou',
				author_id: member.id
			},
			{ post_id: visible }
		);
	});
});

describe('reports', () => {
	let visible: string;

	beforeAll(async () => {
		visible = (await post(member, [community])).data as string;
	});

	it('lets a signed-in reader report, and shows the report to the reporter and the hosts only', async () => {
		const { error } = await stranger.client
			.from('post_reports')
			.insert({ post_id: visible, reason: 'Dit is reclame' });
		expect(error).toBeNull();
		const own = await stranger.client.from('post_reports').select('reason').eq('post_id', visible);
		expect(own.data).toEqual([{ reason: 'Dit is reclame' }]);
		const hosts = await host.client.from('post_reports').select('reason').eq('post_id', visible);
		expect(hosts.data).toEqual([{ reason: 'Dit is reclame' }]);
		await expectHidden(otherMember.client, 'post_reports', { post_id: visible });
		await expectHidden(member.client, 'post_reports', { post_id: visible });
		const notes = await people.query(
			`select 1 from public.notifications where user_id = $1 and kind = 'post_report'`,
			[host.id]
		);
		expect(notes.length).toBeGreaterThan(0);
	});

	it('refuses a second open report of the same post by the same person', async () => {
		const { error } = await stranger.client
			.from('post_reports')
			.insert({ post_id: visible, reason: 'Nog eens' });
		expect(error?.message).toContain('post_reports_open_once');
	});

	it('refuses anonymous reports and reports that are already handled', async () => {
		await expectInsertRefused(
			anonymousClient(),
			'post_reports',
			{
				post_id: visible,
				reason: 'Anoniem'
			},
			{ post_id: visible },
			'42501'
		);
		await expectInsertRefused(
			otherMember.client,
			'post_reports',
			{
				post_id: visible,
				reason: 'Al afgehandeld',
				status: 'handled',
				handled_at: new Date().toISOString()
			},
			{ post_id: visible }
		);
	});
});

describe('the rate limit for new accounts', () => {
	it('refuses the fourth post of the day of a new account and writes nothing', async () => {
		const newcomer = await people.signUp('nieuw');
		await join(newcomer, NIS);
		for (let i = 0; i < 3; i++) {
			const { error } = await post(newcomer, [community]);
			expect(error).toBeNull();
		}
		const { error, status } = await post(newcomer, [community]);
		expect({ status, hint: error?.hint }).toEqual({ status: 429, hint: 'post_rate_new_account' });
		const rows = await people.query('select id from public.posts where author_id = $1', [
			newcomer.id
		]);
		expect(rows).toHaveLength(3);
	});

	it('lets an older account post a fourth', async () => {
		for (let i = 0; i < 4; i++) {
			const { error } = await post(otherMember, [community]);
			expect(error).toBeNull();
		}
	});
});

describe('whether a post is public', () => {
	// The flag posts.is_public is kept by triggers (20261217000000_posts_public_kept.sql); the public read
	// policies of posts, their shares and their comments read it. Only a region's community changes
	// status, so the post is moved to a region of its own.
	let shared: string;
	let region: string;

	async function flag(id = shared) {
		const [row] = await people.query<{ is_public: boolean; updated_at: string }>(
			`select is_public, updated_at::text from public.posts where id = $1`,
			[id]
		);
		if (!row) throw new Error(`post ${id} is gone`);
		return row;
	}

	async function moveShare(from: string, to: string) {
		await people.query(
			`update public.post_communities set community_id = $3 where post_id = $1 and community_id = $2`,
			[shared, from, to]
		);
	}

	async function regionStatus(status: string) {
		await people.query(`update public.communities set status = $2 where id = $1`, [region, status]);
	}

	/** What anonymous visitors and strangers read of the post, its share and its comment. */
	async function expectPublic(expected: boolean, shareExists = true) {
		expect((await flag()).is_public).toBe(expected);
		const tables = (
			[
				['posts', { id: shared }],
				['post_communities', { post_id: shared }],
				['post_comments', { post_id: shared }]
			] as const
		).filter(([table]) => shareExists || table !== 'post_communities');
		for (const client of [anonymousClient(), stranger.client]) {
			for (const [table, where] of tables) {
				if (expected) {
					const { data, error } = await client.from(table).select('*').match(where);
					expect(error).toBeNull();
					expect(data?.length).toBeGreaterThan(0);
				} else {
					await expectHidden(client, table, where);
				}
			}
		}
	}

	beforeAll(async () => {
		const [made] = await people.query<{ id: string }>(
			`insert into public.communities (kind, slug, name, status, proposed_by)
			 values ('region', $1, 'Regio Posts', 'active', null) returning id`,
			[`posts-regio-${crypto.randomUUID().slice(0, 8)}`]
		);
		if (!made) throw new Error('no region community made');
		region = made.id;
		shared = (await post(member, [otherCommunity])).data as string;
		const { error } = await member.client
			.from('post_comments')
			.insert({ post_id: shared, body: 'Zelf gevonden.' });
		if (error) throw error;
	});

	afterAll(async () => {
		await people.query(`delete from public.communities where id = $1`, [region]);
	});

	it('follows a share that moves and the status of its community, without counting as an edit', async () => {
		const before = await flag();
		await expectPublic(true);
		await regionStatus('proposed');
		await moveShare(otherCommunity, region);
		await expectPublic(false);
		const own = await member.client.from('posts').select('id').eq('id', shared);
		expect(own.data).toEqual([{ id: shared }]);
		await moveShare(region, otherCommunity);
		await expectPublic(true);
		await moveShare(otherCommunity, region);
		await expectPublic(false);
		await regionStatus('active');
		await expectPublic(true);
		await regionStatus('proposed');
		await expectPublic(false);
		await regionStatus('active');
		await expectPublic(true);
		expect((await flag()).updated_at).toBe(before.updated_at);
	});

	it('follows its shares: public while one active community has it, for its author alone when none', async () => {
		await people.query(
			`insert into public.post_communities (post_id, community_id) values ($1, $2)`,
			[shared, otherCommunity]
		);
		await regionStatus('proposed');
		await expectPublic(true);
		await regionStatus('active');
		await people.query(`delete from public.post_communities where post_id = $1`, [shared]);
		await expectPublic(false, false);
		// A share moved from another post: that one is no longer public, this one is.
		const other = (await post(member, [otherCommunity])).data as string;
		expect((await flag(other)).is_public).toBe(true);
		await people.query(`update public.post_communities set post_id = $1 where post_id = $2`, [
			shared,
			other
		]);
		expect((await flag(other)).is_public).toBe(false);
		await expectPublic(true);
	});

	it('lets nobody set the flag: not when writing a post, not afterwards', async () => {
		const notInsertable = await people.query<{ column_name: string }>(
			`select column_name from information_schema.columns
			 where table_schema = 'public' and table_name = 'posts'
				and not has_column_privilege('authenticated', 'public.posts', column_name, 'INSERT')`
		);
		expect(notInsertable).toEqual([{ column_name: 'is_public' }]);
		await expectInsertRefused(
			member.client,
			'posts',
			{ author_id: member.id, kind: 'question', title: 'Openbaar?', body: 'Nee.', is_public: true },
			{ title: 'Openbaar?' }
		);
		await expectUpdateRefused(member.client, 'posts', { id: shared }, { is_public: false });
		expect((await flag()).is_public).toBe(true);
		// Whoever writes a post, it starts shared nowhere: not public.
		const [written] = await people.query<{ is_public: boolean }>(
			`insert into public.posts (author_id, kind, title, body, is_public)
			 values ($1, 'question', 'Al openbaar?', 'Nee.', true) returning is_public`,
			[member.id]
		);
		expect(written).toEqual({ is_public: false });
	});

	it('stays right when two shares are removed at once, or a share is added as its community closes', async () => {
		await people.query(
			`insert into public.post_communities (post_id, community_id) values ($1, $2)`,
			[shared, region]
		);
		const unshare = `delete from public.post_communities where post_id = $1 and community_id = $2`;
		expect(
			await twoWritersAtOnce(
				(db) => db.query(unshare, [shared, region]),
				(db) => db.query(unshare, [shared, otherCommunity])
			)
		).toBeNull();
		await expectPublic(false, false);
		expect(
			await twoWritersAtOnce(
				(db) =>
					db.query(`update public.communities set status = 'proposed' where id = $1`, [region]),
				(db) =>
					db.query(`insert into public.post_communities (post_id, community_id) values ($1, $2)`, [
						shared,
						region
					])
			)
		).toBeNull();
		expect((await flag()).is_public).toBe(false);
		await regionStatus('active');
		await expectPublic(true);
	});
});

describe('who writes what', () => {
	it('keeps the moderation columns and the audit trail out of reach', async () => {
		const { error } = await member.client
			.from('moderation_events')
			.insert({ action: 'hide', community_id: community });
		expect(error).not.toBeNull();
		const { data } = await serviceRole
			.from('moderation_events')
			.select('id')
			.eq('community_id', community);
		expect(data).toEqual([]);
	});
});
