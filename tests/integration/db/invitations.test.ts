// Invitations by e-mail link: made by owners and admins through create_invitation(), accepted once, within
// a week, by the account with the invited address only, through accept_invitation().
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousClient, testPeople, type Cast, type Person, type Who } from './people.js';

const people = testPeople('uitnodigingen');
let cast: Cast;
let organisation: { id: string; slug: string };

type StoredInvitation = {
	id: string;
	email: string;
	role: string;
	token_hash: string;
	invited_by: string | null;
	expires_at: Date;
	accepted_at: Date | null;
	accepted_by: string | null;
	revoked_at: Date | null;
};

function client(who: Who) {
	return cast.clients[who];
}

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

async function invitationsFor(email: string) {
	return people.query<StoredInvitation>(
		'select * from public.invitations where organisation_id = $1 and email = $2 order by created_at',
		[organisation.id, email]
	);
}

async function roleOf(person: Person, organisationId = organisation.id) {
	const [row] = await people.query<{ role: string }>(
		'select role from public.memberships where organisation_id = $1 and user_id = $2',
		[organisationId, person.id]
	);
	return row?.role;
}

/** An invitation made by the owner through the RPC; returns the token from the link. */
async function invite(email: string, role = 'member') {
	const { data, error } = await cast.owner.client.rpc('create_invitation', {
		p_organisation_id: organisation.id,
		p_email: email,
		p_role: role
	});
	expect(error).toBeNull();
	return data as string;
}

beforeAll(async () => {
	cast = await people.cast();
	organisation = await people.organisation(
		[
			[cast.owner, 'owner'],
			[cast.admin, 'admin'],
			[cast.member, 'member']
		],
		{ kind: 'academy', name: 'Academie Uitnodiging' }
	);
});

afterAll(() => people.remove());

describe('create_invitation()', () => {
	it.each(['an owner', 'an admin'] as const)(
		'lets %s invite, returning a token of which only the hash is stored',
		async (who) => {
			const email = `gast-${who.replace(/\W/g, '')}@groeistoot.test`;
			const { data: token, error } = await client(who).rpc('create_invitation', {
				p_organisation_id: organisation.id,
				p_email: `  ${email.toUpperCase()} `,
				p_role: 'admin'
			});
			expect(error).toBeNull();
			expect(token).toMatch(/^[0-9a-f]{64}$/);
			const [stored] = await invitationsFor(email);
			expect(stored).toMatchObject({
				email,
				role: 'admin',
				token_hash: sha256(token as string),
				invited_by: (who === 'an owner' ? cast.owner : cast.admin).id,
				accepted_at: null,
				revoked_at: null
			});
			const week = stored!.expires_at.getTime() - Date.now();
			expect(week).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
			expect(week).toBeLessThanOrEqual(7 * 24 * 3600 * 1000);
			const leaked = await people.query(
				`select 1 from public.invitations i where to_jsonb(i)::text like '%' || $1 || '%'`,
				[token]
			);
			expect(leaked).toEqual([]);
		}
	);

	it.each(['a member', 'a signed-in stranger', 'network staff'] as const)(
		'refuses %s with 42501',
		async (who) => {
			const email = `niet-${who.replace(/\W/g, '')}@groeistoot.test`;
			const { error } = await client(who).rpc('create_invitation', {
				p_organisation_id: organisation.id,
				p_email: email,
				p_role: 'member'
			});
			expect(error?.code).toBe('42501');
			expect(error?.message).toBe(
				'Enkel eigenaars en beheerders van deze organisatie kunnen mensen uitnodigen.'
			);
			expect(await invitationsFor(email)).toEqual([]);
		}
	);

	it('refuses anonymous visitors', async () => {
		const { error } = await anonymousClient().rpc('create_invitation', {
			p_organisation_id: organisation.id,
			p_email: 'anoniem@groeistoot.test',
			p_role: 'member'
		});
		expect(error?.code).toBe('42501');
		expect(await invitationsFor('anoniem@groeistoot.test')).toEqual([]);
	});

	it('does not make owners', async () => {
		const { error } = await cast.owner.client.rpc('create_invitation', {
			p_organisation_id: organisation.id,
			p_email: 'baas@groeistoot.test',
			p_role: 'owner'
		});
		expect(error?.code).toBe('22023');
		expect(await invitationsFor('baas@groeistoot.test')).toEqual([]);
	});

	it('refuses an address that is not one', async () => {
		const { error } = await cast.owner.client.rpc('create_invitation', {
			p_organisation_id: organisation.id,
			p_email: 'geen adres',
			p_role: 'member'
		});
		expect(error?.code).toBe('22023');
		expect(error?.message).toBe('Geef een geldig e-mailadres.');
	});

	it('refuses someone who already is a member', async () => {
		const { error } = await cast.owner.client.rpc('create_invitation', {
			p_organisation_id: organisation.id,
			p_email: cast.member.email.toUpperCase(),
			p_role: 'admin'
		});
		expect(error?.code).toBe('PT409');
		expect(error?.message).toBe('Deze persoon is al lid.');
		expect(await invitationsFor(cast.member.email)).toEqual([]);
	});

	it('replaces the open invitation for the same address', async () => {
		const first = await invite('twee-keer@groeistoot.test');
		const second = await invite('twee-keer@groeistoot.test', 'admin');
		const stored = await invitationsFor('twee-keer@groeistoot.test');
		expect(stored).toHaveLength(2);
		expect(stored[0]).toMatchObject({ token_hash: sha256(first) });
		expect(stored[0]!.revoked_at).not.toBeNull();
		expect(stored[1]).toMatchObject({
			token_hash: sha256(second),
			role: 'admin',
			revoked_at: null
		});
	});
});

