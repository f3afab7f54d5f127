// public.event_page(): an event's page in one call gives what the page's select with embeds and
// event_summary() gave together, to a visitor, a community member and its organiser alike (the caller's
// RLS): the event with its place, organisation, community, counts and organiser; null for an event of a
// community that is not active and for an unknown id.
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { communityPath, getEvent } from '$lib/server/db/events';
import type { Db } from '$lib/server/supabase';
import { anonymousClient, testPeople, type Person } from './people.js';

// The events module reads its settings through SvelteKit's env modules (none are used here).
vi.mock('$env/dynamic/private', () => ({ env: {} }));
vi.mock('$env/dynamic/public', () => ({ env: {} }));

const people = testPeople('evenementpagina');
const run = people.slug('leiestreek');

/** The page's two calls before event_page() (events.ts), for comparison. */
async function byTwoCalls(db: SupabaseClient, id: string) {
	const [{ data, error }, counts] = await Promise.all([
		db
			.from('community_events')
			.select(
				'id, kind, title, starts_at, ends_at, address, status, capacity, municipality:municipalities(name_nl), description, organiser_id, updated_at, organisation:organisations(name), community:communities(id, name, kind, slug, municipality_nis)'
			)
			.eq('id', id)
			.maybeSingle(),
		db.rpc('event_summary', { p_event_id: id }).maybeSingle()
	]);
	expect(error).toBeNull();
	expect(counts.error).toBeNull();
	if (!data || !data.community || !counts.data) return null;
	const summary = counts.data as { going: number; waiting: number; organiser_name: string };
	const community = data.community as unknown as Record<string, unknown>;
	return {
		id: data.id,
		kind: data.kind,
		title: data.title,
		address: data.address,
		startsAt: data.starts_at,
		endsAt: data.ends_at,
		municipalityName: (data.municipality as unknown as { name_nl: string } | null)?.name_nl ?? '',
		status: data.status,
		capacity: data.capacity,
		description: data.description,
		organiserId: data.organiser_id,
		organiserName: summary.organiser_name,
		organisationName: (data.organisation as unknown as { name: string } | null)?.name ?? null,
		community: {
			id: community.id,
			name: community.name,
			path: communityPath(community as Parameters<typeof communityPath>[0])
		},
		going: summary.going,
		waiting: summary.waiting,
		updatedAt: data.updated_at
	};
}

let organiser: Person;
let member: Person;
let guest: Person;
let communityId: string;
let withAll: string;
let cancelled: string;

async function event(values: Record<string, unknown> = {}) {
	const [row] = await people.query<{ id: string }>(
		`insert into public.community_events
			(community_id, organiser_id, kind, title, description, address, municipality_nis, starts_at, ends_at,
				capacity, status, organisation_id)
		values ($1, $2, 'meetup', $3, 'Robots en koffie', 'Markt 1', '44021', now() + interval '10 days',
			now() + interval '10 days 2 hours', $4, $5, $6)
		returning id`,
		[
			values.community ?? communityId,
			organiser.id,
			values.title ?? 'STEM-café',
			values.capacity ?? null,
			values.status ?? 'scheduled',
			values.organisation ?? null
		]
	);
	return row!.id;
}

beforeAll(async () => {
	[organiser, member, guest] = await Promise.all([
		people.signUp('organisator', { display_name: 'Ine Organisator' }),
		people.signUp('lid'),
		people.signUp('gast')
	]);
	await people.query('update public.profiles set display_name = $2 where id = $1', [
		organiser.id,
		'Ine Organisator'
	]);
	const [community] = await people.query<{ id: string }>(
		`insert into public.communities (kind, slug, name) values ('region', $1, 'Leiestreek test') returning id`,
		[run]
	);
	communityId = community!.id;
	await people.query(
		`insert into public.community_members (community_id, user_id, person_kind, role)
		 select $1, unnest($2::uuid[]), 'teacher', 'member'`,
		[communityId, [organiser.id, member.id, guest.id]]
	);
	const school = await people.organisation([[organiser, 'admin']], { name: 'Basisschool De Leie' });
	withAll = await event({ title: 'Open labo', capacity: 1, organisation: school.id });
	cancelled = await event({ title: 'Afgelast café', status: 'cancelled' });
	await people.query(
		`insert into public.event_rsvps (event_id, user_id, status, position) values
			($1, $2, 'going', null), ($1, $3, 'waiting', 1)`,
		[withAll, member.id, guest.id]
	);
});

afterAll(async () => {
	if (communityId)
		await people.query('delete from public.communities where id = $1', [communityId]);
	await people.remove();
});

describe.each([
	['a visitor', () => anonymousClient()],
	['a member', () => member.client],
	['the organiser', () => organiser.client]
] as [string, () => SupabaseClient][])('event_page as %s', (_who, client) => {
	it('gives the event with place, organisation, community, counts and organiser, as the two calls did', async () => {
		const page = await getEvent(client() as Db, withAll);
		expect(page).toMatchObject((await byTwoCalls(client(), withAll))!);
		expect(page).toMatchObject({
			title: 'Open labo',
			municipalityName: 'Gent',
			capacity: 1,
			organisationName: 'Basisschool De Leie',
			organiserName: 'Ine Organisator',
			community: { id: communityId, name: 'Leiestreek test', path: `/regios/${run}` },
			going: 1,
			waiting: 1
		});
	});

	it('gives a cancelled event without an organisation the same way', async () => {
		const page = await getEvent(client() as Db, cancelled);
		expect(page).toMatchObject((await byTwoCalls(client(), cancelled))!);
		expect(page).toMatchObject({ status: 'cancelled', organisationName: null, going: 0 });
	});

	it('gives null for an unknown id', async () => {
		const unknown = '00000000-0000-4000-8000-00000000e404';
		expect(await getEvent(client() as Db, unknown)).toBeNull();
		expect(await byTwoCalls(client(), unknown)).toBeNull();
	});
});

it('gives null, as the two calls did, for an event of a community that is not active', async () => {
	const [proposed] = await people.query<{ id: string }>(
		`insert into public.communities (kind, slug, name, status)
		values ('region', $1, 'Voorgestelde regio test', 'proposed') returning id`,
		[people.slug('voorgesteld')]
	);
	try {
		const id = await event({ community: proposed!.id, title: 'Nog niet' });
		for (const client of [anonymousClient(), member.client, organiser.client]) {
			expect(await getEvent(client as Db, id)).toBeNull();
			expect(await byTwoCalls(client, id)).toBeNull();
		}
	} finally {
		await people.query('delete from public.communities where id = $1', [proposed!.id]);
	}
});
