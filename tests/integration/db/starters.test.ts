// Starting an academy in a white spot: who reads and writes the registrations of interest, the staff's
// connections, the coaching offers and coach links (each policy allows and refuses); the RPCs' refusals
// (not a white spot, an organisation one does not manage), a double submit that updates, withdrawing; an
// academy verified there notifies those interested and closes their registrations; the person's own
// registrations in their data export and gone with their account.
import type { User } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPersonalData } from '$lib/server/db/account';
import type { Db } from '$lib/server/supabase';
import { anonymousClient, testPeople, type Person } from './people.js';
import {
	expectDeleteRefused,
	expectHidden,
	expectInsertRefused,
	expectUpdateRefused,
	storedRows
} from './rls.js';

const people = testPeople('starters');
let person: Person;
let other: Person;
let admin: Person;
let member: Person;
let staff: Person;
let organisation: { id: string };
let academy: { id: string };
let spot: string;
let covered: string;

const register = (who: Person, values: Record<string, unknown> = {}) =>
	who.client.rpc('register_starter_interest', {
		p_municipality_nis: spot,
		p_organisation_id: null,
		p_role: 'person',
		p_offers: ['room'],
		p_note: '',
		p_shown_as: 'name',
		...values
	});

beforeAll(async () => {
	[person, other, admin, member, staff] = await Promise.all([
		people.signUp('persoon', { display_name: 'Piet Starter' }),
		people.signUp('ander', { display_name: 'Anna Ander' }),
		people.signUp('beheerder'),
		people.signUp('lid'),
		people.signUp('staf')
	]);
	await people.makeNetworkStaff(staff);
	// A white spot of our own: a current Flemish municipality without any academy, verified or not, so
	// that no other suite's academy closes it while this one runs.
	const [row] = await people.query<{ nis: string }>(
		`select m.nis from public.municipalities m
		 where m.valid_to is null and m.region = 'VLG'
			and not exists (select 1 from public.organisations o where o.municipality_nis = m.nis and o.kind = 'academy')
		 order by m.nis desc limit 1`
	);
	spot = row!.nis;
	const [academyRow] = await people.query<{ municipality_nis: string }>(
		`select municipality_nis from private.counted_academies() limit 1`
	);
	covered = academyRow!.municipality_nis;
	organisation = await people.organisation(
		[
			[admin, 'admin'],
			[member, 'member']
		],
		{ kind: 'partner', municipality_nis: spot }
	);
	academy = await people.organisation([[admin, 'owner']], {
		kind: 'academy',
		municipality_nis: covered,
		verification_status: 'verified',
		verified_at: new Date().toISOString()
	});
});

afterAll(() => people.remove());

describe('registering interest', () => {
	it('a person registers in a white spot; a second submit updates the same row', async () => {
		const first = await register(person, {
			p_offers: ['room', 'money'],
			p_note: ' Ik help graag '
		});
		expect(first.error).toBeNull();
		const again = await register(person, { p_role: 'officer', p_offers: ['coordinator'] });
		expect(again.error).toBeNull();
		expect(again.data).toBe(first.data);
		const rows = await storedRows('starter_interests', {
			municipality_nis: spot,
			user_id: person.id
		});
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ role: 'officer', offers: ['coordinator'], shown_as: 'name' });
	});

	it('refuses a municipality that is not a white spot, and an unknown one', async () => {
		const taken = await register(person, { p_municipality_nis: covered });
		expect(taken.error).toMatchObject({ code: 'PT409', hint: 'starter_not_white_spot' });
		const unknown = await register(person, { p_municipality_nis: '99999' });
		expect(unknown.error).toMatchObject({ code: 'PT404', hint: 'starter_municipality_not_found' });
		expect(await storedRows('starter_interests', { municipality_nis: covered })).toEqual([]);
	});

	it("an organisation's admin registers it; a plain member may not", async () => {
		const byMember = await register(member, {
			p_organisation_id: organisation.id,
			p_role: 'organisation',
			p_shown_as: 'organisation'
		});
		expect(byMember.error).toMatchObject({
			code: '42501',
			hint: 'starter_organisation_admin_only'
		});
		const byAdmin = await register(admin, {
			p_organisation_id: organisation.id,
			p_role: 'organisation',
			p_shown_as: 'organisation'
		});
		expect(byAdmin.error).toBeNull();
		const rows = await storedRows('starter_interests', { organisation_id: organisation.id });
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ user_id: null, registered_by: admin.id });
	});

	it("refuses a name that does not fit (a person showing an organisation's name)", async () => {
		const wrong = await register(other, { p_shown_as: 'organisation' });
		expect(wrong.error?.message).toContain('starter_interests_shown_as_fits');
	});

	it('everyone sees the open registrations with names as each chose; anonymous shows no name', async () => {
		await register(other, { p_shown_as: 'anonymous', p_note: 'geheim' });
		const { data, error } = await anonymousClient().rpc('starter_interest_board', {
			p_municipality_nis: spot
		});
		expect(error).toBeNull();
		const names = (data ?? []).map((row: { shown_name: string | null }) => row.shown_name);
		expect(names).toEqual(['Piet Starter', 'Testorganisatie starters', null]);
		// Notes are only for the registrant (and staff).
		expect(
			(data ?? []).every((row: { note: string; mine: boolean }) => row.note === '' && !row.mine)
		).toBe(true);
	});
});

