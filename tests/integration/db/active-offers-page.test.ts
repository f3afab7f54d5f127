// /aanbod's page in one call (public.active_offers_page(), migration 20261209000900; cards only since
// 20261214000200): for every order, kind and municipality filter and page, anonymous visitors and the owner
// of a paused offer get exactly what the PostgREST select with embeds the list made before gave them (as
// their cards show it), a page past the end is the last page, and a page size out of range is refused with a
// hint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offerCard } from '$lib/exchange-cards';
import { pageCount, pageRange } from '$lib/paging';
import { listActiveOffers, OFFERS_PAGE_SIZE, toDetails } from '$lib/server/db/offers';
import type { OfferSort } from '$lib/exchange-sorts';
import type { OfferKind } from '$lib/exchange-vocabulary';
import type { Db } from '$lib/server/supabase';
import { anonymousClient, testPeople, type Person } from './people.js';

const people = testPeople('active-offers-page');
let owner: Person;
let pausedId: string;

const SELECT = `id, organisation_id, kind, status, title, description, municipality_nis, radius_km, area_municipalities, domains,
	age_min, age_max, room_type, capacity, equipment, accessible, conditions, fee_eur, term_start, term_end,
	people, hours_per_year, materials, quantity, amount_eur,
	organisations(name, slug, kind), municipalities(name_nl),
	offer_slots(weekday, starts_at, ends_at), offer_unavailable_dates(day)`;

type Filters = { kind: OfferKind | null; municipalityNis: string | null; sort: OfferSort };

/** The list as it was read before: the select with embeds and an exact count, page by page. */
async function before(db: Db, filters: Filters, page: number) {
	const run = (from: number, to: number) => {
		let query = db.from('offers').select(SELECT, { count: 'exact' }).eq('status', 'active');
		if (filters.kind) query = query.eq('kind', filters.kind);
		if (filters.municipalityNis) query = query.eq('municipality_nis', filters.municipalityNis);
		if (filters.sort === 'beschikbaar') {
			query = query.order('term_start', { ascending: true, nullsFirst: true });
		} else if (filters.sort === 'naam') query = query.order('title');
		return query.order('created_at', { ascending: false }).order('id').range(from, to);
	};
	const counted = await run(0, 0);
	if (counted.error) throw counted.error;
	const total = counted.count ?? 0;
	const shown = Math.min(page, pageCount(total, OFFERS_PAGE_SIZE));
	const { from, to } = pageRange(shown, OFFERS_PAGE_SIZE);
	const { data, error } = await run(from, to);
	if (error) throw error;
	const all = await db
		.from('offers')
		.select('id', { count: 'exact', head: true })
		.eq('status', 'active');
	if (all.error) throw all.error;
	return {
		rows: (data ?? []).map((row) => offerCard(toDetails(row))),
		total,
		page: shown,
		pageCount: pageCount(total, OFFERS_PAGE_SIZE),
		all: all.count ?? 0
	};
}

beforeAll(async () => {
	owner = await people.signUp('owner');
	const school = await people.organisation([[owner, 'owner']], { kind: 'school' });
	// A paused offer the owner reads through RLS, never listed; an active one that is.
	pausedId = (await people.offer(school.id, { status: 'paused', title: 'Gepauzeerd labo' })).id;
	await people.offer(school.id, { title: 'Aaa eerste labo van de test' });
});

afterAll(async () => {
	await people.remove();
});

describe('active_offers_page', () => {
	const sorts: OfferSort[] = ['nieuw', 'beschikbaar', 'naam'];
	const filters: Omit<Filters, 'sort'>[] = [
		{ kind: null, municipalityNis: null },
		{ kind: 'room', municipalityNis: null },
		{ kind: null, municipalityNis: '44021' },
		{ kind: 'volunteers', municipalityNis: '44021' }
	];

	it.each(sorts)(
		'gives what the select gave, ordered %s, for every filter and page',
		async (sort) => {
			for (const [who, db] of [
				['anonymous', anonymousClient()],
				['the owner of a paused offer', owner.client]
			] as const) {
				for (const filter of filters) {
					for (const page of [1, 2, 999]) {
						const wanted = { ...filter, sort };
						const expected = await before(db as Db, wanted, page);
						const got = await listActiveOffers(db as Db, { ...wanted, page });
						expect(got, `${who}, ${JSON.stringify(wanted)}, page ${page}`).toEqual(expected);
					}
				}
			}
			const first = await listActiveOffers(anonymousClient() as Db, {
				kind: null,
				municipalityNis: null,
				sort,
				page: 1
			});
			expect(first.rows.length).toBe(OFFERS_PAGE_SIZE);
			expect(first.total).toBeGreaterThan(OFFERS_PAGE_SIZE);
		}
	);

	it('lists no paused offer, even for its owner', async () => {
		const { data, error } = await owner.client.rpc('active_offers_page', {
			p_sort: 'nieuw',
			p_page: 1,
			p_page_size: 100,
			p_nis: '44021'
		});
		expect(error).toBeNull();
		const ids = (data as unknown as { rows: { id: string }[] }).rows.map((row) => row.id);
		expect(ids.length).toBeGreaterThan(0);
		expect(ids).not.toContain(pausedId);
	});

	it.each([0, 101])('refuses a page size of %i with a hint', async (size) => {
		const { error } = await anonymousClient().rpc('active_offers_page', {
			p_sort: 'nieuw',
			p_page: 1,
			p_page_size: size
		});
		expect(error?.code).toBe('22023');
		expect(error?.hint).toBe('page_size_range');
	});
});
