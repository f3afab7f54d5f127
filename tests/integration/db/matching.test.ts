// Matching against the running stack: a school's science lab in Alveringem, free on Wednesday 13–17, and
// an academy in the next municipality (Lo-Reninge, 6.7 km) asking for a venue on Wednesday afternoon. The
// lab comes first with its distance and free window; offers out of reach, of another kind, paused or out of
// term are not suggested; a room without a common moment ranks lower; and the same the other way round.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suggestOffers, suggestRequests } from '../../../src/lib/server/db/matching.js';
import { reasonLine } from '../../../src/lib/matching/score.js';
import { anonymousClient, daysFromToday, testPeople, type Person } from './people.js';

const ALVERINGEM = '38002';
const LO_RENINGE = '32030';
const HASSELT = '71072';

const people = testPeople('matching');
let coordinator: Person;
let teacher: Person;
let school: { id: string };
let farSchool: { id: string };
let company: { id: string };
let academy: { id: string };
let farAcademy: { id: string };
const offers: Record<string, string> = {};
const requests: Record<string, string> = {};

type Row = Record<string, unknown>;

async function insert(table: string, values: Row): Promise<string> {
	const columns = Object.keys(values);
	const [row] = await people.query<{ id: string }>(
		`insert into public.${table} (${columns.join(', ')}) values (${columns
			.map((_, i) => `$${i + 1}`)
			.join(', ')}) returning id`,
		Object.values(values)
	);
	return row!.id;
}

async function room(
	name: string,
	values: Row,
	slots: [number, string, string][] = [[3, '13:00', '17:00']]
) {
	offers[name] = await insert('offers', {
		organisation_id: school.id,
		kind: 'room',
		title: `Lokaal ${name}`,
		municipality_nis: ALVERINGEM,
		radius_km: 15,
		room_type: 'labo_wetenschappen',
		capacity: 24,
		term_start: daysFromToday(-30),
		term_end: daysFromToday(200),
		domains: ['wiskunde_natuurwetenschappen', 'programmeren'],
		...values
	});
	for (const [weekday, starts, ends] of slots) {
		await insert('offer_slots', {
			offer_id: offers[name],
			weekday,
			starts_at: starts,
			ends_at: ends
		});
	}
}

async function request(name: string, values: Row, slots: [number, string, string][] = []) {
	requests[name] = await insert('requests', {
		organisation_id: academy.id,
		kind: 'venue',
		title: `Vraag ${name}`,
		municipality_nis: LO_RENINGE,
		people: 16,
		domains: ['programmeren'],
		age_min: 10,
		age_max: 14,
		needed_from: daysFromToday(14),
		needed_until: daysFromToday(120),
		...values
	});
	for (const [weekday, starts, ends] of slots) {
		await insert('request_slots', {
			request_id: requests[name],
			weekday,
			starts_at: starts,
			ends_at: ends
		});
	}
}

