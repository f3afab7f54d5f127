// The places each active offer reaches, stored by triggers on offers (20261218000000_offer_places.sql), and
// community_offer_ids(), which reads a community's newest offers from them: the stored places follow every
// change of an offer, two writers of one offer leave the last one's places, the newest come first and each
// once, a community the caller may not read gives nothing, and the private parts are refused.
import pg from 'pg';
import { databaseUrl } from '../../../stack/config.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asCaller } from './as-caller.js';
import { anonymousClient, testPeople, type Person } from './people.js';
import { twoWritersAtOnce } from './two-writers.js';

const people = testPeople('offer-places');
// Offers sit in Gent (people.offer()'s place, at its centre); `near` is a municipality whose centre lies
// 10 to 20 km from Gent's, `far` one more than 60 km away.
const HOME = '44021';
let near: string;
let far: string;
let owner: Person;
let school: { id: string };
let region: string;

type Places = { stored: string[]; reached: string[] };

/**
 * The places stored for an offer, and the places it reaches computed anew (none unless active); on another
 * connection (inside its transaction) when one is given.
 */
async function places(offerId: string, db?: pg.Client): Promise<Places> {
	const text = `select
			array(select r.municipality_nis from private.offer_places r where r.offer_id = o.id order by 1) as stored,
			array(
				select p.nis
				from private.places_reached(o.municipality_nis, o.area_municipalities, o.lat, o.lng, o.radius_km) p (nis)
				where o.status = 'active' order by 1
			) as reached
		 from public.offers o where o.id = $1`;
	const [row] = db
		? (await db.query<Places>(text, [offerId])).rows
		: await people.query<Places>(text, [offerId]);
	if (!row) throw new Error(`offer ${offerId} is gone`);
	return row;
}

/** Updates an offer as its organisation's admin, through the API. */
async function edit(offerId: string, values: Record<string, unknown>) {
	const { error } = await owner.client.from('offers').update(values).eq('id', offerId);
	expect(error).toBeNull();
}

/** What anonymous visitors get from community_offer_ids() for the region. */
async function regionOffers(limit = 100): Promise<string[]> {
	const { data, error } = await anonymousClient().rpc('community_offer_ids', {
		p_community_id: region,
		p_limit: limit
	});
	expect(error).toBeNull();
	return data ?? [];
}

/**
 * Whether community_offer_ids() gives what the rule itself says over every active offer (located in one of
 * the region's places, listing it, or reaching its centre), newest first, and how many it gives. One
 * statement: one snapshot, whatever other suites write meanwhile.
 */
async function againstRule(limit: number) {
	const [row] = await people.query<{ same: boolean; count: number }>(
		`select array(select x from public.community_offer_ids($1, $2) x) = array(
			select o.id from public.offers o
			where o.status = 'active' and exists (
				select 1 from public.community_municipalities cmu
				join public.municipalities m on m.nis = cmu.municipality_nis
				where cmu.community_id = $1 and (
					o.municipality_nis = m.nis or o.area_municipalities @> array[m.nis]
					or (o.radius_km is not null
						and (point(o.lng, o.lat) operator(extensions.<@>) point(m.lng, m.lat)) * 1.609344
							<= o.radius_km)
				)
			)
			order by o.created_at desc, o.id
			limit least(greatest($2, 1), 100)
		) as same,
		cardinality(array(select x from public.community_offer_ids($1, $2) x)) as count`,
		[region, limit]
	);
	if (!row) throw new Error('no answer');
	return row;
}

async function regionPlaces(nis: string[]) {
	await people.query(`delete from public.community_municipalities where community_id = $1`, [
		region
	]);
	await people.query(
		`insert into public.community_municipalities (community_id, municipality_nis)
		 select $1, unnest($2::text[])`,
		[region, nis]
	);
}

