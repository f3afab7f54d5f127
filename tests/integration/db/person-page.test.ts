// A person's page in one call (public.person_page(), security invoker): what anonymous visitors, a
// signed-in stranger and the person themselves get is exactly what the three separate queries the page
// made before gave them: a public helper with a confirmed school, one whose school has not confirmed yet
// (the school stays hidden), one whose profile is private (nobody else sees the page) and an unknown id.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { getHelperProfile, getPersonPage } from '$lib/server/db/teacher-profiles';
import type { Db } from '$lib/server/supabase';
import { anonymousClient, testPeople, type Person } from './people.js';

const people = testPeople('person-page');
let confirmed: Person;
let pending: Person;
let hidden: Person;
let stranger: Person;

/** What the page loaded before, query by query (the former getPersonPage()). */
async function separately(db: Db, userId: string) {
	const [profile, person, link] = await Promise.all([
		getHelperProfile(db, userId),
		db.from('profiles').select('display_name').eq('id', userId).maybeSingle(),
		db
			.from('helper_school_links')
			.select('status, organisations(name, slug)')
			.eq('user_id', userId)
			.eq('status', 'confirmed')
			.maybeSingle()
	]);
	if (person.error) throw person.error;
	if (link.error) throw link.error;
	if (!profile || !person.data) return null;
	const school = link.data?.organisations;
	return {
		id: userId,
		displayName: person.data.display_name,
		profile,
		school: school ? { name: school.name, slug: school.slug } : null
	};
}

afterAll(() => people.remove());

beforeAll(async () => {
	[confirmed, pending, hidden, stranger] = await Promise.all([
		people.signUp('bevestigd', { display_name: 'Bea Bevestigd' }),
		people.signUp('wachtend', { display_name: 'Wim Wachtend' }),
		people.signUp('verborgen', { display_name: 'Vera Verborgen' }),
		people.signUp('vreemde')
	]);
	const school = await people.organisation([], { kind: 'school' });
	await people.query(`update public.profiles set visibility = 'public' where id = any($1)`, [
		[confirmed.id, pending.id, hidden.id]
	]);
	await people.query(
		`insert into public.helper_profiles (user_id, subjects, grades, interests, about, visibility)
		 values ($1, '{wiskunde,fysica}', '{secundair_1}', '{guest_lesson}', 'Ik help graag.', 'public'),
			($2, '{biologie}', '{lager_3}', '{mentor}', null, 'public'),
			($3, '{chemie}', '{}', '{}', 'Liever niet gezien.', 'private')`,
		[confirmed.id, pending.id, hidden.id]
	);
	await people.query(
		`insert into public.helper_slots (user_id, weekday, starts_at, ends_at)
		 values ($1, 3, '13:00', '16:00'), ($1, 1, '09:00', '12:00'), ($2, 5, '14:00', '15:30')`,
		[confirmed.id, pending.id]
	);
	await people.query(
		`insert into public.helper_school_links (user_id, school_id, status) values ($1, $3, 'pending'), ($2, $3, 'pending')`,
		[confirmed.id, pending.id, school.id]
	);
	await people.query(
		`update public.helper_school_links set status = 'confirmed' where user_id = $1`,
		[confirmed.id]
	);
});

describe('person_page: one call gives what the separate queries gave', () => {
	it('to anonymous visitors, a stranger and the person themselves', async () => {
		const readers: [string, () => SupabaseClient][] = [
			['anonymous', () => anonymousClient()],
			['a signed-in stranger', () => stranger.client],
			['the helper with a confirmed school', () => confirmed.client],
			['the helper whose school did not confirm yet', () => pending.client],
			['the helper with a private profile', () => hidden.client]
		];
		for (const [who, client] of readers) {
			for (const person of [confirmed, pending, hidden]) {
				const one = await getPersonPage(client(), person.id);
				const before = await separately(client(), person.id);
				expect(one, `${who} reads ${person.email}`).toEqual(before);
			}
		}
	});

	it('shows a confirmed school, hides a pending one and a private profile', async () => {
		const anonymous = anonymousClient();
		const page = await getPersonPage(anonymous, confirmed.id);
		expect(page?.displayName).toBe('Bea Bevestigd');
		expect(page?.school).not.toBeNull();
		expect(page?.profile.slots.map((slot) => slot.weekday)).toEqual([1, 3]);
		expect((await getPersonPage(anonymous, pending.id))?.school).toBeNull();
		expect(await getPersonPage(anonymous, hidden.id)).toBeNull();
		expect(await getPersonPage(stranger.client, hidden.id)).toBeNull();
		expect((await getPersonPage(hidden.client, hidden.id))?.displayName).toBe('Vera Verborgen');
	});

	it('finds nobody for an unknown id', async () => {
		const { data, error } = await anonymousClient().rpc('person_page', { p_user_id: randomUUID() });
		expect(error).toBeNull();
		expect(data).toEqual({ profile: null, person: null, link: null });
	});

	it('refuses what is no id, with PostgREST’s own answer (a 4xx, never a page)', async () => {
		const { error } = await anonymousClient().rpc('person_page', { p_user_id: 'geen-id' });
		expect(error?.code).toBe('22P02');
	});
});
