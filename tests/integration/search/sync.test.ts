// The outbox keeps Meilisearch in step with Postgres: every source table, the related documents (a
// renamed academy, a changed profile), what never reaches the index (drafts, paused, withdrawn, closed,
// private contacts), two workers at once, a change during a batch, failures with backoff, and a reindex.
// Runs a worker in this process against the shared local stack and reads Meilisearch directly.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { reindex } from '../../../src/lib/server/search/reindex.js';
import pg from 'pg';
import {
	apiUrl,
	databaseUrl,
	meiliMasterKey,
	meiliUrl,
	serviceRoleKey
} from '../../../stack/config.js';
import { anonClient } from '../support/supabase.js';
import { testPeople, type Person } from '../db/people.js';
import {
	databaseDocuments,
	documentOf,
	indexDocuments,
	meiliOf,
	rpc,
	settle,
	worker,
	type Doc,
	type Stack
} from './support.js';

// Waiting for the outbox may include a lease left by an app server's worker that was killed (30 s).
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const stack: Stack = { apiUrl, serviceRoleKey, meiliUrl, meiliKey: meiliMasterKey };
const people = testPeople('search');
const meili = meiliOf(stack);
const sync = worker(stack);
const query = people.query.bind(people);

let owner: Person;
let academy: { id: string; slug: string };
let company: { id: string; slug: string };

const doc = (index: string, id: string) => documentOf(meili, index, id);
const settled = () => settle(sync, query);

beforeAll(async () => {
	owner = await people.signUp('eigenaar');
	academy = await people.organisation([[owner, 'owner']], {
		kind: 'academy',
		name: 'Zoekacademie Robotica'
	});
	company = await people.organisation([[owner, 'owner']], {
		kind: 'company',
		name: 'Zoekbedrijf Techniek'
	});
	await query(
		`update public.academy_profiles set stem_letters = '{S,T}', domains = '{techniek}', age_min = 8,
		 age_max = 12 where organisation_id = $1`,
		[academy.id]
	);
	await settled();
}, 120_000);

afterAll(async () => {
	await people.remove();
	// What the suite made leaves the shared indexes too.
	const db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	try {
		await settle(sync, async (text, values) => (await db.query(text, values)).rows);
	} finally {
		await db.end();
	}
}, 120_000);

describe('activities', () => {
	it('indexes a published activity with its academy, place and vocabulary, and never a draft', async () => {
		const published = await people.activity(academy.id, {
			title: 'Robotica voor tieners',
			age_min: 10,
			age_max: 12
		});
		const draft = await people.activity(academy.id, { title: 'Ontwerp robotica', status: 'draft' });
		await settled();

		expect(await doc('activities', draft.id)).toBeNull();
		const document = await doc('activities', published.id);
		expect(document).toMatchObject({
			id: published.id,
			type: 'activity',
			title: 'Robotica voor tieners',
			path: `/activiteiten/${published.id}`,
			organisation_id: academy.id,
			organisation_name: 'Zoekacademie Robotica',
			organisation_slug: academy.slug,
			municipality_nis: '44021',
			municipality: 'Gent',
			province: 'Oost-Vlaanderen',
			domains: ['techniek', 'programmeren'],
			ages: [10, 11, 12],
			stem: ['S', 'T'],
			format: 'korte_reeks',
			quality_label: 'none',
			price_eur: 0
		});
		expect(document?.keywords).toEqual(['Techniek', 'Programmeren', 'Korte reeks']);
		expect(document?._geo).toEqual({ lat: expect.any(Number), lng: expect.any(Number) });
		expect(document?.start_ts).toBe(
			Date.parse(`${document?.start_date as string}T00:00:00Z`) / 1000
		);
		expect(document?.end_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);

		// Publishing the draft brings it in.
		await query(`update public.activities set status = 'published' where id = $1`, [draft.id]);
		await settled();
		expect(await doc('activities', draft.id)).toMatchObject({ title: 'Ontwerp robotica' });
	});

	it('follows an update, and removes the document when the activity is cancelled or deleted', async () => {
		const activity = await people.activity(academy.id, { title: 'Sterrenkijken' });
		await settled();
		await query(`update public.activities set title = 'Sterrenkijken in de winter' where id = $1`, [
			activity.id
		]);
		await settled();
		expect((await doc('activities', activity.id))?.title).toBe('Sterrenkijken in de winter');

		await query(`update public.activities set status = 'cancelled' where id = $1`, [activity.id]);
		await settled();
		expect(await doc('activities', activity.id)).toBeNull();

		const other = await people.activity(academy.id, { title: 'Weg ermee' });
		await settled();
		expect(await doc('activities', other.id)).not.toBeNull();
		await query('delete from public.activities where id = $1', [other.id]);
		await settled();
		expect(await doc('activities', other.id)).toBeNull();
	});

	it('syncs what a member writes through the API (row level security and all)', async () => {
		const { data, error } = await owner.client
			.from('activities')
			.insert({
				organisation_id: academy.id,
				title: 'Coderen met micro:bit',
				domains: ['programmeren'],
				format: 'losse_activiteit',
				age_min: 9,
				age_max: 11,
				start_date: '2027-03-03',
				end_date: '2027-03-03',
				municipality_nis: '44021',
				status: 'published'
			})
			.select('id')
			.single();
		expect(error).toBeNull();
		await settled();
		expect(await doc('activities', data!.id)).toMatchObject({ title: 'Coderen met micro:bit' });
	});
});

