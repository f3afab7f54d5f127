// Issue 12's searchable types against the stack's real outbox, worker and Meilisearch: communities,
// posts and good practices, community events and people who chose a public profile.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import {
	apiUrl,
	databaseUrl,
	meiliMasterKey,
	meiliUrl,
	serviceRoleKey
} from '../../../stack/config.js';
import { parseSearchParams } from '../../../src/lib/server/search/query-params';
import { runSearch } from '../../../src/lib/server/search/run-search';
import { testPeople, type Person } from '../db/people.js';
import { documentOf, meiliOf, settle, worker, type Stack } from './support.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const stack: Stack = { apiUrl, serviceRoleKey, meiliUrl, meiliKey: meiliMasterKey };
const people = testPeople('search-communities');
const meili = meiliOf(stack);
const sync = worker(stack);
const query = people.query.bind(people);
const settled = () => settle(sync, query);
// A word no seed holds, so that a search finds only what this suite made.
const word = `zoekwoord${Date.now().toString(36)}`;

let author: Person;
let communityId: string;
let practiceId: string;

const search = (params: string) =>
	runSearch(meili, parseSearchParams(new URLSearchParams(params)), null);

beforeAll(async () => {
	author = await people.signUp('auteur');
	const [community] = await query<{ id: string }>(
		`insert into public.communities (kind, slug, name, status)
		 values ('region', $1, $2, 'active') returning id`,
		[people.slug('regio'), `Regio ${word}`]
	);
	communityId = community!.id;
	await query(
		`insert into public.community_municipalities (community_id, municipality_nis)
		 values ($1, '44021'), ($1, '44084')`,
		[communityId]
	);
	await query(
		`insert into public.community_members (community_id, user_id, person_kind) values ($1, $2, 'teacher')`,
		[communityId, author.id]
	);
	const { data, error } = await author.client.rpc('share_good_practice', {
		p_title: `Bruggen bouwen ${word}`,
		p_body: 'Leerlingen bouwden bruggen uit spaghetti en testten ze met gewichtjes.',
		p_community_ids: [communityId],
		p_stem_letters: ['E', 'M'],
		p_domains: ['techniek', 'wiskunde_natuurwetenschappen'],
		p_age_min: 10,
		p_age_max: 12,
		p_format: 'losse_activiteit',
		p_what_worked: '',
		p_materials: '',
		p_links: [],
		p_participants: 40
	});
	expect(error).toBeNull();
	practiceId = data;
	await settled();
});

afterAll(async () => {
	await query('delete from public.communities where id = $1', [communityId]);
	await people.remove();
	const db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	try {
		await settle(sync, async (text, values) => (await db.query(text, values)).rows);
	} finally {
		await db.end();
	}
});

describe('good practices and posts', () => {
	it('finds a public good practice with its facets, at its page', async () => {
		const results = await search(`q=${word}&type=good_practice`);
		expect(results.hits.map((hit) => [hit.id, hit.type, hit.path])).toEqual([
			[practiceId, 'good_practice', `/goede-praktijken/${practiceId}`]
		]);
		const filtered = await search(`q=${word}&formaat=losse_activiteit&stem=M&leeftijd=11`);
		expect(filtered.hits.map((hit) => hit.id)).toContain(practiceId);
		const other = await search(`q=${word}&formaat=korte_reeks`);
		expect(other.hits.map((hit) => hit.id)).not.toContain(practiceId);
		expect(await documentOf(meili, 'posts', practiceId)).toMatchObject({
			domains: ['techniek', 'wiskunde_natuurwetenschappen'],
			stem: ['E', 'M'],
			format: 'losse_activiteit',
			province: 'Oost-Vlaanderen'
		});
	});

	it('removes a hidden post from the index and brings it back when restored', async () => {
		await query(
			`update public.posts set status = 'hidden', hidden_reason = 'Test: verborgen' where id = $1`,
			[practiceId]
		);
		await settled();
		expect(await documentOf(meili, 'posts', practiceId)).toBeNull();
		expect((await search(`q=${word}&type=good_practice`)).hits).toEqual([]);
		await query(`update public.posts set status = 'visible', hidden_reason = null where id = $1`, [
			practiceId
		]);
		await settled();
		expect(await documentOf(meili, 'posts', practiceId)).not.toBeNull();
	});
});

describe('communities', () => {
	it('finds an active community by its name and places, with its member count', async () => {
		const results = await search(`q=${word}&type=community`);
		expect(results.hits.map((hit) => hit.id)).toEqual([communityId]);
		const document = await documentOf(meili, 'communities', communityId);
		expect(document).toMatchObject({ members: 1, province: 'Oost-Vlaanderen' });
		expect(document?.keywords).toEqual(expect.arrayContaining(['Aalter', 'Gent']));
	});
});

describe('events', () => {
	it('indexes a scheduled event and drops it when cancelled', async () => {
		const [inserted] = await query<{ id: string }>(
			`insert into public.community_events
				(community_id, organiser_id, title, address, municipality_nis, starts_at, ends_at)
			 values ($1, $2, $3, 'Kouter 1', '44021', now() + interval '7 days',
				now() + interval '7 days 2 hours') returning id`,
			[communityId, author.id, `Kennismaking ${word}`]
		);
		const event = inserted!;
		await settled();
		const results = await search(`q=${word}&type=event`);
		expect(results.hits.map((hit) => [hit.id, hit.path])).toEqual([
			[event.id, `/evenementen/${event.id}`]
		]);
		expect(results.hits[0]?.startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		await query(`update public.community_events set status = 'cancelled' where id = $1`, [
			event.id
		]);
		await settled();
		expect(await documentOf(meili, 'events', event.id)).toBeNull();
	});
});

describe('people', () => {
	it('never indexes a private or members-only person, and a public one without an e-mail address', async () => {
		const person = await people.signUp('persoon');
		const name = `Persoon ${word}`;
		await query(
			`update public.profiles set display_name = $2, visibility = 'private', personas = '{teacher}',
			 municipality_nis = '44021' where id = $1`,
			[person.id, name]
		);
		await settled();
		expect(await documentOf(meili, 'people', person.id)).toBeNull();
		expect((await search(`q=${word}&type=person`)).hits).toEqual([]);

		await query(`update public.profiles set visibility = 'members' where id = $1`, [person.id]);
		await settled();
		expect(await documentOf(meili, 'people', person.id)).toBeNull();

		await query(`update public.profiles set visibility = 'public' where id = $1`, [person.id]);
		await settled();
		const document = await documentOf(meili, 'people', person.id);
		expect(document).toMatchObject({ title: name, type: 'person', keywords: ['Leerkracht'] });
		expect(JSON.stringify(document)).not.toContain('@');
		expect((await search(`q=${word}&type=person`)).hits.map((hit) => hit.id)).toEqual([person.id]);

		await query(`update public.profiles set visibility = 'private' where id = $1`, [person.id]);
		await settled();
		expect(await documentOf(meili, 'people', person.id)).toBeNull();
	});
});
