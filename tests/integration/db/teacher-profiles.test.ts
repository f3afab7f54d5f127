// Teacher and volunteer profiles: the person writes their own (save_helper_profile()), who reads it follows
// its visibility within the general profile's, a school link shows only once the school's admins confirmed
// it, only they decide it, and help_suggestions() ranks the open requests near a person that fit them.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousClient, testPeople, type Person } from './people.js';
import { expectHidden, expectInsertRefused, expectUpdateRefused } from './rls.js';

const people = testPeople('leerkrachten');

let teacher: Person;
let stranger: Person;
let neighbour: Person;
let staff: Person;
let schoolAdmin: Person;
let schoolMember: Person;
let otherAdmin: Person;
let school: { id: string };
let otherSchool: { id: string };
let academy: { id: string };
let anon: SupabaseClient;
let communityId: string;

const profileOf = (visibility: string) => ({
	subjects: ['informatica', 'wiskunde'],
	grades: ['lager_3'],
	interests: ['mentor', 'guest_lesson'],
	about: 'Ik bouw robots.',
	visibility
});

async function save(person: Person, visibility: string, schoolId: string | null = null) {
	const { error } = await person.client.rpc('save_helper_profile', {
		p_profile: profileOf(visibility),
		p_slots: [{ weekday: 3, starts_at: '13:00', ends_at: '17:00' }],
		p_school_id: schoolId
	});
	expect(error).toBeNull();
}

const setProfileVisibility = (person: Person, visibility: string) =>
	people.query('update public.profiles set visibility = $2 where id = $1', [person.id, visibility]);

async function reads(db: SupabaseClient, person: Person) {
	const { data, error } = await db
		.from('helper_profiles')
		.select('user_id, helper_slots(weekday)')
		.eq('user_id', person.id);
	expect(error).toBeNull();
	return data!.length === 1 && data![0]!.helper_slots.length === 1;
}

beforeAll(async () => {
	[teacher, stranger, neighbour, staff, schoolAdmin, schoolMember, otherAdmin] = await Promise.all([
		people.signUp('leerkracht', { display_name: 'Lotte Leerkracht' }),
		people.signUp('vreemde'),
		people.signUp('buur'),
		people.signUp('staf'),
		people.signUp('schoolbeheerder'),
		people.signUp('schoollid'),
		people.signUp('anderebeheerder')
	]);
	await people.makeNetworkStaff(staff);
	school = await people.organisation(
		[
			[schoolAdmin, 'admin'],
			[schoolMember, 'member']
		],
		{ kind: 'school' }
	);
	otherSchool = await people.organisation([[otherAdmin, 'owner']], { kind: 'school' });
	academy = await people.organisation([], { kind: 'academy' });
	anon = anonymousClient();
	// A regional community the teacher and the neighbour share (the stranger is in none).
	const [community] = await people.query<{ id: string }>(
		`insert into public.communities (kind, slug, name) values ('region', $1, 'Testregio') returning id`,
		[`test-${randomUUID().slice(0, 8)}`]
	);
	communityId = community!.id;
	for (const person of [teacher, neighbour]) {
		await people.query(
			`insert into public.community_members (community_id, user_id, person_kind) values ($1, $2, 'teacher')`,
			[communityId, person.id]
		);
	}
});

afterAll(async () => {
	await people.query('delete from public.communities where id = $1', [communityId]);
	await people.remove();
});

describe('a helper profile', () => {
	it('is saved by the person in one step, with slots and a pending school link', async () => {
		await save(teacher, 'public', school.id);
		const { data } = await teacher.client
			.from('helper_profiles')
			.select('subjects, interests, about, visibility, helper_slots(weekday, starts_at, ends_at)')
			.eq('user_id', teacher.id)
			.single();
		expect(data).toMatchObject({
			subjects: ['informatica', 'wiskunde'],
			interests: ['mentor', 'guest_lesson'],
			about: 'Ik bouw robots.',
			visibility: 'public',
			helper_slots: [{ weekday: 3, starts_at: '13:00:00', ends_at: '17:00:00' }]
		});
		const [link] = await people.query<{ status: string }>(
			'select status from public.helper_school_links where user_id = $1',
			[teacher.id]
		);
		expect(link?.status).toBe('pending');
	});

	it('is refused with its rule for an unknown interest, and nothing is half-written', async () => {
		const { error } = await teacher.client.rpc('save_helper_profile', {
			p_profile: { ...profileOf('public'), interests: ['juggling'] },
			p_slots: [{ weekday: 1, starts_at: '09:00', ends_at: '10:00' }],
			p_school_id: school.id
		});
		expect(error?.message).toContain('helper_profiles_interests_known');
		const slots = await people.query('select weekday from public.helper_slots where user_id = $1', [
			teacher.id
		]);
		expect(slots).toEqual([{ weekday: 3 }]);
	});

	it('cannot be written for somebody else', async () => {
		await expectInsertRefused(
			stranger.client,
			'helper_profiles',
			{ user_id: teacher.id, interests: ['mentor'] },
			{ user_id: teacher.id }
		);
		await expectUpdateRefused(
			stranger.client,
			'helper_profiles',
			{ user_id: teacher.id },
			{ about: 'overgenomen' },
			'no rows'
		);
		await expectInsertRefused(
			stranger.client,
			'helper_slots',
			{ user_id: teacher.id, weekday: 1, starts_at: '08:00', ends_at: '09:00' },
			{ user_id: teacher.id }
		);
		const { error } = await anon.rpc('save_helper_profile', { p_profile: profileOf('public') });
		expect(error).not.toBeNull();
	});
});