describe('starter_interests policies', () => {
	it('the person reads their own, admins their organisation’s, staff all; others none', async () => {
		const own = await person.client
			.from('starter_interests')
			.select('user_id')
			.eq('municipality_nis', spot);
		expect(own.data).toEqual([{ user_id: person.id }]);
		const byAdmin = await admin.client
			.from('starter_interests')
			.select('organisation_id')
			.eq('municipality_nis', spot);
		expect(byAdmin.data).toEqual([{ organisation_id: organisation.id }]);
		const byStaff = await staff.client
			.from('starter_interests')
			.select('id')
			.eq('municipality_nis', spot);
		expect(byStaff.data).toHaveLength(3);
		await expectHidden(member.client, 'starter_interests', { municipality_nis: spot });
		await expectHidden(anonymousClient(), 'starter_interests', { municipality_nis: spot }, '42501');
	});

	it('nobody inserts for someone else, or in a covered municipality', async () => {
		await expectInsertRefused(
			other.client,
			'starter_interests',
			{ municipality_nis: spot, user_id: person.id, role: 'person', shown_as: 'name' },
			{ municipality_nis: spot, user_id: person.id }
		);
		await expectInsertRefused(
			member.client,
			'starter_interests',
			{ municipality_nis: spot, organisation_id: organisation.id, role: 'organisation' },
			{ organisation_id: organisation.id }
		);
		await expectInsertRefused(
			other.client,
			'starter_interests',
			{ municipality_nis: covered, user_id: other.id, role: 'person', shown_as: 'name' },
			{ municipality_nis: covered }
		);
	});

	it('the registrant changes theirs; someone else and staff do not; closed_at is not theirs to set', async () => {
		const changed = await person.client
			.from('starter_interests')
			.update({ note: 'Nieuwe toelichting' })
			.eq('user_id', person.id)
			.select('note');
		expect(changed.data).toEqual([{ note: 'Nieuwe toelichting' }]);
		await expectUpdateRefused(
			other.client,
			'starter_interests',
			{ user_id: person.id },
			{ note: 'x' },
			'no rows'
		);
		await expectUpdateRefused(
			staff.client,
			'starter_interests',
			{ user_id: person.id },
			{ note: 'x' },
			'no rows'
		);
		await expectUpdateRefused(
			person.client,
			'starter_interests',
			{ user_id: person.id },
			{ closed_at: new Date().toISOString() }
		);
	});

	it('someone else cannot withdraw it; the person can (the RPC refuses what is gone)', async () => {
		await expectDeleteRefused(other.client, 'starter_interests', { user_id: person.id }, 'no rows');
		const [row] = await storedRows('starter_interests', { user_id: other.id });
		const refused = await person.client.rpc('withdraw_starter_interest', {
			p_interest_id: row!.id
		});
		expect(refused.error).toMatchObject({ code: 'PT404', hint: 'starter_interest_not_found' });
		const withdrawn = await other.client.rpc('withdraw_starter_interest', {
			p_interest_id: row!.id
		});
		expect(withdrawn.error).toBeNull();
		expect(await storedRows('starter_interests', { user_id: other.id })).toEqual([]);
	});
});

