// Community events under RLS: who may organise (members and hosts; an open school day by a school's admins),
// who reads the RSVP list (organiser, hosts, staff) and their own RSVP, the waiting list and its promotion
// under two cancels at once, the blocked, the day-before reminder (once), and the secret calendar feed.
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	expectDeleteRefused,
	expectHidden,
	expectInsertRefused,
	expectUpdateRefused
} from './rls.js';
import { anonymousClient, testPeople, type Person } from './people.js';

const people = testPeople('events');
const run = people.slug('westkust');

let communityId: string;
let host: Person;
let member: Person;
let stranger: Person;
let blocked: Person;
let staff: Person;
let schoolAdmin: Person;
let school: { id: string };
const guests: Person[] = [];

/** A local moment in Brussels `days` from today at `time`, as the RPC takes it (no zone). */
function localMoment(days: number, time: string) {
	const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(
		new Date(Date.now() + days * 24 * 3600 * 1000)
	);
	return `${day}T${time}:00`;
}

async function createEvent(client: SupabaseClient, values: Partial<Record<string, unknown>> = {}) {
	return client.rpc('create_community_event', {
		p_community_id: communityId,
		p_kind: 'meetup',
		p_title: 'STEM-café aan zee',
		p_description: 'Koffie en robots',
		p_address: 'Zeedijk 1',
		p_municipality_nis: '38014',
		p_starts_local: localMoment(10, '19:00'),
		p_ends_local: localMoment(10, '21:00'),
		...values
	});
}

async function eventWithCapacity(capacity: number | null, days = 10) {
	const { data, error } = await createEvent(member.client, {
		p_capacity: capacity,
		p_starts_local: localMoment(days, '19:00'),
		p_ends_local: localMoment(days, '21:00')
	});
	expect(error).toBeNull();
	return data as string;
}

beforeAll(async () => {
	[host, member, stranger, blocked, staff, schoolAdmin] = await Promise.all([
		people.signUp('host'),
		people.signUp('member'),
		people.signUp('stranger'),
		people.signUp('blocked'),
		people.signUp('staff'),
		people.signUp('school')
	]);
	for (let i = 0; i < 4; i += 1) guests.push(await people.signUp(`guest${i}`));
	await people.makeNetworkStaff(staff);
	const [community] = await people.query<{ id: string }>(
		`insert into public.communities (kind, slug, name) values ('region', $1, 'Westkust test') returning id`,
		[run]
	);
	communityId = community!.id;
	// Koksijde and De Panne; the test people are no academy's admins, so only `host` hosts.
	await people.query(
		`insert into public.community_municipalities (community_id, municipality_nis) values ($1, '38014'), ($1, '38008')`,
		[communityId]
	);
	await people.query(
		`insert into public.community_members (community_id, user_id, person_kind, role)
		 select $1, unnest($2::uuid[]), 'teacher', unnest($3::text[])`,
		[
			communityId,
			[host.id, member.id, blocked.id, ...guests.map((guest) => guest.id)],
			['host', 'member', 'member', ...guests.map(() => 'member')]
		]
	);
	await people.query(
		`insert into public.community_blocks (community_id, user_id, reason) values ($1, $2, 'Spam in de community')`,
		[communityId, blocked.id]
	);
	school = await people.organisation([[schoolAdmin, 'admin']], {
		kind: 'school',
		municipality_nis: '38014'
	});
});

afterAll(async () => {
	if (communityId)
		await people.query('delete from public.communities where id = $1', [communityId]);
	await people.remove();
});

