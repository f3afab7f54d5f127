// The moderation functions: hosts (and network staff) hide, restore, pin, block and dismiss, each with an
// audit row the hosts read; everyone else gets "not found" and nothing changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHidden } from './rls.js';
import { testPeople, type Person } from './people.js';

const people = testPeople('moderation');
const NIS = '11005'; // Boom: a municipality of its own for this suite

let author: Person;
let host: Person;
let member: Person;
let staff: Person;
let community: string;
let postId: string;
let commentId: string;

beforeAll(async () => {
	[author, host, member, staff] = await Promise.all([
		people.signUp('auteur'),
		people.signUp('host'),
		people.signUp('lid'),
		people.signUp('netwerk')
	]);
	await people.makeNetworkStaff(staff);
	await people.organisation([[host, 'owner']], {
		kind: 'academy',
		name: 'Academie Moderatie',
		municipality_nis: NIS
	});
	for (const person of [author, member]) {
		const { data, error } = await person.client.rpc('join_community', {
			p_nis: NIS,
			p_person_kind: 'volunteer'
		});
		if (error) throw error;
		community = data as string;
	}
	const created = await author.client.rpc('create_post', {
		p_kind: 'question',
		p_title: 'Wie helpt met robots?',
		p_body: 'Tekst',
		p_community_ids: [community]
	});
	if (created.error) throw created.error;
	postId = created.data as string;
	const [comment] = await people.query<{ id: string }>(
		`insert into public.post_comments (post_id, author_id, body) values ($1, $2, 'Reactie') returning id`,
		[postId, member.id]
	);
	commentId = comment!.id;
});

afterAll(async () => {
	await people.query('delete from public.community_blocks where community_id = $1', [community]);
	await people.remove();
});

const status = async () =>
	(
		await people.query<{ status: string; hidden_reason: string | null }>(
			'select status, hidden_reason from public.posts where id = $1',
			[postId]
		)
	)[0];

describe('hide and restore', () => {
	it('refuses a member who does not host, and changes nothing', async () => {
		const { error } = await member.client.rpc('hide_post', {
			p_post_id: postId,
			p_reason: 'Weg ermee'
		});
		expect({ code: error?.code, hint: error?.hint }).toEqual({
			code: 'PT404',
			hint: 'post_host_only'
		});
		expect(await status()).toEqual({ status: 'visible', hidden_reason: null });
	});

	it('refuses a reason that is too short', async () => {
		const { error } = await host.client.rpc('hide_post', { p_post_id: postId, p_reason: 'x' });
		expect(error?.hint).toBe('moderation_reason_length');
	});

	it('lets a host hide with a reason: the author is told, open reports are handled, the trail says so', async () => {
		await people.query(
			`insert into public.post_reports (reporter_id, post_id, reason) values ($1, $2, 'Reclame')`,
			[member.id, postId]
		);
		const { error } = await host.client.rpc('hide_post', {
			p_post_id: postId,
			p_reason: 'Reclame'
		});
		expect(error).toBeNull();
		expect(await status()).toEqual({ status: 'hidden', hidden_reason: 'Reclame' });
		const reports = await people.query(
			'select status from public.post_reports where post_id = $1',
			[postId]
		);
		expect(reports).toEqual([{ status: 'handled' }]);
		const notes = await people.query<{ params: { reason: string } }>(
			`select params from public.notifications where user_id = $1 and kind = 'post_hidden'`,
			[author.id]
		);
		expect(notes[0]?.params.reason).toBe('Reclame');
		const trail = await host.client
			.from('moderation_events')
			.select('action, reason')
			.eq('post_id', postId);
		expect(trail.data).toContainEqual({ action: 'hide', reason: 'Reclame' });
	});

	it('keeps the audit trail from members and the author', async () => {
		await expectHidden(member.client, 'moderation_events', { post_id: postId });
		await expectHidden(author.client, 'moderation_events', { post_id: postId });
	});

	it('lets network staff restore it', async () => {
		const { error } = await staff.client.rpc('restore_post', { p_post_id: postId });
		expect(error).toBeNull();
		expect(await status()).toEqual({ status: 'visible', hidden_reason: null });
	});

	it('hides and restores a comment, only through the post it belongs to', async () => {
		const hide = await host.client.rpc('hide_post', {
			p_post_id: postId,
			p_reason: 'Onvriendelijk',
			p_comment_id: commentId
		});
		expect(hide.error).toBeNull();
		const own = await member.client
			.from('post_comments')
			.select('status, hidden_reason')
			.eq('id', commentId);
		expect(own.data).toEqual([{ status: 'hidden', hidden_reason: 'Onvriendelijk' }]);
		await expectHidden(author.client, 'post_comments', { id: commentId });
		const restore = await host.client.rpc('restore_post', {
			p_post_id: postId,
			p_comment_id: commentId
		});
		expect(restore.error).toBeNull();
	});
});

