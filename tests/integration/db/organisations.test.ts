// Organisations and their private contact: public profiles anyone reads, created by any signed-in person
// (who becomes owner), edited by owners and admins, deleted by owners; verification is not theirs to set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPeople, type Cast, type Who } from './people.js';
import {
	expectDeleteRefused,
	expectHidden,
	expectInsertRefused,
	expectUpdateRefused
} from './rls.js';

const people = testPeople('organisaties');
let cast: Cast;
let school: { id: string; slug: string };

type StoredOrganisation = Record<string, unknown> & { id: string; slug: string; name: string };

async function stored(id: string) {
	const [row] = await people.query<StoredOrganisation>(
		'select * from public.organisations where id = $1',
		[id]
	);
	return row;
}

async function membershipsOf(organisationId: string) {
	return people.query<{ user_id: string; role: string }>(
		'select user_id, role from public.memberships where organisation_id = $1 order by role',
		[organisationId]
	);
}

beforeAll(async () => {
	cast = await people.cast();
	school = await people.organisation(
		[
			[cast.owner, 'owner'],
			[cast.admin, 'admin'],
			[cast.member, 'member']
		],
		{ kind: 'school', name: 'Sint-Lievenscollege' }
	);
	await people.query(
		`insert into public.organisation_contacts (organisation_id, contact_name, email, phone)
		values ($1, 'Katrien Mertens', 'directie@sintlievens.test', '09 123 45 67')`,
		[school.id]
	);
});

afterAll(() => people.remove());

function client(who: Who) {
	return cast.clients[who];
}

describe('reading organisations', () => {
	it.each([
		'anonymous',
		'a signed-in stranger',
		'a member',
		'an admin',
		'an owner',
		'network staff'
	] as const)('is allowed to %s', async (who) => {
		const { data, error } = await client(who)
			.from('organisations')
			.select('id, name, verification_status')
			.eq('id', school.id);
		expect(error).toBeNull();
		expect(data).toEqual([
			{ id: school.id, name: 'Sint-Lievenscollege', verification_status: 'unverified' }
		]);
	});
});

