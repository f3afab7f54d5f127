// Good practices: shared with their post and communities in one call, readable by everyone while the post
// is visible, changed only through the author's and staff's functions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousClient, testPeople, type Person } from './people';
import { expectDeleteRefused, expectInsertRefused, expectUpdateRefused } from './rls';

const people = testPeople('good-practices');

const practice = (communityIds: string[], overrides: Record<string, unknown> = {}) => ({
	p_title: 'Robots bouwen met afvalmateriaal',
	p_body: 'We bouwden in **drie namiddagen** robots uit oude dozen.',
	p_community_ids: communityIds,
	p_stem_letters: ['T', 'E'],
	p_domains: ['techniek'],
	p_age_min: 10,
	p_age_max: 12,
	p_format: 'korte_reeks',
	p_what_worked: 'Kleine groepjes van drie.',
	p_materials: 'Dozen, motortjes, batterijen.',
	p_links: ['https://voorbeeld.be/fiche'],
	p_participants: 24,
	...overrides
});

let author: Person;
let stranger: Person;
let staff: Person;
let communityId: string;
let otherCommunityId: string;
let postId: string;

async function region(label: string) {
	const [row] = await people.query<{ id: string }>(
		`insert into public.communities (kind, slug, name, status) values ('region', $1, $2, 'active') returning id`,
		[people.slug(label), `Test ${label}`]
	);
	await people.query(
		`insert into public.community_municipalities (community_id, municipality_nis) values ($1, '44021')`,
		[row!.id]
	);
	return row!.id;
}

const postsBy = async (person: Person) =>
	(
		await people.query<{ count: number }>(
			'select count(*)::int as count from public.posts where author_id = $1',
			[person.id]
		)
	)[0]!.count;

beforeAll(async () => {
	[author, stranger, staff] = await Promise.all([
		people.signUp('author'),
		people.signUp('stranger'),
		people.signUp('staff')
	]);
	await people.makeNetworkStaff(staff);
	communityId = await region('gent');
	otherCommunityId = await region('elders');
	await people.query(
		`insert into public.community_members (community_id, user_id, person_kind) values ($1, $2, 'teacher')`,
		[communityId, author.id]
	);
	const { data, error } = await author.client.rpc('share_good_practice', practice([communityId]));
	expect(error).toBeNull();
	postId = data;
});

afterAll(async () => {
	await people.query('delete from public.communities where id = any ($1)', [
		[communityId, otherCommunityId]
	]);
	await people.remove();
});

describe('sharing a good practice', () => {
	it('writes the post, where it is shared and its structured side together', async () => {
		const [row] = await people.query(
			`select p.kind, p.author_id, g.domains, g.links, g.participants,
				array(select community_id from public.post_communities where post_id = p.id) as communities
			from public.posts p join public.good_practices g on g.post_id = p.id where p.id = $1`,
			[postId]
		);
		expect(row).toEqual({
			kind: 'good_practice',
			author_id: author.id,
			domains: ['techniek'],
			links: ['https://voorbeeld.be/fiche'],
			participants: 24,
			communities: [communityId]
		});
	});

	it('refuses a community the person does not belong to, and writes nothing', async () => {
		const { error } = await stranger.client.rpc('share_good_practice', practice([communityId]));
		expect(error?.hint).toBe('good_practice_community_member');
		const mixed = await author.client.rpc(
			'share_good_practice',
			practice([communityId, otherCommunityId])
		);
		expect(mixed.error?.hint).toBe('good_practice_community_member');
		expect(await postsBy(stranger)).toBe(0);
		expect(await postsBy(author)).toBe(1);
	});

	it('needs at least one community', async () => {
		const { error } = await author.client.rpc('share_good_practice', practice([]));
		expect(error?.hint).toBe('good_practice_community_required');
	});

	it('refuses anonymous callers', async () => {
		const { error } = await anonymousClient().rpc('share_good_practice', practice([communityId]));
		expect(error?.code).toBe('42501');
	});

	it('leaves no post behind when the structured side is refused', async () => {
		const badLink = await author.client.rpc(
			'share_good_practice',
			practice([communityId], { p_links: ['javascript:alert(1)'] })
		);
		expect(badLink.error?.message).toContain('good_practices_links_format');
		const tooMany = await author.client.rpc(
			'share_good_practice',
			practice([communityId], { p_links: Array.from({ length: 6 }, (_, i) => `https://a.be/${i}`) })
		);
		expect(tooMany.error?.message).toContain('good_practices_links_at_most_5');
		const badAges = await author.client.rpc(
			'share_good_practice',
			practice([communityId], { p_age_min: 14, p_age_max: 8 })
		);
		expect(badAges.error?.message).toContain('good_practices_ages_in_range');
		expect(await postsBy(author)).toBe(1);
	});
});