describe('who may organise an event', () => {
	it('lets a member create one, with the times read as Belgian local time', async () => {
		const { data, error } = await createEvent(member.client, {
			p_starts_local: '2027-07-01T19:00:00',
			p_ends_local: '2027-07-01T21:00:00'
		});
		expect(error).toBeNull();
		const [row] = await people.query<{ starts_at: Date; organiser_id: string }>(
			'select starts_at, organiser_id from public.community_events where id = $1',
			[data]
		);
		// Summer time: 19:00 in Brussels is 17:00 UTC.
		expect(row!.starts_at.toISOString()).toBe('2027-07-01T17:00:00.000Z');
		expect(row!.organiser_id).toBe(member.id);
	});

	it('lets a host create one', async () => {
		const { error } = await createEvent(host.client);
		expect(error).toBeNull();
	});

	it('refuses a signed-in stranger, a blocked member and anonymous visitors', async () => {
		const before = await people.query(
			'select id from public.community_events where community_id = $1',
			[communityId]
		);
		const strangerTry = await createEvent(stranger.client);
		expect(strangerTry.error?.hint).toBe('event_members_only');
		const blockedTry = await createEvent(blocked.client);
		expect(blockedTry.error?.hint).toBe('event_blocked');
		const anonymousTry = await createEvent(anonymousClient());
		expect(anonymousTry.error?.code).toBe('42501');
		const after = await people.query(
			'select id from public.community_events where community_id = $1',
			[communityId]
		);
		expect(after).toHaveLength(before.length);
	});

	it("lets a school's admin announce an open school day without joining, and nobody else", async () => {
		const { error } = await createEvent(schoolAdmin.client, {
			p_kind: 'open_school_day',
			p_organisation_id: school.id
		});
		expect(error).toBeNull();
		const asMember = await createEvent(member.client, { p_kind: 'open_school_day' });
		expect(asMember.error?.hint).toBe('event_open_school_day_school');
		const otherSchool = await createEvent(member.client, {
			p_kind: 'open_school_day',
			p_organisation_id: school.id
		});
		expect(otherSchool.error?.hint).toBe('event_organisation_not_yours');
		// The school's admin is no member, so an ordinary meetup is refused.
		const meetup = await createEvent(schoolAdmin.client, { p_organisation_id: school.id });
		expect(meetup.error?.hint).toBe('event_members_only');
	});

	it('refuses bad input with the rule it breaks', async () => {
		const past = await createEvent(member.client, {
			p_starts_local: '2020-01-01T10:00:00',
			p_ends_local: '2020-01-01T11:00:00'
		});
		expect(past.error?.hint).toBe('event_starts_in_future');
		const backwards = await createEvent(member.client, {
			p_starts_local: localMoment(5, '21:00'),
			p_ends_local: localMoment(5, '19:00')
		});
		expect(backwards.error?.message).toContain('community_events_ends_after_start');
		const capacity = await createEvent(member.client, { p_capacity: 0 });
		expect(capacity.error?.message).toContain('community_events_capacity_range');
	});

	it('refuses writing events directly', async () => {
		const id = await eventWithCapacity(null);
		await expectInsertRefused(
			member.client,
			'community_events',
			{
				community_id: communityId,
				title: 'Direct',
				address: 'Ergens 1',
				municipality_nis: '38014',
				starts_at: new Date(Date.now() + 1e9).toISOString(),
				ends_at: new Date(Date.now() + 2e9).toISOString()
			},
			{ community_id: communityId, title: 'Direct' }
		);
		await expectUpdateRefused(member.client, 'community_events', { id }, { title: 'Anders' });
		await expectDeleteRefused(member.client, 'community_events', { id });
	});
});

describe('reading events and cancelling them', () => {
	it('shows events to anonymous visitors', async () => {
		const id = await eventWithCapacity(5);
		const { data } = await anonymousClient().from('community_events').select('id').eq('id', id);
		expect(data).toHaveLength(1);
	});

	it('lets the organiser and hosts cancel, not a stranger or another member', async () => {
		const id = await eventWithCapacity(5);
		await expectUpdateRefused(
			stranger.client,
			'community_events',
			{ id },
			{ status: 'cancelled' },
			'no rows'
		);
		await expectUpdateRefused(
			guests[0]!.client,
			'community_events',
			{ id },
			{ status: 'cancelled' },
			'no rows'
		);
		const byHost = await host.client
			.from('community_events')
			.update({ status: 'cancelled' })
			.eq('id', id)
			.select('id');
		expect(byHost.data).toHaveLength(1);
		const rsvp = await guests[0]!.client.rpc('rsvp_event', { p_event_id: id });
		expect(rsvp.error?.hint).toBe('event_cancelled');
	});
});