describe('organisations and academy profiles', () => {
	it('indexes an organisation and, when it is renamed, the documents of its activities, offers and requests', async () => {
		const renamed = await people.organisation([[owner, 'owner']], {
			kind: 'academy',
			name: 'Oude naam academie'
		});
		const activity = await people.activity(renamed.id, { title: 'Bouw een robot' });
		const request = await people.request(renamed.id, { title: 'Wij zoeken een lokaal' });
		await settled();
		expect(await doc('organisations', renamed.id)).toMatchObject({
			type: 'academy',
			title: 'Oude naam academie',
			path: `/academies/${renamed.slug}`,
			verified: false
		});
		expect((await doc('activities', activity.id))?.organisation_name).toBe('Oude naam academie');

		await query(`update public.organisations set name = 'Nieuwe naam academie' where id = $1`, [
			renamed.id
		]);
		await settled();
		expect((await doc('organisations', renamed.id))?.title).toBe('Nieuwe naam academie');
		expect((await doc('activities', activity.id))?.organisation_name).toBe('Nieuwe naam academie');
		expect((await doc('requests', request.id))?.organisation_name).toBe('Nieuwe naam academie');

		const offer = await people.offer(company.id, { kind: 'volunteers', title: 'Mentoren' });
		await settled();
		await query(`update public.organisations set name = 'Zoekbedrijf Hernoemd' where id = $1`, [
			company.id
		]);
		await settled();
		expect((await doc('offers', offer.id))?.organisation_name).toBe('Zoekbedrijf Hernoemd');
		expect((await doc('organisations', company.id))?.path).toBe(`/bedrijven/${company.slug}`);

		// Deleting the organisation deletes it and everything it had from the indexes.
		await query('delete from public.organisations where id = $1', [renamed.id]);
		await settled();
		expect(await doc('organisations', renamed.id)).toBeNull();
		expect(await doc('activities', activity.id)).toBeNull();
		expect(await doc('requests', request.id)).toBeNull();
	});

	it('carries a changed profile (STEM letters, quality label) into the academy and its activities', async () => {
		const activity = await people.activity(academy.id, { title: 'Labo-namiddag' });
		await settled();
		await query(
			`update public.academy_profiles set stem_letters = '{S,T,E,M}', quality_label = 'awarded'
			 where organisation_id = $1`,
			[academy.id]
		);
		await settled();
		expect(await doc('organisations', academy.id)).toMatchObject({
			stem: ['S', 'T', 'E', 'M'],
			quality_label: 'awarded',
			ages: [8, 9, 10, 11, 12],
			domains: ['techniek']
		});
		expect(await doc('activities', activity.id)).toMatchObject({
			stem: ['S', 'T', 'E', 'M'],
			quality_label: 'awarded'
		});
		expect((await doc('organisations', academy.id))?.formats).toContain('korte_reeks');
	});

	it('puts no private contact data in any document', async () => {
		await query(
			`insert into public.organisation_contacts (organisation_id, contact_name, email, phone)
			 values ($1, 'Geheime Persoon', 'geheim-contact@groeistoot.test', '+32 9 999 99 99')`,
			[academy.id]
		);
		await query(
			`update public.organisations set public_email = 'publiek@groeistoot.test', public_phone = '09 123 45 67',
			 street_address = 'Geheimstraat 1' where id = $1`,
			[academy.id]
		);
		await people.request(academy.id, { title: 'Vrijwilligers gezocht', kind: 'volunteers' });
		await settled();
		const all = [
			...(
				await meili
					.index('organisations')
					.search(null, { filter: `organisation_id = "${academy.id}"` })
			).hits,
			...(
				await meili
					.index('activities')
					.search(null, { filter: `organisation_id = "${academy.id}"` })
			).hits,
			...(
				await meili.index('requests').search(null, { filter: `organisation_id = "${academy.id}"` })
			).hits
		];
		expect(all.length).toBeGreaterThan(2);
		const text = JSON.stringify(all);
		for (const secret of [
			'Geheime Persoon',
			'geheim-contact',
			'999 99 99',
			'publiek@',
			'123 45 67',
			'Geheimstraat'
		]) {
			expect(text).not.toContain(secret);
		}
	});
});

