// A municipality's page in one call (public.municipality_page(), security invoker; with its coverage,
// public.municipality_overview(), the page's one API call) and its starters section
// (public.starters_section(), also the /starten page's one call): what an anonymous visitor, a member and an
// organisation's admin each get; a draft activity and another person's note do not leak; an unknown code
// finds nothing and a merged one names its successor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { schoolYearOf } from '$lib/school-year';
import { anonymousClient, daysFromToday, testPeople, type Person } from './people.js';

const people = testPeople('municipality-page');
let person: Person;
let admin: Person;
let member: Person;
let organisation: { id: string };
let academy: { id: string; slug: string };
let published: { id: string };
let draft: { id: string };
let spot: string;
const today = daysFromToday(0);

type Page = {
	found: boolean;
	current_nis?: string | null;
	municipality: { nis: string; name_nl: string };
	local: {
		id: string;
		kind: string;
		municipality: { name_nl: string } | null;
		profile: unknown;
	}[];
	activities: { id: string; status: string }[];
	activity_count: number;
	nearby_academies: { id: string }[];
	community: { id: string; members: number } | null;
	nearby_municipalities: { nis: string }[];
	starters: Section;
};
type Section = {
	place: { nis: string; name_nl: string } | null;
	white_spot: boolean;
	board: { id: string; note: string; mine: boolean; shown_name: string | null }[];
	coaches: unknown[];
	managed: { id: string; name: string }[];
};

async function page(client: SupabaseClient, nis: string): Promise<Page> {
	const { data, error } = await client.rpc('municipality_page', {
		p_nis: nis,
		p_today: today,
		p_radius_km: 15
	});
	expect(error).toBeNull();
	return data as Page;
}

async function section(client: SupabaseClient, nis: string): Promise<Section> {
	const { data, error } = await client.rpc('starters_section', { p_nis: nis });
	expect(error).toBeNull();
	return data as Section;
}

beforeAll(async () => {
	[person, admin, member] = await Promise.all([
		people.signUp('persoon', { display_name: 'Pia Pagina' }),
		people.signUp('beheerder'),
		people.signUp('lid')
	]);
	// A white spot of our own (no academy at all; the starters suite takes the highest such code).
	const [row] = await people.query<{ nis: string }>(
		`select m.nis from public.municipalities m
		 where m.valid_to is null and m.region = 'VLG'
			and not exists (select 1 from public.organisations o where o.municipality_nis = m.nis and o.kind = 'academy')
		 order by m.nis limit 1`
	);
	spot = row!.nis;
	organisation = await people.organisation(
		[
			[admin, 'admin'],
			[member, 'member']
		],
		// Names of their own: the page lists them by name, and a tie would leave their order open.
		{ kind: 'partner', municipality_nis: spot, name: 'Partner van de pagina' }
	);
	// Not verified: the municipality stays a white spot; its activities are on the page all the same.
	academy = await people.organisation([[member, 'member']], {
		kind: 'academy',
		municipality_nis: spot,
		name: 'Academie van de pagina'
	});
	published = await people.activity(academy.id, { municipality_nis: spot });
	draft = await people.activity(academy.id, { municipality_nis: spot, status: 'draft' });
	const registered = await person.client.rpc('register_starter_interest', {
		p_municipality_nis: spot,
		p_organisation_id: null,
		p_role: 'person',
		p_offers: ['room'],
		p_note: 'Alleen voor mij',
		p_shown_as: 'name'
	});
	expect(registered.error).toBeNull();
});

afterAll(async () => {
	await people.query('delete from public.starter_interests where user_id = $1', [person.id]);
	await people.remove();
});