describe('reading good practices', () => {
	it('lets everyone read a visible good practice, with its card', async () => {
		const anonymous = anonymousClient();
		const { data } = await anonymous.from('good_practices').select('post_id').eq('post_id', postId);
		expect(data).toEqual([{ post_id: postId }]);
		const card = await anonymous
			.from('good_practice_cards')
			.select('title, provinces, communities')
			.eq('id', postId)
			.single();
		expect(card.data?.provinces).toEqual(['oost-vlaanderen']);
		expect(card.data?.communities).toEqual([expect.objectContaining({ id: communityId })]);
	});

	it('gives a good practice’s page its card’s columns but two and its author’s name where the reader may see it (good_practice_pages), read-only', async () => {
		const PAGE_COLUMNS =
			'id, title, body, author_id, status, created_at, stem_letters, domains, age_min, age_max, format, what_worked, materials, links, participants, featured_at, communities';
		const [profile] = await people.query<{ display_name: string; visibility: string }>(
			'select display_name, visibility from public.profiles where id = $1',
			[author.id]
		);
		const { display_name: name, visibility: before } = profile!;
		// Who reads the author's name on the page, for each visibility of the author's profile.
		const readers = {
			anonymous: anonymousClient(),
			stranger: stranger.client,
			author: author.client
		};
		const expected = {
			public: { anonymous: name, stranger: name, author: name },
			members: { anonymous: null, stranger: name, author: name },
			private: { anonymous: null, stranger: null, author: name }
		};
		try {
			for (const [visibility, names] of Object.entries(expected)) {
				await people.query('update public.profiles set visibility = $2 where id = $1', [
					author.id,
					visibility
				]);
				for (const [reader, client] of Object.entries(readers)) {
					const page = await client
						.from('good_practice_pages')
						.select('*')
						.eq('id', postId)
						.single();
					const card = await client
						.from('good_practice_cards')
						.select(PAGE_COLUMNS)
						.eq('id', postId)
						.single();
					expect(page.error).toBeNull();
					expect({ visibility, reader, page: page.data }).toEqual({
						visibility,
						reader,
						page: { ...card.data, author_name: names[reader as keyof typeof names] }
					});
				}
			}
		} finally {
			await people.query('update public.profiles set visibility = $2 where id = $1', [
				author.id,
				before
			]);
		}
		const write = await author.client
			.from('good_practice_pages')
			.update({ title: 'Overgenomen' })
			.eq('id', postId);
		expect(write.error).not.toBeNull();
		const [stored] = await people.query<{ title: string }>(
			'select title from public.posts where id = $1',
			[postId]
		);
		expect(stored?.title).not.toBe('Overgenomen');
	});

	it('hides a hidden good practice from others but not from its author', async () => {
		await people.query(
			`update public.posts set status = 'hidden', hidden_reason = 'Test: verborgen' where id = $1`,
			[postId]
		);
		try {
			const anonymous = await anonymousClient()
				.from('good_practices')
				.select('post_id')
				.eq('post_id', postId);
			expect(anonymous.data).toEqual([]);
			const other = await stranger.client.from('good_practice_cards').select('id').eq('id', postId);
			expect(other.data).toEqual([]);
			const otherPage = await stranger.client
				.from('good_practice_pages')
				.select('id')
				.eq('id', postId);
			expect(otherPage.data).toEqual([]);
			const ownPage = await author.client
				.from('good_practice_pages')
				.select('id, status')
				.eq('id', postId);
			expect(ownPage.data).toEqual([{ id: postId, status: 'hidden' }]);
			const own = await author.client
				.from('good_practices')
				.select('post_id')
				.eq('post_id', postId);
			expect(own.data).toEqual([{ post_id: postId }]);
			const edit = await author.client.rpc('update_good_practice', {
				...practice([]),
				p_community_ids: undefined,
				p_post_id: postId
			});
			expect(edit.error?.hint).toBe('good_practice_hidden');
		} finally {
			await people.query(
				`update public.posts set status = 'visible', hidden_reason = null where id = $1`,
				[postId]
			);
		}
	});
});

describe('changing good practices', () => {
	const edit = (overrides: Record<string, unknown> = {}) => {
		const { p_community_ids: _communities, ...rest } = practice([], overrides);
		return { ...rest, p_post_id: postId };
	};

	it('refuses direct writes to the table, even by the author', async () => {
		await expectInsertRefused(
			author.client,
			'good_practices',
			{ post_id: postId, domains: ['natuur'], age_min: 8, age_max: 9, format: 'korte_reeks' },
			{ post_id: postId }
		);
		await expectUpdateRefused(
			author.client,
			'good_practices',
			{ post_id: postId },
			{
				participants: 1
			}
		);
		await expectDeleteRefused(author.client, 'good_practices', { post_id: postId });
		await expectUpdateRefused(
			author.client,
			'good_practices',
			{ post_id: postId },
			{
				featured_at: new Date().toISOString()
			}
		);
	});

	it('lets the author edit it, and nobody else', async () => {
		const own = await author.client.rpc('update_good_practice', edit({ p_participants: 30 }));
		expect(own.error).toBeNull();
		const other = await stranger.client.rpc('update_good_practice', edit({ p_participants: 1 }));
		expect(other.error?.hint).toBe('good_practice_author_only');
		const [row] = await people.query(
			'select participants from public.good_practices where post_id = $1',
			[postId]
		);
		expect(row).toEqual({ participants: 30 });
	});

	it('lets network staff feature and unfeature it, and nobody else', async () => {
		const byAuthor = await author.client.rpc('feature_good_practice', {
			p_post_id: postId,
			p_featured: true
		});
		expect(byAuthor.error?.hint).toBe('good_practice_staff_only');
		const featured = await staff.client.rpc('feature_good_practice', {
			p_post_id: postId,
			p_featured: true
		});
		expect(featured.error).toBeNull();
		const [row] = await people.query(
			'select featured_at is not null as featured, featured_by from public.good_practices where post_id = $1',
			[postId]
		);
		expect(row).toEqual({ featured: true, featured_by: staff.id });
		await staff.client.rpc('feature_good_practice', { p_post_id: postId, p_featured: false });
		const [after] = await people.query(
			'select featured_at, featured_by from public.good_practices where post_id = $1',
			[postId]
		);
		expect(after).toEqual({ featured_at: null, featured_by: null });
	});
});