describe('the invitations table through the API', () => {
	let invitationId: string;

	beforeAll(async () => {
		await invite('tabel@groeistoot.test');
		invitationId = (await invitationsFor('tabel@groeistoot.test'))[0]!.id;
	});

	it.each(['an owner', 'an admin'] as const)('is readable by %s', async (who) => {
		const { data, error } = await client(who)
			.from('invitations')
			.select('id, email')
			.eq('id', invitationId);
		expect(error).toBeNull();
		expect(data).toEqual([{ id: invitationId, email: 'tabel@groeistoot.test' }]);
	});

	it.each(['anonymous', 'a signed-in stranger', 'a member', 'network staff'] as const)(
		'is hidden from %s',
		async (who) => {
			const { data, error } = await client(who)
				.from('invitations')
				.select('id')
				.eq('id', invitationId);
			expect(error).toBeNull();
			expect(data).toEqual([]);
		}
	);

	it.each([
		'anonymous',
		'a signed-in stranger',
		'a member',
		'an admin',
		'an owner',
		'network staff'
	] as const)('takes no direct insert from %s', async (who) => {
		const { error } = await client(who)
			.from('invitations')
			.insert({
				organisation_id: organisation.id,
				email: 'direct@groeistoot.test',
				token_hash: sha256('zelfgemaakt')
			});
		expect(error?.code).toBe('42501');
		expect(await invitationsFor('direct@groeistoot.test')).toEqual([]);
	});

	it.each(['a member', 'a signed-in stranger', 'network staff'] as const)(
		'cannot be revoked by %s',
		async (who) => {
			const { data, error } = await client(who)
				.from('invitations')
				.update({ revoked_at: new Date().toISOString() })
				.eq('id', invitationId)
				.select('id');
			expect(error).toBeNull();
			expect(data).toEqual([]);
			expect((await invitationsFor('tabel@groeistoot.test'))[0]!.revoked_at).toBeNull();
		}
	);

	it('cannot be revoked by anonymous visitors', async () => {
		const { error } = await client('anonymous')
			.from('invitations')
			.update({ revoked_at: new Date().toISOString() })
			.eq('id', invitationId);
		expect(error?.code).toBe('42501');
		expect((await invitationsFor('tabel@groeistoot.test'))[0]!.revoked_at).toBeNull();
	});

	it.each([
		['its address', { email: 'ander@groeistoot.test' }],
		['its role', { role: 'admin' }],
		['its expiry', { expires_at: '2099-01-01T00:00:00Z' }],
		['its acceptance', { accepted_at: new Date().toISOString() }]
	])('cannot have %s changed, not even by its owner', async (_what, change) => {
		const before = await invitationsFor('tabel@groeistoot.test');
		const { error } = await cast.owner.client
			.from('invitations')
			.update(change)
			.eq('id', invitationId);
		expect(error?.code).toBe('42501');
		expect(await invitationsFor('tabel@groeistoot.test')).toEqual(before);
	});

	it.each(['an owner', 'an admin'] as const)(
		'can be revoked by %s, and the link then says so',
		async (who) => {
			const email = `intrekken-${who.replace(/\W/g, '')}@groeistoot.test`;
			const token = await invite(email);
			const { data, error } = await client(who)
				.from('invitations')
				.update({ revoked_at: new Date().toISOString() })
				.eq('token_hash', sha256(token))
				.select('email');
			expect(error).toBeNull();
			expect(data).toEqual([{ email }]);

			const invited = await people.signUp(`ingetrokken-${who.replace(/\W/g, '')}`);
			await people.query('update auth.users set email = $2 where id = $1', [invited.id, email]);
			const accepted = await invited.client.rpc('accept_invitation', { p_token: token });
			expect(accepted.error?.code).toBe('PT410');
			expect(accepted.error?.message).toBe('Deze uitnodiging werd ingetrokken.');
			expect(await roleOf(invited)).toBeUndefined();
		}
	);

	it('cannot be revoked twice or un-revoked', async () => {
		const token = await invite('eenmalig-intrekken@groeistoot.test');
		await people.query('update public.invitations set revoked_at = now() where token_hash = $1', [
			sha256(token)
		]);
		const { data, error } = await cast.owner.client
			.from('invitations')
			.update({ revoked_at: null })
			.eq('token_hash', sha256(token))
			.select('id');
		expect(error).toBeNull();
		expect(data).toEqual([]);
		expect(
			(await invitationsFor('eenmalig-intrekken@groeistoot.test'))[0]!.revoked_at
		).not.toBeNull();
	});

	it.each(['a member', 'a signed-in stranger', 'network staff'] as const)(
		'cannot be deleted by %s',
		async (who) => {
			const { data, error } = await client(who)
				.from('invitations')
				.delete()
				.eq('id', invitationId)
				.select('id');
			expect(error).toBeNull();
			expect(data).toEqual([]);
			expect(await invitationsFor('tabel@groeistoot.test')).toHaveLength(1);
		}
	);

	it('cannot be deleted by anonymous visitors', async () => {
		const { error } = await client('anonymous').from('invitations').delete().eq('id', invitationId);
		expect(error?.code).toBe('42501');
		expect(await invitationsFor('tabel@groeistoot.test')).toHaveLength(1);
	});

	it.each(['an owner', 'an admin'] as const)('can be deleted by %s', async (who) => {
		const email = `weg-${who.replace(/\W/g, '')}@groeistoot.test`;
		await invite(email);
		const { data, error } = await client(who)
			.from('invitations')
			.delete()
			.eq('organisation_id', organisation.id)
			.eq('email', email)
			.select('email');
		expect(error).toBeNull();
		expect(data).toEqual([{ email }]);
		expect(await invitationsFor(email)).toEqual([]);
	});
});