beforeAll(async () => {
	const [found] = await people.query<{ near: string; far: string }>(
		`with home as (select lat, lng from public.municipalities where nis = $1),
		 distances as (
			select m.nis, (point(m.lng, m.lat) operator(extensions.<@>) point(h.lng, h.lat)) * 1.609344 as km
			from public.municipalities m, home h where m.valid_to is null and m.nis <> $1
		 )
		 select
			(select nis from distances where km between 10 and 20 order by km, nis limit 1) as near,
			(select nis from distances where km > 60 order by km, nis limit 1) as far`,
		[HOME]
	);
	if (!found?.near || !found.far) throw new Error('no municipalities at those distances');
	({ near, far } = found);
	owner = await people.signUp('eigenaar');
	school = await people.organisation([[owner, 'admin']], {
		kind: 'partner',
		municipality_nis: HOME
	});
	const [made] = await people.query<{ id: string }>(
		`insert into public.communities (kind, slug, name, status, proposed_by)
		 values ('region', $1, 'Regio Aanbod', 'active', null) returning id`,
		[`aanbod-regio-${crypto.randomUUID().slice(0, 8)}`]
	);
	if (!made) throw new Error('no region community made');
	region = made.id;
});

afterAll(async () => {
	await people.query(`delete from public.communities where id = $1`, [region]);
	await people.remove();
});

describe('the places an offer reaches', () => {
	it('follow its radius, area, place and status, and go with it', async () => {
		await regionPlaces([near]);
		const offer = await people.offer(school.id, { kind: 'volunteers', radius_km: 5 });
		const check = async (reachesNear: boolean) => {
			const { stored, reached } = await places(offer.id);
			expect(stored).toEqual(reached);
			expect(stored.includes(near)).toBe(reachesNear);
			expect((await regionOffers()).includes(offer.id)).toBe(reachesNear);
		};
		expect((await places(offer.id)).stored).toContain(HOME);
		await check(false);
		await edit(offer.id, { radius_km: 25 });
		await check(true);
		await edit(offer.id, { radius_km: 5, area_municipalities: [near] });
		await check(true);
		await edit(offer.id, { area_municipalities: [] });
		await check(false);
		await edit(offer.id, { municipality_nis: near });
		await check(true);
		await edit(offer.id, { status: 'paused' });
		expect((await places(offer.id)).stored).toEqual([]);
		await check(false);
		await edit(offer.id, { status: 'active' });
		await check(true);
		// A change that does not move it (the title) leaves its places as they were.
		await edit(offer.id, { title: 'Drie mentoren' });
		await check(true);
		await people.query(`delete from public.offers where id = $1`, [offer.id]);
		const left = await people.query(`select 1 from private.offer_places where offer_id = $1`, [
			offer.id
		]);
		expect(left).toEqual([]);
	});

	// Statements on offers already wait for each other (request_reach's one_writer_at_a_time() lock); the
	// offer's row lock orders them too. This shows the end state either way.
	it('are those of the last of two writers of one offer, the second waiting for the first', async () => {
		const offer = await people.offer(school.id, { kind: 'volunteers', radius_km: 5 });
		const radius = (km: number) => (db: pg.Client) =>
			db.query(`update public.offers set radius_km = $2 where id = $1`, [offer.id, km]);
		expect(await twoWritersAtOnce(radius(40), radius(12))).toBeNull();
		const after = await places(offer.id);
		expect(after.stored).toEqual(after.reached);
		const [row] = await people.query<{ radius_km: number }>(
			`select radius_km from public.offers where id = $1`,
			[offer.id]
		);
		expect(row?.radius_km).toBe(12);
		const pause = (db: pg.Client) =>
			db.query(`update public.offers set status = 'paused' where id = $1`, [offer.id]);
		expect(await twoWritersAtOnce(radius(40), pause)).toBeNull();
		expect(await places(offer.id)).toEqual({ stored: [], reached: [] });
	});
});

