// The lists' card views (migration 20261212000000): public_activity_cards, academy_cards and
// organisation_cards give, read with `*`, the rows the lists' named selects gave before, to a visitor and a
// member alike (security invoker: the caller's RLS), and nobody writes through them; so does the view of a
// school's, company's or partner's page, organisation_pages (migration 20261224000100). The lists themselves
// read them with their filters, and their totals count without joining what they do not read (migration
// 20261221000000).
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listUpcomingActivities } from '$lib/server/db/activities';
import { listAcademies, listOrganisations } from '$lib/server/db/organisations';
import type { Db } from '$lib/server/supabase';
import { asCaller, type Caller } from './as-caller.js';
import { anonymousClient, daysFromToday, testPeople, type Person } from './people.js';

// The lists' module reads its settings through SvelteKit's env modules; pictures' URLs are not compared here.
vi.mock('$env/dynamic/private', () => ({ env: {} }));
vi.mock('$env/dynamic/public', () => ({ env: {} }));

const people = testPeople('kaarten');
const today = daysFromToday(0);
/** Zandhoven: no organisation of the seed or of another suite lives there. */
const PLACE = '11054';

/** The lists' selects before the views (activities.ts and organisations.ts). */
const ACTIVITY_COLUMNS =
	'id, title, format, domains, age_min, age_max, start_date, end_date, session_count, price_eur, status, municipality_nis, municipality_name, province_nl, lat, lng, organisation_name, organisation_slug, photo_path, photo_alt';
const ACADEMY_COLUMNS =
	'id, name, slug, municipality_nis, municipality_name, province_nl, stem_letters, accent_letters, creative_link, domains, age_min, age_max, upcoming_activity_count, upcoming_formats, verification_status, logo_path, quality_label, quality_label_expires_on';
const ORGANISATION_SELECT =
	'id, kind, name, slug, partner_type, description, municipality_nis, verification_status, logo_path, municipality:municipalities!inner(name_nl, province_nl)';
/** The page's select before organisation_pages (organisations.ts). */
const ORGANISATION_PAGE_SELECT = `${ORGANISATION_SELECT}, website, public_email, public_phone, street_address, postal_code`;

/** An organisation as the embedding select gave it (the untyped client cannot tell the embed is one row). */
type Embedded = {
	id: string;
	municipality: { name_nl: string; province_nl: string | null };
} & Record<string, unknown>;

let member: Person;
let academy: { id: string; slug: string };
let school: { id: string; slug: string };
let draft: string;

beforeAll(async () => {
	member = await people.signUp('lid');
	academy = await people.organisation([[member, 'owner']], {
		kind: 'academy',
		name: 'Kaartacademie',
		municipality_nis: PLACE
	});
	await people.query(
		`insert into public.academy_profiles (organisation_id, stem_letters, domains, age_min, age_max)
		values ($1, '{S,M}', '{sterrenkunde}', 9, 13)
		on conflict (organisation_id) do update set stem_letters = excluded.stem_letters,
			domains = excluded.domains, age_min = excluded.age_min, age_max = excluded.age_max`,
		[academy.id]
	);
	await people.activity(academy.id, {
		title: 'Wiskundeclub',
		municipality_nis: PLACE,
		format: 'lange_reeks_jaar'
	});
	await people.activity(academy.id, {
		title: 'Afgelast kamp',
		municipality_nis: PLACE,
		status: 'cancelled'
	});
	draft = (
		await people.activity(academy.id, {
			title: 'Ontwerp',
			municipality_nis: PLACE,
			status: 'draft'
		})
	).id;
	school = await people.organisation([[member, 'admin']], {
		kind: 'school',
		name: 'Kaartschool',
		description: 'Een school met een labo.',
		municipality_nis: PLACE,
		website: 'https://kaartschool.example',
		public_email: 'info@kaartschool.example',
		public_phone: '03 123 45 67',
		street_address: 'Schoolstraat 1',
		postal_code: '2240'
	});
});

afterAll(async () => {
	await people.remove();
});

const byId = <Row extends { id: string | null }>(rows: Row[]) =>
	[...rows].sort((a, b) => String(a.id).localeCompare(String(b.id)));

async function rows<Row extends { id: string | null }>(
	query: PromiseLike<{ data: Row[] | null; error: unknown }>
): Promise<Row[]> {
	const { data, error } = await query;
	expect(error).toBeNull();
	return byId(data ?? []);
}

