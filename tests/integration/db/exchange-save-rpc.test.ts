// Saving an offer or a request with its weekly slots (and a room's days off) is one transaction: a refused
// slot leaves nothing written; the same id sent twice creates one row; RLS still decides who saves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { m } from '$lib/paraglide/messages';
import { DbFieldError } from '$lib/server/db/db-errors';
import { createOffer, type OfferChanges } from '$lib/server/db/offers';
import { createRequest, type RequestChanges } from '$lib/server/db/requests';
import type { Db } from '$lib/server/supabase';
import { daysFromToday, testPeople, type Cast } from './people.js';

const people = testPeople('ruil-opslaan');
let cast: Cast;
let school: { id: string };
let academy: { id: string };

const room = () => ({
	kind: 'room',
	title: 'Labo wetenschappen',
	municipality_nis: '44021',
	radius_km: 10,
	room_type: 'labo_wetenschappen',
	capacity: 24,
	term_start: daysFromToday(0),
	term_end: daysFromToday(120)
});

const goodSlot = { weekday: 3, starts_at: '13:00', ends_at: '16:00' };
const badSlot = { weekday: 4, starts_at: '16:00', ends_at: '13:00' };

async function count(table: string, column: string, id: string) {
	const [row] = await people.query<{ n: string }>(
		`select count(*)::text as n from public.${table} where ${column} = $1`,
		[id]
	);
	return Number(row!.n);
}

beforeAll(async () => {
	cast = await people.cast();
	school = await people.organisation(
		[
			[cast.member, 'member'],
			[cast.owner, 'owner']
		],
		{ kind: 'school', name: 'School Opslaan' }
	);
	academy = await people.organisation([[cast.admin, 'member']], {
		kind: 'academy',
		name: 'Academie Opslaan'
	});
});

afterAll(() => people.remove());

describe('save_offer', () => {
	it('creates an offer with its slots and days off in one call, and the same id again is harmless', async () => {
		const id = randomUUID();
		const args = {
			p_id: id,
			p_organisation_id: school.id,
			p_offer: { ...room(), area_municipalities: ['44083'] },
			p_slots: [goodSlot, { weekday: 5, starts_at: '09:00', ends_at: '12:00' }],
			p_unavailable_dates: [daysFromToday(14), daysFromToday(14)],
			p_create: true
		};
		const first = await cast.member.client.rpc('save_offer', args);
		expect(first.error).toBeNull();
		expect(first.data).toBe(id);
		const second = await cast.member.client.rpc('save_offer', args);
		expect(second.error).toBeNull();
		expect(await count('offers', 'id', id)).toBe(1);
		expect(await count('offer_slots', 'offer_id', id)).toBe(2);
		expect(await count('offer_unavailable_dates', 'offer_id', id)).toBe(1);
		const [row] = await people.query(
			'select area_municipalities, radius_km from public.offers where id = $1',
			[id]
		);
		expect(row).toEqual({ area_municipalities: ['44083'], radius_km: 10 });
	});

	it('writes nothing (no offer, no slots) when one slot is refused, with the Dutch message', async () => {
		const id = randomUUID();
		const { error } = await cast.member.client.rpc('save_offer', {
			p_id: id,
			p_organisation_id: school.id,
			p_offer: room(),
			p_slots: [goodSlot, badSlot],
			p_unavailable_dates: [daysFromToday(7)],
			p_create: true
		});
		expect(error?.code).toBe('23514');
		expect(error?.message).toBe('Het einduur moet na het beginuur liggen.');
		expect(await count('offers', 'id', id)).toBe(0);
		expect(await count('offer_slots', 'offer_id', id)).toBe(0);
		expect(await count('offer_unavailable_dates', 'offer_id', id)).toBe(0);
	});

	it('keeps the old offer and slots when an edit has one refused slot', async () => {
		const id = randomUUID();
		await cast.member.client.rpc('save_offer', {
			p_id: id,
			p_organisation_id: school.id,
			p_offer: room(),
			p_slots: [goodSlot],
			p_create: true
		});
		const { error } = await cast.member.client.rpc('save_offer', {
			p_id: id,
			p_organisation_id: school.id,
			p_offer: { ...room(), title: 'Nieuwe titel', capacity: 30 },
			p_slots: [badSlot]
		});
		expect(error?.code).toBe('23514');
		const [row] = await people.query<{ title: string; capacity: number }>(
			'select title, capacity from public.offers where id = $1',
			[id]
		);
		expect(row).toEqual({ title: 'Labo wetenschappen', capacity: 24 });
		expect(await count('offer_slots', 'offer_id', id)).toBe(1);
	});

	it('refuses an offer without a radius or municipalities in Dutch', async () => {
		const id = randomUUID();
		const { error } = await cast.member.client.rpc('save_offer', {
			p_id: id,
			p_organisation_id: school.id,
			p_offer: { ...room(), radius_km: null },
			p_slots: [goodSlot],
			p_create: true
		});
		expect(error?.message).toBe('Kies een straal in km of de gemeenten die je bedient.');
		expect(await count('offers', 'id', id)).toBe(0);
	});

	it.each(['a signed-in stranger', 'an admin', 'anonymous'] as const)(
		'lets %s (not of the school) create or edit nothing',
		async (who) => {
			const id = randomUUID();
			const created = await cast.clients[who].rpc('save_offer', {
				p_id: id,
				p_organisation_id: school.id,
				p_offer: room(),
				p_slots: [goodSlot],
				p_create: true
			});
			expect(created.error).not.toBeNull();
			expect(await count('offers', 'id', id)).toBe(0);

			const [existing] = await people.query<{ id: string }>(
				'select id from public.offers where organisation_id = $1 limit 1',
				[school.id]
			);
			const edited = await cast.clients[who].rpc('save_offer', {
				p_id: existing!.id,
				p_organisation_id: school.id,
				p_offer: { ...room(), title: 'Overgenomen' },
				p_slots: []
			});
			expect(edited.error).not.toBeNull();
			expect(await count('offer_slots', 'offer_id', existing!.id)).toBeGreaterThan(0);
			const [row] = await people.query<{ title: string }>(
				'select title from public.offers where id = $1',
				[existing!.id]
			);
			expect(row!.title).not.toBe('Overgenomen');
		}
	);
});

