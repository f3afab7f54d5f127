// Local communities (20261203000000_communities.sql and part A's follow-ups): each policy and function
// lets the people it should and refuses the rest. A municipality of its own (Heist-op-den-Berg, no seed
// community) is reset at the start, so "created on the first join" is seen every run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asCaller } from './as-caller.js';
import { anonymousClient, testPeople, type Person } from './people.js';
import { expectDeleteRefused, expectHidden, expectUpdateRefused } from './rls.js';

const people = testPeople('communities');
const NIS = '12014';
const OTHER_NIS = '23002';

let teacher: Person;
let neighbour: Person;
let outsider: Person;
let schoolAdmin: Person;
let schoolMember: Person;
let academyAdmin: Person;
let blocked: Person;
let staff: Person;
let school: { id: string };
let academy: { id: string };
let communityId: string;

afterAll(() => people.remove());

const byId = (a: Record<string, unknown>, b: Record<string, unknown>) =>
	String(a.id).localeCompare(String(b.id));

beforeAll(async () => {
	// The communities this file makes (two municipalities' and its regions) go with its people in
	// remove(); these are any a run that stopped halfway left behind.
	await people.query(
		`delete from public.communities where municipality_nis = any($1) or slug like 'db-communities-%'`,
		[[NIS, OTHER_NIS]]
	);
	[teacher, neighbour, outsider, schoolAdmin, schoolMember, academyAdmin, blocked, staff] =
		await Promise.all([
			people.signUp('leerkracht'),
			people.signUp('buur'),
			people.signUp('buitenstaander'),
			people.signUp('schooladmin'),
			people.signUp('schoollid'),
			people.signUp('academie'),
			people.signUp('geblokkeerd'),
			people.signUp('netwerk')
		]);
	await people.makeNetworkStaff(staff);
	school = await people.organisation(
		[
			[schoolAdmin, 'admin'],
			[schoolMember, 'member']
		],
		{ municipality_nis: NIS }
	);
	academy = await people.organisation([[academyAdmin, 'owner']], {
		kind: 'academy',
		municipality_nis: NIS
	});
});

describe('joining and leaving', () => {
	it('creates a municipality’s community on the first join, once, and a double join is one row', async () => {
		const first = await teacher.client.rpc('join_community', {
			p_nis: NIS,
			p_person_kind: 'teacher',
			p_in_directory: true
		});
		expect(first.error).toBeNull();
		communityId = first.data as string;
		const again = await teacher.client.rpc('join_community', {
			p_nis: NIS,
			p_person_kind: 'teacher',
			p_in_directory: true
		});
		expect(again.data).toBe(communityId);
		const second = await neighbour.client.rpc('join_community', {
			p_community_id: communityId,
			p_person_kind: 'parent'
		});
		expect(second.error).toBeNull();
		const stored = await people.query<{ n: string }>(
			`select (select count(*) from public.communities where municipality_nis = $1) +
				(select count(*) from public.community_members where community_id = $2 and user_id = $3) * 10 as n`,
			[NIS, communityId, teacher.id]
		);
		expect(Number(stored[0]?.n)).toBe(11);
	});

	it('refuses visitors, unknown places and people who do not say as whom', async () => {
		const anonymous = await anonymousClient().rpc('join_community', {
			p_nis: NIS,
			p_person_kind: 'teacher'
		});
		expect(anonymous.error?.code).toBe('42501');
		const unknown = await outsider.client.rpc('join_community', {
			p_nis: '99999',
			p_person_kind: 'teacher'
		});
		expect(unknown.error?.hint).toBe('community_not_found');
		const noKind = await outsider.client.rpc('join_community', { p_community_id: communityId });
		expect(noKind.error?.hint).toBe('community_members_person_kind_known');
		const badKind = await outsider.client.rpc('join_community', {
			p_community_id: communityId,
			p_person_kind: 'child'
		});
		expect(badKind.error?.hint).toBe('community_members_person_kind_known');
		const stored = await people.query('select 1 from public.community_members where user_id = $1', [
			outsider.id
		]);
		expect(stored).toEqual([]);
	});

	it('lets an organisation join only through its admins', async () => {
		const byMember = await schoolMember.client.rpc('join_community', {
			p_community_id: communityId,
			p_organisation_id: school.id
		});
		expect(byMember.error?.hint).toBe('community_organisation_admin');
		const byOutsider = await outsider.client.rpc('join_community', {
			p_community_id: communityId,
			p_organisation_id: school.id
		});
		expect(byOutsider.error?.hint).toBe('community_organisation_admin');
		const byAdmin = await schoolAdmin.client.rpc('join_community', {
			p_community_id: communityId,
			p_organisation_id: school.id
		});
		expect(byAdmin.error).toBeNull();
		const leaveByMember = await schoolMember.client.rpc('leave_community', {
			p_community_id: communityId,
			p_organisation_id: school.id
		});
		expect(leaveByMember.error?.hint).toBe('community_organisation_admin');
	});

	it('refuses a blocked person', async () => {
		await people.query(
			`insert into public.community_blocks (community_id, user_id, reason) values ($1, $2, 'Spam')`,
			[communityId, blocked.id]
		);
		const joined = await blocked.client.rpc('join_community', {
			p_community_id: communityId,
			p_person_kind: 'other'
		});
		expect(joined.error?.hint).toBe('community_blocked');
		const own = await blocked.client.from('community_blocks').select('reason');
		expect(own.data).toEqual([{ reason: 'Spam' }]);
		await expectHidden(outsider.client, 'community_blocks', { user_id: blocked.id });
	});

	it('lets a person leave, twice without harm', async () => {
		const leaver = await people.signUp('vertrekker');
		await leaver.client.rpc('join_community', {
			p_community_id: communityId,
			p_person_kind: 'volunteer'
		});
		for (let i = 0; i < 2; i += 1) {
			const left = await leaver.client.rpc('leave_community', { p_community_id: communityId });
			expect(left.error).toBeNull();
		}
		const stored = await people.query('select 1 from public.community_members where user_id = $1', [
			leaver.id
		]);
		expect(stored).toEqual([]);
	});
});

