// public.academy_page(): an academy's public page in one call gives what the page's PostgREST select with
// embeds gave, to a visitor and to a member alike (RLS of the caller), and never a draft or an ended
// activity.
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousClient, daysFromToday, testPeople, type Person } from './people.js';

const people = testPeople('academiepagina');
const today = daysFromToday(0);

/** The page's select before academy_page() (organisations.ts), for comparison. */
const EMBEDDED = `id, kind, name, slug, partner_type, description, municipality_nis, verification_status, logo_path,
	municipality:municipalities!inner(name_nl, province_nl), website, public_email, public_phone, street_address,
	postal_code,
	profile:academy_profiles(stem_letters, accent_letters, creative_link, domains, age_min, age_max, languages,
		officially_recognised, quality_label, quality_label_expires_on),
	activities(id, title, format, domains, age_min, age_max, start_date, end_date, session_count, price_eur, status,
		municipality_nis, photo_path, photo_alt, municipality:municipalities(name_nl, province_nl))`;

async function bySelect(db: SupabaseClient, slug: string) {
	const { data, error } = await db
		.from('organisations')
		.select(EMBEDDED)
		.eq('kind', 'academy')
		.eq('slug', slug)
		.in('activities.status', ['published', 'cancelled'])
		.gte('activities.end_date', today)
		.order('start_date', { referencedTable: 'activities' })
		.order('title', { referencedTable: 'activities' })
		.maybeSingle();
	expect(error).toBeNull();
	return data;
}

async function byCall(db: SupabaseClient, slug: string) {
	const { data, error } = await db.rpc('academy_page', { p_slug: slug, p_today: today });
	expect(error).toBeNull();
	return data;
}

let member: Person;
let academy: { id: string; slug: string };
let school: { id: string; slug: string };

beforeAll(async () => {
	member = await people.signUp('lid');
	academy = await people.organisation([[member, 'owner']], {
		kind: 'academy',
		name: 'Academie Eén Call',
		website: 'https://een-call.example.test',
		public_email: 'info@een-call.example.test'
	});
	school = await people.organisation([], { kind: 'school' });
	await people.query(
		`insert into public.academy_profiles (organisation_id, stem_letters, accent_letters, domains, age_min, age_max)
		values ($1, '{S,T}', '{T}', '{techniek}', 8, 14)
		on conflict (organisation_id) do update set stem_letters = excluded.stem_letters,
			accent_letters = excluded.accent_letters, domains = excluded.domains,
			age_min = excluded.age_min, age_max = excluded.age_max`,
		[academy.id]
	);
	const activity = (title: string, values: Record<string, unknown>) =>
		people.activity(academy.id, { title, ...values });
	await activity('Later kamp', { start_date: daysFromToday(40), end_date: daysFromToday(44) });
	await activity('Eerst: robotclub', { start_date: daysFromToday(3), end_date: daysFromToday(3) });
	await activity('Zelfde dag, andere titel', {
		start_date: daysFromToday(3),
		end_date: daysFromToday(3),
		municipality_nis: '31005'
	});
	await activity('Afgelast maar getoond', {
		status: 'cancelled',
		start_date: daysFromToday(10),
		end_date: daysFromToday(10)
	});
	await activity('Nog een ontwerp', { status: 'draft' });
	await activity('Vandaag de laatste dag', {
		start_date: daysFromToday(-2),
		end_date: daysFromToday(0)
	});
	await activity('Al voorbij', { start_date: daysFromToday(-9), end_date: daysFromToday(-1) });
});

afterAll(() => people.remove());

describe('academy_page()', () => {
	it('gives a visitor what the select with embeds gave, in the same order', async () => {
		const visitor = anonymousClient();
		const [called, selected] = await Promise.all([
			byCall(visitor, academy.slug),
			bySelect(visitor, academy.slug)
		]);
		expect(called).toEqual(selected);
		expect(called.profile.stem_letters).toEqual(['S', 'T']);
		expect(called.municipality).toEqual({ name_nl: 'Gent', province_nl: expect.any(String) });
		expect(called.activities.map((a: { title: string }) => a.title)).toEqual([
			'Vandaag de laatste dag',
			'Eerst: robotclub',
			'Zelfde dag, andere titel',
			'Afgelast maar getoond',
			'Later kamp'
		]);
		expect(called.activities[2].municipality.name_nl).toBe('Brugge');
	});

	it('leaves drafts off for a member too, who reads them elsewhere', async () => {
		const called = await byCall(member.client, academy.slug);
		expect(called).toEqual(await bySelect(member.client, academy.slug));
		const titles = called.activities.map((a: { title: string }) => a.title);
		expect(titles).not.toContain('Nog een ontwerp');
		expect(titles).not.toContain('Al voorbij');
		// The member can read the draft itself: only the page's function leaves it out.
		const { data: drafts } = await member.client
			.from('activities')
			.select('title')
			.eq('organisation_id', academy.id)
			.eq('status', 'draft');
		expect(drafts).toEqual([{ title: 'Nog een ontwerp' }]);
	});

	it('is null for an unknown slug and for an organisation that is no academy', async () => {
		const visitor = anonymousClient();
		expect(await byCall(visitor, 'geen-academie-met-deze-naam')).toBeNull();
		expect(await byCall(visitor, school.slug)).toBeNull();
	});

	it('gives an academy without a profile or activities null and an empty list', async () => {
		const bare = await people.organisation([], { kind: 'academy', name: 'Academie Zonder Meer' });
		await people.query('delete from public.academy_profiles where organisation_id = $1', [bare.id]);
		const called = await byCall(anonymousClient(), bare.slug);
		expect(called).toEqual(await bySelect(anonymousClient(), bare.slug));
		expect(called.profile).toBeNull();
		expect(called.activities).toEqual([]);
	});
});