describe('save_request', () => {
	const request = () => ({
		kind: 'venue',
		title: 'Een labo voor robotica',
		municipality_nis: '44021',
		domains: ['techniek']
	});

	it('creates a request with its slots, once for the same id', async () => {
		const id = randomUUID();
		const args = {
			p_id: id,
			p_organisation_id: academy.id,
			p_request: request(),
			p_slots: [goodSlot],
			p_create: true
		};
		expect((await cast.admin.client.rpc('save_request', args)).error).toBeNull();
		expect((await cast.admin.client.rpc('save_request', args)).error).toBeNull();
		expect(await count('requests', 'id', id)).toBe(1);
		expect(await count('request_slots', 'request_id', id)).toBe(1);
	});

	it('writes nothing when one slot is refused', async () => {
		const id = randomUUID();
		const { error } = await cast.admin.client.rpc('save_request', {
			p_id: id,
			p_organisation_id: academy.id,
			p_request: request(),
			p_slots: [goodSlot, badSlot],
			p_create: true
		});
		expect(error?.message).toBe('Het einduur moet na het beginuur liggen.');
		expect(await count('requests', 'id', id)).toBe(0);
		expect(await count('request_slots', 'request_id', id)).toBe(0);
	});

	it('refuses a stranger and editing a closed request', async () => {
		const id = randomUUID();
		const stranger = await cast.clients['a signed-in stranger'].rpc('save_request', {
			p_id: id,
			p_organisation_id: academy.id,
			p_request: request(),
			p_slots: [],
			p_create: true
		});
		expect(stranger.error).not.toBeNull();
		expect(await count('requests', 'id', id)).toBe(0);

		const closed = await people.request(academy.id, { status: 'closed' });
		const edit = await cast.admin.client.rpc('save_request', {
			p_id: closed.id,
			p_organisation_id: academy.id,
			p_request: { ...request(), title: 'Toch nog' },
			p_slots: [goodSlot]
		});
		expect(edit.error?.message).toBe('Deze vraag is afgesloten en kan niet meer veranderen.');
		expect(await count('request_slots', 'request_id', closed.id)).toBe(0);
	});
});

