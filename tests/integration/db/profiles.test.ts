// Profiles: made at signup, edited only by the person, read by whom their visibility allows.
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousClient, serviceRole, testPeople, type Person } from './people.js';
import { expectDeleteRefused, expectInsertRefused, expectUpdateRefused } from './rls.js';

const people = testPeople('profielen');
let owner: Person;
let stranger: Person;
let staff: Person;
const clients: Record<string, SupabaseClient> = {};

type StoredProfile = {
	id: string;
	display_name: string;
	personas: string[];
	municipality_nis: string | null;
	bio: string | null;
	visibility: string;
	created_at: Date;
	updated_at: Date;
};

async function stored(id: string) {
	const [row] = await people.query<StoredProfile>('select * from public.profiles where id = $1', [
		id
	]);
	return row;
}

async function arrange(id: string, values: Partial<Omit<StoredProfile, 'id'>>) {
	const columns = Object.keys(values);
	const assignments = columns.map((column, i) => `${column} = $${i + 2}`).join(', ');
	await people.query(`update public.profiles set ${assignments} where id = $1`, [
		id,
		...Object.values(values)
	]);
}

beforeAll(async () => {
	owner = await people.signUp('eigenaar', { display_name: 'Fatima Lemmens' });
	stranger = await people.signUp('vreemde', { display_name: 'Wim Vreemde' });
	staff = await people.signUp('staf', { display_name: 'Nele Netwerk' });
	await people.makeNetworkStaff(staff);
	clients.anonymous = anonymousClient();
	clients['a signed-in stranger'] = stranger.client;
	clients['the person themself'] = owner.client;
	clients['network staff'] = staff.client;
});

afterAll(() => people.remove());

describe('a new account', () => {
	it('gets a profile named after the display_name given at signup', async () => {
		const profile = await stored(owner.id);
		expect(profile).toMatchObject({
			display_name: 'Fatima Lemmens',
			personas: [],
			municipality_nis: null,
			bio: null,
			visibility: 'members'
		});
	});

	it('is named after the part of the email before @ when no display_name was given', async () => {
		const nameless = await people.signUp('naamloos');
		const profile = await stored(nameless.id);
		expect(profile?.display_name).toBe(nameless.email.split('@')[0]);
	});

	it('takes nothing but the display name from signup metadata', async () => {
		const eager = await people.signUp('gretig', {
			display_name: '  Gretige Gert  ',
			personas: ['coordinator'],
			visibility: 'public',
			network_staff: true
		});
		const profile = await stored(eager.id);
		expect(profile).toMatchObject({
			display_name: 'Gretige Gert',
			personas: [],
			visibility: 'members'
		});
		const { data } = await eager.client.rpc('is_network_staff');
		expect(data).toBe(false);
	});

	it('loses its profile when the account is deleted', async () => {
		const leaving = await people.signUp('vertrekker');
		expect(await stored(leaving.id)).toBeDefined();
		const { error } = await serviceRole.auth.admin.deleteUser(leaving.id);
		expect(error).toBeNull();
		expect(await stored(leaving.id)).toBeUndefined();
	});
});

describe.each([
	// visibility, then who can read it: anonymous, stranger, self, staff
	['public', [true, true, true, true]],
	['members', [false, true, true, true]],
	['private', [false, false, true, true]]
] as const)('a %s profile', (visibility, canRead) => {
	beforeAll(() => arrange(owner.id, { visibility }));

	const viewers = ['anonymous', 'a signed-in stranger', 'the person themself', 'network staff'].map(
		(who, i) => [who, canRead[i]] as const
	);

	it.each(viewers)('is readable by %s: %s', async (who, readable) => {
		const { data, error } = await clients[who]!.from('profiles')
			.select('id, display_name')
			.eq('id', owner.id);
		expect(error).toBeNull();
		expect(data).toEqual(readable ? [{ id: owner.id, display_name: 'Fatima Lemmens' }] : []);
	});
});

