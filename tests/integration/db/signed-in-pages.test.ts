// The signed-in pages in one call each (security invoker, the caller's RLS decides): agreement_page,
// my_agreements_page, organisation_offers_page, organisation_requests_page, organisation_request_page.
// A member sees what the separate requests of before gave them; a member of another organisation or a
// stranger sees nothing of it (null, or no rows and no role); an anonymous caller may not call them. Each
// answers the page's header too (`account`, as account_header() gives it: src/lib/server/page-header.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousClient, testPeople, type Person } from './people.js';

const people = testPeople('pagina');
let academyMember: Person;
let schoolMember: Person;
let otherAcademyMember: Person;
let stranger: Person;
let academy: { id: string; slug: string };
let otherAcademy: { id: string; slug: string };
let school: { id: string; slug: string };
let request: { id: string };
let otherRequest: { id: string };
let offer: { id: string };
let agreementId: string;

// What requests.ts and offers.ts select through PostgREST: the one-call functions give the same.
const REQUEST_SELECT = `id, organisation_id, kind, status, title, description, quantity, people, amount_eur,
	municipality_nis, domains, age_min, age_max, needed_from, needed_until, deadline,
	organisations(name, slug), municipalities(name_nl), request_slots(weekday, starts_at, ends_at)`;
const OFFER_SELECT = `id, organisation_id, kind, status, title, description, municipality_nis, radius_km, area_municipalities, domains,
	age_min, age_max, room_type, capacity, equipment, accessible, conditions, fee_eur, term_start, term_end,
	people, hours_per_year, materials, quantity, amount_eur,
	organisations(name, slug, kind), municipalities(name_nl),
	offer_slots(weekday, starts_at, ends_at), offer_unavailable_dates(day)`;

type Json = Record<string, unknown>;

async function rpc(person: Person | null, fn: string, args: Json) {
	const client = person ? person.client : anonymousClient();
	return client.rpc(fn, args);
}

async function answer(person: Person, fn: string, args: Json): Promise<Json | null> {
	const { data, error } = await rpc(person, fn, args);
	expect(error).toBeNull();
	return data as Json | null;
}

/** The fields PostgREST gave for the same row, from the function's row. */
function sameFields(row: Json, expected: Json) {
	expect(Object.fromEntries(Object.keys(expected).map((key) => [key, row[key]]))).toEqual(expected);
}

beforeAll(async () => {
	[academyMember, schoolMember, otherAcademyMember, stranger] = await Promise.all([
		people.signUp('academie'),
		people.signUp('school'),
		people.signUp('andere-academie'),
		people.signUp('vreemde')
	]);
	await people.query(`update public.profiles set display_name = 'Anna Academie' where id = $1`, [
		academyMember.id
	]);
	academy = await people.organisation([[academyMember, 'member']], {
		kind: 'academy',
		name: 'Academie Pagina'
	});
	otherAcademy = await people.organisation([[otherAcademyMember, 'owner']], {
		kind: 'academy',
		name: 'Andere Academie Pagina'
	});
	school = await people.organisation([[schoolMember, 'admin']], {
		kind: 'company',
		name: 'Bedrijf Pagina'
	});
	request = await people.request(academy.id, { kind: 'volunteers', people: 2 }, [
		[3, '14:00', '16:00']
	]);
	otherRequest = await people.request(otherAcademy.id);
	offer = await people.offer(school.id, { kind: 'volunteers', status: 'paused' });
	const [row] = await people.query<{ id: string }>(
		`insert into public.agreements (request_id, offer_id, academy_id, provider_id, proposed_by_organisation)
		 values ($1, $2, $3, $4, $3) returning id`,
		[request.id, offer.id, academy.id, school.id]
	);
	agreementId = row!.id;
	await people.query(
		`insert into public.agreement_events (agreement_id, status, organisation_id, actor) values ($1, 'proposed', $2, $3)`,
		[agreementId, academy.id, academyMember.id]
	);
	await people.query(
		`insert into public.agreement_messages (agreement_id, organisation_id, author, body) values ($1, $2, $3, 'Hallo')`,
		[agreementId, academy.id, academyMember.id]
	);
});

