// Memberships: who belongs to an organisation and in which role. Fellow members read them; owners and
// admins manage them within their rights; anyone may leave; an organisation never loses its last owner.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testPeople, type Cast, type Person, type Role, type Who } from './people.js';
import {
	expectDeleteRefused,
	expectHidden,
	expectInsertRefused,
	expectUpdateRefused
} from './rls.js';

const people = testPeople('lidmaatschappen');
let cast: Cast;
let organisation: { id: string };
let colleague: Person;

const LAST_OWNER =
	'Een organisatie heeft altijd minstens één eigenaar. Maak eerst iemand anders eigenaar.';

async function roles(organisationId = organisation.id) {
	const rows = await people.query<{ user_id: string; role: string }>(
		'select user_id, role from public.memberships where organisation_id = $1',
		[organisationId]
	);
	return Object.fromEntries(rows.map((row) => [row.user_id, row.role]));
}

async function setRoles(members: [Person, Role][]) {
	// Start over from a clean slate, past the last-owner trigger (which would rightly refuse this).
	await people.query(`
		begin;
		set local session_replication_role = replica;
		delete from public.memberships where organisation_id = '${organisation.id}';
		commit;
	`);
	for (const [person, role] of members) {
		await people.query(
			'insert into public.memberships (organisation_id, user_id, role) values ($1, $2, $3)',
			[organisation.id, person.id, role]
		);
	}
}

function client(who: Who) {
	return cast.clients[who];
}

/** The row of a person's membership in the organisation. */
function membership(person: Person) {
	return { organisation_id: organisation.id, user_id: person.id };
}

beforeAll(async () => {
	cast = await people.cast();
	colleague = await people.signUp('collega');
	organisation = await people.organisation([], { kind: 'academy' });
});

beforeEach(() =>
	setRoles([
		[cast.owner, 'owner'],
		[cast.admin, 'admin'],
		[cast.member, 'member'],
		[colleague, 'member']
	])
);

afterAll(() => people.remove());

describe('reading memberships', () => {
	it.each(['a member', 'an admin', 'an owner', 'network staff'] as const)(
		'shows %s everyone in the organisation',
		async (who) => {
			const { data, error } = await client(who)
				.from('memberships')
				.select('user_id, role')
				.eq('organisation_id', organisation.id)
				.order('user_id');
			expect(error).toBeNull();
			expect(data).toHaveLength(4);
			expect(Object.fromEntries(data!.map((row) => [row.user_id, row.role]))).toEqual(
				await roles()
			);
		}
	);

	it.each(['anonymous', 'a signed-in stranger'] as const)('shows %s nothing', async (who) => {
		await expectHidden(client(who), 'memberships', { organisation_id: organisation.id });
	});

	it('shows a person their own memberships elsewhere, not their fellow members there', async () => {
		const { data, error } = await cast.stranger.client
			.from('memberships')
			.select('organisation_id');
		expect(error).toBeNull();
		expect(data).toEqual([]);
	});
});

describe('adding memberships through the API', () => {
	it.each([
		'anonymous',
		'a signed-in stranger',
		'a member',
		'an admin',
		'an owner',
		'network staff'
	] as const)('is not allowed to %s', async (who) => {
		const where = { organisation_id: organisation.id, user_id: cast.stranger.id };
		await expectInsertRefused(client(who), 'memberships', { ...where, role: 'owner' }, where);
	});
});

describe('changing roles', () => {
	async function change(who: Who, person: Person, role: Role) {
		return client(who)
			.from('memberships')
			.update({ role })
			.eq('organisation_id', organisation.id)
			.eq('user_id', person.id)
			.select('role');
	}

	it('an owner can make a member owner, and an admin member', async () => {
		expect((await change('an owner', cast.member, 'owner')).data).toEqual([{ role: 'owner' }]);
		expect((await change('an owner', cast.admin, 'member')).data).toEqual([{ role: 'member' }]);
		expect(await roles()).toMatchObject({ [cast.member.id]: 'owner', [cast.admin.id]: 'member' });
	});

	it('an owner can step down when there is another owner', async () => {
		await change('an owner', colleague, 'owner');
		const { data, error } = await change('an owner', cast.owner, 'admin');
		expect(error).toBeNull();
		expect(data).toEqual([{ role: 'admin' }]);
	});

	it('an admin can make a member admin and an admin member', async () => {
		expect((await change('an admin', cast.member, 'admin')).data).toEqual([{ role: 'admin' }]);
		expect((await change('an admin', cast.member, 'member')).data).toEqual([{ role: 'member' }]);
	});

	it('an admin cannot make anyone owner', async () => {
		for (const person of [cast.member, cast.admin]) {
			await expectUpdateRefused(client('an admin'), 'memberships', membership(person), {
				role: 'owner'
			});
		}
	});

	it('an admin cannot touch an owner', async () => {
		const admin = client('an admin');
		const patch = { role: 'member' };
		await expectUpdateRefused(admin, 'memberships', membership(cast.owner), patch, 'no rows');
	});

	it.each(['a member', 'a signed-in stranger', 'network staff'] as const)(
		'%s cannot change anyone, themself included',
		async (who) => {
			const row = membership(cast.member);
			await expectUpdateRefused(client(who), 'memberships', row, { role: 'admin' }, 'no rows');
		}
	);

	it('anonymous visitors cannot change anyone', async () => {
		const patch = { role: 'admin' };
		await expectUpdateRefused(client('anonymous'), 'memberships', membership(cast.member), patch);
	});

	it('nobody moves a membership to another person or organisation', async () => {
		const patch = { user_id: cast.stranger.id };
		await expectUpdateRefused(cast.owner.client, 'memberships', membership(cast.member), patch);
	});

	it('refuses an unknown role', async () => {
		const { error } = await client('an owner')
			.from('memberships')
			.update({ role: 'koning' })
			.eq('organisation_id', organisation.id)
			.eq('user_id', cast.member.id);
		expect(error?.code).toBe('23514');
	});
});