describe('changing a profile', () => {
	beforeAll(() =>
		arrange(owner.id, {
			display_name: 'Fatima Lemmens',
			personas: ['teacher'],
			municipality_nis: '44021',
			bio: 'Leerkracht fysica.',
			visibility: 'members'
		})
	);

	it('is allowed to the person themself, for every field they own', async () => {
		const before = await stored(owner.id);
		const { data, error } = await owner.client
			.from('profiles')
			.update({
				display_name: '  Fatima El Idrissi  ',
				personas: ['teacher', 'volunteer'],
				municipality_nis: '24062',
				bio: 'Leerkracht fysica, helpt graag bij robotica.',
				visibility: 'public'
			})
			.eq('id', owner.id)
			.select('display_name, personas, municipality_nis, bio, visibility');
		expect(error).toBeNull();
		expect(data).toEqual([
			{
				display_name: 'Fatima El Idrissi',
				personas: ['teacher', 'volunteer'],
				municipality_nis: '24062',
				bio: 'Leerkracht fysica, helpt graag bij robotica.',
				visibility: 'public'
			}
		]);
		const after = await stored(owner.id);
		expect(after!.updated_at.getTime()).toBeGreaterThan(before!.updated_at.getTime());
		expect(after!.created_at).toEqual(before!.created_at);
		await arrange(owner.id, { display_name: 'Fatima Lemmens', visibility: 'members' });
	});

	it.each(['a signed-in stranger', 'network staff'])(
		'is not allowed to %s: nothing changes',
		async (who) => {
			const patch = { display_name: 'Overgenomen', visibility: 'public' };
			await expectUpdateRefused(clients[who]!, 'profiles', { id: owner.id }, patch, 'no rows');
		}
	);

	it('is not allowed to anonymous visitors', async () => {
		await arrange(owner.id, { visibility: 'public' });
		const patch = { display_name: 'Overgenomen' };
		await expectUpdateRefused(clients.anonymous!, 'profiles', { id: owner.id }, patch);
		await arrange(owner.id, { visibility: 'members' });
	});

	it.each([
		['id', { id: '00000000-0000-4000-8000-00000000abcd' }],
		['created_at', { created_at: '2020-01-01T00:00:00Z' }],
		['updated_at', { updated_at: '2020-01-01T00:00:00Z' }]
	])('cannot touch %s, not even by the person themself', async (_column, change) => {
		await expectUpdateRefused(owner.client, 'profiles', { id: owner.id }, change);
	});
});

describe('what a profile accepts', () => {
	async function update(change: Record<string, unknown>) {
		return owner.client.from('profiles').update(change).eq('id', owner.id).select();
	}

	it('rejects a municipality that merged away, in Dutch, naming the one to choose', async () => {
		await arrange(owner.id, { municipality_nis: '44021' });
		const { error } = await update({ municipality_nis: '11007' });
		expect(error?.code).toBe('23514');
		expect(error?.message).toBe(
			'Borsbeek is sinds 01/01/2025 geen gemeente meer: kies Antwerpen, de gemeente waarin ze is opgegaan.'
		);
		expect((await stored(owner.id))?.municipality_nis).toBe('44021');
	});

	it('accepts a current municipality', async () => {
		const { error } = await update({ municipality_nis: '11002' });
		expect(error).toBeNull();
		expect((await stored(owner.id))?.municipality_nis).toBe('11002');
	});

	it('rejects a NIS code that does not exist', async () => {
		const { error } = await update({ municipality_nis: '99999' });
		expect(error?.code).toBe('23503');
	});

	it('keeps a municipality chosen before it merged while other fields change', async () => {
		// As if the person chose Borsbeek in 2024: bypass the triggers to write the old state.
		await people.query(`
			begin;
			set local session_replication_role = replica;
			update public.profiles set municipality_nis = '11007' where id = '${owner.id}';
			commit;
		`);
		const { error } = await update({ bio: 'Nog altijd in Borsbeek.' });
		expect(error).toBeNull();
		expect((await stored(owner.id))?.municipality_nis).toBe('11007');
		await arrange(owner.id, { municipality_nis: '11002' });
	});

	it.each([
		['an unknown persona', ['teacher', 'astronaut']],
		['the same persona twice', ['volunteer', 'volunteer']],
		['an empty persona', [null]]
	])('rejects %s', async (_what, personas) => {
		await expectUpdateRefused(owner.client, 'profiles', { id: owner.id }, { personas }, '23514');
	});

	it('accepts every persona at once', async () => {
		const personas = ['teacher', 'volunteer', 'coordinator', 'company_rep', 'school_staff'];
		const { error } = await update({ personas });
		expect(error).toBeNull();
		expect((await stored(owner.id))?.personas).toEqual(personas);
	});

	it('accepts a bio of 500 characters and rejects one of 501', async () => {
		expect((await update({ bio: 'b'.repeat(500) })).error).toBeNull();
		const { error } = await update({ bio: 'b'.repeat(501) });
		expect(error?.code).toBe('23514');
		expect((await stored(owner.id))?.bio).toHaveLength(500);
	});

	it.each([
		['an empty display name', '   '],
		['a display name over 80 characters', 'n'.repeat(81)]
	])('rejects %s', async (_what, display_name) => {
		const { error } = await update({ display_name });
		expect(error?.code).toBe('23514');
		expect((await stored(owner.id))?.display_name).toBe('Fatima Lemmens');
	});

	it('rejects an unknown visibility', async () => {
		const { error } = await update({ visibility: 'iedereen' });
		expect(error?.code).toBe('23514');
		expect((await stored(owner.id))?.visibility).toBe('members');
	});
});

describe('creating and deleting profiles through the API', () => {
	const everyone = ['anonymous', 'a signed-in stranger', 'the person themself', 'network staff'];

	it.each(everyone)('%s cannot create a profile', async (who) => {
		const id = who === 'the person themself' ? owner.id : stranger.id;
		const values = { id, display_name: 'Dubbel' };
		await expectInsertRefused(clients[who]!, 'profiles', values, { display_name: 'Dubbel' });
	});

	it.each(everyone)('%s cannot delete a profile', async (who) => {
		await expectDeleteRefused(clients[who]!, 'profiles', { id: owner.id });
	});
});
