// Activities: public once published (or cancelled), drafts only for the academy and network staff; made
// and edited by the academy's members; status only forward; and the public views built on them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromToday, testPeople, type Cast, type Who } from './people.js';
import {
	expectDeleteRefused,
	expectHidden,
	expectInsertRefused,
	expectUpdateRefused
} from './rls.js';

const people = testPeople('activiteiten');
let cast: Cast;
let academy: { id: string; slug: string };
let published: { id: string };
let draft: { id: string };

function client(who: Who) {
	return cast.clients[who];
}

async function stored(id: string) {
	const [row] = await people.query('select * from public.activities where id = $1', [id]);
	return row;
}

function newActivity(values: Record<string, unknown> = {}) {
	return {
		organisation_id: academy.id,
		title: '  Sterrenkijken met de telescoop  ',
		description: 'We kijken naar de maan.',
		domains: ['sterrenkunde'],
		format: 'losse_activiteit',
		age_min: 8,
		age_max: 12,
		start_date: daysFromToday(20),
		end_date: daysFromToday(20),
		municipality_nis: '44021',
		price_eur: 5,
		reduced_price_eur: 1,
		...values
	};
}

beforeAll(async () => {
	cast = await people.cast();
	academy = await people.organisation(
		[
			[cast.owner, 'owner'],
			[cast.admin, 'admin'],
			[cast.member, 'member']
		],
		{ kind: 'academy', name: 'Academie Activiteit' }
	);
	published = await people.activity(academy.id, { title: 'Gepubliceerde activiteit' });
	draft = await people.activity(academy.id, { title: 'Ontwerp van activiteit', status: 'draft' });
});

afterAll(() => people.remove());

describe('reading activities', () => {
	it.each([
		'anonymous',
		'a signed-in stranger',
		'a member',
		'an admin',
		'an owner',
		'network staff'
	] as const)('shows a published one to %s', async (who) => {
		const { data, error } = await client(who)
			.from('activities')
			.select('id, title')
			.eq('id', published.id);
		expect(error).toBeNull();
		expect(data).toEqual([{ id: published.id, title: 'Gepubliceerde activiteit' }]);
	});

	it.each(['a member', 'an admin', 'an owner', 'network staff'] as const)(
		'shows a draft to %s',
		async (who) => {
			const { data, error } = await client(who).from('activities').select('id').eq('id', draft.id);
			expect(error).toBeNull();
			expect(data).toEqual([{ id: draft.id }]);
		}
	);

	it.each(['anonymous', 'a signed-in stranger'] as const)('hides a draft from %s', async (who) => {
		await expectHidden(client(who), 'activities', { id: draft.id });
	});

	it('shows a cancelled one to anonymous visitors', async () => {
		const cancelled = await people.activity(academy.id, { status: 'cancelled' });
		const { data } = await client('anonymous')
			.from('activities')
			.select('status, cancelled_at')
			.eq('id', cancelled.id);
		expect(data).toEqual([{ status: 'cancelled', cancelled_at: expect.any(String) }]);
	});
});

