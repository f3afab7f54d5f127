// Network staff is a role kept in a table: visible to staff only, granted only by the service role or SQL.
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousClient, serviceRole, testPeople, type Person } from './people.js';
import { expectDeleteRefused, expectInsertRefused, expectUpdateRefused } from './rls.js';

const people = testPeople('netwerk');
let person: Person;
let staff: Person;
const clients: Record<string, SupabaseClient> = {};

async function isStaff(id: string) {
	const rows = await people.query('select 1 from public.network_staff where user_id = $1', [id]);
	return rows.length === 1;
}

beforeAll(async () => {
	person = await people.signUp('lid');
	staff = await people.signUp('staf');
	await people.makeNetworkStaff(staff);
	clients.anonymous = anonymousClient();
	clients['a signed-in person'] = person.client;
	clients['network staff'] = staff.client;
});

afterAll(() => people.remove());

describe('is_network_staff()', () => {
	it('is true for network staff', async () => {
		const { data, error } = await staff.client.rpc('is_network_staff');
		expect(error).toBeNull();
		expect(data).toBe(true);
	});

	it('is false for anyone else who is signed in', async () => {
		const { data, error } = await person.client.rpc('is_network_staff');
		expect(error).toBeNull();
		expect(data).toBe(false);
	});

	it('cannot be called by anonymous visitors', async () => {
		const { error } = await anonymousClient().rpc('is_network_staff');
		expect(error?.code).toBe('42501');
	});

	it('ignores what people write in their own user metadata', async () => {
		const { error } = await person.client.auth.updateUser({
			data: { network_staff: true, role: 'network_staff', is_admin: true }
		});
		expect(error).toBeNull();
		await person.client.auth.refreshSession();
		const { data } = await person.client.rpc('is_network_staff');
		expect(data).toBe(false);
	});
});

describe('reading the staff list', () => {
	it('is allowed to network staff', async () => {
		const { data, error } = await staff.client
			.from('network_staff')
			.select('user_id')
			.in('user_id', [staff.id, person.id]);
		expect(error).toBeNull();
		expect(data).toEqual([{ user_id: staff.id }]);
	});

	it.each(['anonymous', 'a signed-in person'])('shows nothing to %s', async (who) => {
		const { data, error } = await clients[who]!.from('network_staff').select('user_id');
		expect(error).toBeNull();
		expect(data).toEqual([]);
	});
});

describe('changing the staff list through the API', () => {
	const everyone = ['anonymous', 'a signed-in person', 'network staff'];

	it.each(everyone)('%s cannot make someone network staff', async (who) => {
		const where = { user_id: person.id };
		await expectInsertRefused(clients[who]!, 'network_staff', where, where);
	});

	it.each(everyone)('%s cannot change when someone became network staff', async (who) => {
		const patch = { granted_at: '2020-01-01T00:00:00Z' };
		await expectUpdateRefused(clients[who]!, 'network_staff', { user_id: staff.id }, patch);
	});

	it.each(everyone)('%s cannot remove network staff', async (who) => {
		await expectDeleteRefused(clients[who]!, 'network_staff', { user_id: staff.id });
	});

	it('is allowed to the service role', async () => {
		const granted = await serviceRole
			.from('network_staff')
			.insert({ user_id: person.id, granted_by: staff.id });
		expect(granted.error).toBeNull();
		expect(await isStaff(person.id)).toBe(true);

		const revoked = await serviceRole.from('network_staff').delete().eq('user_id', person.id);
		expect(revoked.error).toBeNull();
		expect(await isStaff(person.id)).toBe(false);
	});
});

describe('network staff rights', () => {
	it('end when the account is deleted', async () => {
		const leaving = await people.signUp('vertrekkende-staf');
		await people.makeNetworkStaff(leaving);
		await people.query('delete from auth.users where id = $1', [leaving.id]);
		expect(await isStaff(leaving.id)).toBe(false);
	});
});