describe('creating an organisation through the API', () => {
	function newAcademy() {
		return {
			kind: 'academy',
			name: '  STEM-academie De Ontdekking  ',
			slug: people.slug('academie'),
			municipality_nis: '11002',
			website: '',
			description: 'Wekelijks techniek en programmeren.\r\n\r\nVoor 10 tot 14 jaar.'
		};
	}

	it.each(['a signed-in stranger', 'a member', 'an admin', 'an owner', 'network staff'] as const)(
		'is allowed to %s, who becomes its owner',
		async (who) => {
			const values = newAcademy();
			const { data, error } = await client(who)
				.from('organisations')
				.insert(values)
				.select('id, name, slug, website, description, created_by, lat, lng')
				.single();
			expect(error).toBeNull();
			people.track(data!.id);
			const person = {
				'a signed-in stranger': cast.stranger,
				'a member': cast.member,
				'an admin': cast.admin,
				'an owner': cast.owner,
				'network staff': cast.staff
			}[who];
			expect(data).toMatchObject({
				name: 'STEM-academie De Ontdekking',
				slug: values.slug,
				website: null,
				description: 'Wekelijks techniek en programmeren.\n\nVoor 10 tot 14 jaar.',
				created_by: person.id,
				// Antwerpen's centroid, as no exact point was given.
				lat: 51.2633,
				lng: 4.39781
			});
			expect(await membershipsOf(data!.id)).toEqual([{ user_id: person.id, role: 'owner' }]);
		}
	);

	it('gives a new academy its academy profile, and a school none', async () => {
		const { data: academy } = await cast.owner.client
			.from('organisations')
			.insert(newAcademy())
			.select('id')
			.single();
		people.track(academy!.id);
		const { data: newSchool } = await cast.owner.client
			.from('organisations')
			.insert({ ...newAcademy(), kind: 'school' })
			.select('id')
			.single();
		people.track(newSchool!.id);
		const profiles = await people.query(
			'select organisation_id, languages, quality_label from public.academy_profiles where organisation_id = any($1::uuid[])',
			[[academy!.id, newSchool!.id]]
		);
		expect(profiles).toEqual([
			{ organisation_id: academy!.id, languages: ['nl'], quality_label: 'none' }
		]);
	});

	it('is not allowed to anonymous visitors', async () => {
		const values = newAcademy();
		await expectInsertRefused(client('anonymous'), 'organisations', values, { slug: values.slug });
	});

	it.each([
		['a verification status', { verification_status: 'verified' }],
		['a verification date', { verified_at: '2026-01-01T00:00:00Z' }],
		['someone else as creator', { created_by: '00000000-0000-4000-8000-000000000001' }]
	])('refuses %s, even from a signed-in person', async (_what, extra: Record<string, string>) => {
		const values = { ...newAcademy(), ...extra };
		await expectInsertRefused(cast.stranger.client, 'organisations', values, { slug: values.slug });
	});

	it('refuses a taken slug with 23505 on organisations_slug_key', async () => {
		const { error } = await cast.stranger.client
			.from('organisations')
			.insert({ ...newAcademy(), slug: school.slug });
		expect(error?.code).toBe('23505');
		expect(error?.message).toContain('organisations_slug_key');
	});

	it('refuses a municipality that merged away, in Dutch', async () => {
		const values = { ...newAcademy(), municipality_nis: '11007' };
		const { error } = await cast.stranger.client.from('organisations').insert(values);
		expect(error?.code).toBe('23514');
		expect(error?.message).toBe(
			'Borsbeek is sinds 01/01/2025 geen gemeente meer: kies Antwerpen, de gemeente waarin ze is opgegaan.'
		);
		expect(
			await people.query('select 1 from public.organisations where slug = $1', [values.slug])
		).toEqual([]);
	});

	it('refuses a municipality that does not exist', async () => {
		const { error } = await cast.stranger.client
			.from('organisations')
			.insert({ ...newAcademy(), municipality_nis: '99999' });
		expect(error?.code).toBe('23503');
		expect(error?.message).toBe('Gemeente 99999 bestaat niet.');
	});

	it('keeps an exact point when one is given', async () => {
		const { data, error } = await cast.stranger.client
			.from('organisations')
			.insert({ ...newAcademy(), lat: 51.2194, lng: 4.4025 })
			.select('id, lat, lng')
			.single();
		expect(error).toBeNull();
		people.track(data!.id);
		expect(data).toMatchObject({ lat: 51.2194, lng: 4.4025 });
	});

	it.each([
		['an unknown kind', { kind: 'club' }],
		['a partner without partner type', { kind: 'partner' }],
		['a partner type on a school', { kind: 'school', partner_type: 'library' }],
		['an unknown partner type', { kind: 'partner', partner_type: 'zwembad' }],
		['a name of one character', { name: ' A ' }],
		['a name over 120 characters', { name: 'n'.repeat(121) }],
		['a slug with capitals', { slug: 'Mijn-Academie' }],
		['a slug with a double hyphen', { slug: 'mijn--academie' }],
		['a slug of two characters', { slug: 'ab' }],
		['a description over 5000 characters', { description: 'd'.repeat(5001) }],
		['a website without http', { website: 'javascript:alert(1)' }],
		['a public e-mail without @', { public_email: 'info.academie.test' }],
		['a postal code of three digits', { postal_code: '900' }],
		['a point outside Belgium', { lat: 48.85, lng: 2.35 }]
	])('refuses %s', async (_what, extra) => {
		const values: Record<string, unknown> = { ...newAcademy(), ...extra };
		const where = { slug: String(values.slug) };
		await expectInsertRefused(cast.stranger.client, 'organisations', values, where, '23514');
	});

	it('accepts a partner with its type', async () => {
		const { data, error } = await cast.stranger.client
			.from('organisations')
			.insert({ ...newAcademy(), kind: 'partner', partner_type: 'fablab' })
			.select('id, partner_type')
			.single();
		expect(error).toBeNull();
		people.track(data!.id);
		expect(data!.partner_type).toBe('fablab');
	});
});

describe('an organisation written without a signed-in person (seeding)', () => {
	it('gets no owner automatically', async () => {
		const seeded = await people.organisation([], { kind: 'company' });
		expect(await membershipsOf(seeded.id)).toEqual([]);
	});
});

