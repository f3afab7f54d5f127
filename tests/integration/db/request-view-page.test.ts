// The page of one request in one call (public.request_view_page(), security invoker): for every caller it
// gives what the separate requests of before gave them: the request as PostgREST selected it, whether they
// belong to its academy, suggest_offers()'s rows for the academy's own open request, and a signed-in
// helper's live offer of help. Nothing of a request the caller may not read; a pool out of range is refused.
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousClient, testPeople, type Person } from './people.js';

const people = testPeople('vraagpagina');
let academyMember: Person;
let provider: Person;
let helper: Person;
let stranger: Person;
let academy: { id: string };
let request: { id: string };
let closed: { id: string };
let helpId: string;

// What requests.ts selects through PostgREST (getRequest()).
const REQUEST_SELECT = `id, organisation_id, kind, status, title, description, quantity, people, amount_eur,
	municipality_nis, domains, age_min, age_max, needed_from, needed_until, deadline,
	organisations(name, slug), municipalities(name_nl), request_slots(weekday, starts_at, ends_at)`;

type Json = Record<string, unknown>;

const clientOf = (person: Person | null): SupabaseClient =>
	person ? person.client : anonymousClient();

async function page(person: Person | null, id: string, pool = 30): Promise<Json> {
	const { data, error } = await clientOf(person).rpc('request_view_page', {
		p_id: id,
		p_pool: pool
	});
	expect(error).toBeNull();
	return data as Json;
}

/** The request as PostgREST gave it to this caller before (null when RLS hides it). */
async function selected(person: Person | null, id: string): Promise<Json | null> {
	const { data, error } = await clientOf(person)
		.from('requests')
		.select(REQUEST_SELECT)
		.eq('id', id)
		.maybeSingle();
	expect(error).toBeNull();
	return data as Json | null;
}

/** The function's request has every field PostgREST gave, with the same values. */
function sameRequest(row: unknown, expected: Json) {
	const fields = row as Json;
	expect(Object.fromEntries(Object.keys(expected).map((key) => [key, fields[key]]))).toEqual(
		expected
	);
}

beforeAll(async () => {
	[academyMember, provider, helper, stranger] = await Promise.all([
		people.signUp('academie'),
		people.signUp('bedrijf'),
		people.signUp('helper'),
		people.signUp('vreemde')
	]);
	academy = await people.organisation([[academyMember, 'member']], {
		kind: 'academy',
		name: 'Academie Vraagpagina'
	});
	const company = await people.organisation([[provider, 'owner']], {
		kind: 'company',
		name: 'Bedrijf Vraagpagina'
	});
	request = await people.request(academy.id, { kind: 'volunteers', people: 2 });
	closed = await people.request(academy.id, { kind: 'volunteers', status: 'closed' });
	await people.offer(company.id, { kind: 'volunteers', people: 3 });
	const { data, error } = await helper.client.rpc('offer_help', {
		p_request_id: request.id,
		p_message: 'Ik help graag op woensdag.'
	});
	expect(error).toBeNull();
	helpId = data as string;
});

afterAll(() => people.remove());

describe('request_view_page', () => {
	it("gives the academy's member the request and suggest_offers()'s candidates", async () => {
		const view = await page(academyMember, request.id);
		sameRequest(view.request, (await selected(academyMember, request.id))!);
		expect(view.member).toBe(true);
		expect(view.live_help).toBeNull();
		const { data: candidates, error } = await academyMember.client.rpc('suggest_offers', {
			p_request_id: request.id,
			p_limit: 30
		});
		expect(error).toBeNull();
		expect(candidates!.length).toBeGreaterThan(0);
		expect(view.suggestions).toEqual(candidates);
	});

	it('gives a signed-in helper their live offer of help and no suggestions', async () => {
		const view = await page(helper, request.id);
		sameRequest(view.request, (await selected(helper, request.id))!);
		expect(view.member).toBe(false);
		expect(view.suggestions).toBeNull();
		expect(view.live_help).toEqual({ id: helpId, status: 'proposed' });
	});

	it('gives a stranger and an anonymous visitor the request alone', async () => {
		for (const person of [stranger, null]) {
			const view = await page(person, request.id);
			sameRequest(view.request, (await selected(person, request.id))!);
			expect(view).toMatchObject({ member: false, suggestions: null, live_help: null });
		}
	});

	it('keeps a closed request to what RLS shows, and gives its academy no suggestions for it', async () => {
		const own = await page(academyMember, closed.id);
		sameRequest(own.request, (await selected(academyMember, closed.id))!);
		expect(own).toMatchObject({ member: true, suggestions: null });
		for (const person of [stranger, null]) {
			const view = await page(person, closed.id);
			const expected = await selected(person, closed.id);
			if (expected === null) expect(view.request).toBeNull();
			else sameRequest(view.request, expected);
			expect(view.suggestions ?? null).toBeNull();
		}
	});

	it('gives no request for an unknown id', async () => {
		const view = await page(academyMember, '00000000-0000-4000-8000-000000000000');
		const { data: header } = await academyMember.client.rpc('account_header');
		// The page's header still comes with it (src/lib/server/page-header.ts).
		expect(view).toEqual({ request: null, account: header });
	});

	it('refuses a pool of suggestions out of range, with its hint', async () => {
		for (const pool of [0, 101]) {
			const { data, error } = await academyMember.client.rpc('request_view_page', {
				p_id: request.id,
				p_pool: pool
			});
			expect(data).toBeNull();
			expect(error).toMatchObject({ code: '22023', hint: 'page_size_range' });
		}
	});
});