describe('offers and requests', () => {
	it('indexes an active offer with its weekdays from the slots, and not when paused or withdrawn', async () => {
		const school = await people.organisation([[owner, 'owner']], { kind: 'school' });
		const offer = await people.offer(school.id, { title: 'Labo op woensdag' }, [
			[3, '13:00', '17:00']
		]);
		await settled();
		expect(await doc('offers', offer.id)).toMatchObject({
			type: 'offer',
			kind: 'room',
			room_type: 'labo_wetenschappen',
			capacity: 24,
			weekdays: [3],
			radius_km: 25,
			path: `/aanbod/${offer.id}`,
			keywords: ['Lokaal', 'Labo wetenschappen']
		});

		const [slot] = await query<{ id: string }>(
			`insert into public.offer_slots (offer_id, weekday, starts_at, ends_at)
			 values ($1, 5, '16:00', '18:00') returning id`,
			[offer.id]
		);
		await settled();
		expect((await doc('offers', offer.id))?.weekdays).toEqual([3, 5]);
		await query('update public.offer_slots set weekday = 6 where id = $1', [slot!.id]);
		await settled();
		expect((await doc('offers', offer.id))?.weekdays).toEqual([3, 6]);
		await query('delete from public.offer_slots where id = $1', [slot!.id]);
		await settled();
		expect((await doc('offers', offer.id))?.weekdays).toEqual([3]);

		for (const [status, present] of [
			['paused', false],
			['active', true],
			['withdrawn', false]
		] as const) {
			await query('update public.offers set status = $2 where id = $1', [offer.id, status]);
			await settled();
			expect((await doc('offers', offer.id)) !== null, status).toBe(present);
		}
		await query(`update public.offers set status = 'active' where id = $1`, [offer.id]);
		await settled();
		await query('delete from public.offers where id = $1', [offer.id]);
		await settled();
		expect(await doc('offers', offer.id)).toBeNull();
	});

	it('indexes open and in-progress requests with weekdays and deadline, and removes closed ones', async () => {
		const request = await people.request(academy.id, {
			title: 'Mentoren voor de robotclub',
			kind: 'volunteers',
			people: 2,
			deadline: '2027-01-15'
		});
		await settled();
		expect(await doc('requests', request.id)).toMatchObject({
			type: 'request',
			kind: 'volunteers',
			status: 'open',
			weekdays: [],
			deadline: '2027-01-15',
			deadline_ts: Date.parse('2027-01-15T00:00:00Z') / 1000,
			stem: expect.arrayContaining(['S', 'T']),
			path: `/vragen/${request.id}`
		});

		await query(
			`insert into public.request_slots (request_id, weekday, starts_at, ends_at)
			 values ($1, 2, '16:00', '18:00'), ($1, 4, '16:00', '18:00')`,
			[request.id]
		);
		await settled();
		expect((await doc('requests', request.id))?.weekdays).toEqual([2, 4]);
		await query('delete from public.request_slots where request_id = $1 and weekday = 2', [
			request.id
		]);
		await settled();
		expect((await doc('requests', request.id))?.weekdays).toEqual([4]);

		await query(`update public.requests set status = 'in_progress' where id = $1`, [request.id]);
		await settled();
		expect((await doc('requests', request.id))?.status).toBe('in_progress');
		await query(`update public.requests set status = 'closed' where id = $1`, [request.id]);
		await settled();
		expect(await doc('requests', request.id)).toBeNull();

		const gone = await people.request(academy.id, { title: 'Even weg' });
		await settled();
		expect(await doc('requests', gone.id)).not.toBeNull();
		await query('delete from public.requests where id = $1', [gone.id]);
		await settled();
		expect(await doc('requests', gone.id)).toBeNull();
	});
});

