// Meilisearch away: writes still succeed and the outbox keeps them; when it comes back, the worker
// catches up and every index holds exactly what the database says, nothing lost and nothing twice.
// Runs on a private copy of the stack (own folder and ports) so that stopping Meilisearch troubles nobody.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meiliMasterKey, serviceRoleKey } from '../../../stack/config.js';
import { anonClient, serviceClient } from '../support/supabase.js';
import {
	databaseDocuments,
	documentOf,
	indexDocuments,
	meiliOf,
	settle,
	worker,
	type Stack
} from './support.js';

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groeistoot-search-fault-'));
const env = {
	...process.env,
	STACK_LOCAL_DIR: path.join(dir, '.local'),
	STACK_API_PORT: '27321',
	STACK_DB_PORT: '27322',
	STACK_MAILBOX_PORT: '27324',
	STACK_SMTP_PORT: '27325',
	STACK_POSTGREST_PORT: '27330',
	STACK_POSTGREST_ADMIN_PORT: '27331',
	STACK_MEILI_PORT: '27700'
};
const stack: Stack = {
	apiUrl: `http://127.0.0.1:${env.STACK_API_PORT}`,
	serviceRoleKey,
	meiliUrl: `http://127.0.0.1:${env.STACK_MEILI_PORT}`,
	meiliKey: meiliMasterKey
};
const meiliPidFile = path.join(env.STACK_LOCAL_DIR, 'run', 'meilisearch.pid');
const INDEXES = ['activities', 'organisations', 'offers', 'requests'];

const meili = meiliOf(stack);
// Short backoff so that the rows that failed while Meilisearch was away are retried soon after.
const sync = worker(stack, { backoffBaseSeconds: 0.05, backoffMaxSeconds: 0.5 });
const db = new pg.Client({
	connectionString: `postgresql://postgres:postgres@127.0.0.1:${env.STACK_DB_PORT}/postgres`
});
const query = async <Row = Record<string, unknown>>(text: string, values: unknown[] = []) =>
	(await db.query(text, values)).rows as Row[];
/** Holds Meilisearch's pid file while it is away, so the stack's supervisor does not restart it. */
let standIn: ChildProcess | undefined;

const stackCommand = (command: string) => run('node', ['stack/cli.js', command], { env });

beforeAll(async () => {
	await stackCommand('start');
	await db.connect();
	await settle(sync, query);
}, 240_000);

afterAll(async () => {
	await db.end().catch(() => undefined);
	await stackCommand('stop').catch(() => undefined);
	standIn?.kill('SIGKILL');
	fs.rmSync(dir, { recursive: true, force: true });
}, 60_000);