describe('municipality_page', () => {
	it('gives anonymous visitors the municipality, its organisations and published activities', async () => {
		const anon = await page(anonymousClient(), spot);
		expect(anon.found).toBe(true);
		expect(anon.municipality.nis).toBe(spot);
		const ids = anon.local.map((o) => o.id);
		expect(ids).toEqual(expect.arrayContaining([organisation.id, academy.id]));
		expect(anon.local.find((o) => o.id === organisation.id)?.municipality?.name_nl).toBe(
			anon.municipality.name_nl
		);
		expect(anon.activities.map((a) => a.id)).toContain(published.id);
		expect(anon.nearby_municipalities.map((m) => m.nis)).not.toContain(spot);
	});

	// 20261219000000_municipality_page_json.sql builds its lists itself: each entry must equal what a
	// PostgREST read of the table (or view), with the same embeds, gives (an academy with its profile, a
	// partner without), and the community what municipality_communities() gives.
	it('lists organisations, activities and the community as the separate reads give them', async () => {
		const anon = anonymousClient();
		const seen = await page(anon, spot);
		const organisations = () =>
			anon
				.from('organisations')
				.select(
					`id, kind, name, slug, partner_type, description, municipality_nis, verification_status,
					logo_path, lat, lng, municipality:municipalities(name_nl, province_nl),
					profile:academy_profiles(stem_letters, accent_letters, creative_link, domains, quality_label,
					quality_label_expires_on)`
				)
				.order('name')
				.order('id');
		const local = await organisations().eq('municipality_nis', spot);
		expect(local.error).toBeNull();
		expect(seen.local).toEqual(local.data);
		expect(seen.local.find((o) => o.id === academy.id)).toMatchObject({
			profile: { stem_letters: expect.any(Array) }
		});
		expect(seen.local.find((o) => o.id === organisation.id)).toMatchObject({ profile: null });

		const activities = await anon
			.from('public_activity_cards')
			.select('*')
			.eq('status', 'published')
			.eq('municipality_nis', spot)
			.gte('end_date', today)
			.order('start_date')
			.order('title')
			.limit(12);
		expect(activities.error).toBeNull();
		expect(seen.activities).toEqual(activities.data);
		expect(seen.activities.length).toBeGreaterThan(0);

		// the nearby academies (candidates in a box, in no order: the app sorts them by distance)
		const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
		const nearby = await organisations().in(
			'id',
			seen.nearby_academies.map((o) => o.id)
		);
		expect(nearby.error).toBeNull();
		expect([...seen.nearby_academies].sort(byId)).toEqual([...nearby.data!].sort(byId));
		expect(seen.nearby_academies.length).toBeGreaterThan(0);

		// a municipality with an active community in the seed, and one without
		const [joined] = await people.query<{ nis: string }>(
			`select municipality_nis as nis from public.communities
			where kind = 'municipality' and status = 'active' order by municipality_nis limit 1`
		);
		for (const nis of [joined!.nis, spot]) {
			const { data, error } = await anon.rpc('municipality_communities', { p_nis: [nis] });
			expect(error).toBeNull();
			const [row] = data ?? [];
			expect((await page(anon, nis)).community, nis).toEqual(
				row ? { id: row.community_id, members: row.members } : null
			);
		}
	});

	it('leaks no draft activity, not even to a member of its academy (the page shows published ones)', async () => {
		for (const client of [anonymousClient(), member.client, admin.client]) {
			const seen = await page(client, spot);
			expect(seen.activities.map((a) => a.id)).not.toContain(draft.id);
			expect(seen.activities.every((a) => a.status === 'published')).toBe(true);
		}
		const [published] = await people.query<{ count: string }>(
			`select count(*) from public.activities
			 where municipality_nis = $1 and status = 'published' and end_date >= $2`,
			[spot, today]
		);
		expect((await page(member.client, spot)).activity_count).toBe(Number(published?.count));
	});

	it('finds nothing for an unknown code, and names the successor of a merged municipality', async () => {
		expect(await page(anonymousClient(), '99999')).toEqual({ found: false, current_nis: null });
		const [merged] = await people.query<{ nis: string; current: string }>(
			`select nis, public.current_nis(nis) as current from public.municipalities
			 where valid_to is not null order by nis limit 1`
		);
		expect(await page(anonymousClient(), merged!.nis)).toEqual({
			found: false,
			current_nis: merged!.current
		});
	});
});