describe('the outbox and its functions', () => {
	it('are for the service role only', async () => {
		const anon = anonClient();
		for (const client of [anon, owner.client]) {
			for (const table of ['search_outbox', 'search_refresh_days'] as const) {
				const read = await client.from(table).select('*').limit(1);
				expect(read.error?.code ?? (read.data?.length === 0 ? 'empty' : 'rows')).not.toBe('rows');
			}
			const written = await client
				.from('search_refresh_days')
				.insert({ day: '2030-01-01', enqueued: 0 });
			expect(written.error).not.toBeNull();
			const documents = await client.rpc('search_documents', { p_index: 'activities' });
			expect(documents.error?.code).toBe('42501');
			const claim = await client.rpc('search_outbox_claim', { p_worker: 'intruder' });
			expect(claim.error?.code).toBe('42501');
			// The triggers' helper is not in the API at all (schema private).
			const enqueue = await client.rpc('search_enqueue', {
				p_index: 'activities',
				p_ids: [academy.id]
			});
			expect(enqueue.error?.code).toBe('PGRST202');
		}
	});

	it('rebuilds the academies once a day: the first call enqueues them, later calls nothing', async () => {
		for (const client of [anonClient(), owner.client]) {
			const refused = await client.rpc('search_refresh_daily');
			expect(refused.error?.code).toBe('42501');
		}
		await query(`delete from public.search_refresh_days where day = private.today_in_belgium()`);
		const [{ academies } = { academies: -1 }] = await query<{ academies: number }>(
			`select count(*)::int as academies from public.organisations where kind = 'academy'`
		);
		expect(await rpc<number>(stack, 'search_refresh_daily', {})).toBe(academies);
		expect(await rpc<number>(stack, 'search_refresh_daily', {})).toBe(0);
		const [{ waiting } = { waiting: -1 }] = await query<{ waiting: number }>(
			`select count(*)::int as waiting from public.search_outbox box
			join public.organisations o on o.id = box.document_id
			where box.index_uid = 'organisations' and box.processed_at is null and o.kind = 'academy'`
		);
		expect(waiting).toBe(academies);
		await settled();
	});

	it('lets an activity edit and a rename of its academy run at once without a deadlock', async () => {
		const activity = await people.activity(academy.id, { title: 'Gelijktijdig' });
		const first = new pg.Client({ connectionString: databaseUrl });
		const second = new pg.Client({ connectionString: databaseUrl });
		await Promise.all([first.connect(), second.connect()]);
		try {
			// The first transaction enqueues as an activity's trigger does: the activity, then its academy.
			await first.query('begin');
			await first.query(`select private.search_enqueue('activities', array[$1::uuid])`, [
				activity.id
			]);
			// Meanwhile the academy is renamed: its trigger enqueues the academy and its activities.
			await second.query('begin');
			await second.query(`set local deadlock_timeout = '100ms'`);
			const rename = second.query(
				`update public.organisations set name = name || ' (nieuw)' where id = $1`,
				[academy.id]
			);
			await new Promise((resolve) => setTimeout(resolve, 300));
			await first.query(`select private.search_enqueue('organisations', array[$1::uuid])`, [
				academy.id
			]);
			await first.query('commit');
			await rename;
			await second.query('rollback');
		} finally {
			await Promise.all([first.end(), second.end()]);
		}
	});

	it('keeps working in the background after start() until stop()', async () => {
		await settled();
		const background = worker(stack, { idleMs: 50, idleMaxMs: 50 });
		background.start();
		expect(background.running).toBe(true);
		try {
			const activity = await people.activity(academy.id, { title: 'Achtergrondwerker' });
			while ((await doc('activities', activity.id)) === null) {
				await new Promise((resolve) => setTimeout(resolve, 20));
			}
			expect((await doc('activities', activity.id))?.title).toBe('Achtergrondwerker');
		} finally {
			await background.stop();
		}
		expect(background.running).toBe(false);
	});

	it('lets two workers drain at once, each change processed once, ending in the right state', async () => {
		const ids = (
			await query<{ id: string }>(
				`insert into public.activities (organisation_id, title, domains, format, age_min, age_max,
				   start_date, end_date, municipality_nis, status)
				 select $1, 'Parallel ' || n, '{techniek}', 'losse_activiteit', 8, 12, date '2027-02-01',
				   date '2027-02-01', '44021', 'published'
				 from generate_series(1, 300) n returning id`,
				[academy.id]
			)
		).map((row) => row.id);
		await query(
			`update public.activities set title = title || ' bijgewerkt' where id = any($1::uuid[])
			 and right(title, 1) in ('0', '2', '4', '6', '8')`,
			[ids]
		);
		const seen: string[] = [];
		const record = (batch: {
			items: { index_uid: string; document_id: string; version: number }[];
		}) => seen.push(...batch.items.map((i) => `${i.index_uid}/${i.document_id}/${i.version}`));
		const first = worker(stack, { batchSize: 40, onBatch: record });
		const second = worker(stack, { batchSize: 40, onBatch: record });
		await Promise.all([first.drain(), second.drain()]);
		await settled();

		expect(new Set(seen).size).toBe(seen.length);
		const { results } = await meili.index('activities').getDocuments({
			limit: 1000,
			fields: ['id', 'title']
		});
		const titles = new Map(
			(results as { id: string; title: string }[]).map((row) => [row.id, row.title])
		);
		const expected = await query<{ id: string; title: string }>(
			'select id, title from public.activities where id = any($1::uuid[])',
			[ids]
		);
		expect(expected).toHaveLength(300);
		for (const row of expected) expect(titles.get(row.id)).toBe(row.title);
		await query('delete from public.activities where id = any($1::uuid[])', [ids]);
		await settled();
	});

	it('does not lose a change that arrives while its document is being written', async () => {
		const activity = await people.activity(academy.id, { title: 'Versie een' });
		let changed = false;
		const racing = worker(stack, {
			beforeComplete: async (items) => {
				if (changed || !items.some((item) => item.document_id === activity.id)) return;
				changed = true;
				await query(`update public.activities set title = 'Versie twee' where id = $1`, [
					activity.id
				]);
			}
		});
		await settle(racing, query);
		expect(changed).toBe(true);
		expect((await doc('activities', activity.id))?.title).toBe('Versie twee');
		const [row] = await query<{ processed: boolean }>(
			`select processed_at is not null as processed from public.search_outbox
			 where index_uid = 'activities' and document_id = $1`,
			[activity.id]
		);
		expect(row?.processed).toBe(true);
	});

	it('records a failure and backs off, then succeeds once Meilisearch answers', async () => {
		await settled();
		const activity = await people.activity(academy.id, { title: 'Faalt eerst' });
		const broken = worker(
			{ ...stack, meiliUrl: 'http://127.0.0.1:9' },
			{ backoffBaseSeconds: 0.2, backoffMaxSeconds: 0.2 * 2 ** 3 }
		);
		const outbox = async () => {
			const [row] = await query<{
				attempts: number;
				last_error: string | null;
				processed: boolean;
				wait_ms: number;
			}>(
				`select attempts, last_error, processed_at is not null as processed,
				   (extract(epoch from next_attempt_at - now()) * 1000)::float8 as wait_ms
				 from public.search_outbox where index_uid = 'activities' and document_id = $1`,
				[activity.id]
			);
			return row!;
		};

		const waits: number[] = [];
		for (let attempt = 1; attempt <= 3; attempt++) {
			while ((await outbox()).wait_ms > 0) await new Promise((r) => setTimeout(r, 20));
			await broken.runOnce();
			const state = await outbox();
			expect(state.attempts).toBe(attempt);
			expect(state.processed).toBe(false);
			expect(state.last_error).toContain('unreachable');
			waits.push(state.wait_ms);
		}
		// 0.2 s, 0.4 s, 0.8 s: each wait longer than the one before.
		expect(waits[1]!).toBeGreaterThan(waits[0]!);
		expect(waits[2]!).toBeGreaterThan(waits[1]!);
		expect(await doc('activities', activity.id)).toBeNull();

		while ((await outbox()).wait_ms > 0) await new Promise((r) => setTimeout(r, 20));
		await settled();
		expect(await outbox()).toMatchObject({ attempts: 0, last_error: null, processed: true });
		expect((await doc('activities', activity.id))?.title).toBe('Faalt eerst');
	});
});