describe('who reads whom', () => {
	it('shows the directory’s people to members only, and organisations to everyone', async () => {
		const byMember = await neighbour.client
			.from('community_members')
			.select('user_id')
			.eq('community_id', communityId)
			.not('user_id', 'is', null);
		// The teacher is listed; the neighbour (not in the directory) sees only their own row.
		expect(byMember.data?.map((row) => row.user_id).sort()).toEqual(
			[teacher.id, neighbour.id].sort()
		);
		await expectHidden(outsider.client, 'community_members', {
			community_id: communityId,
			user_id: teacher.id
		});
		await expectHidden(anonymousClient(), 'community_members', {
			community_id: communityId,
			user_id: teacher.id
		});
		const organisations = await anonymousClient()
			.from('community_members')
			.select('organisation_id')
			.eq('community_id', communityId)
			.not('organisation_id', 'is', null);
		expect(organisations.data).toEqual([{ organisation_id: school.id }]);
	});

	it('lets a member of a member organisation read the directory too', async () => {
		const listed = await schoolMember.client
			.from('community_members')
			.select('user_id')
			.eq('community_id', communityId)
			.eq('user_id', teacher.id);
		expect(listed.data).toEqual([{ user_id: teacher.id }]);
	});

	it('shows hosts (the academy seated there) and staff every member', async () => {
		for (const who of [academyAdmin, staff]) {
			const rows = await who.client
				.from('community_members')
				.select('user_id')
				.eq('community_id', communityId)
				.eq('user_id', neighbour.id);
			expect(rows.data).toEqual([{ user_id: neighbour.id }]);
		}
		const host = await academyAdmin.client.rpc('hosts_community', { p_community_id: communityId });
		expect(host.data).toBe(true);
		const notHost = await teacher.client.rpc('hosts_community', { p_community_id: communityId });
		expect(notHost.data).toBe(false);
	});

	it('shows a directory person’s profile to the community’s members, even a private one', async () => {
		await people.query(`update public.profiles set visibility = 'private' where id = $1`, [
			teacher.id
		]);
		const byMember = await neighbour.client.from('profiles').select('id').eq('id', teacher.id);
		expect(byMember.data).toEqual([{ id: teacher.id }]);
		await expectHidden(outsider.client, 'profiles', { id: teacher.id });
	});

	it('gives everyone counts per kind, never who', async () => {
		const { data } = await anonymousClient().rpc('community_counts', {
			p_community_id: communityId
		});
		const counts = Object.fromEntries(
			(data ?? []).map((row: { kind: string; members: number }) => [row.kind, Number(row.members)])
		);
		expect(counts).toEqual({ teacher: 1, parent: 1, school: 1 });
		expect(Object.keys(data?.[0] ?? {}).sort()).toEqual(['kind', 'members']);
	});
});

