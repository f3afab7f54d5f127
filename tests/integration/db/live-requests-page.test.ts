// /vragen's page in one call (public.live_requests_page(), migration 20261209001000; cards only since
// 20261214000200): for every order, kind and municipality filter and page, anonymous visitors and a member of
// the asking academy get exactly what the PostgREST select with embeds the list made before gave them (as
// their cards show it), a page past the end is the last page, a closed request is never listed, and a page
// size out of range is refused with a hint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestCard } from '$lib/exchange-cards';
import { pageCount, pageRange } from '$lib/paging';
import { listLiveRequests, REQUESTS_PAGE_SIZE, toDetails } from '$lib/server/db/requests';
import type { RequestSort } from '$lib/exchange-sorts';
import type { RequestKind } from '$lib/exchange-vocabulary';
import type { Db } from '$lib/server/supabase';
import { anonymousClient, testPeople, type Person } from './people.js';

const people = testPeople('live-requests-page');
let member: Person;
let closedId: string;

const SELECT = `id, organisation_id, kind, status, title, description, quantity, people, amount_eur,
	municipality_nis, domains, age_min, age_max, needed_from, needed_until, deadline,
	organisations(name, slug), municipalities(name_nl), request_slots(weekday, starts_at, ends_at)`;

type Filters = { kind: RequestKind | null; municipalityNis: string | null; sort: RequestSort };

/** The list as it was read before: the select with embeds and an exact count, page by page. */
async function before(db: Db, filters: Filters, page: number) {
	const run = (from: number, to: number) => {
		let query = db
			.from('requests')
			.select(SELECT, { count: 'exact' })
			.in('status', ['open', 'in_progress']);
		if (filters.kind) query = query.eq('kind', filters.kind);
		if (filters.municipalityNis) query = query.eq('municipality_nis', filters.municipalityNis);
		if (filters.sort === 'deadline') query = query.order('deadline', { ascending: true });
		else if (filters.sort === 'naam') query = query.order('title');
		return query.order('created_at', { ascending: false }).order('id').range(from, to);
	};
	const counted = await run(0, 0);
	if (counted.error) throw counted.error;
	const total = counted.count ?? 0;
	const shown = Math.min(page, pageCount(total, REQUESTS_PAGE_SIZE));
	const { from, to } = pageRange(shown, REQUESTS_PAGE_SIZE);
	const { data, error } = await run(from, to);
	if (error) throw error;
	const all = await db
		.from('requests')
		.select('id', { count: 'exact', head: true })
		.in('status', ['open', 'in_progress']);
	if (all.error) throw all.error;
	return {
		rows: (data ?? []).map((row) => requestCard(toDetails(row))),
		total,
		page: shown,
		pageCount: pageCount(total, REQUESTS_PAGE_SIZE),
		all: all.count ?? 0
	};
}

beforeAll(async () => {
	member = await people.signUp('member');
	const academy = await people.organisation([[member, 'member']], { kind: 'academy' });
	// A closed request its academy's members still read through RLS, never listed; an open one that is.
	closedId = (await people.request(academy.id, { status: 'closed', title: 'Gesloten vraag' })).id;
	await people.request(academy.id, { title: 'Aaa eerste vraag van de test', deadline: null });
});

afterAll(async () => {
	await people.remove();
});

describe('live_requests_page', () => {
	const sorts: RequestSort[] = ['nieuw', 'deadline', 'naam'];
	const filters: Omit<Filters, 'sort'>[] = [
		{ kind: null, municipalityNis: null },
		{ kind: 'venue', municipalityNis: null },
		{ kind: null, municipalityNis: '44021' },
		{ kind: 'funding', municipalityNis: '44021' }
	];

	it.each(sorts)(
		'gives what the select gave, ordered %s, for every filter and page',
		async (sort) => {
			for (const [who, db] of [
				['anonymous', anonymousClient()],
				['a member of the asking academy', member.client]
			] as const) {
				for (const filter of filters) {
					for (const page of [1, 2, 999]) {
						const wanted = { ...filter, sort };
						const expected = await before(db as Db, wanted, page);
						const got = await listLiveRequests(db as Db, { ...wanted, page });
						expect(got, `${who}, ${JSON.stringify(wanted)}, page ${page}`).toEqual(expected);
					}
				}
			}
			const first = await listLiveRequests(anonymousClient() as Db, {
				kind: null,
				municipalityNis: null,
				sort,
				page: 1
			});
			expect(first.rows.length).toBe(REQUESTS_PAGE_SIZE);
			expect(first.total).toBeGreaterThan(REQUESTS_PAGE_SIZE);
		}
	);

	it('lists no closed request, even for its academy', async () => {
		const { data, error } = await member.client.rpc('live_requests_page', {
			p_sort: 'nieuw',
			p_page: 1,
			p_page_size: 100,
			p_nis: '44021'
		});
		expect(error).toBeNull();
		const ids = (data as unknown as { rows: { id: string }[] }).rows.map((row) => row.id);
		expect(ids.length).toBeGreaterThan(0);
		expect(ids).not.toContain(closedId);
	});

	it.each([0, 101])('refuses a page size of %i with a hint', async (size) => {
		const { error } = await anonymousClient().rpc('live_requests_page', {
			p_sort: 'nieuw',
			p_page: 1,
			p_page_size: size
		});
		expect(error?.code).toBe('22023');
		expect(error?.hint).toBe('page_size_range');
	});
});
