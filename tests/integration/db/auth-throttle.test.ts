// The throttle behind the sign-in, sign-up and recovery limits: fixed windows per bucket in Postgres, shared
// by every app instance, reachable only by the service role through auth_throttle_hit(), storing no
// address in the clear.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl } from '../../../stack/config.js';
import { anonymousClient, serviceRole, testPeople, type Person } from './people.js';

type Bucket = { key: string; limit: number; window: number; count?: boolean };

const people = testPeople('throttle');
let person: Person;
const db = new pg.Client({ connectionString: databaseUrl });

/** A key no other test run uses. */
const uniqueKey = (label: string) => `test:${label}:${randomUUID()}`;

async function hit(buckets: Bucket[]): Promise<number> {
	const { data, error } = await serviceRole.rpc('auth_throttle_hit', { buckets });
	if (error) throw error;
	return data as number;
}

beforeAll(async () => {
	await db.connect();
	person = await people.signUp('lid');
});

afterAll(async () => {
	await db.end();
	await people.remove();
});

describe('auth_throttle_hit()', () => {
	it('allows up to the limit within a window, then answers how many seconds to wait', async () => {
		const bucket = { key: uniqueKey('allow'), limit: 3, window: 600 };
		for (let attempt = 1; attempt <= 3; attempt++) expect(await hit([bucket])).toBe(0);
		const wait = await hit([bucket]);
		expect(wait).toBeGreaterThan(0);
		expect(wait).toBeLessThanOrEqual(600);
	});

	it('only checks a bucket that is not counted, and counts it when asked', async () => {
		const failures = { key: uniqueKey('failures'), limit: 2, window: 600 };
		expect(await hit([{ ...failures, count: false }])).toBe(0);
		expect(await hit([{ ...failures, count: false }])).toBe(0);
		await hit([failures]);
		await hit([failures]);
		expect(await hit([{ ...failures, count: false }])).toBeGreaterThan(0);
	});

	it('refuses when any bucket is full, and counts the others all the same', async () => {
		const full = { key: uniqueKey('full'), limit: 1, window: 600 };
		const open = { key: uniqueKey('open'), limit: 5, window: 600 };
		await hit([full]);
		expect(await hit([open, { ...full, count: false }])).toBeGreaterThan(0);
		const [row] = await rowsOf(open.key);
		expect(row?.hits).toBe(1);
	});

	it('keeps buckets apart', async () => {
		const one = { key: uniqueKey('one'), limit: 1, window: 600 };
		const other = { key: uniqueKey('other'), limit: 1, window: 600 };
		expect(await hit([one])).toBe(0);
		expect(await hit([one])).toBeGreaterThan(0);
		expect(await hit([other])).toBe(0);
	});

	it('starts over in the next window and deletes windows that are over', async () => {
		const bucket = { key: uniqueKey('window'), limit: 1, window: 600 };
		await hit([bucket]);
		expect(await hit([bucket])).toBeGreaterThan(0);
		// Move the bucket's window into the past, as if ten minutes went by.
		await db.query(
			`update public.auth_throttle set window_start = window_start - interval '20 minutes',
			 expires_at = expires_at - interval '20 minutes' where bucket = sha256(convert_to($1, 'UTF8'))`,
			[bucket.key]
		);
		expect(await hit([bucket])).toBe(0);
		const rows = await rowsOf(bucket.key);
		expect(rows).toHaveLength(1);
		expect(rows[0]!.hits).toBe(1);
		expect(new Date(rows[0]!.expires_at).getTime()).toBeGreaterThan(Date.now());
	});

	it('stores only a sha256 of each key', async () => {
		const email = `iemand-${randomUUID()}@example.test`;
		const key = `sign_in:email:${email}`;
		await hit([{ key, limit: 10, window: 600 }]);
		const rows = await rowsOf(key);
		expect(rows).toHaveLength(1);
		const all = await db.query<{ bucket: Buffer }>('select bucket from public.auth_throttle');
		for (const { bucket } of all.rows) {
			expect(bucket.length).toBe(32);
			expect(bucket.toString('utf8')).not.toContain(email);
		}
	});

	it.each([
		['no buckets', []],
		['an empty key', [{ key: '', limit: 1, window: 60 }]],
		['a limit of 0', [{ key: 'k', limit: 0, window: 60 }]],
		['a window longer than a day', [{ key: 'k', limit: 1, window: 86_401 }]],
		['a missing limit', [{ key: 'k', window: 60 }]],
		[
			'too many buckets',
			Array.from({ length: 9 }, (_, i) => ({ key: `k${i}`, limit: 1, window: 60 }))
		]
	])('refuses %s with a 4xx', async (_, buckets) => {
		const { error } = await serviceRole.rpc('auth_throttle_hit', { buckets });
		expect(error?.code).toBe('22023');
	});
});

describe('who may use the throttle', () => {
	it('the service role may call auth_throttle_hit()', async () => {
		const { error } = await serviceRole.rpc('auth_throttle_hit', {
			buckets: [{ key: uniqueKey('service'), limit: 1, window: 60 }]
		});
		expect(error).toBeNull();
	});

	it.each([
		['anonymous visitors', () => anonymousClient()],
		['signed-in people', () => person.client]
	])('%s may not call it', async (_, client) => {
		const { data, error } = await client().rpc('auth_throttle_hit', {
			buckets: [{ key: uniqueKey('anon'), limit: 1, window: 60 }]
		});
		expect(data).toBeNull();
		expect(error?.code).toBe('42501');
	});

	it.each([
		['anonymous visitors', () => anonymousClient()],
		['signed-in people', () => person.client],
		['the service role', () => serviceRole]
	])('%s can neither read nor write the table through the API', async (_, client) => {
		const read = await client().from('auth_throttle').select('*');
		expect(read.error?.code).toBe('42501');
		const write = await client().from('auth_throttle').insert({
			bucket: '\\x00',
			window_start: new Date().toISOString(),
			expires_at: new Date().toISOString()
		});
		expect(write.error?.code).toBe('42501');
	});

	it('the table has row level security on and no policies', async () => {
		const { rows } = await db.query<{ rls: boolean; policies: number }>(
			`select c.relrowsecurity as rls,
			 (select count(*)::int from pg_policies p where p.schemaname = 'public' and p.tablename = 'auth_throttle') as policies
			 from pg_class c where c.oid = 'public.auth_throttle'::regclass`
		);
		expect(rows[0]).toEqual({ rls: true, policies: 0 });
	});
});

async function rowsOf(key: string) {
	const { rows } = await db.query<{ hits: number; expires_at: string }>(
		`select hits, expires_at from public.auth_throttle where bucket = sha256(convert_to($1, 'UTF8'))`,
		[key]
	);
	return rows;
}