describe('changing rows', () => {
	it('lets a person change only their own kind and directory choice', async () => {
		const own = await neighbour.client
			.from('community_members')
			.update({ person_kind: 'officer', in_directory: true })
			.eq('community_id', communityId)
			.eq('user_id', neighbour.id)
			.select('person_kind');
		expect(own.data).toEqual([{ person_kind: 'officer' }]);
		await expectUpdateRefused(
			neighbour.client,
			'community_members',
			{ community_id: communityId, user_id: teacher.id },
			{ in_directory: false },
			'no rows'
		);
		await expectUpdateRefused(
			neighbour.client,
			'community_members',
			{ community_id: communityId, user_id: neighbour.id },
			{ role: 'host' }
		);
		await expectDeleteRefused(neighbour.client, 'community_members', {
			community_id: communityId,
			user_id: neighbour.id
		});
	});

	it('lets hosts edit the description, and nobody else', async () => {
		const byHost = await academyAdmin.client
			.from('communities')
			.update({ description: 'Welkom in Heist!' })
			.eq('id', communityId)
			.select('description');
		expect(byHost.data).toEqual([{ description: 'Welkom in Heist!' }]);
		await expectUpdateRefused(
			teacher.client,
			'communities',
			{ id: communityId },
			{ description: 'x' },
			'no rows'
		);
		await expectUpdateRefused(
			academyAdmin.client,
			'communities',
			{ id: communityId },
			{ name: 'x' }
		);
	});

	it('lets hosts and staff change roles, PT404 for anyone else', async () => {
		const [row] = await people.query<{ id: string }>(
			'select id from public.community_members where community_id = $1 and user_id = $2',
			[communityId, neighbour.id]
		);
		const byMember = await teacher.client.rpc('set_community_role', {
			p_member_id: row!.id,
			p_role: 'host'
		});
		expect(byMember.error?.hint).toBe('community_host_only');
		const badRole = await academyAdmin.client.rpc('set_community_role', {
			p_member_id: row!.id,
			p_role: 'owner'
		});
		expect(badRole.error?.hint).toBe('community_members_role_known');
		const byHost = await academyAdmin.client.rpc('set_community_role', {
			p_member_id: row!.id,
			p_role: 'host'
		});
		expect(byHost.error).toBeNull();
		const nowHost = await neighbour.client.rpc('hosts_community', { p_community_id: communityId });
		expect(nowHost.data).toBe(true);
		const byStaff = await staff.client.rpc('set_community_role', {
			p_member_id: row!.id,
			p_role: 'member'
		});
		expect(byStaff.error).toBeNull();
	});
});

