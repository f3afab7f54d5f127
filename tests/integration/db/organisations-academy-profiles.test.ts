// Academy profiles: one per academy, made with it; public; edited by its owners and admins, except the
// quality label, which is network staff's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPeople, type Cast, type Who } from './people.js';
import { expectDeleteRefused, expectInsertRefused, expectUpdateRefused } from './rls.js';

const people = testPeople('academieprofielen');
let cast: Cast;
let academy: { id: string };

function client(who: Who) {
	return cast.clients[who];
}

/** The row of an organisation's academy profile. */
function profileOf(id = academy.id) {
	return { organisation_id: id };
}

async function stored(id = academy.id) {
	const [row] = await people.query(
		'select * from public.academy_profiles where organisation_id = $1',
		[id]
	);
	return row;
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
	await people.query(
		`update public.academy_profiles set stem_letters = '{S,T}', domains = '{natuur}' where organisation_id = $1`,
		[academy.id]
	);
});

afterAll(() => people.remove());

describe('reading an academy profile', () => {
	it.each([
		'anonymous',
		'a signed-in stranger',
		'a member',
		'an admin',
		'an owner',
		'network staff'
	] as const)('is allowed to %s', async (who) => {
		const { data, error } = await client(who)
			.from('academy_profiles')
			.select('stem_letters, domains, quality_label')
			.eq('organisation_id', academy.id);
		expect(error).toBeNull();
		expect(data).toEqual([
			{ stem_letters: ['S', 'T'], domains: ['natuur'], quality_label: 'none' }
		]);
	});
});

describe('changing an academy profile', () => {
	const profile = {
		stem_letters: ['S', 'T', 'E', 'M'],
		accent_letters: ['T'],
		creative_link: true,
		domains: ['techniek', 'programmeren'],
		age_min: 10,
		age_max: 14,
		languages: ['nl', 'en'],
		officially_recognised: true
	};

	it.each(['an owner', 'an admin'] as const)('is allowed to %s', async (who) => {
		const { data, error } = await client(who)
			.from('academy_profiles')
			.update(profile)
			.eq('organisation_id', academy.id)
			.select(Object.keys(profile).join(', '));
		expect(error).toBeNull();
		expect(data).toEqual([profile]);
	});

	it.each(['a member', 'a signed-in stranger', 'network staff'] as const)(
		'is not allowed to %s: nothing changes',
		async (who) => {
			const patch = { creative_link: false };
			await expectUpdateRefused(client(who), 'academy_profiles', profileOf(), patch, 'no rows');
		}
	);

	it('is not allowed to anonymous visitors', async () => {
		const patch = { creative_link: false };
		await expectUpdateRefused(client('anonymous'), 'academy_profiles', profileOf(), patch);
	});

	it.each(['an owner', 'network staff'] as const)(
		'does not let %s set the quality label through the API',
		async (who) => {
			const patch = { quality_label: 'awarded' };
			await expectUpdateRefused(client(who), 'academy_profiles', profileOf(), patch);
			expect((await stored())!.quality_label).toBe('none');
		}
	);

	it.each([
		['an unknown STEM letter', { stem_letters: ['S', 'X'] }],
		['a STEM letter twice', { stem_letters: ['S', 'S'] }],
		['an accent it does not cover', { stem_letters: ['S'], accent_letters: ['M'] }],
		['an unknown domain', { domains: ['koken'] }],
		['only a minimum age', { age_min: 8, age_max: null }],
		['an age over 25', { age_min: 8, age_max: 30 }],
		['a minimum age above the maximum', { age_min: 14, age_max: 12 }],
		['an unknown language', { languages: ['nl', 'es'] }]
	])('refuses %s', async (_what, change) => {
		const owner = cast.owner.client;
		await expectUpdateRefused(owner, 'academy_profiles', profileOf(), change, '23514');
	});
});

describe('adding and deleting academy profiles through the API', () => {
	const everyone = [
		'anonymous',
		'a signed-in stranger',
		'a member',
		'an admin',
		'an owner',
		'network staff'
	] as const;

	it.each(everyone)('%s cannot add one', async (who) => {
		const school = await people.organisation([[cast.owner, 'owner']], { kind: 'school' });
		const where = profileOf(school.id);
		await expectInsertRefused(client(who), 'academy_profiles', where, where);
	});

	it.each(everyone)('%s cannot delete one', async (who) => {
		await expectDeleteRefused(client(who), 'academy_profiles', profileOf());
	});

	it('only academies have one, even for SQL', async () => {
		const school = await people.organisation([], { kind: 'school' });
		await expect(
			people.query('insert into public.academy_profiles (organisation_id) values ($1)', [school.id])
		).rejects.toMatchObject({
			code: '23514',
			message: 'Enkel een academie heeft een academieprofiel.'
		});
	});
});