/** Stops Meilisearch for good: a stand-in process takes over its pid file first. */
async function stopMeilisearch() {
	const { pid } = JSON.parse(fs.readFileSync(meiliPidFile, 'utf8')) as { pid: number };
	standIn = spawn('sleep', ['600'], { stdio: 'ignore' });
	fs.writeFileSync(meiliPidFile, JSON.stringify({ pid: standIn.pid, program: 'sleep' }));
	process.kill(pid, 'SIGKILL');
	while (await meili.isHealthy()) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Starts Meilisearch again the way the stack does (its own pid file, data and port). */
async function startMeilisearch() {
	await run(
		'node',
		[
			'--input-type=module',
			'-e',
			`const m = await import('./stack/parts/meilisearch.js'); m.startMeilisearch(); await m.waitForMeilisearch();`
		],
		{ env }
	);
	standIn?.kill('SIGKILL');
	standIn = undefined;
}

async function signedIn(): Promise<{ client: SupabaseClient; id: string }> {
	const email = `search-fault-${Date.now()}@groeistoot.test`;
	const password = 'groeistoot-test-wachtwoord';
	const admin = serviceClient(stack.apiUrl);
	const { data, error } = await admin.auth.admin.createUser({
		email,
		password,
		email_confirm: true
	});
	if (error || !data.user) throw error ?? new Error('no user');
	const client = anonClient(stack.apiUrl);
	const signIn = await client.auth.signInWithPassword({ email, password });
	if (signIn.error) throw signIn.error;
	return { client, id: data.user.id };
}

describe('with Meilisearch down', () => {
	it('keeps every write in the outbox and catches up exactly when it returns', async () => {
		const person = await signedIn();
		const api = person.client;
		const one = async <T>(
			promise: PromiseLike<{ data: T | null; error: { message: string } | null }>
		) => {
			const { data, error } = await promise;
			if (error) throw new Error(error.message);
			return data as T;
		};
		const academy = await one<{ id: string }>(
			api
				.from('organisations')
				.insert({
					kind: 'academy',
					name: 'Storingsacademie',
					slug: `storingsacademie-${Date.now()}`,
					municipality_nis: '44021'
				})
				.select('id')
				.single()
		);
		const company = await one<{ id: string }>(
			api
				.from('organisations')
				.insert({
					kind: 'company',
					name: 'Storingsbedrijf',
					slug: `storingsbedrijf-${Date.now()}`,
					municipality_nis: '11002'
				})
				.select('id')
				.single()
		);
		await settle(sync, query);
		expect(await documentOf(meili, 'organisations', academy.id)).not.toBeNull();

		await stopMeilisearch();
		expect(await meili.isHealthy()).toBe(false);

		// 200 rows and more, created, changed and deleted through the API while search is away.
		const activities = await one<{ id: string }[]>(
			api
				.from('activities')
				.insert(
					Array.from({ length: 100 }, (_, n) => ({
						organisation_id: academy.id,
						title: `Storingsactiviteit ${n}`,
						domains: ['techniek'],
						format: 'losse_activiteit',
						age_min: 8,
						age_max: 12,
						start_date: '2027-04-01',
						end_date: '2027-04-01',
						municipality_nis: '44021',
						status: n % 10 === 0 ? 'draft' : 'published'
					}))
				)
				.select('id')
		);
		const requests = await one<{ id: string }[]>(
			api
				.from('requests')
				.insert(
					Array.from({ length: 60 }, (_, n) => ({
						organisation_id: academy.id,
						kind: 'volunteers',
						title: `Storingsvraag ${n}`,
						people: 2,
						municipality_nis: '44021'
					}))
				)
				.select('id')
		);
		const offers = await one<{ id: string }[]>(
			api
				.from('offers')
				.insert(
					Array.from({ length: 40 }, (_, n) => ({
						organisation_id: company.id,
						kind: 'volunteers',
						title: `Storingsaanbod ${n}`,
						people: 3,
						radius_km: 20,
						municipality_nis: '11002'
					}))
				)
				.select('id')
		);
		expect(activities.length + requests.length + offers.length).toBe(200);

		const ids = (rows: { id: string }[], from: number, to: number) =>
			rows.slice(from, to).map((row) => row.id);
		for (const id of ids(activities, 1, 40)) {
			await one(
				api.from('activities').update({ title: 'Storingsactiviteit bijgewerkt' }).eq('id', id)
			);
		}
		await one(
			api
				.from('activities')
				.update({ status: 'cancelled' })
				.in('id', ids(activities, 41, 61))
		);
		await one(
			api
				.from('activities')
				.delete()
				.in('id', ids(activities, 0, 100))
				.eq('status', 'draft')
		);
		await one(
			api
				.from('requests')
				.update({ status: 'closed' })
				.in('id', ids(requests, 0, 15))
		);
		await one(
			api
				.from('requests')
				.delete()
				.in('id', ids(requests, 15, 30))
		);
		await one(
			api
				.from('offers')
				.update({ status: 'paused' })
				.in('id', ids(offers, 0, 10))
		);
		await one(
			api
				.from('offers')
				.delete()
				.in('id', ids(offers, 10, 20))
		);
		await one(
			api.from('organisations').update({ name: 'Storingsacademie Hernoemd' }).eq('id', academy.id)
		);

		// The worker tries, fails, and says why; nothing is lost.
		const attempt = await sync.runOnce();
		expect(attempt.claimed).toBeGreaterThan(0);
		expect(attempt.failed).toBe(attempt.claimed);
		const [waiting] = await query<{ waiting: number; failing: number; error: string }>(
			`select count(*)::int as waiting, count(*) filter (where attempts > 0)::int as failing,
			   max(last_error) as error
			 from public.search_outbox where processed_at is null`
		);
		expect(waiting!.waiting).toBeGreaterThanOrEqual(200);
		expect(waiting!.failing).toBeGreaterThan(0);
		expect(waiting!.error).toContain('unreachable');

		await startMeilisearch();
		await settle(sync, query);

		for (const index of INDEXES) {
			const expected = await databaseDocuments(stack, index);
			const actual = await indexDocuments(meili, index);
			expect(actual.length, index).toBe(expected.length);
			expect(actual, index).toEqual(expected);
			const { numberOfDocuments } = await meili.index(index).getStats();
			expect(numberOfDocuments, index).toBe(expected.length);
		}
		const [{ published } = { published: -1 }] = await query<{ published: number }>(
			`select count(*)::int as published from public.activities
			 where organisation_id = $1 and status = 'published'`,
			[academy.id]
		);
		expect(published).toBe(72);
		const renamed = await meili.index('activities').search(null, {
			filter: `organisation_id = "${academy.id}"`,
			limit: 0
		});
		expect(renamed.estimatedTotalHits).toBe(published);
		const titles = (await indexDocuments(meili, 'activities'))
			.filter((doc) => doc.organisation_id === academy.id)
			.map((doc) => doc.organisation_name);
		expect(new Set(titles)).toEqual(new Set(['Storingsacademie Hernoemd']));
	}, 240_000);
});
