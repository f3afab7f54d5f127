// Verification and the quality label: only network staff decide, through set_verification() and
// set_quality_label(); every verification decision leaves an audit row that staff and members can read.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testPeople, type Cast, type Who } from './people.js';
import {
	expectDeleteRefused,
	expectHidden,
	expectInsertRefused,
	expectUpdateRefused
} from './rls.js';

const people = testPeople('verificatie');
let cast: Cast;
let academy: { id: string };

const NOT_STAFF = 'Enkel netwerkmedewerkers kunnen organisaties verifiëren.';

function client(who: Who) {
	return cast.clients[who];
}

async function verification(id = academy.id) {
	const [row] = await people.query<{
		verification_status: string;
		verified_at: Date | null;
		verified_by: string | null;
	}>(
		'select verification_status, verified_at, verified_by from public.organisations where id = $1',
		[id]
	);
	return row;
}

async function events(id = academy.id) {
	return people.query<{ action: string; note: string | null; actor: string | null }>(
		'select action, note, actor from public.organisation_verification_events where organisation_id = $1 order by id',
		[id]
	);
}

async function qualityLabel(id = academy.id) {
	const [row] = await people.query<{ quality_label: string }>(
		'select quality_label from public.academy_profiles where organisation_id = $1',
		[id]
	);
	return row?.quality_label;
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
});

afterAll(() => people.remove());

describe('set_verification()', () => {
	beforeEach(async () => {
		await people.query(
			'delete from public.organisation_verification_events where organisation_id = $1',
			[academy.id]
		);
		await people.query(
			`update public.organisations set verification_status = 'unverified', verified_at = null, verified_by = null where id = $1`,
			[academy.id]
		);
	});

	it('lets network staff verify an organisation, with who, when and an audit row', async () => {
		const { error } = await cast.staff.client.rpc('set_verification', {
			p_organisation_id: academy.id,
			p_verified: true,
			p_note: '  KBO-nummer en website gecontroleerd.  '
		});
		expect(error).toBeNull();
		const stored = await verification();
		expect(stored).toMatchObject({ verification_status: 'verified', verified_by: cast.staff.id });
		expect(Date.now() - stored!.verified_at!.getTime()).toBeLessThan(60_000);
		expect(await events()).toEqual([
			{ action: 'verified', note: 'KBO-nummer en website gecontroleerd.', actor: cast.staff.id }
		]);
	});

	it('lets network staff withdraw a verification', async () => {
		await cast.staff.client.rpc('set_verification', {
			p_organisation_id: academy.id,
			p_verified: true
		});
		const { error } = await cast.staff.client.rpc('set_verification', {
			p_organisation_id: academy.id,
			p_verified: false,
			p_note: 'Bestaat niet meer.'
		});
		expect(error).toBeNull();
		expect((await verification())!.verification_status).toBe('withdrawn');
		expect(await events()).toEqual([
			{ action: 'verified', note: null, actor: cast.staff.id },
			{ action: 'withdrawn', note: 'Bestaat niet meer.', actor: cast.staff.id }
		]);
	});

	it.each(['an owner', 'an admin', 'a member', 'a signed-in stranger'] as const)(
		'refuses %s with 42501, changing nothing',
		async (who) => {
			const { error } = await client(who).rpc('set_verification', {
				p_organisation_id: academy.id,
				p_verified: true
			});
			expect(error?.code).toBe('42501');
			expect(error?.message).toBe(NOT_STAFF);
			expect((await verification())!.verification_status).toBe('unverified');
			expect(await events()).toEqual([]);
		}
	);

	it('refuses anonymous visitors', async () => {
		const { error } = await client('anonymous').rpc('set_verification', {
			p_organisation_id: academy.id,
			p_verified: true
		});
		expect(error?.code).toBe('42501');
		expect((await verification())!.verification_status).toBe('unverified');
	});

	it('refuses an unknown organisation', async () => {
		const { error } = await cast.staff.client.rpc('set_verification', {
			p_organisation_id: '00000000-0000-4000-8000-00000000dead',
			p_verified: true
		});
		expect(error?.code).toBe('PT404');
		expect(error?.message).toBe('Deze organisatie bestaat niet.');
	});

	it('refuses a note over 500 characters, changing nothing', async () => {
		const { error } = await cast.staff.client.rpc('set_verification', {
			p_organisation_id: academy.id,
			p_verified: true,
			p_note: 'n'.repeat(501)
		});
		expect(error?.code).toBe('22001');
		expect((await verification())!.verification_status).toBe('unverified');
		expect(await events()).toEqual([]);
	});
});

describe('the verification audit trail', () => {
	const trail = () => ({ organisation_id: academy.id });
	beforeAll(async () => {
		await cast.staff.client.rpc('set_verification', {
			p_organisation_id: academy.id,
			p_verified: true,
			p_note: 'Gecontroleerd.'
		});
	});

	it.each(['network staff', 'an owner', 'an admin', 'a member'] as const)(
		'is readable by %s',
		async (who) => {
			const { data, error } = await client(who)
				.from('organisation_verification_events')
				.select('action, note')
				.eq('organisation_id', academy.id);
			expect(error).toBeNull();
			expect(data).toEqual([{ action: 'verified', note: 'Gecontroleerd.' }]);
		}
	);

	it.each(['anonymous', 'a signed-in stranger'] as const)('is hidden from %s', async (who) => {
		await expectHidden(client(who), 'organisation_verification_events', trail());
	});

	const everyone = [
		'anonymous',
		'a signed-in stranger',
		'a member',
		'an admin',
		'an owner',
		'network staff'
	] as const;

	it.each(everyone)('cannot be written to by %s', async (who) => {
		const table = 'organisation_verification_events';
		await expectInsertRefused(client(who), table, { ...trail(), action: 'verified' }, trail());
		await expectUpdateRefused(client(who), table, trail(), { note: 'Herschreven.' });
		await expectDeleteRefused(client(who), table, trail());
	});
});

describe('set_quality_label()', () => {
	it('lets network staff set the quality label of an academy', async () => {
		const { error } = await cast.staff.client.rpc('set_quality_label', {
			p_organisation_id: academy.id,
			p_label: 'candidate'
		});
		expect(error).toBeNull();
		expect(await qualityLabel()).toBe('candidate');
		await cast.staff.client.rpc('set_quality_label', {
			p_organisation_id: academy.id,
			p_label: 'none'
		});
	});

	it.each(['an owner', 'an admin', 'a member', 'a signed-in stranger', 'anonymous'] as const)(
		'refuses %s with 42501',
		async (who) => {
			const { error } = await client(who).rpc('set_quality_label', {
				p_organisation_id: academy.id,
				p_label: 'awarded'
			});
			expect(error?.code).toBe('42501');
			expect(await qualityLabel()).toBe('none');
		}
	);

	it('refuses an unknown label', async () => {
		const { error } = await cast.staff.client.rpc('set_quality_label', {
			p_organisation_id: academy.id,
			p_label: 'goud'
		});
		expect(error?.code).toBe('22023');
		expect(await qualityLabel()).toBe('none');
	});

	it('refuses an organisation that is not an academy', async () => {
		const school = await people.organisation([], { kind: 'school' });
		const { error } = await cast.staff.client.rpc('set_quality_label', {
			p_organisation_id: school.id,
			p_label: 'awarded'
		});
		expect(error?.code).toBe('PT404');
	});
});