describe('changing an organisation', () => {
	it.each(['an owner', 'an admin'] as const)('is allowed to %s', async (who) => {
		const { data, error } = await client(who)
			.from('organisations')
			.update({ description: `Bijgewerkt door ${who}.`, public_phone: ' 09 111 22 33 ' })
			.eq('id', school.id)
			.select('description, public_phone');
		expect(error).toBeNull();
		expect(data).toEqual([
			{ description: `Bijgewerkt door ${who}.`, public_phone: '09 111 22 33' }
		]);
	});

	it.each(['a member', 'a signed-in stranger', 'network staff'] as const)(
		'is not allowed to %s: nothing changes',
		async (who) => {
			const patch = { name: 'Overgenomen' };
			await expectUpdateRefused(client(who), 'organisations', { id: school.id }, patch, 'no rows');
		}
	);

	it('is not allowed to anonymous visitors', async () => {
		const patch = { name: 'Overgenomen' };
		await expectUpdateRefused(client('anonymous'), 'organisations', { id: school.id }, patch);
	});

	it.each([
		['its verification status', { verification_status: 'verified' }],
		['its verification date', { verified_at: '2026-01-01T00:00:00Z' }],
		['who verified it', { verified_by: '00000000-0000-4000-8000-000000000001' }],
		['its kind', { kind: 'academy' }],
		['its creator', { created_by: '00000000-0000-4000-8000-000000000001' }],
		['its creation time', { created_at: '2020-01-01T00:00:00Z' }]
	])('cannot touch %s, not even as owner', async (_what, change) => {
		await expectUpdateRefused(cast.owner.client, 'organisations', { id: school.id }, change);
	});

	it('keeps its kind, even for SQL', async () => {
		await expect(
			people.query(`update public.organisations set kind = 'academy' where id = $1`, [school.id])
		).rejects.toMatchObject({ code: '23514' });
	});

	it('refuses a taken slug with 23505', async () => {
		const other = await people.organisation([], { kind: 'company' });
		const { error } = await cast.owner.client
			.from('organisations')
			.update({ slug: other.slug })
			.eq('id', school.id);
		expect(error?.code).toBe('23505');
		expect(error?.message).toContain('organisations_slug_key');
	});

	it('refuses a municipality that merged away and keeps the old one', async () => {
		const { error } = await cast.owner.client
			.from('organisations')
			.update({ municipality_nis: '37015' })
			.eq('id', school.id);
		expect(error?.code).toBe('23514');
		expect((await stored(school.id))!.municipality_nis).toBe('44021');
	});

	it('moves the point to the new municipality, unless a new point is given too', async () => {
		const moved = await cast.owner.client
			.from('organisations')
			.update({ municipality_nis: '11002' })
			.eq('id', school.id)
			.select('lat, lng');
		expect(moved.data).toEqual([{ lat: 51.2633, lng: 4.39781 }]);

		const exact = await cast.owner.client
			.from('organisations')
			.update({ municipality_nis: '44021', lat: 51.05, lng: 3.72 })
			.eq('id', school.id)
			.select('lat, lng');
		expect(exact.data).toEqual([{ lat: 51.05, lng: 3.72 }]);

		const unchanged = await cast.owner.client
			.from('organisations')
			.update({ name: 'Sint-Lievenscollege' })
			.eq('id', school.id)
			.select('lat, lng');
		expect(unchanged.data).toEqual([{ lat: 51.05, lng: 3.72 }]);
	});
});

describe('deleting an organisation', () => {
	it.each(['an admin', 'a member', 'a signed-in stranger', 'network staff'] as const)(
		'is not allowed to %s',
		async (who) => {
			await expectDeleteRefused(client(who), 'organisations', { id: school.id }, 'no rows');
		}
	);

	it('is not allowed to anonymous visitors', async () => {
		await expectDeleteRefused(client('anonymous'), 'organisations', { id: school.id });
	});

	it('is allowed to its owner, and takes its memberships, contact, profile and activities along', async () => {
		const academy = await people.organisation(
			[
				[cast.owner, 'owner'],
				[cast.admin, 'admin'],
				[cast.member, 'member']
			],
			{ kind: 'academy' }
		);
		await people.query(
			`insert into public.organisation_contacts (organisation_id, contact_name) values ($1, 'Els')`,
			[academy.id]
		);
		const activity = await people.activity(academy.id);
		const { data, error } = await cast.owner.client
			.from('organisations')
			.delete()
			.eq('id', academy.id)
			.select('id');
		expect(error).toBeNull();
		expect(data).toEqual([{ id: academy.id }]);
		expect(await stored(academy.id)).toBeUndefined();
		expect(await membershipsOf(academy.id)).toEqual([]);
		const leftovers = await people.query(
			`select (select count(*) from public.organisation_contacts where organisation_id = $1)::int as contacts,
				(select count(*) from public.academy_profiles where organisation_id = $1)::int as profiles,
				(select count(*) from public.activities where id = $2)::int as activities`,
			[academy.id, activity.id]
		);
		expect(leftovers).toEqual([{ contacts: 0, profiles: 0, activities: 0 }]);
	});
});