describe('starters_section', () => {
	it('shows everyone the board, but a note only to whoever registered it', async () => {
		const anon = await section(anonymousClient(), spot);
		expect(anon.white_spot).toBe(true);
		const entry = anon.board.find((e) => e.shown_name === 'Pia Pagina');
		expect(entry).toMatchObject({ mine: false, note: '' });
		const own = (await section(person.client, spot)).board.find((e) => e.id === entry!.id);
		expect(own).toMatchObject({ mine: true, note: 'Alleen voor mij' });
		const byOther = (await section(member.client, spot)).board.find((e) => e.id === entry!.id);
		expect(byOther).toMatchObject({ mine: false, note: '' });
	});

	it('lists the organisations the caller manages: an admin its own, a plain member and anon none', async () => {
		expect((await section(admin.client, spot)).managed).toEqual([
			{ id: organisation.id, name: expect.any(String) }
		]);
		expect((await section(member.client, spot)).managed).toEqual([]);
		expect((await section(anonymousClient(), spot)).managed).toEqual([]);
	});

	it('is the section inside municipality_page, for each caller', async () => {
		for (const client of [anonymousClient(), person.client, admin.client]) {
			expect((await page(client, spot)).starters).toEqual(await section(client, spot));
		}
	});

	it('has no place for an unknown or merged code, and no board where an academy is verified', async () => {
		expect(await section(anonymousClient(), '99999')).toEqual({
			place: null,
			white_spot: false,
			board: [],
			coaches: [],
			managed: []
		});
		const [merged] = await people.query<{ nis: string }>(
			`select nis from public.municipalities where valid_to is not null order by nis limit 1`
		);
		expect((await section(anonymousClient(), merged!.nis)).place).toBeNull();
		const [covered] = await people.query<{ municipality_nis: string }>(
			`select municipality_nis from private.counted_academies() limit 1`
		);
		const taken = await section(admin.client, covered!.municipality_nis);
		expect(taken).toMatchObject({ white_spot: false, board: [], coaches: [], managed: [] });
		expect(taken.place?.nis).toBe(covered!.municipality_nis);
	});
});

// 20261209001200_municipality_overview.sql: the page's one API call is municipality_page() and
// coverage_of_municipality() side by side, each answered as its own call answers that caller.
describe('municipality_overview', () => {
	async function overview(client: SupabaseClient, nis: string, year: number) {
		const { data, error } = await client.rpc('municipality_overview', {
			p_nis: nis,
			p_today: today,
			p_radius_km: 15,
			p_start_year: year
		});
		expect(error).toBeNull();
		return data as { page: Page; coverage: unknown };
	}

	async function coverage(client: SupabaseClient, nis: string, year: number) {
		const { data, error } = await client.rpc('coverage_of_municipality', {
			p_start_year: year,
			p_nis: nis
		});
		expect(error).toBeNull();
		return data;
	}

	it('gives each caller the page and the coverage their own calls give', async () => {
		const year = schoolYearOf(today);
		for (const client of [anonymousClient(), person.client, admin.client, member.client]) {
			const one = await overview(client, spot, year);
			expect(one.page).toEqual(await page(client, spot));
			expect(one.coverage).toEqual(await coverage(client, spot, year));
			// the white spot: no academy, three nearest ones
			expect(one.coverage).toMatchObject({
				municipality: { nis: spot, status: expect.any(String) }
			});
			expect((one.coverage as { nearest: unknown[] }).nearest).toHaveLength(3);
		}
		// the admin's own academy's draft is not in it, as on the page
		expect(
			(await overview(admin.client, spot, year)).page.activities.map((a) => a.id)
		).not.toContain(draft.id);
	});

	it('finds no page for an unknown code, and no coverage for a merged one', async () => {
		const year = 2025;
		const unknown = await overview(anonymousClient(), '99999', year);
		expect(unknown.page).toEqual({ found: false, current_nis: null });
		expect(unknown.coverage).toEqual({ municipality: null, nearest: [] });
		const [merged] = await people.query<{ nis: string; current: string }>(
			`select nis, public.current_nis(nis) as current from public.municipalities
			 where valid_to is not null order by nis limit 1`
		);
		const old = await overview(anonymousClient(), merged!.nis, year);
		expect(old.page).toEqual({ found: false, current_nis: merged!.current });
		expect(old.coverage).toEqual({ municipality: null, nearest: [] });
	});
});