afterAll(() => people.remove());

describe('agreement_page', () => {
	it('gives each side its agreement with history, thread, its own side and the names', async () => {
		const page = (await answer(academyMember, 'agreement_page', { p_id: agreementId }))!;
		expect((page.agreement as Json).id).toBe(agreementId);
		expect((page.agreement as Json).request).toMatchObject({ id: request.id, kind: 'volunteers' });
		expect((page.agreement as Json).provider).toMatchObject({ id: school.id, slug: school.slug });
		expect(page.events).toMatchObject([{ status: 'proposed', actor: academyMember.id }]);
		expect(page.messages).toMatchObject([{ body: 'Hallo', author: academyMember.id }]);
		expect(page.my_sides).toEqual([academy.id]);
		expect(page.names).toEqual({ [academyMember.id]: 'Anna Academie' });
		expect(page.bookings).toBe(0);
		const other = (await answer(schoolMember, 'agreement_page', { p_id: agreementId }))!;
		expect(other.my_sides).toEqual([school.id]);
		expect(other.messages).toEqual(page.messages);
	});

	it('gives nothing to a member of another academy or a stranger', async () => {
		expect(await answer(otherAcademyMember, 'agreement_page', { p_id: agreementId })).toBeNull();
		expect(await answer(stranger, 'agreement_page', { p_id: agreementId })).toBeNull();
	});

	it('refuses an anonymous caller', async () => {
		const { data, error } = await rpc(null, 'agreement_page', { p_id: agreementId });
		expect(error).not.toBeNull();
		expect(data).toBeNull();
	});
});

describe('my_agreements_page', () => {
	it("lists the agreements of the person's organisations, and the last page when asked past the end", async () => {
		for (const person of [academyMember, schoolMember]) {
			const page = (await answer(person, 'my_agreements_page', { p_page: 1, p_size: 20 }))!;
			expect(page.total).toBe(1);
			expect((page.rows as Json[]).map((row) => row.id)).toEqual([agreementId]);
		}
		const past = (await answer(academyMember, 'my_agreements_page', { p_page: 9, p_size: 20 }))!;
		expect(past.page).toBe(1);
		expect((past.rows as Json[]).map((row) => row.id)).toEqual([agreementId]);
	});

	it('lists nothing for a member of another academy or a stranger', async () => {
		for (const person of [otherAcademyMember, stranger]) {
			const page = (await answer(person, 'my_agreements_page', { p_page: 1, p_size: 20 }))!;
			expect(page).toMatchObject({ total: 0, page: 1, rows: [] });
		}
	});

	it('refuses an anonymous caller and a page size out of range', async () => {
		expect((await rpc(null, 'my_agreements_page', { p_page: 1, p_size: 20 })).error).not.toBeNull();
		const { error } = await rpc(academyMember, 'my_agreements_page', { p_page: 1, p_size: 1000 });
		expect(error?.code).toBe('22023');
	});
});

describe('organisation_offers_page', () => {
	it('gives a member the organisation with their role and its offers as PostgREST gave them (paused too)', async () => {
		const page = (await answer(schoolMember, 'organisation_offers_page', {
			p_slug: school.slug,
			p_page: 1,
			p_size: 20
		}))!;
		expect(page.organisation).toMatchObject({ id: school.id, role: 'admin', kind: 'company' });
		const { data } = await schoolMember.client
			.from('offers')
			.select(OFFER_SELECT)
			.eq('id', offer.id);
		expect(page.total).toBe(1);
		sameFields((page.rows as Json[])[0]!, data![0] as Json);
	});

	it('gives a stranger no role and no offers', async () => {
		const page = (await answer(stranger, 'organisation_offers_page', {
			p_slug: school.slug,
			p_page: 1,
			p_size: 20
		}))!;
		expect(page).toMatchObject({ organisation: { id: school.id, role: null }, total: 0, rows: [] });
	});

	it('refuses an anonymous caller', async () => {
		const { error } = await rpc(null, 'organisation_offers_page', {
			p_slug: school.slug,
			p_page: 1,
			p_size: 20
		});
		expect(error).not.toBeNull();
	});
});