describe('pins', () => {
	it('lets a host pin and unpin, and refuses a member', async () => {
		const refused = await member.client.rpc('pin_post', {
			p_post_id: postId,
			p_community_id: community
		});
		expect(refused.error?.hint).toBe('post_host_only');
		expect(
			(await host.client.rpc('pin_post', { p_post_id: postId, p_community_id: community })).error
		).toBeNull();
		const [pinned] = await people.query<{ pinned_at: string | null }>(
			'select pinned_at from public.post_communities where post_id = $1',
			[postId]
		);
		expect(pinned?.pinned_at).not.toBeNull();
		const unpin = await host.client.rpc('pin_post', {
			p_post_id: postId,
			p_community_id: community,
			p_pinned: false
		});
		expect(unpin.error).toBeNull();
	});
});

describe('blocks', () => {
	it('refuses a member who does not host', async () => {
		const { error } = await member.client.rpc('block_from_community', {
			p_community_id: community,
			p_user_id: author.id,
			p_reason: 'Spam'
		});
		expect(error?.hint).toBe('post_host_only');
	});

	it('lets a host block a person: their membership goes and they can no longer post', async () => {
		const { error } = await host.client.rpc('block_from_community', {
			p_community_id: community,
			p_user_id: author.id,
			p_reason: 'Herhaaldelijk reclame'
		});
		expect(error).toBeNull();
		const memberships = await people.query(
			'select 1 from public.community_members where community_id = $1 and user_id = $2',
			[community, author.id]
		);
		expect(memberships).toEqual([]);
		const again = await author.client.rpc('create_post', {
			p_kind: 'question',
			p_title: 'Nog eens',
			p_body: 'Tekst',
			p_community_ids: [community]
		});
		expect(again.error?.hint).toBe('post_blocked');
	});

	it('refuses blocking oneself', async () => {
		const { error } = await host.client.rpc('block_from_community', {
			p_community_id: community,
			p_user_id: host.id,
			p_reason: 'Mezelf'
		});
		expect(error?.hint).toBe('moderation_block_self');
	});

	it('lets a host lift the block, and says when there is none', async () => {
		const lifted = await host.client.rpc('unblock_from_community', {
			p_community_id: community,
			p_user_id: author.id
		});
		expect(lifted.error).toBeNull();
		const again = await host.client.rpc('unblock_from_community', {
			p_community_id: community,
			p_user_id: author.id
		});
		expect(again.error?.hint).toBe('moderation_block_not_found');
		const actions = await host.client
			.from('moderation_events')
			.select('action')
			.eq('community_id', community);
		expect(actions.data?.map((row) => row.action)).toEqual(
			expect.arrayContaining(['hide', 'restore', 'pin', 'unpin', 'block', 'unblock'])
		);
	});
});

describe('dismissing a report', () => {
	it('lets a host close a report without hiding, and refuses the reporter', async () => {
		const [report] = await people.query<{ id: string }>(
			`insert into public.post_reports (reporter_id, post_id, reason) values ($1, $2, 'Twijfel') returning id`,
			[member.id, postId]
		);
		const refused = await member.client.rpc('dismiss_report', { p_report_id: report!.id });
		expect(refused.error?.hint).toBe('post_host_only');
		const { error } = await host.client.rpc('dismiss_report', {
			p_report_id: report!.id,
			p_reason: 'Geen probleem'
		});
		expect(error).toBeNull();
		const [row] = await people.query('select status from public.post_reports where id = $1', [
			report!.id
		]);
		expect(row).toEqual({ status: 'handled' });
		expect(await status()).toEqual({ status: 'visible', hidden_reason: null });
	});
});