describe('the private contact', () => {
	const contact = {
		contact_name: 'Katrien Mertens',
		email: 'directie@sintlievens.test',
		phone: '09 123 45 67'
	};

	async function storedContact(organisationId: string) {
		const [row] = await people.query(
			'select * from public.organisation_contacts where organisation_id = $1',
			[organisationId]
		);
		return row;
	}

	it.each(['a member', 'an admin', 'an owner', 'network staff'] as const)(
		'is readable by %s',
		async (who) => {
			const { data, error } = await client(who)
				.from('organisation_contacts')
				.select('contact_name, email, phone')
				.eq('organisation_id', school.id);
			expect(error).toBeNull();
			expect(data).toEqual([contact]);
		}
	);

	it.each(['anonymous', 'a signed-in stranger'] as const)('is hidden from %s', async (who) => {
		await expectHidden(client(who), 'organisation_contacts', { organisation_id: school.id });
	});

	it.each(['an owner', 'an admin'] as const)('can be added by %s', async (who) => {
		const other = await people.organisation(
			[
				[cast.owner, 'owner'],
				[cast.admin, 'admin']
			],
			{ kind: 'company' }
		);
		const { error } = await client(who)
			.from('organisation_contacts')
			.insert({ organisation_id: other.id, contact_name: '  Jan  ', email: 'Jan@Bedrijf.test' });
		expect(error).toBeNull();
		expect(await storedContact(other.id)).toMatchObject({
			contact_name: 'Jan',
			email: 'jan@bedrijf.test',
			phone: null
		});
	});

	it.each(['anonymous', 'a signed-in stranger', 'a member', 'network staff'] as const)(
		'cannot be added by %s',
		async (who) => {
			const other = await people.organisation([[cast.member, 'member']], { kind: 'company' });
			const values = { organisation_id: other.id, contact_name: 'Indringer' };
			await expectInsertRefused(client(who), 'organisation_contacts', values, {
				organisation_id: other.id
			});
		}
	);

	it.each(['an owner', 'an admin'] as const)(
		'can be changed by %s, also as an upsert',
		async (who) => {
			const { error } = await client(who)
				.from('organisation_contacts')
				.upsert({ organisation_id: school.id, ...contact, phone: '09 765 43 21' });
			expect(error).toBeNull();
			expect((await storedContact(school.id))!.phone).toBe('09 765 43 21');
			await people.query(
				'update public.organisation_contacts set phone = $2 where organisation_id = $1',
				[school.id, contact.phone]
			);
		}
	);

	it.each(['a member', 'a signed-in stranger', 'network staff'] as const)(
		'cannot be changed by %s: nothing changes',
		async (who) => {
			const where = { organisation_id: school.id };
			await expectUpdateRefused(
				client(who),
				'organisation_contacts',
				where,
				{ phone: '0000' },
				'no rows'
			);
		}
	);

	it('cannot be changed by anonymous visitors', async () => {
		const where = { organisation_id: school.id };
		await expectUpdateRefused(client('anonymous'), 'organisation_contacts', where, {
			phone: '0000'
		});
	});

	it('cannot move to another organisation', async () => {
		const other = await people.organisation([[cast.owner, 'owner']], { kind: 'company' });
		const { error } = await cast.owner.client
			.from('organisation_contacts')
			.update({ organisation_id: other.id })
			.eq('organisation_id', school.id);
		expect(error?.code).toBe('23514');
		expect(await storedContact(school.id)).toBeDefined();
	});

	it.each([
		'anonymous',
		'a signed-in stranger',
		'a member',
		'an admin',
		'an owner',
		'network staff'
	] as const)('cannot be deleted through the API by %s', async (who) => {
		await expectDeleteRefused(client(who), 'organisation_contacts', { organisation_id: school.id });
	});
});