describe('the last owner', () => {
	it('cannot step down', async () => {
		const { error } = await client('an owner')
			.from('memberships')
			.update({ role: 'admin' })
			.eq('organisation_id', organisation.id)
			.eq('user_id', cast.owner.id);
		expect(error?.code).toBe('P0001');
		expect(error?.message).toBe(LAST_OWNER);
		expect((await roles())[cast.owner.id]).toBe('owner');
	});

	it('cannot leave', async () => {
		const { error } = await client('an owner')
			.from('memberships')
			.delete()
			.eq('organisation_id', organisation.id)
			.eq('user_id', cast.owner.id);
		expect(error?.code).toBe('P0001');
		expect(error?.message).toBe(LAST_OWNER);
		expect((await roles())[cast.owner.id]).toBe('owner');
	});

	it('cannot be removed, not even with SQL', async () => {
		await expect(
			people.query('delete from public.memberships where organisation_id = $1 and role = $2', [
				organisation.id,
				'owner'
			])
		).rejects.toMatchObject({ code: 'P0001', message: LAST_OWNER });
	});

	it('cannot be demoted together with the other owners in one statement', async () => {
		await people.query(
			'update public.memberships set role = $3 where organisation_id = $1 and user_id = $2',
			[organisation.id, colleague.id, 'owner']
		);
		await expect(
			people.query('update public.memberships set role = $2 where organisation_id = $1', [
				organisation.id,
				'member'
			])
		).rejects.toMatchObject({ code: 'P0001' });
		expect(await roles()).toMatchObject({ [cast.owner.id]: 'owner', [colleague.id]: 'owner' });
	});

	it('can leave once someone else is owner', async () => {
		await client('an owner')
			.from('memberships')
			.update({ role: 'owner' })
			.eq('organisation_id', organisation.id)
			.eq('user_id', colleague.id);
		const { data, error } = await client('an owner')
			.from('memberships')
			.delete()
			.eq('organisation_id', organisation.id)
			.eq('user_id', cast.owner.id)
			.select('user_id');
		expect(error).toBeNull();
		expect(data).toEqual([{ user_id: cast.owner.id }]);
		expect((await roles())[colleague.id]).toBe('owner');
	});

	it('goes with the whole organisation when the owner deletes it', async () => {
		const doomed = await people.organisation(
			[
				[cast.owner, 'owner'],
				[cast.member, 'member']
			],
			{ kind: 'company' }
		);
		const { error } = await cast.owner.client.from('organisations').delete().eq('id', doomed.id);
		expect(error).toBeNull();
		expect(await roles(doomed.id)).toEqual({});
	});

	it('does not keep the owner from deleting their account', async () => {
		const leaving = await people.signUp('vertrekker');
		const kept = await people.organisation([[leaving, 'owner']], { kind: 'company' });
		await people.query('delete from auth.users where id = $1', [leaving.id]);
		expect(await roles(kept.id)).toEqual({});
	});
});

describe('removing people', () => {
	async function remove(who: Who, person: Person) {
		return client(who)
			.from('memberships')
			.delete()
			.eq('organisation_id', organisation.id)
			.eq('user_id', person.id)
			.select('user_id');
	}

	it.each(['a member', 'an admin'] as const)('%s can leave', async (who) => {
		const person = who === 'a member' ? cast.member : cast.admin;
		const { data, error } = await remove(who, person);
		expect(error).toBeNull();
		expect(data).toEqual([{ user_id: person.id }]);
		expect((await roles())[person.id]).toBeUndefined();
	});

	it('an owner can remove an admin and a member', async () => {
		expect((await remove('an owner', cast.admin)).data).toHaveLength(1);
		expect((await remove('an owner', cast.member)).data).toHaveLength(1);
		expect(Object.keys(await roles()).sort()).toEqual([cast.owner.id, colleague.id].sort());
	});

	it('an admin can remove a member', async () => {
		expect((await remove('an admin', cast.member)).data).toHaveLength(1);
		expect((await roles())[cast.member.id]).toBeUndefined();
	});

	it('an admin cannot remove an owner', async () => {
		await expectDeleteRefused(client('an admin'), 'memberships', membership(cast.owner), 'no rows');
	});

	it.each(['a member', 'a signed-in stranger', 'network staff'] as const)(
		'%s cannot remove someone else',
		async (who) => {
			await expectDeleteRefused(client(who), 'memberships', membership(colleague), 'no rows');
		}
	);

	it('anonymous visitors cannot remove anyone', async () => {
		await expectDeleteRefused(client('anonymous'), 'memberships', membership(colleague));
	});
});