describe.each([
	['a visitor', () => anonymousClient()],
	['a member', () => member.client]
] as [string, () => SupabaseClient][])('the card views as %s', (_who, client) => {
	it('public_activity_cards: the published and cancelled activities, as the named select gave them', async () => {
		const cards = await rows(
			client().from('public_activity_cards').select('*').eq('municipality_nis', PLACE)
		);
		expect(cards).toEqual(
			await rows(
				client().from('public_activities').select(ACTIVITY_COLUMNS).eq('municipality_nis', PLACE)
			)
		);
		expect(cards.map((card) => card.title).sort()).toEqual(['Afgelast kamp', 'Wiskundeclub']);
		expect(Object.keys(cards[0]).sort()).toEqual(ACTIVITY_COLUMNS.split(', ').sort());
	});

	it('academy_cards: the academy as academy_overview gave it', async () => {
		const cards = await rows(
			client().from('academy_cards').select('*').eq('municipality_nis', PLACE)
		);
		expect(cards).toEqual(
			await rows(
				client().from('academy_overview').select(ACADEMY_COLUMNS).eq('municipality_nis', PLACE)
			)
		);
		expect(cards).toMatchObject([
			{ name: 'Kaartacademie', upcoming_activity_count: 1, upcoming_formats: ['lange_reeks_jaar'] }
		]);
	});

	it('organisation_cards: each organisation with its municipality, as the embed gave it', async () => {
		const cards = await rows(
			client().from('organisation_cards').select('*').eq('municipality_nis', PLACE)
		);
		const embedded = (await rows(
			client().from('organisations').select(ORGANISATION_SELECT).eq('municipality_nis', PLACE)
		)) as unknown as Embedded[];
		expect(cards).toEqual(
			embedded.map(({ municipality, ...row }) => ({
				...row,
				municipality_name: municipality.name_nl,
				province_nl: municipality.province_nl
			}))
		);
		expect(cards.map((card) => card.name).sort()).toEqual(['Kaartacademie', 'Kaartschool']);
	});

	it('organisation_pages: the school with its municipality and contact details, as the embed gave it', async () => {
		const pages = await rows(
			client().from('organisation_pages').select('*').eq('municipality_nis', PLACE)
		);
		const embedded = (await rows(
			client().from('organisations').select(ORGANISATION_PAGE_SELECT).eq('municipality_nis', PLACE)
		)) as unknown as Embedded[];
		expect(pages).toEqual(
			embedded.map(({ municipality, ...row }) => ({
				...row,
				municipality_name: municipality.name_nl,
				province_nl: municipality.province_nl
			}))
		);
		expect(pages.find((page) => page.id === school.id)).toMatchObject({
			name: 'Kaartschool',
			municipality_name: 'Zandhoven',
			website: 'https://kaartschool.example',
			public_phone: '03 123 45 67',
			postal_code: '2240'
		});
	});

	it('refuses writes through the views', async () => {
		const writes = await Promise.all([
			client().from('public_activity_cards').delete().eq('id', draft),
			client().from('academy_cards').update({ name: 'Overgenomen' }).eq('id', academy.id),
			client().from('organisation_cards').update({ name: 'Overgenomen' }).eq('id', school.id),
			client().from('organisation_pages').update({ name: 'Overgenomen' }).eq('id', school.id)
		]);
		for (const { error } of writes) expect(error).not.toBeNull();
		const [stored] = await people.query<{ name: string }>(
			'select name from public.organisations where id = $1',
			[school.id]
		);
		expect(stored?.name).toBe('Kaartschool');
	});
});

it('grants the API roles reading only: no insert, update, delete or truncate on a card view', async () => {
	const rows = await people.query<{
		view: string;
		role: string;
		privilege: string;
		granted: boolean;
	}>(
		`select v.view, r.role, p.privilege, has_table_privilege(r.role, 'public.' || v.view, p.privilege) as granted
		from unnest(array['public_activity_cards', 'academy_cards', 'organisation_cards', 'organisation_pages']) v(view)
		cross join unnest(array['anon', 'authenticated']) r(role)
		cross join unnest(array['select', 'insert', 'update', 'delete', 'truncate']) p(privilege)`
	);
	expect(rows.filter((row) => row.granted !== (row.privilege === 'select'))).toEqual([]);
	expect(rows).toHaveLength(40);
});

/** The tables a plan reads (EXPLAIN's JSON), to show which joins a query runs. */
function relationsIn(plan: unknown): string[] {
	if (Array.isArray(plan)) return plan.flatMap(relationsIn);
	if (!plan || typeof plan !== 'object') return [];
	const node = plan as Record<string, unknown>;
	const own = typeof node['Relation Name'] === 'string' ? [node['Relation Name']] : [];
	return [...own, ...Object.values(node).flatMap(relationsIn)];
}
const tablesIn = (plan: unknown) => relationsIn(plan).sort();

