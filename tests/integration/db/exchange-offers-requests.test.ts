// Offers and requests: public while active/open, all of their own for the organisation's members, made
// and edited by them only; rooms only for schools, pledges only for companies, requests only for
// academies; bad numbers and times refused with a Dutch message; a closed request stays closed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromToday, everyone, testPeople, type Cast, type Who } from './people.js';
import {
	expectDeleteRefused,
	expectHidden,
	expectInsertRefused,
	expectUpdateRefused
} from './rls.js';

const people = testPeople('ruil-aanbod');
let cast: Cast;
let school: { id: string };
let company: { id: string };
let academy: { id: string };
let room: { id: string };
let pausedRoom: { id: string };
let request: { id: string };
let closedRequest: { id: string };

const client = (who: Who) => cast.clients[who];
const insiders = ['a member', 'an admin', 'an owner'] as const;
const outsiders = ['anonymous', 'a signed-in stranger', 'network staff'] as const;

function newRoom(values: Record<string, unknown> = {}) {
	return {
		organisation_id: school.id,
		kind: 'room',
		title: '  ICT-lokaal  ',
		municipality_nis: '44021',
		radius_km: 10,
		room_type: 'ict_lokaal',
		capacity: 20,
		conditions: ['gratis'],
		term_start: daysFromToday(0),
		term_end: daysFromToday(100),
		...values
	};
}

function newRequest(values: Record<string, unknown> = {}) {
	return {
		organisation_id: academy.id,
		kind: 'volunteers',
		title: 'Twee mentoren voor robotica',
		municipality_nis: '44021',
		people: 2,
		...values
	};
}

beforeAll(async () => {
	cast = await people.cast();
	const members: [typeof cast.owner, 'owner' | 'admin' | 'member'][] = [
		[cast.owner, 'owner'],
		[cast.admin, 'admin'],
		[cast.member, 'member']
	];
	school = await people.organisation(members, { kind: 'school', name: 'School Ruil' });
	company = await people.organisation(members, { kind: 'company', name: 'Bedrijf Ruil' });
	academy = await people.organisation(members, { kind: 'academy', name: 'Academie Ruil' });
	room = await people.offer(school.id);
	pausedRoom = await people.offer(school.id, { status: 'paused', title: 'Gepauzeerd lokaal' });
	await people.query(
		'insert into public.offer_unavailable_dates (offer_id, day) values ($1, $2), ($3, $2)',
		[room.id, daysFromToday(7), pausedRoom.id]
	);
	request = await people.request(academy.id, {}, [[3, '13:00', '16:00']]);
	closedRequest = await people.request(
		academy.id,
		{ status: 'closed', title: 'Afgesloten vraag' },
		[[3, '13:00', '16:00']]
	);
});

afterAll(() => people.remove());

describe('reading offers and requests', () => {
	it.each(everyone)('shows an active room, its slots and days off to %s', async (who) => {
		const { data, error } = await client(who)
			.from('offers')
			.select('id, offer_slots (weekday, starts_at, ends_at), offer_unavailable_dates (day)')
			.eq('id', room.id);
		expect(error).toBeNull();
		expect(data).toEqual([
			{
				id: room.id,
				offer_slots: [{ weekday: 3, starts_at: '13:00:00', ends_at: '17:00:00' }],
				offer_unavailable_dates: [{ day: daysFromToday(7) }]
			}
		]);
	});

	it.each(everyone)('shows an open request and its slots to %s', async (who) => {
		const { data, error } = await client(who)
			.from('requests')
			.select('id, request_slots (weekday)')
			.eq('id', request.id);
		expect(error).toBeNull();
		expect(data).toEqual([{ id: request.id, request_slots: [{ weekday: 3 }] }]);
	});

	it.each([...insiders, 'network staff'] as const)(
		'shows a paused offer and a closed request with their slots to %s',
		async (who) => {
			const offers = await client(who).from('offers').select('id').eq('id', pausedRoom.id);
			expect(offers.data).toEqual([{ id: pausedRoom.id }]);
			const slots = await client(who)
				.from('offer_slots')
				.select('offer_id')
				.eq('offer_id', pausedRoom.id);
			expect(slots.data).toHaveLength(1);
			const requests = await client(who).from('requests').select('id').eq('id', closedRequest.id);
			expect(requests.data).toEqual([{ id: closedRequest.id }]);
			const rslots = await client(who)
				.from('request_slots')
				.select('request_id')
				.eq('request_id', closedRequest.id);
			expect(rslots.data).toHaveLength(1);
		}
	);

	it.each(['anonymous', 'a signed-in stranger'] as const)(
		'hides a paused offer, a closed request and their slots and days off from %s',
		async (who) => {
			for (const [table, column, id] of [
				['offers', 'id', pausedRoom.id],
				['offer_slots', 'offer_id', pausedRoom.id],
				['offer_unavailable_dates', 'offer_id', pausedRoom.id],
				['requests', 'id', closedRequest.id],
				['request_slots', 'request_id', closedRequest.id]
			] as const) {
				await expectHidden(client(who), table, { [column]: id });
			}
		}
	);
});