describe('regions', () => {
	let regionId: string;
	const slug = `db-communities-${Date.now().toString(36)}`;

	it('are proposed by academy admins only, with 2 to 60 current places and a free slug', async () => {
		const bySchool = await schoolAdmin.client.rpc('propose_region', {
			p_organisation_id: school.id,
			p_name: 'Regio',
			p_slug: slug,
			p_municipalities: [NIS, OTHER_NIS]
		});
		expect(bySchool.error?.hint).toBe('community_region_academy');
		const onePlace = await academyAdmin.client.rpc('propose_region', {
			p_organisation_id: academy.id,
			p_name: 'Regio',
			p_slug: slug,
			p_municipalities: [NIS]
		});
		expect(onePlace.error?.hint).toBe('community_region_places');
		const proposed = await academyAdmin.client.rpc('propose_region', {
			p_organisation_id: academy.id,
			p_name: 'Regio Heist-Asse',
			p_slug: slug,
			p_municipalities: [NIS, OTHER_NIS]
		});
		expect(proposed.error).toBeNull();
		regionId = proposed.data as string;
		const taken = await academyAdmin.client.rpc('propose_region', {
			p_organisation_id: academy.id,
			p_name: 'Nog een',
			p_slug: slug,
			p_municipalities: [NIS, OTHER_NIS]
		});
		expect(taken.error?.hint).toBe('communities_slug_key');
	});

	it('while proposed, are seen by the proposer and staff only, and nobody joins', async () => {
		const byProposer = await academyAdmin.client
			.from('communities')
			.select('status')
			.eq('id', regionId);
		expect(byProposer.data).toEqual([{ status: 'proposed' }]);
		const byStaff = await staff.client.from('communities').select('status').eq('id', regionId);
		expect(byStaff.data).toEqual([{ status: 'proposed' }]);
		await expectHidden(teacher.client, 'communities', { id: regionId });
		await expectHidden(anonymousClient(), 'communities', { id: regionId });
		const joined = await teacher.client.rpc('join_community', {
			p_community_id: regionId,
			p_person_kind: 'teacher'
		});
		expect(joined.error?.hint).toBe('community_not_found');
	});

	it('community_pages gives each reader the community and places the embed gave (a proposed one to its proposer and staff)', async () => {
		const EMBED =
			'id, kind, name, description, status, municipality_nis, slug, decision_note, places:community_municipalities(municipality_nis, municipality:municipalities(name_nl))';
		type Row = { places: { municipality_nis: string }[] } & Record<string, unknown>;
		const byPlace = (rows: Row[] | null) =>
			(rows ?? []).map((row) => ({
				...row,
				places: [...row.places].sort((a, b) => a.municipality_nis.localeCompare(b.municipality_nis))
			}));
		for (const client of [academyAdmin.client, staff.client, teacher.client, anonymousClient()]) {
			const view = await client
				.from('community_pages')
				.select('*')
				.in('id', [regionId, communityId]);
			const embedded = await client
				.from('communities')
				.select(EMBED)
				.in('id', [regionId, communityId]);
			expect(view.error).toBeNull();
			expect(embedded.error).toBeNull();
			expect(byPlace(view.data as Row[]).sort(byId)).toEqual(
				byPlace(embedded.data as unknown as Row[]).sort(byId)
			);
		}
		const { data: seen } = await academyAdmin.client
			.from('community_pages')
			.select('places')
			.eq('id', regionId)
			.single();
		expect(seen?.places).toEqual([
			{ municipality_nis: NIS, municipality: { name_nl: 'Heist-op-den-Berg' } },
			{ municipality_nis: OTHER_NIS, municipality: { name_nl: 'Asse' } }
		]);
		const hidden = await teacher.client.from('community_pages').select('id').eq('id', regionId);
		expect(hidden.data).toEqual([]);
		const write = await academyAdmin.client
			.from('community_pages')
			.update({ name: 'Overgenomen' })
			.eq('id', regionId);
		expect(write.error?.code).toBe('42501');
	});

	it('are decided by staff only; declining needs a reason; once decided, that is it', async () => {
		const byAcademy = await academyAdmin.client.rpc('decide_region', {
			p_community_id: regionId,
			p_approve: true
		});
		expect(byAcademy.error?.hint).toBe('community_staff_only');
		const noReason = await staff.client.rpc('decide_region', {
			p_community_id: regionId,
			p_approve: false,
			p_note: ''
		});
		expect(noReason.error?.hint).toBe('community_region_decline_reason');
		const approved = await staff.client.rpc('decide_region', {
			p_community_id: regionId,
			p_approve: true
		});
		expect(approved.error).toBeNull();
		const again = await staff.client.rpc('decide_region', {
			p_community_id: regionId,
			p_approve: false,
			p_note: 'Toch niet'
		});
		expect(again.error?.hint).toBe('community_region_decided');
		const visible = await anonymousClient().from('communities').select('status').eq('id', regionId);
		expect(visible.data).toEqual([{ status: 'active' }]);
	});

	it('reach the offers of their places (community_offer_ids)', async () => {
		const offer = await people.offer(school.id, { municipality_nis: NIS });
		const { data, error } = await anonymousClient().rpc('community_offer_ids', {
			p_community_id: regionId,
			p_limit: 100
		});
		expect(error).toBeNull();
		expect(data).toContain(offer.id);
	});
});

describe('the policy helpers', () => {
	it('are not for anonymous callers', async () => {
		const result = await asCaller('anon', 'select private.my_community_ids()');
		expect(result.error?.code).toBe('42501');
	});
});
