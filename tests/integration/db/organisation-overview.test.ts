// organisation_overview(): what waits for one organisation, answered for its members only (security
// invoker, so RLS also limits what each list may hold: open invitations count for admins only).
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPeople, type Cast, type Who } from './people.js';

const people = testPeople('overzicht');
let cast: Cast;
let academy: { id: string };
let request: { id: string };

async function overview(who: Who) {
	return cast.clients[who].rpc('organisation_overview', { p_organisation_id: academy.id });
}

beforeAll(async () => {
	cast = await people.cast();
	academy = await people.organisation(
		[
			[cast.owner, 'owner'],
			[cast.admin, 'admin'],
			[cast.member, 'member']
		],
		{ kind: 'academy' }
	);
	const provider = await people.organisation([[cast.stranger, 'owner']], {
		kind: 'company',
		name: 'Bedrijf Overzicht'
	});
	request = await people.request(academy.id, { title: 'Mentoren voor de codeerclub' });
	await people.activity(academy.id, { title: 'Zomerkamp in ontwerp', status: 'draft' });
	await people.activity(academy.id, { title: 'Gepubliceerd kamp' });
	const offer = await people.offer(provider.id, {
		kind: 'volunteers',
		title: 'Twee ingenieurs',
		people: 2,
		room_type: null,
		capacity: null
	});
	await people.query(
		`insert into public.agreements (request_id, offer_id, academy_id, provider_id, proposed_by_organisation, status)
		 values ($1, $2, $3, $4, $4, 'proposed')`,
		[request.id, offer.id, academy.id, provider.id]
	);
	await people.query(
		`insert into public.invitations (organisation_id, email, role, token_hash, invited_by)
		 values ($1, 'nieuw@groeistoot.test', 'member', $2, $3)`,
		[academy.id, createHash('sha256').update(academy.id).digest('hex'), cast.owner.id]
	);
});

afterAll(() => people.remove());

describe('organisation_overview', () => {
	it('tells a member what waits: the proposal, the open request, the draft, the status', async () => {
		const { data, error } = await overview('a member');
		expect(error).toBeNull();
		expect(data).toMatchObject({
			verification_status: 'unverified',
			proposals: {
				count: 1,
				items: [{ request_title: 'Mentoren voor de codeerclub', offer_title: 'Twee ingenieurs' }]
			},
			requests: { count: 1, items: [{ title: 'Mentoren voor de codeerclub' }] },
			drafts: { count: 1, items: [{ kind: 'activity', title: 'Zomerkamp in ontwerp' }] },
			volunteers_without_check: 0,
			// A member does not read the invitations (RLS); an admin does.
			open_invitations: 0
		});
	});

	it('counts the open invitation for an admin', async () => {
		const { data, error } = await overview('an admin');
		expect(error).toBeNull();
		expect(data).toMatchObject({ open_invitations: 1, proposals: { count: 1 } });
	});

	it('answers nothing to someone outside the organisation, network staff included', async () => {
		for (const who of ['a signed-in stranger', 'network staff'] as const) {
			const { data, error } = await overview(who);
			expect(error).toBeNull();
			expect(data).toBeNull();
		}
	});

	it('lists a person who offers to help, by name, without an offer', async () => {
		await people.query(`update public.profiles set display_name = 'Hanne Helpt' where id = $1`, [
			cast.stranger.id
		]);
		await people.query(
			`insert into public.agreements (request_id, academy_id, helper_id, helper_availability, status)
			 values ($1, $2, $3, 'woensdag na school', 'proposed')`,
			[request.id, academy.id, cast.stranger.id]
		);
		const { data, error } = await overview('a member');
		expect(error).toBeNull();
		expect(data).toMatchObject({ proposals: { count: 2 } });
		const items = (data as { proposals: { items: Record<string, unknown>[] } }).proposals.items;
		expect(items).toContainEqual(
			expect.objectContaining({
				request_title: 'Mentoren voor de codeerclub',
				offer_title: null,
				proposer_name: 'Hanne Helpt'
			})
		);
		// The person waits for the academy; nobody else's overview lists it.
		const { data: strangers } = await overview('a signed-in stranger');
		expect(strangers).toBeNull();
	});

	it('is not for anonymous visitors', async () => {
		const { data, error } = await overview('anonymous');
		expect(data).toBeNull();
		expect(error?.code).toBe('42501');
	});
});