describe('staff connections and coaching', () => {
	it('staff mark a registration connected; nobody else reads or writes connections', async () => {
		const [row] = await storedRows('starter_interests', { user_id: person.id });
		const byPerson = await person.client.rpc('connect_starter_interest', {
			p_interest_id: row!.id,
			p_note: 'x'
		});
		expect(byPerson.error).toMatchObject({ code: '42501', hint: 'starter_staff_only' });
		const byStaff = await staff.client.rpc('connect_starter_interest', {
			p_interest_id: row!.id,
			p_note: 'Gebeld'
		});
		expect(byStaff.error).toBeNull();
		const read = await staff.client
			.from('starter_connections')
			.select('note, connected_by')
			.eq('interest_id', row!.id);
		expect(read.data).toEqual([{ note: 'Gebeld', connected_by: staff.id }]);
		await expectHidden(person.client, 'starter_connections', { interest_id: row!.id as string });
		await expectInsertRefused(
			admin.client,
			'starter_connections',
			{ interest_id: row!.id, note: 'x' },
			{ interest_id: row!.id as string },
			'42501'
		);
		await expectDeleteRefused(
			person.client,
			'starter_connections',
			{ interest_id: row!.id as string },
			'no rows'
		);
	});

	it('a verified academy’s admin offers coaching; a partner cannot; anyone reads offers', async () => {
		const notAcademy = await admin.client.rpc('save_coaching_offer', {
			p_organisation_id: organisation.id,
			p_provinces: [],
			p_note: ''
		});
		expect(notAcademy.error).toMatchObject({
			code: 'PT409',
			hint: 'coaching_verified_academy_only'
		});
		const byStranger = await other.client.rpc('save_coaching_offer', {
			p_organisation_id: academy.id,
			p_provinces: [],
			p_note: ''
		});
		expect(byStranger.error).toMatchObject({ code: '42501', hint: 'coaching_admin_only' });
		const saved = await admin.client.rpc('save_coaching_offer', {
			p_organisation_id: academy.id,
			p_provinces: ['Limburg'],
			p_note: 'We helpen graag'
		});
		expect(saved.error).toBeNull();
		const read = await anonymousClient()
			.from('academy_coaching_offers')
			.select('provinces')
			.eq('organisation_id', academy.id);
		expect(read.data).toEqual([{ provinces: ['Limburg'] }]);
		await expectUpdateRefused(
			other.client,
			'academy_coaching_offers',
			{ organisation_id: academy.id },
			{ note: 'x' },
			'no rows'
		);
		await expectDeleteRefused(
			other.client,
			'academy_coaching_offers',
			{ organisation_id: academy.id },
			'no rows'
		);
	});

	it('only staff link a coaching academy, and only one that offers coaching', async () => {
		const byAdmin = await admin.client.rpc('link_starter_coach', {
			p_municipality_nis: spot,
			p_academy_id: academy.id,
			p_linked: true
		});
		expect(byAdmin.error).toMatchObject({ code: '42501', hint: 'starter_staff_only' });
		await expectInsertRefused(
			admin.client,
			'starter_coaches',
			{ municipality_nis: spot, academy_id: academy.id },
			{ municipality_nis: spot }
		);
		const notOffering = await staff.client.rpc('link_starter_coach', {
			p_municipality_nis: spot,
			p_academy_id: organisation.id,
			p_linked: true
		});
		expect(notOffering.error).toMatchObject({ code: 'PT409', hint: 'starter_coach_not_offering' });
		const linked = await staff.client.rpc('link_starter_coach', {
			p_municipality_nis: spot,
			p_academy_id: academy.id,
			p_linked: true
		});
		expect(linked.error).toBeNull();
		const read = await anonymousClient()
			.from('starter_coaches')
			.select('academy_id')
			.eq('municipality_nis', spot);
		expect(read.data).toEqual([{ academy_id: academy.id }]);
		await expectDeleteRefused(
			admin.client,
			'starter_coaches',
			{ municipality_nis: spot },
			'no rows'
		);
	});
});

describe('the person’s own data', () => {
	it('their registrations are in their data export', async () => {
		const { data } = await person.client.auth.getUser();
		const file = await exportPersonalData(person.client as unknown as Db, data.user as User);
		expect(file.starter_interests).toEqual([
			expect.objectContaining({
				municipality_nis: spot,
				role: 'officer',
				note: 'Nieuwe toelichting'
			})
		]);
	});
});

describe('an academy verified in the white spot', () => {
	it('notifies everyone interested there once and closes their registrations', async () => {
		const founded = await people.organisation([], {
			kind: 'academy',
			name: 'Nieuwe Academie',
			municipality_nis: spot
		});
		expect(
			await storedRows('notifications', { user_id: person.id, kind: 'starter_academy_founded' })
		).toEqual([]);
		await people.query(
			`update public.organisations set verification_status = 'verified', verified_at = now() where id = $1`,
			[founded.id]
		);
		const notified = await people.query<{
			user_id: string;
			params: Record<string, string>;
			link: string;
		}>(
			`select user_id, params, link from public.notifications
			 where kind = 'starter_academy_founded' and user_id = any($1::uuid[]) order by user_id`,
			[[person.id, admin.id, member.id, other.id]]
		);
		expect(notified.map((row) => row.user_id).sort()).toEqual([person.id, admin.id].sort());
		expect(notified[0]).toMatchObject({
			params: { academy: 'Nieuwe Academie' },
			link: `/gemeenten/${spot}`
		});
		const open = await people.query(
			'select 1 from public.starter_interests where municipality_nis = $1 and closed_at is null',
			[spot]
		);
		expect(open).toEqual([]);
		const closed = await storedRows('starter_interests', { municipality_nis: spot });
		expect(closed.map((row) => row.closed_by_academy_id)).toEqual([founded.id, founded.id]);
		// No longer a white spot: registering is refused, and the board is empty.
		const again = await register(person);
		expect(again.error).toMatchObject({ hint: 'starter_not_white_spot' });
		// Verifying again (after a withdrawal) notifies nobody twice.
		await people.query(
			`update public.organisations set verification_status = 'withdrawn' where id = $1`,
			[founded.id]
		);
		await people.query(
			`update public.organisations set verification_status = 'verified' where id = $1`,
			[founded.id]
		);
		const after = await people.query(
			`select 1 from public.notifications where kind = 'starter_academy_founded' and user_id = $1`,
			[person.id]
		);
		expect(after).toHaveLength(1);
	});

	it('deleting the account removes the person’s own registrations', async () => {
		await people.query('delete from public.profiles where id = $1', [person.id]);
		expect(await storedRows('starter_interests', { user_id: person.id })).toEqual([]);
		// The organisation's registration stays, without the admin once they leave.
		expect(
			await storedRows('starter_interests', { organisation_id: organisation.id })
		).toHaveLength(1);
	});
});