describe('when the municipalities change', () => {
	it('are written anew in the same transaction', async () => {
		const offer = await people.offer(school.id, { kind: 'volunteers', radius_km: 25 });
		expect((await places(offer.id)).stored).toContain(near);
		const db = new pg.Client({ connectionString: databaseUrl });
		await db.connect();
		try {
			await db.query('begin');
			// `near` moves 60 km further off (south; Belgium's check on offers, not on municipalities).
			await db.query(`update public.municipalities set lat = lat - 0.55 where nis = $1`, [near]);
			const moved = await places(offer.id, db);
			expect(moved.stored).toEqual(moved.reached);
			expect(moved.stored).not.toContain(near);
		} finally {
			await db.query('rollback');
			await db.end();
		}
		expect((await places(offer.id)).stored).toContain(near);
	});
});

describe("a community's newest offers (community_offer_ids)", () => {
	it('come newest first, each once, at most the limit, as the reach computed over every offer says', async () => {
		await regionPlaces([HOME, near]);
		const both = await people.offer(school.id, { kind: 'volunteers', radius_km: 25 });
		const atNear = await people.offer(school.id, {
			kind: 'volunteers',
			municipality_nis: near,
			radius_km: 1
		});
		const atHome = await people.offer(school.id, { kind: 'volunteers', radius_km: 1 });
		const mine = [atHome.id, atNear.id, both.id];
		const ids = await regionOffers();
		expect(ids.filter((id) => mine.includes(id))).toEqual(mine);
		expect(new Set(ids).size).toBe(ids.length);
		// Against the rule itself at several limits; out-of-range limits are brought within 1 to 100.
		for (const limit of [1, 2, 6, 0]) {
			expect(await againstRule(limit)).toEqual({ same: true, count: Math.max(limit, 1) });
		}
		const all = await againstRule(100);
		expect(all.same).toBe(true);
		expect(await againstRule(500)).toEqual(all);
		expect(await regionOffers(1)).toEqual([ids[0]]);
	});

	it('are none for a community the caller may not read or without places, and those of any place', async () => {
		await regionPlaces([HOME]);
		expect((await regionOffers()).length).toBeGreaterThan(0);
		await people.query(`update public.communities set status = 'proposed' where id = $1`, [region]);
		expect(await regionOffers()).toEqual([]);
		await people.query(`update public.communities set status = 'active' where id = $1`, [region]);
		await regionPlaces([far]);
		expect((await againstRule(100)).same).toBe(true);
		await regionPlaces([]);
		expect(await regionOffers()).toEqual([]);
	});
});

describe('the private parts', () => {
	it('are read and rebuilt by nobody but their owner', async () => {
		for (const caller of ['anon', 'service_role', owner] as const) {
			for (const text of [
				'select * from private.offer_places limit 1',
				'select private.offer_places_rebuild()',
				`select private.places_reached('44021', '{}', 51.05, 3.72, 10)`
			]) {
				expect((await asCaller(caller, text)).error?.code).toBe('42501');
			}
		}
	});

	it('give ids of active offers only, for at most 600 places', async () => {
		const paused = await people.offer(school.id, {
			kind: 'volunteers',
			municipality_nis: far,
			status: 'paused'
		});
		const active = await people.offer(school.id, { kind: 'volunteers', municipality_nis: far });
		const some = await asCaller<{ id: string }>(
			'anon',
			'select id from private.offers_newest_reaching($1, 100) id',
			[[far]]
		);
		expect(some.error).toBeNull();
		expect(some.rows?.map((row) => row.id)).toContain(active.id);
		expect(some.rows?.map((row) => row.id)).not.toContain(paused.id);
		const tooMany = await asCaller('anon', 'select private.offers_newest_reaching($1, 6)', [
			Array.from({ length: 601 }, (_, i) => String(10000 + i))
		]);
		expect(tooMany.error).toMatchObject({ code: '22023', hint: 'offer_places_too_many' });
	});
});