describe('who reads a helper profile', () => {
	it('public within a public profile: everyone, also anonymous visitors', async () => {
		await save(teacher, 'public', school.id);
		await setProfileVisibility(teacher, 'public');
		expect(await reads(anon, teacher)).toBe(true);
		expect(await reads(stranger.client, teacher)).toBe(true);
	});

	it('public within a profile for members: signed-in people, not anonymous visitors', async () => {
		await setProfileVisibility(teacher, 'members');
		expect(await reads(stranger.client, teacher)).toBe(true);
		await expectHidden(anon, 'helper_profiles', { user_id: teacher.id });
		await expectHidden(anon, 'helper_slots', { user_id: teacher.id });
	});

	it('communities: people who share a community with the person, not others', async () => {
		await save(teacher, 'communities', school.id);
		expect(await reads(neighbour.client, teacher)).toBe(true);
		await expectHidden(stranger.client, 'helper_profiles', { user_id: teacher.id });
		await expectHidden(stranger.client, 'helper_slots', { user_id: teacher.id });
		await expectHidden(anon, 'helper_profiles', { user_id: teacher.id });
	});

	it('private: only the person, network staff and the chosen school’s admins', async () => {
		await save(teacher, 'private', school.id);
		await expectHidden(neighbour.client, 'helper_profiles', { user_id: teacher.id });
		await expectHidden(otherAdmin.client, 'helper_profiles', { user_id: teacher.id });
		await expectHidden(schoolMember.client, 'helper_profiles', { user_id: teacher.id });
		expect(await reads(teacher.client, teacher)).toBe(true);
		expect(await reads(staff.client, teacher)).toBe(true);
		expect(await reads(schoolAdmin.client, teacher)).toBe(true);
	});

	it('never wider than the general profile: a private profile hides a public helper profile', async () => {
		await save(teacher, 'public', school.id);
		await setProfileVisibility(teacher, 'private');
		await expectHidden(stranger.client, 'helper_profiles', { user_id: teacher.id });
		await expectHidden(neighbour.client, 'helper_profiles', { user_id: teacher.id });
		await expectHidden(anon, 'helper_profiles', { user_id: teacher.id });
		expect(await reads(teacher.client, teacher)).toBe(true);
		await setProfileVisibility(teacher, 'members');
	});
});

