// public.offer_page(): an offer's page in one call gives what the page's PostgREST select with embeds gave,
// to a visitor, a member of the offering organisation and a signed-in outsider alike (the caller's RLS):
// an active offer for everyone, a paused one only for its organisation, null for an unknown id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getOffer, OFFER_SELECT, toDetails } from '$lib/server/db/offers';
import type { Db } from '$lib/server/supabase';
import { anonymousClient, daysFromToday, testPeople, type Person } from './people.js';

const people = testPeople('aanbodpagina');

/** The page's read before offer_page(): the select with its four embeds. */
async function bySelect(db: Db, id: string) {
	const { data, error } = await db.from('offers').select(OFFER_SELECT).eq('id', id).maybeSingle();
	expect(error).toBeNull();
	return data ? toDetails(data) : null;
}

let member: Person;
let outsider: Person;
let room: string;
let paused: string;
let volunteers: string;

beforeAll(async () => {
	member = await people.signUp('lid');
	outsider = await people.signUp('buitenstaander');
	const school = await people.organisation([[member, 'owner']], {
		kind: 'school',
		name: 'Basisschool Eén Call'
	});
	room = (
		await people.offer(
			school.id,
			{ title: 'Labo met twee momenten', description: 'Met spoelbakken', accessible: true },
			[
				[4, '15:30', '17:30'],
				[2, '16:00', '18:00']
			]
		)
	).id;
	await people.query(
		'insert into public.offer_unavailable_dates (offer_id, day) values ($1, $2), ($1, $3)',
		[room, daysFromToday(30), daysFromToday(9)]
	);
	paused = (await people.offer(school.id, { status: 'paused', title: 'Even niet' })).id;
	const company = await people.organisation([], { kind: 'company' });
	volunteers = (await people.offer(company.id, { kind: 'volunteers', title: 'Twee mentoren' })).id;
});

afterAll(async () => {
	await people.remove();
});

describe('offer_page', () => {
	it('gives a visitor what the select gave: the offer with organisation, municipality, slots and dates', async () => {
		const visitor = anonymousClient() as Db;
		const details = await getOffer(visitor, room);
		expect(details).toEqual(await bySelect(visitor, room));
		expect(details).toMatchObject({
			title: 'Labo met twee momenten',
			description: 'Met spoelbakken',
			accessible: true,
			organisation: { name: 'Basisschool Eén Call', kind: 'school' },
			municipalityName: 'Gent',
			slots: [
				{ weekday: 2, startsAt: '16:00:00', endsAt: '18:00:00' },
				{ weekday: 4, startsAt: '15:30:00', endsAt: '17:30:00' }
			],
			unavailableDates: [daysFromToday(9), daysFromToday(30)]
		});
	});

	it('gives an offer without slots, dates or room fields the same way', async () => {
		const visitor = anonymousClient() as Db;
		const details = await getOffer(visitor, volunteers);
		expect(details).toEqual(await bySelect(visitor, volunteers));
		expect(details).toMatchObject({
			kind: 'volunteers',
			people: 2,
			slots: [],
			unavailableDates: []
		});
	});

	it('shows a paused offer to its organisation only', async () => {
		const [asMember, asOutsider] = [member.client as Db, outsider.client as Db];
		expect(await getOffer(asMember, paused)).toEqual(await bySelect(asMember, paused));
		expect(await getOffer(asMember, paused)).toMatchObject({ status: 'paused' });
		expect(await getOffer(anonymousClient() as Db, paused)).toBeNull();
		expect(await getOffer(asOutsider, paused)).toBeNull();
		expect(await bySelect(asOutsider, paused)).toBeNull();
	});

	it('answers null for an id that is no offer', async () => {
		expect(await getOffer(anonymousClient() as Db, crypto.randomUUID())).toBeNull();
	});
});