describe('organisation_requests_page and organisation_request_page', () => {
	it('give a member the academy with their role and its requests as PostgREST gave them', async () => {
		const page = (await answer(academyMember, 'organisation_requests_page', {
			p_slug: academy.slug,
			p_page: 1,
			p_size: 20
		}))!;
		expect(page.organisation).toMatchObject({ id: academy.id, role: 'member', kind: 'academy' });
		const { data } = await academyMember.client
			.from('requests')
			.select(REQUEST_SELECT)
			.eq('id', request.id);
		expect(page.total).toBe(1);
		sameFields((page.rows as Json[])[0]!, data![0] as Json);
		const one = (await answer(academyMember, 'organisation_request_page', {
			p_slug: academy.slug,
			p_id: request.id
		}))!;
		sameFields(one.request as Json, data![0] as Json);
	});

	it("give no request of another academy under this academy's address", async () => {
		const one = (await answer(academyMember, 'organisation_request_page', {
			p_slug: academy.slug,
			p_id: otherRequest.id
		}))!;
		expect(one.request).toBeNull();
	});

	it('give a member of another academy no role and no requests', async () => {
		const page = (await answer(otherAcademyMember, 'organisation_requests_page', {
			p_slug: academy.slug,
			p_page: 1,
			p_size: 20
		}))!;
		expect(page).toMatchObject({
			organisation: { id: academy.id, role: null },
			total: 0,
			rows: []
		});
		const one = (await answer(otherAcademyMember, 'organisation_request_page', {
			p_slug: academy.slug,
			p_id: request.id
		}))!;
		expect(one).toMatchObject({ organisation: { role: null }, request: null });
	});

	it('refuse an anonymous caller', async () => {
		for (const [fn, args] of [
			['organisation_requests_page', { p_slug: academy.slug, p_page: 1, p_size: 20 }],
			['organisation_request_page', { p_slug: academy.slug, p_id: request.id }]
		] as const) {
			const { error } = await rpc(null, fn, args);
			expect(error).not.toBeNull();
		}
	});
});

describe("the page's header (account)", () => {
	it('comes with every page function as account_header() gives it to the caller', async () => {
		await people.query(
			`insert into public.notifications (user_id, kind, link, agreement_id)
			values ($1, 'agreement_proposed', '/afspraken/' || $2, $2::uuid)`,
			[academyMember.id, agreementId]
		);
		const calls: [string, Json][] = [
			['agreement_page', { p_id: agreementId }],
			['my_agreements_page', { p_page: 1, p_size: 20 }],
			['organisation_offers_page', { p_slug: school.slug, p_page: 1, p_size: 20 }],
			['organisation_requests_page', { p_slug: academy.slug, p_page: 1, p_size: 20 }],
			['organisation_request_page', { p_slug: academy.slug, p_id: request.id }],
			['request_view_page', { p_id: request.id, p_pool: 30 }]
		];
		for (const person of [academyMember, stranger]) {
			const { data: header, error } = await person.client.rpc('account_header');
			expect(error).toBeNull();
			if (person === academyMember) {
				expect(header).toMatchObject({ display_name: 'Anna Academie', staff: false });
				expect((header as Json).unread).toBeGreaterThan(0);
			}
			for (const [fn, args] of calls) {
				const page = await answer(person, fn, args);
				// A stranger's agreement_page is null: nothing to see, and the layout asks for the header.
				if (page === null)
					expect({ fn, stranger: person === stranger }).toEqual({
						fn: 'agreement_page',
						stranger: true
					});
				else expect([fn, page.account]).toEqual([fn, header]);
			}
		}
	});

	it('is null for an anonymous visitor of a request', async () => {
		const page = (await rpc(null, 'request_view_page', { p_id: request.id, p_pool: 30 }))
			.data as Json;
		expect(page.request).not.toBeNull();
		expect(page.account).toBeNull();
	});
});