describe('a school link', () => {
	const where = () => ({ user_id: teacher.id });

	it('shows others nothing while pending, though the profile is public', async () => {
		await save(teacher, 'public', school.id);
		await expectHidden(stranger.client, 'helper_school_links', where());
		await expectHidden(otherAdmin.client, 'helper_school_links', where());
		const { data } = await schoolAdmin.client
			.from('helper_school_links')
			.select('status')
			.match(where());
		expect(data).toEqual([{ status: 'pending' }]);
		// The admin knows whom they confirm, whatever the profile's visibility.
		await setProfileVisibility(teacher, 'private');
		const { data: profile } = await schoolAdmin.client
			.from('profiles')
			.select('display_name')
			.eq('id', teacher.id);
		expect(profile).toEqual([{ display_name: 'Lotte Leerkracht' }]);
		await expectHidden(stranger.client, 'profiles', { id: teacher.id });
		await setProfileVisibility(teacher, 'members');
	});

	it('is not confirmed by the teacher, a school member or another school’s admin', async () => {
		await expectUpdateRefused(teacher.client, 'helper_school_links', where(), {
			status: 'confirmed'
		});
		await expectUpdateRefused(
			schoolMember.client,
			'helper_school_links',
			where(),
			{ status: 'confirmed' },
			'no rows'
		);
		await expectUpdateRefused(
			otherAdmin.client,
			'helper_school_links',
			where(),
			{ status: 'confirmed' },
			'no rows'
		);
		await expectInsertRefused(
			stranger.client,
			'helper_school_links',
			{ user_id: teacher.id, school_id: otherSchool.id },
			where()
		);
	});

	it('is confirmed by the school’s admin, who cannot move it to another school', async () => {
		await expectUpdateRefused(schoolAdmin.client, 'helper_school_links', where(), {
			school_id: otherSchool.id
		});
		const { data, error } = await schoolAdmin.client
			.from('helper_school_links')
			.update({ status: 'confirmed' })
			.match(where())
			.select('status, decided_by');
		expect(error).toBeNull();
		expect(data).toEqual([{ status: 'confirmed', decided_by: schoolAdmin.id }]);
		const { data: shown } = await stranger.client
			.from('helper_school_links')
			.select('school_id, status')
			.match(where());
		expect(shown).toEqual([{ school_id: school.id, status: 'confirmed' }]);
		await expectHidden(anon, 'helper_school_links', where());
	});

	it('starts over as pending when the teacher chooses another school', async () => {
		await save(teacher, 'public', otherSchool.id);
		const [link] = await people.query<{ status: string; decided_by: string | null }>(
			'select status, decided_by from public.helper_school_links where user_id = $1',
			[teacher.id]
		);
		expect(link).toEqual({ status: 'pending', decided_by: null });
		await expectHidden(stranger.client, 'helper_school_links', where());
	});

	it('must be a school', async () => {
		const { error } = await teacher.client.rpc('save_helper_profile', {
			p_profile: profileOf('public'),
			p_slots: [],
			p_school_id: academy.id
		});
		expect(error?.hint).toBe('helper_school_links_school_is_school');
	});
});

type Suggestion = {
	request_id: string;
	distance_km: number | null;
	in_my_community: boolean;
	overlap_minutes: number;
};

async function suggestionsFor(person: Person): Promise<Suggestion[]> {
	const { data, error } = await person.client.rpc('help_suggestions', { p_limit: 50 });
	expect(error).toBeNull();
	return data as Suggestion[];
}

describe('help_suggestions()', () => {
	let fits: { id: string };
	let noTime: { id: string };
	let wrongKind: { id: string };
	let farAway: { id: string };

	beforeAll(async () => {
		await people.query('update public.profiles set municipality_nis = $2 where id = $1', [
			neighbour.id,
			'44021'
		]);
		fits = await people.request(
			academy.id,
			{
				kind: 'volunteers',
				title: 'Twee begeleiders voor de codeerclub',
				domains: ['programmeren'],
				age_min: 10,
				age_max: 12
			},
			[[3, '14:00', '16:00']]
		);
		noTime = await people.request(academy.id, { kind: 'expertise', title: 'Een gastspreker' }, [
			[1, '09:00', '10:00']
		]);
		wrongKind = await people.request(academy.id, { kind: 'materials', title: 'Tien laptops' });
		farAway = await people.request(academy.id, {
			kind: 'volunteers',
			title: 'Begeleiders aan zee',
			municipality_nis: '38025'
		});
	});

	it('ranks the open requests near the person that fit their interests, with the facts for the reasons', async () => {
		expect(await suggestionsFor(neighbour)).toEqual([]);

		await save(neighbour, 'communities');
		const data = await suggestionsFor(neighbour);
		const ids = data.map((row) => row.request_id);
		expect(ids).toContain(fits.id);
		expect(ids).toContain(noTime.id);
		expect(ids).not.toContain(wrongKind.id);
		expect(ids).not.toContain(farAway.id);
		expect(ids.indexOf(fits.id)).toBeLessThan(ids.indexOf(noTime.id));
		const row = data.find((r) => r.request_id === fits.id)!;
		expect(row).toMatchObject({
			interests: ['mentor'],
			overlap_minutes: 120,
			overlap_weekday: 3,
			overlap_starts: '14:00:00',
			overlap_ends: '16:00:00',
			shared_domains: ['programmeren'],
			ages_fit: true
		});
		expect(row.distance_km!).toBeLessThan(1);
		expect(data.find((r) => r.request_id === noTime.id)!.overlap_minutes).toBe(0);
	});

	it('counts the places of the person’s communities as near', async () => {
		await people.query(
			`insert into public.community_municipalities (community_id, municipality_nis) values ($1, '38025')`,
			[communityId]
		);
		const data = await suggestionsFor(neighbour);
		const row = data.find((r) => r.request_id === farAway.id);
		expect(row?.in_my_community).toBe(true);
	});

	it('is not for anonymous visitors', async () => {
		const { error } = await anon.rpc('help_suggestions', { p_limit: 5 });
		expect(error).not.toBeNull();
	});
});