describe('RSVPs and the waiting list', () => {
	let eventId: string;

	beforeAll(async () => {
		eventId = await eventWithCapacity(1);
	});

	it('puts the first person in and the next ones on the waiting list, in order', async () => {
		const first = await guests[0]!.client.rpc('rsvp_event', { p_event_id: eventId }).single();
		expect(first.data).toEqual({ status: 'going', waiting_place: null });
		const second = await guests[1]!.client.rpc('rsvp_event', { p_event_id: eventId }).single();
		expect(second.data).toEqual({ status: 'waiting', waiting_place: 1 });
		const third = await guests[2]!.client.rpc('rsvp_event', { p_event_id: eventId }).single();
		expect(third.data).toEqual({ status: 'waiting', waiting_place: 2 });
		// Saying it again changes nothing.
		const again = await guests[1]!.client.rpc('rsvp_event', { p_event_id: eventId }).single();
		expect(again.data).toEqual({ status: 'waiting', waiting_place: 1 });
		const place = await guests[2]!.client.rpc('rsvp_waiting_place', { p_event_id: eventId });
		expect(place.data).toBe(2);
	});

	it('refuses a blocked person and anonymous visitors', async () => {
		const byBlocked = await blocked.client.rpc('rsvp_event', { p_event_id: eventId });
		expect(byBlocked.error?.hint).toBe('event_blocked');
		const byAnonymous = await anonymousClient().rpc('rsvp_event', { p_event_id: eventId });
		expect(byAnonymous.error?.code).toBe('42501');
		const rows = await people.query(
			'select 1 from public.event_rsvps where event_id = $1 and user_id = $2',
			[eventId, blocked.id]
		);
		expect(rows).toHaveLength(0);
	});

	it('shows a person only their own RSVP', async () => {
		const { data } = await guests[1]!.client
			.from('event_rsvps')
			.select('user_id')
			.eq('event_id', eventId);
		expect(data).toEqual([{ user_id: guests[1]!.id }]);
		await expectHidden(stranger.client, 'event_rsvps', { event_id: eventId });
		await expectHidden(anonymousClient(), 'event_rsvps', { event_id: eventId }, '42501');
		const list = await stranger.client.rpc('event_attendees', { p_event_id: eventId });
		expect(list.data).toEqual([]);
	});

	it('shows the whole list to the organiser, the hosts and staff', async () => {
		for (const reader of [member, host, staff]) {
			const { data } = await reader.client
				.from('event_rsvps')
				.select('user_id')
				.eq('event_id', eventId);
			expect(data).toHaveLength(3);
			const list = await reader.client.rpc('event_attendees', { p_event_id: eventId });
			expect(
				list.data?.map((row: { status: string; waiting_place: number | null }) => [
					row.status,
					row.waiting_place
				])
			).toEqual([
				['going', null],
				['waiting', 1],
				['waiting', 2]
			]);
		}
	});

	it('lets nobody write RSVPs directly', async () => {
		await expectInsertRefused(
			stranger.client,
			'event_rsvps',
			{ event_id: eventId, user_id: stranger.id, status: 'going' },
			{ event_id: eventId, user_id: stranger.id }
		);
		await expectUpdateRefused(
			guests[1]!.client,
			'event_rsvps',
			{ event_id: eventId, user_id: guests[1]!.id },
			{ status: 'going', position: null }
		);
		await expectDeleteRefused(guests[0]!.client, 'event_rsvps', {
			event_id: eventId,
			user_id: guests[0]!.id
		});
	});

	it('promotes the first waiting person when someone going cancels, and tells them', async () => {
		const { error } = await guests[0]!.client.rpc('cancel_event_rsvp', { p_event_id: eventId });
		expect(error).toBeNull();
		const rows = await people.query<{ user_id: string; status: string; position: number | null }>(
			'select user_id, status, position from public.event_rsvps where event_id = $1 order by status, user_id',
			[eventId]
		);
		const byUser = Object.fromEntries(rows.map((row) => [row.user_id, row.status]));
		expect(byUser[guests[0]!.id]).toBe('cancelled');
		expect(byUser[guests[1]!.id]).toBe('going');
		expect(byUser[guests[2]!.id]).toBe('waiting');
		const notes = await people.query<{ user_id: string; delivery: string; link: string }>(
			`select user_id, delivery, link from public.notifications where event_id = $1 and kind = 'event_promoted'`,
			[eventId]
		);
		expect(notes).toEqual([
			{ user_id: guests[1]!.id, delivery: 'email', link: `/evenementen/${eventId}` }
		]);
		const place = await guests[2]!.client.rpc('rsvp_waiting_place', { p_event_id: eventId });
		expect(place.data).toBe(1);
	});

	it('promotes one person for each of two cancels at the same moment', async () => {
		const id = await eventWithCapacity(2);
		for (const guest of guests) {
			const { error } = await guest.client.rpc('rsvp_event', { p_event_id: id });
			expect(error).toBeNull();
		}
		const results = await Promise.all(
			[guests[0]!, guests[1]!].map((guest) =>
				guest.client.rpc('cancel_event_rsvp', { p_event_id: id })
			)
		);
		for (const result of results) expect(result.error).toBeNull();
		const rows = await people.query<{ user_id: string; status: string }>(
			'select user_id, status from public.event_rsvps where event_id = $1',
			[id]
		);
		const going = rows
			.filter((row) => row.status === 'going')
			.map((row) => row.user_id)
			.sort();
		expect(going).toEqual([guests[2]!.id, guests[3]!.id].sort());
		const notes = await people.query<{ user_id: string }>(
			`select user_id from public.notifications where event_id = $1 and kind = 'event_promoted' order by user_id`,
			[id]
		);
		expect(notes.map((row) => row.user_id)).toEqual([guests[2]!.id, guests[3]!.id].sort());
	});
});