describe("creating with another organisation's id", () => {
	let otherSchool: { id: string };
	let otherAcademy: { id: string };

	beforeAll(async () => {
		const other = await people.signUp('andere-organisatie');
		otherSchool = await people.organisation([[other, 'owner']], {
			kind: 'school',
			name: 'Andere School Opslaan'
		});
		otherAcademy = await people.organisation([[other, 'owner']], {
			kind: 'academy',
			name: 'Andere Academie Opslaan'
		});
	});

	async function offerRow(id: string) {
		const [row] = await people.query<{ organisation_id: string; title: string; slots: string }>(
			`select organisation_id, title,
				(select string_agg(weekday || ' ' || starts_at || '-' || ends_at, ', ')
				 from public.offer_slots s where s.offer_id = o.id) as slots
			 from public.offers o where o.id = $1`,
			[id]
		);
		return row;
	}

	const roomChanges = (): OfferChanges => ({
		kind: 'room',
		title: 'Overgenomen lokaal',
		description: '',
		municipalityNis: '44021',
		radiusKm: 10,
		areaMunicipalities: [],
		domains: [],
		ageMin: null,
		ageMax: null,
		room: {
			roomType: 'labo_wetenschappen',
			capacity: 24,
			equipment: null,
			accessible: false,
			conditions: [],
			feeEur: null,
			termStart: daysFromToday(0),
			termEnd: daysFromToday(120)
		},
		pledge: null,
		slots: [{ weekday: 1, startsAt: '09:00', endsAt: '12:00' }],
		unavailableDates: []
	});

	it.each(['active', 'paused'] as const)(
		'refuses an offer id of another school (%s) with PT404 (a 404) in Dutch and writes nothing',
		async (status) => {
			const theirs = await people.offer(otherSchool.id, { status });
			const before = await offerRow(theirs.id);
			const { data, error } = await cast.member.client.rpc('save_offer', {
				p_id: theirs.id,
				p_organisation_id: school.id,
				p_offer: { ...room(), title: 'Overgenomen lokaal' },
				p_slots: [{ weekday: 1, starts_at: '09:00', ends_at: '12:00' }],
				p_unavailable_dates: [daysFromToday(7)],
				p_create: true
			});
			expect(data).toBeNull();
			expect(error?.code).toBe('PT404');
			expect(error?.message).toBe('Dit aanbod bestaat niet.');
			expect(await offerRow(theirs.id)).toEqual(before);
			expect(before).toMatchObject({
				organisation_id: otherSchool.id,
				slots: '3 13:00:00-17:00:00'
			});
			expect(await count('offer_unavailable_dates', 'offer_id', theirs.id)).toBe(0);
		}
	);

	it.each(['active', 'paused'] as const)(
		'gives the offer form a Dutch message for an id of another school (%s), never a success or a 500',
		async (status) => {
			const theirs = await people.offer(otherSchool.id, { status });
			const created = createOffer(cast.member.client as Db, {
				id: theirs.id,
				organisationId: school.id,
				changes: roomChanges()
			});
			await expect(created).rejects.toBeInstanceOf(DbFieldError);
			await expect(created).rejects.toMatchObject({
				field: 'form',
				message: m.ex_offer_not_found()
			});
			expect((await offerRow(theirs.id))?.title).toBe('Labo wetenschappen');
		}
	);

	it('puts a refusal of more than 1000 days off next to the days off, in Dutch, writing nothing', async () => {
		const id = randomUUID();
		const created = createOffer(cast.member.client as Db, {
			id,
			organisationId: school.id,
			changes: {
				...roomChanges(),
				unavailableDates: Array.from({ length: 1001 }, (_, i) => daysFromToday(i))
			}
		});
		await expect(created).rejects.toMatchObject({
			field: 'unavailableDates',
			message: 'Geef hoogstens 1000 dagen waarop het niet beschikbaar is.'
		});
		expect(await count('offers', 'id', id)).toBe(0);
	});

	it('still treats the own offer sent twice through the form as created once', async () => {
		const id = randomUUID();
		const args = { id, organisationId: school.id, changes: roomChanges() };
		await createOffer(cast.member.client as Db, args);
		await createOffer(cast.member.client as Db, args);
		expect(await count('offers', 'id', id)).toBe(1);
	});

	const requestChanges = (): RequestChanges => ({
		kind: 'venue',
		title: 'Overgenomen vraag',
		description: '',
		quantity: null,
		people: null,
		amountEur: null,
		municipalityNis: '44021',
		domains: ['techniek'],
		ageMin: null,
		ageMax: null,
		neededFrom: null,
		neededUntil: null,
		deadline: null,
		slots: [{ weekday: 1, startsAt: '09:00', endsAt: '12:00' }]
	});

	it.each(['open', 'closed'] as const)(
		'refuses a request id of another academy (%s) in Dutch, through the RPC and the form, writing nothing',
		async (status) => {
			const theirs = await people.request(otherAcademy.id, { status });
			const { data, error } = await cast.admin.client.rpc('save_request', {
				p_id: theirs.id,
				p_organisation_id: academy.id,
				p_request: { kind: 'venue', title: 'Overgenomen vraag', municipality_nis: '44021' },
				p_slots: [goodSlot],
				p_create: true
			});
			expect(data).toBeNull();
			expect(error?.code).toBe('PT404');
			expect(error?.message).toBe('Deze vraag bestaat niet.');
			const created = createRequest(cast.admin.client as Db, {
				id: theirs.id,
				organisationId: academy.id,
				changes: requestChanges()
			});
			await expect(created).rejects.toMatchObject({
				field: 'form',
				message: m.ex_request_not_found()
			});
			const [row] = await people.query<{ organisation_id: string; title: string }>(
				'select organisation_id, title from public.requests where id = $1',
				[theirs.id]
			);
			expect(row).toEqual({
				organisation_id: otherAcademy.id,
				title: 'Een labo voor onze robotica'
			});
			expect(await count('request_slots', 'request_id', theirs.id)).toBe(0);
		}
	);
});
