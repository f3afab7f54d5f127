// Safeguarding: the academy's owners and admins record "gezien op DATUM door NAAM" per volunteer and see
// whose check is recent; network staff read; plain members, other academies and everyone else neither see
// nor write them.
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromToday, testPeople, type Cast, type Person, type Who } from './people.js';
import {
	expectDeleteRefused,
	expectHidden,
	expectInsertRefused,
	expectUpdateRefused
} from './rls.js';

const people = testPeople('ruil-controle');
let cast: Cast;
let otherAcademyOwner: Person;
let academy: { id: string };
let check: { id: string } | undefined;

type Caller = Who | 'another academy';

const client = (who: Caller): SupabaseClient =>
	who === 'another academy' ? otherAcademyOwner.client : cast.clients[who];

beforeAll(async () => {
	cast = await people.cast();
	otherAcademyOwner = await people.signUp('andere-academie');
	academy = await people.organisation(
		[
			[cast.owner, 'owner'],
			[cast.admin, 'admin'],
			[cast.member, 'member']
		],
		{ kind: 'academy', name: 'Academie Controle' }
	);
	await people.organisation([[otherAcademyOwner, 'owner']], {
		kind: 'academy',
		name: 'Andere Academie Controle'
	});
	[check] = (await people.query(
		`insert into public.volunteer_checks (organisation_id, volunteer_name, seen_on, seen_by_name)
		 values ($1, 'An Peeters', $2, 'Els Coördinator'), ($1, 'Bart Oud', $3, 'Els Coördinator') returning id`,
		[academy.id, daysFromToday(-10), daysFromToday(-3 * 365 + 2)]
	)) as { id: string }[];
});

afterAll(() => people.remove());

describe('volunteer checks', () => {
	it.each(['an admin', 'an owner', 'network staff'] as const)(
		'shows the checks and their status to %s',
		async (who) => {
			const { data, error } = await client(who)
				.from('volunteer_check_status')
				.select('volunteer_name, recent')
				.eq('organisation_id', academy.id)
				.order('volunteer_name');
			expect(error).toBeNull();
			expect(data).toEqual([
				{ volunteer_name: 'An Peeters', recent: true },
				{ volunteer_name: 'Bart Oud', recent: true }
			]);
		}
	);

	it.each(['anonymous', 'a signed-in stranger', 'a member', 'another academy'] as const)(
		'shows nothing to %s',
		async (who) => {
			await expectHidden(client(who), 'volunteer_checks', { organisation_id: academy.id });
			const status = await client(who)
				.from('volunteer_check_status')
				.select('volunteer_name')
				.eq('organisation_id', academy.id);
			expect(status.data ?? []).toEqual([]);
		}
	);

	it.each(['an admin', 'an owner'] as const)(
		'lets %s record, correct and remove a check',
		async (who) => {
			const recorded = await client(who)
				.from('volunteer_checks')
				.insert({
					organisation_id: academy.id,
					volunteer_name: ' Mentor Een ',
					seen_on: daysFromToday(0),
					seen_by_name: 'Els'
				})
				.select('id, volunteer_name')
				.single();
			expect(recorded.error).toBeNull();
			expect(recorded.data!.volunteer_name).toBe('Mentor Een');
			const corrected = await client(who)
				.from('volunteer_checks')
				.update({ seen_by_name: 'Els V.' })
				.eq('id', recorded.data!.id)
				.select('seen_by_name');
			expect(corrected.data).toEqual([{ seen_by_name: 'Els V.' }]);
			const removed = await client(who)
				.from('volunteer_checks')
				.delete()
				.eq('id', recorded.data!.id)
				.select('id');
			expect(removed.data).toHaveLength(1);
		}
	);

	it.each([
		'anonymous',
		'a signed-in stranger',
		'a member',
		'another academy',
		'network staff'
	] as const)('does not let %s write', async (who) => {
		const db = client(who);
		const name = { organisation_id: academy.id, volunteer_name: `Indringer ${who}` };
		const values = { ...name, seen_on: daysFromToday(0), seen_by_name: 'X Y' };
		await expectInsertRefused(db, 'volunteer_checks', values, name);
		const refusal = who === 'anonymous' ? '42501' : 'no rows';
		const recorded = { id: check!.id };
		const patch = { seen_by_name: 'Gekaapt' };
		await expectUpdateRefused(db, 'volunteer_checks', recorded, patch, refusal);
		await expectDeleteRefused(db, 'volunteer_checks', recorded, refusal);
	});

	it.each([
		[
			'a day in the future',
			daysFromToday(1),
			'De datum waarop het uittreksel gezien werd, kan niet in de toekomst liggen.'
		],
		[
			'an extract older than 3 years',
			daysFromToday(-3 * 366 - 1),
			'Dit uittreksel is ouder dan 3 jaar: vraag een recent uittreksel.'
		]
	])('refuses %s in Dutch', async (_, seenOn, message) => {
		const { error } = await cast.admin.client.from('volunteer_checks').insert({
			organisation_id: academy.id,
			volunteer_name: 'Te Laat',
			seen_on: seenOn,
			seen_by_name: 'Els'
		});
		expect(error?.code).toBe('23514');
		expect(error?.message).toBe(message);
	});

	it('stores no document: only a name, a day and who saw it', async () => {
		const columns = await people.query<{ column_name: string }>(
			"select column_name from information_schema.columns where table_schema = 'public' and table_name = 'volunteer_checks' order by 1"
		);
		expect(columns.map((c) => c.column_name)).toEqual([
			'agreement_id',
			'created_at',
			'id',
			'organisation_id',
			'recorded_by',
			'seen_by_name',
			'seen_on',
			'volunteer_name'
		]);
	});
});