describe('creating offers and requests', () => {
	it.each(insiders)('lets %s publish a room and a pledge and ask for something', async (who) => {
		const person = { 'a member': cast.member, 'an admin': cast.admin, 'an owner': cast.owner }[who];
		const offered = await client(who)
			.from('offers')
			.insert(newRoom())
			.select('title, lat, created_by')
			.single();
		expect(offered.error).toBeNull();
		expect(offered.data).toMatchObject({
			title: 'ICT-lokaal',
			lat: expect.closeTo(51.08, 1),
			created_by: person.id
		});

		const pledged = await client(who)
			.from('offers')
			.insert({
				organisation_id: company.id,
				kind: 'volunteers',
				title: 'Mentoren',
				municipality_nis: '44021',
				people: 2,
				area_municipalities: ['44021']
			})
			.select('id')
			.single();
		expect(pledged.error).toBeNull();

		const asked = await client(who).from('requests').insert(newRequest()).select('status').single();
		expect(asked.error).toBeNull();
		expect(asked.data).toEqual({ status: 'open' });
	});

	it.each(outsiders)(
		'refuses offers, slots, days off, requests and request slots from %s',
		async (who) => {
			const db = client(who);
			const title = `Indringer ${who}`;
			await expectInsertRefused(db, 'offers', newRoom({ title }), { title });
			await expectInsertRefused(db, 'requests', newRequest({ title }), { title });
			const hours = { weekday: 1, starts_at: '08:00', ends_at: '09:00' };
			const slot = { offer_id: room.id, weekday: 1 };
			await expectInsertRefused(db, 'offer_slots', { ...hours, ...slot }, slot);
			const dayOff = { offer_id: room.id, day: daysFromToday(9) };
			await expectInsertRefused(db, 'offer_unavailable_dates', dayOff, dayOff);
			const requestSlot = { request_id: request.id, weekday: 1 };
			await expectInsertRefused(db, 'request_slots', { ...hours, ...requestSlot }, requestSlot);
		}
	);

	it.each([
		[
			'a room for a company',
			() => ({ organisation_id: company.id }),
			'Enkel een school of partner kan een lokaal aanbieden.'
		],
		['zero capacity', { capacity: 0 }, 'De capaciteit moet groter zijn dan 0.'],
		[
			'a negative fee',
			{ fee_eur: -5, conditions: ['vergoeding'] },
			'De vergoeding kan niet negatief zijn.'
		],
		[
			'a term that ends before it starts',
			{ term_end: daysFromToday(-1) },
			'De einddatum mag niet voor de begindatum liggen.'
		],
		['no area', { radius_km: null }, 'Kies een straal in km of de gemeenten die je bedient.'],
		[
			'a former municipality in the area',
			{ area_municipalities: ['44011'] },
			'Kies enkel huidige gemeenten (niet: 44011).'
		]
	])('refuses %s with a Dutch message', async (_, values, message) => {
		const { error } = await cast.member.client
			.from('offers')
			.insert(
				newRoom({ title: 'Fout lokaal', ...(typeof values === 'function' ? values() : values) })
			);
		expect(error?.code).toBe('23514');
		expect(error?.message).toBe(message);
		expect(await people.query("select 1 from public.offers where title = 'Fout lokaal'")).toEqual(
			[]
		);
	});

	it.each([
		[
			'a pledge for a school',
			() => ({ organisation_id: school.id, kind: 'volunteers', people: 2 }),
			'Enkel een bedrijf of partner kan mensen, materiaal, geld, een bezoek of expertise aanbieden.'
		],
		[
			'negative funding',
			{ kind: 'funding', amount_eur: -100 },
			'Het bedrag moet groter zijn dan 0.'
		],
		['zero people', { kind: 'volunteers', people: 0 }, 'Het aantal mensen moet groter zijn dan 0.']
	])('refuses %s with a Dutch message', async (_, values, message) => {
		const { error } = await cast.member.client.from('offers').insert({
			organisation_id: company.id,
			title: 'Foute belofte',
			municipality_nis: '44021',
			radius_km: 5,
			...(typeof values === 'function' ? values() : values)
		});
		expect(error?.code).toBe('23514');
		expect(error?.message).toBe(message);
	});

	it.each([
		[
			'a request from a school',
			() => ({ organisation_id: school.id }),
			'Enkel een academie kan iets vragen.'
		],
		[
			'a negative amount',
			{ kind: 'funding', amount_eur: -1 },
			'Het bedrag moet groter zijn dan 0.'
		],
		[
			'impossible dates',
			{ needed_from: daysFromToday(10), needed_until: daysFromToday(5) },
			'De einddatum mag niet voor de begindatum liggen.'
		]
	])('refuses %s with a Dutch message', async (_, values, message) => {
		const { error } = await cast.member.client
			.from('requests')
			.insert(
				newRequest({ title: 'Foute vraag', ...(typeof values === 'function' ? values() : values) })
			);
		expect(error?.code).toBe('23514');
		expect(error?.message).toBe(message);
		expect(await people.query("select 1 from public.requests where title = 'Foute vraag'")).toEqual(
			[]
		);
	});

	it.each(['offer_slots', 'request_slots'] as const)(
		'refuses an impossible time in %s',
		async (table) => {
			const values: Record<string, unknown> =
				table === 'offer_slots'
					? { offer_id: room.id, weekday: 5, starts_at: '16:00', ends_at: '13:00' }
					: { request_id: request.id, weekday: 5, starts_at: '16:00', ends_at: '16:00' };
			const { error } = await cast.member.client.from(table).insert(values);
			expect(error?.code).toBe('23514');
			expect(error?.message).toBe('Het einduur moet na het beginuur liggen.');
		}
	);
});