describe.each([
	['a visitor', () => 'anon'],
	['a member', () => member]
] as [string, () => Caller][])("the lists' totals (count=exact) as %s", (_who, caller) => {
	// Migration 20261221000000: left joins on NOT NULL foreign keys, so a count that reads no column of
	// the organisation or municipality does not join them; the rows are the same as long as every card
	// finds its organisation and municipality (below).
	it.each([
		['public_activity_cards', `status = 'published' and end_date >= current_date`, ['activities']],
		['organisation_cards', `kind = 'school'`, ['organisations']],
		['academy_cards', 'true', ['academy_profiles', 'organisations']]
	])('count(*) from %s reads only the tables it needs', async (view, where, tables) => {
		const { rows, error } = await asCaller<{ 'QUERY PLAN': unknown }>(
			caller(),
			`explain (format json) select count(*) from public.${view} where ${where}`
		);
		expect(error).toBeNull();
		expect(tablesIn(rows![0]!['QUERY PLAN'])).toEqual(tables);
	});

	it('every card has its organisation and municipality (what makes the left joins give the same rows)', async () => {
		// Should a policy ever hide organisations or municipalities from this caller, their activities would
		// show with empty names instead of being left out: the joins must then be inner again.
		const { rows, error } = await asCaller<{ view: string; empty: number }>(
			caller(),
			`select 'public_activity_cards' as view, count(*)::int as empty from public.public_activity_cards
				where organisation_name is null or organisation_slug is null or municipality_name is null
			union all select 'academy_cards', count(*)::int from public.academy_cards
				where municipality_name is null
			union all select 'organisation_cards', count(*)::int from public.organisation_cards
				where municipality_name is null`
		);
		expect(error).toBeNull();
		expect(rows).toEqual([
			{ view: 'public_activity_cards', empty: 0 },
			{ view: 'academy_cards', empty: 0 },
			{ view: 'organisation_cards', empty: 0 }
		]);
	});

	it('a filter on the municipality still joins it', async () => {
		const { rows } = await asCaller<{ 'QUERY PLAN': unknown }>(
			caller(),
			`explain (format json) select count(*) from public.public_activity_cards
				where province_nl = 'Provincie Antwerpen'`
		);
		expect(tablesIn(rows![0]!['QUERY PLAN'])).toEqual(['activities', 'municipalities']);
	});
});

describe('the lists on the card views', () => {
	it('never shows the draft the member can read in the table', async () => {
		const { data } = await member.client.from('activities').select('id').eq('id', draft);
		expect(data).toHaveLength(1);
		const list = await listUpcomingActivities(
			member.client as Db,
			{ municipality: PLACE, page: 1 },
			today
		);
		expect(list.rows.map((row) => row.title)).toEqual(['Wiskundeclub']);
		expect(list.rows[0]).toMatchObject({
			place: { nis: PLACE, name: 'Zandhoven', provinceNl: 'Provincie Antwerpen' },
			academy: { name: 'Kaartacademie', slug: academy.slug }
		});
	});

	it('filters academies by format and province', async () => {
		const visitor = anonymousClient() as Db;
		const inAntwerp = await listAcademies(visitor, {
			province: 'antwerpen',
			municipality: PLACE,
			format: 'lange_reeks_jaar',
			page: 1
		});
		expect(inAntwerp).toMatchObject({
			total: 1,
			rows: [{ name: 'Kaartacademie', stem: { letters: ['S', 'M'] }, upcomingActivityCount: 1 }]
		});
		const otherFormat = await listAcademies(visitor, {
			municipality: PLACE,
			format: 'kamp_met_overnachting',
			page: 1
		});
		expect(otherFormat.total).toBe(0);
	});

	it('filters schools by province through the card’s own column', async () => {
		const visitor = anonymousClient() as Db;
		const inAntwerp = await listOrganisations(visitor, 'school', {
			province: 'antwerpen',
			municipality: PLACE,
			page: 1
		});
		expect(inAntwerp).toMatchObject({
			total: 1,
			rows: [
				{
					name: 'Kaartschool',
					excerpt: 'Een school met een labo.',
					place: { nis: PLACE, name: 'Zandhoven', provinceNl: 'Provincie Antwerpen' }
				}
			]
		});
		const elsewhere = await listOrganisations(visitor, 'school', {
			province: 'limburg',
			municipality: PLACE,
			page: 1
		});
		expect(elsewhere.total).toBe(0);
	});
});