beforeAll(async () => {
	[coordinator, teacher] = await Promise.all([
		people.signUp('coordinator'),
		people.signUp('leerkracht')
	]);
	school = await people.organisation([[teacher, 'admin']], {
		kind: 'school',
		name: 'Sint-Jozef Alveringem',
		municipality_nis: ALVERINGEM
	});
	farSchool = await people.organisation([], {
		kind: 'school',
		name: 'Atheneum Hasselt',
		municipality_nis: HASSELT
	});
	company = await people.organisation([], {
		kind: 'company',
		name: 'Westhoek Robotics',
		municipality_nis: ALVERINGEM
	});
	academy = await people.organisation([[coordinator, 'member']], {
		kind: 'academy',
		name: 'STEM-academie Lo-Reninge',
		municipality_nis: LO_RENINGE
	});
	farAcademy = await people.organisation([], {
		kind: 'academy',
		name: 'STEM-academie Hasselt',
		municipality_nis: HASSELT
	});

	await room('lab', { title: 'Labo wetenschappen', accessible: true });
	await room('monday', { title: 'Klaslokaal op maandag', room_type: 'klaslokaal' }, [
		[1, '16:00', '18:00']
	]);
	await room('paused', { status: 'paused' });
	await room('last year', { term_start: daysFromToday(-400), term_end: daysFromToday(-10) });
	await room('listed', {
		title: 'Aula via gemeentelijst',
		room_type: 'aula',
		domains: ['natuur'],
		radius_km: null,
		area_municipalities: [LO_RENINGE]
	});
	await room('small radius', { radius_km: 3 });
	offers['far'] = await insert('offers', {
		organisation_id: farSchool.id,
		kind: 'room',
		title: 'Labo in Hasselt',
		municipality_nis: HASSELT,
		radius_km: 20,
		room_type: 'labo_wetenschappen',
		capacity: 24,
		term_start: daysFromToday(-30),
		term_end: daysFromToday(200)
	});
	await insert('offer_slots', {
		offer_id: offers['far'],
		weekday: 3,
		starts_at: '13:00',
		ends_at: '17:00'
	});
	offers['mentors'] = await insert('offers', {
		organisation_id: company.id,
		kind: 'volunteers',
		title: 'Twee mentoren robotica',
		municipality_nis: ALVERINGEM,
		radius_km: 50,
		people: 2
	});

	// Free on Wednesday 13–17 like the lab, but booked then all term long by another academy's accepted
	// agreement.
	await room('booked', { title: 'Labo dat al geboekt is' });
	const [booking] = await people.query<{ id: string }>(
		`insert into public.agreements (request_id, offer_id, academy_id, provider_id,
			proposed_by_organisation, status, booking_weekday, booking_starts, booking_ends, booking_from,
			booking_until)
		values ($1, $2, $3, $4, $4, 'accepted', 3, '13:00', '17:00', $5, $6) returning id`,
		[
			await insert('requests', {
				organisation_id: farAcademy.id,
				kind: 'venue',
				title: 'Vraag die het labo boekte',
				municipality_nis: HASSELT
			}),
			offers['booked'],
			farAcademy.id,
			school.id,
			daysFromToday(-30),
			daysFromToday(200)
		]
	);
	await people.query(
		`insert into public.room_bookings (offer_id, agreement_id, day, slot)
		select $1, $2, d::date, tsrange(d::date + time '13:00', d::date + time '17:00')
		from generate_series($3::timestamp, $4::timestamp, interval '1 day') d
		where extract(isodow from d) = 3`,
		[offers['booked'], booking!.id, daysFromToday(-30), daysFromToday(200)]
	);

	await request('venue', {}, [[3, '13:00', '16:00']]);
	await request('volunteers', { kind: 'volunteers', title: 'Mentoren gezocht', people: 3 });
	await request('closed venue', { status: 'closed' }, [[3, '13:00', '16:00']]);
	await request('far venue', { organisation_id: farAcademy.id, municipality_nis: HASSELT }, [
		[3, '13:00', '16:00']
	]);
});

afterAll(() => people.remove());