describe('reindex', () => {
	it('swaps in a rebuilt index without a moment where search is empty, equal to the database', async () => {
		await people.activity(academy.id, { title: 'Herindexeren robotica' });
		await settled();
		const hitsDuringReindex: number[] = [];
		const results = await reindex({
			supabaseUrl: stack.apiUrl,
			serviceRoleKey: stack.serviceRoleKey,
			meiliUrl: stack.meiliUrl,
			meiliKey: stack.meiliKey,
			indexes: ['activities', 'organisations'],
			pageSize: 100,
			onPage: async (uid) => {
				if (uid !== 'activities') return;
				const { estimatedTotalHits } = await meili.index('activities').search('herindexeren');
				hitsDuringReindex.push(estimatedTotalHits);
			}
		});
		expect(results.map((result) => result.uid)).toEqual(['activities', 'organisations']);
		expect(hitsDuringReindex.length).toBeGreaterThan(1);
		expect(hitsDuringReindex.every((hits) => hits > 0)).toBe(true);
		const indexes = (await meili.getRawIndexes({ limit: 1000 })).results.map((index) => index.uid);
		expect(indexes.filter((uid) => uid.includes('_reindex_'))).toEqual([]);
		expect((await meili.index('activities').getSettings()).synonyms).toMatchObject({
			robotica: expect.arrayContaining(['robots'])
		});

		await settled();
		for (const index of ['activities', 'organisations']) {
			const inDatabase = await databaseDocuments(stack, index);
			const inIndex = await indexDocuments(meili, index);
			expect(inIndex.map((d) => d.id)).toEqual(inDatabase.map((d) => d.id));
			const mine = (docs: Doc[]) => docs.filter((d) => d.organisation_id === academy.id);
			expect(mine(inIndex)).toEqual(mine(inDatabase));
		}
	}, 120_000);

	it('does not lose a change a worker is still writing while the rebuilt index is swapped in', async () => {
		const activity = await people.activity(academy.id, { title: 'Voor de herindexering' });
		await settled();
		const total = (await databaseDocuments(stack, 'activities')).length;

		// A worker that has written the change into the live (soon old) index and then stalls until the
		// reindex has swapped the rebuilt index in.
		let release!: () => void;
		const stalled = new Promise<void>((resolve) => (release = resolve));
		let reportWritten!: () => void;
		const written = new Promise<void>((resolve) => (reportWritten = resolve));
		const slow = worker(stack, {
			beforeComplete: async () => {
				reportWritten();
				await stalled;
			}
		});
		let slowBatch: Promise<unknown> | undefined;
		await reindex({
			supabaseUrl: stack.apiUrl,
			serviceRoleKey: stack.serviceRoleKey,
			meiliUrl: stack.meiliUrl,
			meiliKey: stack.meiliKey,
			indexes: ['activities'],
			pageSize: 200,
			onPage: async (_uid, count) => {
				// Every page read, with the old title: now the change comes.
				if (count < total || slowBatch) return;
				await query(`update public.activities set title = 'Na de herindexering' where id = $1`, [
					activity.id
				]);
				slowBatch = slow.runOnce();
				await written;
			}
		});
		release();
		await slowBatch;
		await settled();
		expect((await doc('activities', activity.id))?.title).toBe('Na de herindexering');
	}, 120_000);

	it('finds documents by Dutch synonyms and with typos', async () => {
		await people.activity(academy.id, { title: 'Robotica en coderen', domains: ['techniek'] });
		await people.activity(academy.id, { title: 'Sterrenkijken', domains: ['natuur'] });
		await settled();
		const hits = async (q: string) =>
			(
				await meili
					.index<Doc>('activities')
					.search(q, { filter: `organisation_id = "${academy.id}"` })
			).hits.map((hit) => hit.title);
		expect(await hits('robots')).toContain('Robotica en coderen');
		expect(await hits('robtica')).toContain('Robotica en coderen');
		expect(await hits('programmeren')).toContain('Robotica en coderen');
		expect(await hits('astronomie')).toEqual([]);
		expect(await hits('natuur')).toContain('Sterrenkijken');
	});
});
