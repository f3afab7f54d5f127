// @ts-check
// Brings a database to the project's schema the way the Supabase CLI does: the platform bootstrap
// once, then every file in supabase/migrations in order, each recorded in
// supabase_migrations.schema_migrations (the CLI's own table, so `supabase db push` agrees), then the seed
// (SQL files, then the files under supabase/seed/storage into their buckets).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { databaseUrl, dbPassword, root } from '../config.js';
import { seedStorage } from '../storage/seed.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const migrationsDir = path.join(root, 'supabase', 'migrations');
const seedDir = path.join(root, 'supabase', 'seed');
const migrationName = /^(\d{14})_(.+)\.sql$/;

/** @returns {{ version: string, name: string, file: string }[]} */
export function migrationFiles() {
	if (!fs.existsSync(migrationsDir)) return [];
	return fs
		.readdirSync(migrationsDir)
		.map((file) => ({ file, match: migrationName.exec(file) }))
		.filter((entry) => entry.match !== null)
		.map(({ file, match }) => ({
			version: /** @type {RegExpExecArray} */ (match)[1],
			name: /** @type {RegExpExecArray} */ (match)[2],
			file: path.join(migrationsDir, file)
		}))
		.sort((a, b) => a.version.localeCompare(b.version));
}

export function seedFiles() {
	if (!fs.existsSync(seedDir)) return [];
	return fs
		.readdirSync(seedDir)
		.filter((file) => file.endsWith('.sql'))
		.sort()
		.map((file) => path.join(seedDir, file));
}

/** @param {pg.Client} client @param {string} file */
async function runFile(client, file) {
	try {
		await client.query(fs.readFileSync(file, 'utf8'));
	} catch (error) {
		const { message, position } = /** @type {Error & { position?: string }} */ (error);
		throw new Error(
			`${path.relative(root, file)}: ${message}${position ? ` (at character ${position})` : ''}`,
			{
				cause: error
			}
		);
	}
}

/** Roles the stack's services log in with share the database password in local use. */
async function setServicePasswords(/** @type {pg.Client} */ client) {
	const literal = `'${dbPassword.replaceAll("'", "''")}'`;
	for (const role of ['authenticator', 'supabase_auth_admin', 'supabase_admin']) {
		await client.query(`alter role ${role} with password ${literal}`);
	}
}

/**
 * @param {{ fresh: boolean, seed?: boolean, log?: (line: string) => void }} options
 * @returns {Promise<{ applied: string[] }>}
 */
export async function migrate({ fresh, seed = fresh, log = () => {} }) {
	const client = new pg.Client({ connectionString: databaseUrl });
	await client.connect();
	try {
		await client.query('set client_min_messages = warning');
		if (fresh) {
			await runFile(client, path.join(here, 'bootstrap.sql'));
			await setServicePasswords(client);
			await runFile(client, path.join(here, 'auth-schema.sql'));
		}
		// Idempotent, and run on every start so that a database made before the storage service gains it.
		await runFile(client, path.join(here, '..', 'storage', 'schema.sql'));
		await client.query(`
			create schema if not exists supabase_migrations;
			create table if not exists supabase_migrations.schema_migrations (version text primary key);
			alter table supabase_migrations.schema_migrations
				add column if not exists statements text[],
				add column if not exists name text;
		`);
		const { rows } = await client.query(
			'select version from supabase_migrations.schema_migrations'
		);
		const done = new Set(rows.map((row) => row.version));
		/** @type {string[]} */
		const applied = [];
		for (const migration of migrationFiles().filter((m) => !done.has(m.version))) {
			await client.query('begin');
			try {
				await runFile(client, migration.file);
				await client.query(
					'insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)',
					[migration.version, migration.name, [fs.readFileSync(migration.file, 'utf8')]]
				);
				await client.query('commit');
			} catch (error) {
				await client.query('rollback');
				throw error;
			}
			applied.push(`${migration.version}_${migration.name}`);
			log(`applied migration ${migration.version}_${migration.name}`);
		}
		if (seed) {
			// The same files, in the same order, as config.toml's [db.seed] sql_paths = ["./seed/*.sql"].
			for (const file of seedFiles()) {
				await runFile(client, file);
				log(`loaded ${path.relative(root, file)}`);
			}
			const stored = await seedStorage(client);
			if (stored > 0) log(`stored ${stored} seed files from supabase/seed/storage`);
		}
		if (applied.length > 0) await client.query(`notify pgrst, 'reload schema'`);
		return { applied };
	} finally {
		await client.end();
	}
}