describe('suggest_offers: rooms for a venue request', () => {
	it('puts the lab first for the academy, with its distance and the free Wednesday window', async () => {
		const suggestions = await suggestOffers(coordinator.client, requests['venue']!, 10);
		const top = suggestions[0]!;
		expect(top.candidate.offerId).toBe(offers['lab']);
		expect(top.candidate.distanceKm).toBeGreaterThan(6);
		expect(top.candidate.distanceKm).toBeLessThan(7.5);
		expect(top.candidate.overlap).toEqual({ weekday: 3, starts: '13:00:00', ends: '16:00:00' });
		expect(top.candidate.overlapMinutes).toBe(180);
		expect(top.candidate.sharedDomains).toEqual(['programmeren']);
		expect(top.candidate.organisationName).toBe('Sint-Jozef Alveringem');
		expect(top.candidate.municipalityName).toBe('Alveringem');
		expect(reasonLine(top.suggestion)).toMatch(
			/^6,\d km · woensdag 13:00–16:00 vrij · programmeren · plaats voor 24 · toegankelijk$/
		);
	});

	it('leaves out rooms out of reach, paused or out of term, and offers of another kind', async () => {
		const ids = (await suggestOffers(coordinator.client, requests['venue']!, 50)).map(
			(s) => s.candidate.offerId
		);
		for (const name of ['far', 'paused', 'last year', 'small radius', 'mentors']) {
			expect(ids, name).not.toContain(offers[name]);
		}
	});

	it('suggests a room that lists the municipality, and ranks one without a common moment lower', async () => {
		const suggestions = await suggestOffers(coordinator.client, requests['venue']!, 50);
		const byId = new Map(suggestions.map((s, i) => [s.candidate.offerId, { ...s, rank: i }]));
		const listed = byId.get(offers['listed']!);
		expect(listed?.candidate.reach).toBe('municipalities');
		const monday = byId.get(offers['monday']!);
		expect(monday?.suggestion.reasons).toContain('geen gemeenschappelijk moment');
		expect(monday?.candidate.overlapMinutes).toBe(0);
		expect(monday!.rank).toBeGreaterThan(byId.get(offers['lab']!)!.rank);
		expect(monday!.suggestion.score).toBeLessThan(byId.get(offers['lab']!)!.suggestion.score - 20);
	});

	it('does not call a room free on Wednesday 13–16 while another academy has booked it then', async () => {
		for (const client of [coordinator.client, anonymousClient()]) {
			const suggestions = await suggestOffers(client, requests['venue']!, 50);
			const booked = suggestions.find((s) => s.candidate.offerId === offers['booked']);
			expect(booked?.candidate.overlap ?? null).toBeNull();
			expect(booked?.candidate.overlapMinutes ?? 0).toBe(0);
			expect(suggestions[0]!.candidate.offerId).toBe(offers['lab']);
		}
	});

	it('anyone may ask for an open request (it is public), but a closed one gets nothing', async () => {
		const { data, error } = await anonymousClient().rpc('suggest_offers', {
			p_request_id: requests['venue']!,
			p_limit: 1
		});
		expect(error).toBeNull();
		expect(data).toHaveLength(1);
		expect(data![0]!.offer_id).toBe(offers['lab']);
		expect(await suggestOffers(coordinator.client, requests['closed venue']!)).toEqual([]);
		expect(await suggestOffers(coordinator.client, '00000000-0000-4000-8000-000000000000')).toEqual(
			[]
		);
	});

	it('volunteers are matched with pledged people, not rooms', async () => {
		const suggestions = await suggestOffers(coordinator.client, requests['volunteers']!, 50);
		const ids = suggestions.map((s) => s.candidate.offerId);
		expect(ids).toContain(offers['mentors']);
		expect(ids).not.toContain(offers['lab']);
		const mentors = suggestions.find((s) => s.candidate.offerId === offers['mentors'])!;
		expect(mentors.suggestion.reasons).toContain('2 personen (nodig: 3)');
	});
});

describe('suggest_requests: the other way round', () => {
	it('shows the school the nearby open venue request, with the window, and nothing far, closed or of another kind', async () => {
		const suggestions = await suggestRequests(teacher.client, offers['lab']!, 50);
		const ids = suggestions.map((s) => s.candidate.requestId);
		expect(ids).toContain(requests['venue']);
		for (const name of ['volunteers', 'closed venue', 'far venue']) {
			expect(ids, name).not.toContain(requests[name]);
		}
		const venue = suggestions.find((s) => s.candidate.requestId === requests['venue'])!;
		expect(venue.candidate.title).toBe('Vraag venue');
		expect(venue.candidate.organisationName).toBe('STEM-academie Lo-Reninge');
		expect(reasonLine(venue.suggestion)).toMatch(
			/^6,\d km · woensdag 13:00–16:00 vrij · programmeren/
		);
	});

	it('does not offer the booked Wednesday afternoon of a room to a request for it', async () => {
		const suggestions = await suggestRequests(teacher.client, offers['booked']!, 50);
		const venue = suggestions.find((s) => s.candidate.requestId === requests['venue']);
		expect(venue?.candidate.overlap ?? null).toBeNull();
		expect(venue?.candidate.overlapMinutes ?? 0).toBe(0);
	});

	it('finds requests in a listed municipality, and none for a paused offer', async () => {
		const listed = await suggestRequests(teacher.client, offers['listed']!, 50);
		const venue = listed.find((s) => s.candidate.requestId === requests['venue']);
		expect(venue?.candidate.reach).toBe('municipalities');
		expect(await suggestRequests(teacher.client, offers['paused']!)).toEqual([]);
		expect(await suggestRequests(anonymousClient(), offers['paused']!)).toEqual([]);
	});
});