describe('reminders the day before', () => {
	it('writes one reminder per person going, however often the job runs', async () => {
		const id = await eventWithCapacity(null, 1);
		await guests[0]!.client.rpc('rsvp_event', { p_event_id: id });
		await guests[1]!.client.rpc('rsvp_event', { p_event_id: id });
		await guests[1]!.client.rpc('cancel_event_rsvp', { p_event_id: id });
		const count = async () =>
			people.query<{ user_id: string }>(
				`select user_id from public.notifications where event_id = $1 and kind = 'event_reminder'`,
				[id]
			);
		await people.query('select public.queue_event_reminders()');
		await people.query('select public.queue_event_reminders()');
		expect(await count()).toEqual([{ user_id: guests[0]!.id }]);
	});

	it('is for the mail job only', async () => {
		const { error } = await member.client.rpc('queue_event_reminders', {});
		expect(error?.code).toBe('42501');
	});
});

describe('the personal calendar feed', () => {
	it('opens with the token only, and a reset closes the old address', async () => {
		const id = await eventWithCapacity(null);
		await guests[3]!.client.rpc('rsvp_event', { p_event_id: id });
		const { data: token } = await guests[3]!.client.rpc('event_feed_token', {});
		expect(token).toMatch(/^[0-9a-f]{48}$/);
		const again = await guests[3]!.client.rpc('event_feed_token', {});
		expect(again.data).toBe(token);
		const feed = await anonymousClient().rpc('event_feed', { p_token: token as string });
		expect(feed.data?.map((row: { id: string }) => row.id)).toContain(id);
		const { data: fresh } = await guests[3]!.client.rpc('event_feed_token', { p_reset: true });
		expect(fresh).not.toBe(token);
		const old = await anonymousClient().rpc('event_feed', { p_token: token as string });
		expect(old.data).toEqual([]);
		// Nobody reads another person's token.
		await expectHidden(stranger.client, 'event_feed_tokens', { user_id: guests[3]!.id });
	});
});