describe('accept_invitation()', () => {
	let invited: Person;

	beforeAll(async () => {
		invited = await people.signUp('genodigde');
	});

	it('makes the invited person a member with the invited role, once', async () => {
		const token = await invite(invited.email.toUpperCase(), 'admin');
		const { data, error } = await invited.client.rpc('accept_invitation', { p_token: token });
		expect(error).toBeNull();
		expect(data).toEqual([
			{ organisation_id: organisation.id, slug: organisation.slug, kind: 'academy' }
		]);
		expect(await roleOf(invited)).toBe('admin');
		const [stored] = await invitationsFor(invited.email);
		expect(stored!.accepted_at).not.toBeNull();
		expect(stored!.accepted_by).toBe(invited.id);

		// Single use: not again, not even after leaving the organisation.
		await people.query(
			'delete from public.memberships where organisation_id = $1 and user_id = $2',
			[organisation.id, invited.id]
		);
		const again = await invited.client.rpc('accept_invitation', { p_token: token });
		expect(again.error?.code).toBe('PT409');
		expect(again.error?.message).toBe('Deze uitnodiging werd al gebruikt.');
		expect(await roleOf(invited)).toBeUndefined();
	});

	it('refuses an unknown token', async () => {
		const { error } = await invited.client.rpc('accept_invitation', { p_token: 'a'.repeat(64) });
		expect(error?.code).toBe('PT404');
		expect(error?.message).toBe('Deze uitnodiging bestaat niet.');
	});

	it('refuses the stored hash in place of the token', async () => {
		const token = await invite(invited.email);
		const { error } = await invited.client.rpc('accept_invitation', { p_token: sha256(token) });
		expect(error?.code).toBe('PT404');
		expect(await roleOf(invited)).toBeUndefined();
	});

	it('refuses an expired invitation', async () => {
		const token = await invite(invited.email);
		await people.query(
			`update public.invitations set expires_at = now() - interval '1 minute' where token_hash = $1`,
			[sha256(token)]
		);
		const { error } = await invited.client.rpc('accept_invitation', { p_token: token });
		expect(error?.code).toBe('PT410');
		expect(error?.message).toBe('Deze uitnodiging is verlopen. Vraag een nieuwe aan.');
		expect(await roleOf(invited)).toBeUndefined();
		expect((await invitationsFor(invited.email)).at(-1)!.accepted_at).toBeNull();
	});

	it('refuses another account than the invited address, and stays usable for the right one', async () => {
		const token = await invite(invited.email);
		const { error } = await cast.stranger.client.rpc('accept_invitation', { p_token: token });
		expect(error?.code).toBe('PT403');
		expect(error?.message).toBe('Deze uitnodiging is voor een ander e-mailadres.');
		expect(await roleOf(cast.stranger)).toBeUndefined();
		expect((await invitationsFor(invited.email)).at(-1)!.accepted_at).toBeNull();

		const right = await invited.client.rpc('accept_invitation', { p_token: token });
		expect(right.error).toBeNull();
		expect(await roleOf(invited)).toBe('member');
		await people.query(
			'delete from public.memberships where organisation_id = $1 and user_id = $2',
			[organisation.id, invited.id]
		);
	});

	it('does not trust the address in the user metadata', async () => {
		const token = await invite('doelwit@groeistoot.test');
		await cast.stranger.client.auth.updateUser({ data: { email: 'doelwit@groeistoot.test' } });
		await cast.stranger.client.auth.refreshSession();
		const { error } = await cast.stranger.client.rpc('accept_invitation', { p_token: token });
		expect(error?.code).toBe('PT403');
		expect(await roleOf(cast.stranger)).toBeUndefined();
	});

	it('keeps the role of someone who became a member meanwhile, and uses up the invitation', async () => {
		const token = await invite(invited.email, 'member');
		await people.query(
			`insert into public.memberships (organisation_id, user_id, role) values ($1, $2, 'admin')`,
			[organisation.id, invited.id]
		);
		const { error } = await invited.client.rpc('accept_invitation', { p_token: token });
		expect(error).toBeNull();
		expect(await roleOf(invited)).toBe('admin');
		expect((await invitationsFor(invited.email)).at(-1)!.accepted_by).toBe(invited.id);
		await people.query(
			'delete from public.memberships where organisation_id = $1 and user_id = $2',
			[organisation.id, invited.id]
		);
	});

	it('cannot be called by anonymous visitors', async () => {
		const token = await invite(invited.email);
		const { error } = await anonymousClient().rpc('accept_invitation', { p_token: token });
		expect(error?.code).toBe('42501');
		expect((await invitationsFor(invited.email)).at(-1)!.accepted_at).toBeNull();
	});
});

describe('invitation_details()', () => {
	it('tells whoever holds the link what it is about, also before signing in', async () => {
		const token = await invite('details@groeistoot.test', 'admin');
		const { data, error } = await anonymousClient().rpc('invitation_details', { p_token: token });
		expect(error).toBeNull();
		expect(data).toEqual([
			expect.objectContaining({
				organisation_id: organisation.id,
				organisation_name: 'Academie Uitnodiging',
				slug: organisation.slug,
				kind: 'academy',
				role: 'admin',
				email: 'details@groeistoot.test',
				state: 'open'
			})
		]);
	});

	it('says when a link was replaced, and nothing for an unknown token', async () => {
		const old = await invite('details-oud@groeistoot.test');
		await invite('details-oud@groeistoot.test');
		const replaced = await anonymousClient().rpc('invitation_details', { p_token: old });
		expect(replaced.data).toEqual([expect.objectContaining({ state: 'revoked' })]);
		const unknown = await anonymousClient().rpc('invitation_details', { p_token: 'onbekend' });
		expect(unknown.error).toBeNull();
		expect(unknown.data).toEqual([]);
	});
});
