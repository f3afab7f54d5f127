// Cold starts from the database snapshot, on a private copy of the stack (own folder, cache and ports): the
// first cold start saves the migrated and seeded cluster under the key of the files that made it,
// `stack:reset` (which wipes .local) restores it with the same data, and a new migration names another key.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { anonKey, root } from '../../../stack/config.js';
import {
	localDate,
	restoreSnapshot,
	snapshotInputs,
	snapshotKey
} from '../../../stack/db/snapshot.js';
import { initdbSettings, postgresPackage } from '../../../stack/parts/postgres.js';

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groeistoot-snapshot-'));
const cache = path.join(dir, 'cache');
const local = path.join(dir, '.local');
const env = {
	...process.env,
	STACK_LOCAL_DIR: local,
	STACK_CACHE_DIR: cache,
	STACK_SNAPSHOT: '',
	STACK_DB_PASSWORD: 'postgres',
	STACK_API_PORT: '26421',
	STACK_DB_PORT: '26422',
	STACK_MAILBOX_PORT: '26424',
	STACK_SMTP_PORT: '26425',
	STACK_POSTGREST_PORT: '26430',
	STACK_POSTGREST_ADMIN_PORT: '26431',
	STACK_MEILI_PORT: '26800'
};
const supervisorLog = () => fs.readFileSync(path.join(local, 'logs', 'supervisor.log'), 'utf8');
const keyFor = (projectRoot: string) =>
	snapshotKey({
		root: projectRoot,
		postgres: postgresPackage(),
		initdbArgs: initdbSettings,
		password: 'postgres',
		date: localDate()
	});

async function stack(command: string) {
	const { stdout } = await run('node', ['stack/cli.js', command], { env });
	return stdout;
}

/** What the database holds: applied migrations, seed accounts and organisations, stored objects. */
async function contents() {
	const client = new pg.Client({
		connectionString: `postgresql://postgres:postgres@127.0.0.1:${env.STACK_DB_PORT}/postgres`
	});
	await client.connect();
	try {
		const { rows } = await client.query(`select
			(select count(*)::int from supabase_migrations.schema_migrations) as migrations,
			(select count(*)::int from auth.users) as users,
			(select count(*)::int from public.organisations) as organisations,
			(select count(*)::int from storage.objects) as objects`);
		return rows[0];
	} finally {
		await client.end();
	}
}

describe('database snapshot', () => {
	afterAll(async () => {
		await stack('stop').catch(() => {});
		fs.rmSync(dir, { recursive: true, force: true });
	}, 30_000);

	it('is saved by the first cold start and restored, with the same data, after stack:reset', async () => {
		const key = keyFor(root);
		await stack('start');
		expect(supervisorLog()).toContain(`saved the new database as snapshot ${key}`);
		expect(fs.readdirSync(cache)).toEqual([key]);
		const built = await contents();
		const migrationCount = fs
			.readdirSync(path.join(root, 'supabase/migrations'))
			.filter((file) => /^\d{14}_.+\.sql$/.test(file)).length;
		expect(built.migrations).toBe(migrationCount);
		expect(built.users).toBeGreaterThan(0);
		expect(built.organisations).toBeGreaterThan(0);
		expect(built.objects).toBeGreaterThan(0);
		const storedFiles = fs.readdirSync(path.join(local, 'storage')).sort();

		await stack('reset');
		expect(supervisorLog()).toContain(`restored the database from snapshot ${key}`);
		expect(await contents()).toEqual(built);
		expect(fs.readdirSync(path.join(local, 'storage')).sort()).toEqual(storedFiles);
		const rest = await fetch(
			`http://127.0.0.1:${env.STACK_API_PORT}/rest/v1/organisations?select=id&limit=1`,
			{ headers: { apikey: anonKey } }
		);
		expect(rest.status).toBe(200);
	}, 240_000);

	it('is not used once a migration is added: the new files name another snapshot', async () => {
		const copy = path.join(dir, 'project');
		for (const file of snapshotInputs(root)) {
			fs.mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
			fs.copyFileSync(path.join(root, file), path.join(copy, file));
		}
		expect(keyFor(copy)).toBe(keyFor(root));
		fs.writeFileSync(
			path.join(copy, 'supabase/migrations/29991231235959_added_later.sql'),
			'create table public.added_later (id int primary key);\n'
		);
		const changed = keyFor(copy);
		expect(changed).not.toBe(keyFor(root));
		const target = path.join(dir, 'restore-check');
		const restored = await restoreSnapshot({
			cache,
			key: changed,
			dataDir: path.join(target, 'db'),
			storageDir: path.join(target, 'storage'),
			account: {}
		});
		expect(restored).toBe(false);
		expect(fs.existsSync(path.join(target, 'db'))).toBe(false);
	}, 60_000);
});