describe('changing and deleting', () => {
	it.each(outsiders)('does not let %s change or delete an offer or a request', async (who) => {
		const db = client(who);
		const refusal = who === 'anonymous' ? '42501' : 'no rows';
		const gekaapt = { title: 'Gekaapt' };
		await expectUpdateRefused(db, 'offers', { id: room.id }, gekaapt, refusal);
		await expectUpdateRefused(db, 'requests', { id: request.id }, gekaapt, refusal);
		await expectDeleteRefused(db, 'offers', { id: room.id }, refusal);
		await expectDeleteRefused(db, 'requests', { id: request.id }, refusal);
		await expectDeleteRefused(db, 'offer_slots', { offer_id: room.id }, refusal);
		await expectDeleteRefused(db, 'offer_unavailable_dates', { offer_id: room.id }, refusal);
		await expectDeleteRefused(db, 'request_slots', { request_id: request.id }, refusal);
	});

	it('lets a member edit but not delete; an admin deletes', async () => {
		const extra = await people.offer(school.id, { title: 'Sporthal', room_type: 'sporthal' });
		const edited = await cast.member.client
			.from('offers')
			.update({ capacity: 60 })
			.eq('id', extra.id)
			.select('capacity');
		expect(edited.data).toEqual([{ capacity: 60 }]);
		await expectDeleteRefused(cast.member.client, 'offers', { id: extra.id }, 'no rows');
		const byAdmin = await cast.admin.client.from('offers').delete().eq('id', extra.id).select('id');
		expect(byAdmin.data).toEqual([{ id: extra.id }]);
	});

	it('refuses zero capacity on an update too', async () => {
		const { error } = await cast.member.client
			.from('offers')
			.update({ capacity: 0 })
			.eq('id', room.id);
		expect(error?.message).toBe('De capaciteit moet groter zijn dan 0.');
	});

	it('keeps a closed request closed', async () => {
		const { error } = await cast.owner.client
			.from('requests')
			.update({ status: 'open' })
			.eq('id', closedRequest.id);
		expect(error?.code).toBe('23514');
		expect(error?.message).toBe('Deze vraag is afgesloten en kan niet meer veranderen.');
		const retitle = await cast.owner.client
			.from('requests')
			.update({ title: 'Nieuw' })
			.eq('id', closedRequest.id);
		expect(retitle.error?.message).toBe('Deze vraag is afgesloten en kan niet meer veranderen.');
	});

	it('does not let an open request skip to fulfilled', async () => {
		const fresh = await people.request(academy.id);
		const { error } = await cast.member.client
			.from('requests')
			.update({ status: 'fulfilled' })
			.eq('id', fresh.id);
		expect(error?.code).toBe('23514');
		const closed = await cast.member.client
			.from('requests')
			.update({ status: 'closed' })
			.eq('id', fresh.id)
			.select('status');
		expect(closed.data).toEqual([{ status: 'closed' }]);
	});

	it('keeps what the database writes out of reach', async () => {
		const patch = { created_by: cast.stranger.id };
		await expectUpdateRefused(cast.member.client, 'offers', { id: room.id }, patch);
	});
});