describe('creating activities', () => {
	it.each(['a member', 'an admin', 'an owner'] as const)('is allowed to %s', async (who) => {
		const { data, error } = await client(who)
			.from('activities')
			.insert(newActivity())
			.select('id, title, status, published_at, created_by, lat, lng')
			.single();
		expect(error).toBeNull();
		const person = { 'a member': cast.member, 'an admin': cast.admin, 'an owner': cast.owner }[who];
		expect(data).toMatchObject({
			title: 'Sterrenkijken met de telescoop',
			status: 'draft',
			published_at: null,
			created_by: person.id,
			// Gent's centroid.
			lat: expect.closeTo(51.08, 1),
			lng: expect.closeTo(3.7, 1)
		});
	});

	it('can publish straight away', async () => {
		const { data, error } = await cast.member.client
			.from('activities')
			.insert(newActivity({ status: 'published' }))
			.select('status, published_at')
			.single();
		expect(error).toBeNull();
		expect(data!.published_at).not.toBeNull();
	});

	it.each(['a signed-in stranger', 'network staff', 'anonymous'] as const)(
		'is not allowed to %s',
		async (who) => {
			const title = `Indringer ${who}`;
			await expectInsertRefused(client(who), 'activities', newActivity({ title }), { title });
		}
	);

	it('refuses an organisation that is not an academy, even for its members', async () => {
		const school = await people.organisation([[cast.member, 'owner']], { kind: 'school' });
		const { error } = await cast.member.client
			.from('activities')
			.insert(newActivity({ organisation_id: school.id }));
		expect(error?.code).toBe('23514');
		expect(error?.message).toBe('Enkel een academie kan activiteiten aanbieden.');
	});

	it.each([
		['a publication date', { published_at: '2020-01-01T00:00:00Z' }],
		['someone else as creator', { created_by: '00000000-0000-4000-8000-000000000001' }],
		['a cancellation date', { cancelled_at: '2020-01-01T00:00:00Z' }]
	])('refuses %s from the API', async (what, extra) => {
		const values = newActivity({ ...extra, title: `Vervalst: ${what}` });
		await expectInsertRefused(cast.member.client, 'activities', values, { title: values.title });
	});

	it.each([
		['a title of two characters', { title: 'ab' }],
		['no domain', { domains: [] }],
		['an unknown domain', { domains: ['koken'] }],
		['the same domain twice', { domains: ['natuur', 'natuur'] }],
		['an unknown format', { format: 'workshop' }],
		['an age under 2', { age_min: 1 }],
		['an age over 25', { age_max: 26 }],
		['a minimum age above the maximum', { age_min: 14, age_max: 10 }],
		['an end before the start', { end_date: daysFromToday(19) }],
		['zero sessions', { session_count: 0 }],
		['401 sessions', { session_count: 401 }],
		['a capacity of zero', { capacity: 0 }],
		['a negative price', { price_eur: -1 }],
		['a reduced price above the price', { price_eur: 5, reduced_price_eur: 6 }],
		['a registration link without http', { registration_url: 'inschrijven.be' }],
		['an unknown status', { status: 'archived' }]
	])('refuses %s', async (_what, extra) => {
		const values = newActivity({ title: 'Foutieve activiteit', ...extra });
		const { error } = await cast.member.client.from('activities').insert(values);
		expect(error?.code).toBe('23514');
	});

	it('refuses a municipality that merged away, in Dutch', async () => {
		const { error } = await cast.member.client
			.from('activities')
			.insert(newActivity({ municipality_nis: '11007' }));
		expect(error?.code).toBe('23514');
		expect(error?.message).toContain('Borsbeek is sinds 01/01/2025 geen gemeente meer');
	});
});

describe('changing activities', () => {
	it.each(['a member', 'an admin', 'an owner'] as const)('is allowed to %s', async (who) => {
		const { data, error } = await client(who)
			.from('activities')
			.update({ capacity: 16, venue_name: `Lokaal van ${who}` })
			.eq('id', draft.id)
			.select('capacity, venue_name');
		expect(error).toBeNull();
		expect(data).toEqual([{ capacity: 16, venue_name: `Lokaal van ${who}` }]);
	});

	it.each(['a signed-in stranger', 'network staff'] as const)(
		'is not allowed to %s: nothing changes',
		async (who) => {
			const patch = { title: 'Overgenomen' };
			await expectUpdateRefused(client(who), 'activities', { id: published.id }, patch, 'no rows');
		}
	);

	it('is not allowed to anonymous visitors', async () => {
		const patch = { title: 'Overgenomen' };
		await expectUpdateRefused(client('anonymous'), 'activities', { id: published.id }, patch);
	});

	it.each([
		['its academy', { organisation_id: '00000000-0000-4000-8000-000000000001' }],
		['its publication date', { published_at: '2020-01-01T00:00:00Z' }],
		['its creator', { created_by: '00000000-0000-4000-8000-000000000001' }]
	])('cannot touch %s, not even as owner', async (_what, change) => {
		await expectUpdateRefused(cast.owner.client, 'activities', { id: published.id }, change);
	});
});

describe('the status of an activity', () => {
	async function setStatus(id: string, status: string) {
		return cast.member.client
			.from('activities')
			.update({ status })
			.eq('id', id)
			.select('status, published_at, cancelled_at')
			.single();
	}

	it('goes from draft to published to cancelled, stamping each step', async () => {
		const activity = await people.activity(academy.id, { status: 'draft' });
		const publishedNow = await setStatus(activity.id, 'published');
		expect(publishedNow.error).toBeNull();
		expect(publishedNow.data).toMatchObject({ status: 'published', cancelled_at: null });
		expect(publishedNow.data!.published_at).not.toBeNull();

		const cancelledNow = await setStatus(activity.id, 'cancelled');
		expect(cancelledNow.error).toBeNull();
		expect(cancelledNow.data).toMatchObject({
			status: 'cancelled',
			published_at: publishedNow.data!.published_at
		});
		expect(cancelledNow.data!.cancelled_at).not.toBeNull();
	});

	it('can cancel a draft', async () => {
		const activity = await people.activity(academy.id, { status: 'draft' });
		const { data, error } = await setStatus(activity.id, 'cancelled');
		expect(error).toBeNull();
		expect(data).toMatchObject({ status: 'cancelled', published_at: null });
	});

	it.each(['published', 'draft'])('never goes from cancelled back to %s', async (status) => {
		const activity = await people.activity(academy.id, { status: 'cancelled' });
		const { error } = await setStatus(activity.id, status);
		expect(error?.code).toBe('23514');
		expect(error?.message).toBe(
			'Een geannuleerde activiteit kan niet opnieuw gepubliceerd worden.'
		);
		expect((await stored(activity.id))!.status).toBe('cancelled');
	});

	it('does not go from published back to draft', async () => {
		const activity = await people.activity(academy.id);
		const { error } = await setStatus(activity.id, 'draft');
		expect(error?.code).toBe('23514');
		expect((await stored(activity.id))!.status).toBe('published');
	});

	it('holds for SQL too', async () => {
		const activity = await people.activity(academy.id, { status: 'cancelled' });
		await expect(
			people.query(`update public.activities set status = 'published' where id = $1`, [activity.id])
		).rejects.toMatchObject({ code: '23514' });
	});
});

describe('deleting activities', () => {
	it.each(['an admin', 'an owner'] as const)('lets %s delete a draft', async (who) => {
		const activity = await people.activity(academy.id, { status: 'draft' });
		const { data, error } = await client(who)
			.from('activities')
			.delete()
			.eq('id', activity.id)
			.select('id');
		expect(error).toBeNull();
		expect(data).toEqual([{ id: activity.id }]);
		expect(await stored(activity.id)).toBeUndefined();
	});

	it.each(['a member', 'a signed-in stranger', 'network staff'] as const)(
		'does not let %s delete a draft',
		async (who) => {
			await expectDeleteRefused(client(who), 'activities', { id: draft.id }, 'no rows');
		}
	);

	it('does not let anonymous visitors delete anything', async () => {
		await expectDeleteRefused(client('anonymous'), 'activities', { id: published.id });
	});

	it('does not let even the owner delete a published activity (cancel it instead)', async () => {
		await expectDeleteRefused(cast.owner.client, 'activities', { id: published.id }, 'no rows');
	});
});

describe('the public views', () => {
	it('public_activities lists published ones with academy and place, never drafts, for anyone', async () => {
		for (const who of ['anonymous', 'a member'] as const) {
			const { data, error } = await client(who)
				.from('public_activities')
				.select('id, organisation_slug, municipality_name, province_nl')
				.eq('organisation_id', academy.id)
				.in('id', [published.id, draft.id]);
			expect(error).toBeNull();
			expect(data).toEqual([
				{
					id: published.id,
					organisation_slug: academy.slug,
					municipality_name: 'Gent',
					province_nl: 'Provincie Oost-Vlaanderen'
				}
			]);
		}
	});

	it('academy_overview counts upcoming published activities and their formats', async () => {
		const other = await people.organisation([], { kind: 'academy' });
		await people.activity(other.id, { format: 'kamp_met_overnachting' });
		await people.activity(other.id, { format: 'korte_reeks' });
		await people.activity(other.id, { format: 'korte_reeks', status: 'draft' });
		await people.activity(other.id, {
			start_date: daysFromToday(-60),
			end_date: daysFromToday(-30)
		});
		const { data, error } = await client('anonymous')
			.from('academy_overview')
			.select('id, municipality_name, upcoming_activity_count, upcoming_formats, quality_label')
			.eq('id', other.id);
		expect(error).toBeNull();
		expect(data).toEqual([
			{
				id: other.id,
				municipality_name: 'Gent',
				upcoming_activity_count: 2,
				upcoming_formats: ['kamp_met_overnachting', 'korte_reeks'],
				quality_label: 'none'
			}
		]);
	});

	it('academy_overview lists academies only', async () => {
		const school = await people.organisation([], { kind: 'school' });
		const { data } = await client('anonymous')
			.from('academy_overview')
			.select('id')
			.eq('id', school.id);
		expect(data).toEqual([]);
	});
});
