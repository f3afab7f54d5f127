// @ts-check
// Brings a database to the project's schema the way the Supabase CLI does: the platform bootstrap
// once, then every file in supabase/migrations in order, each recorded in
// supabase_migrations.schema_migrations (the CLI's own table, so `supabase db push` agrees), then the seed
// (SQL files, then the files under supabase/seed/storage into their buckets).
import crypto from 'node:crypto';
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
const storageSchemaFile = path.join(here, '..', 'storage', 'schema.sql');

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
 * The storage schema's comment names the schema.sql it was made from, so a start whose schema.sql did
 * not change runs no DDL (each DDL statement makes PostgREST reload its schema cache).
 */
function storageSchemaComment() {
	const sha = crypto.createHash('sha256').update(fs.readFileSync(storageSchemaFile)).digest('hex');
	return `Supabase Storage, as stack/storage/schema.sql (sha256 ${sha}) makes it`;
}

/**
 * What migrate() has left to do on an existing database.
 * @param {pg.Client} client
 * @returns {Promise<{ storageSchema: boolean, migrationsTable: boolean, migrations: ReturnType<typeof migrationFiles> }>}
 */
async function pendingWork(client) {
	const { rows } = await client.query(
		`select obj_description(to_regnamespace('storage'), 'pg_namespace') as storage,
		        (select count(*)::int from information_schema.columns
		          where table_schema = 'supabase_migrations' and table_name = 'schema_migrations'
		            and column_name in ('version', 'statements', 'name')) as columns`
	);
	const migrationsTable = rows[0].columns !== 3;
	/** @type {Set<string>} */
	let done = new Set();
	if (rows[0].columns > 0) {
		const applied = await client.query('select version from supabase_migrations.schema_migrations');
		done = new Set(applied.rows.map((row) => row.version));
	}
	return {
		storageSchema: rows[0].storage !== storageSchemaComment(),
		migrationsTable,
		migrations: migrationFiles().filter((m) => !done.has(m.version))
	};
}

/**
 * @param {{ fresh: boolean, seed?: boolean, log?: (line: string) => void, onCurrent?: () => void }} options
 *   onCurrent: called as soon as it is clear that an existing database needs nothing (the supervisor then
 *   starts PostgREST without waiting)
 * @returns {Promise<{ applied: string[] }>}
 */
export async function migrate({ fresh, seed = fresh, log = () => {}, onCurrent }) {
	const client = new pg.Client({ connectionString: databaseUrl });
	await client.connect();
	try {
		await client.query('set client_min_messages = warning');
		if (fresh) {
			await runFile(client, path.join(here, 'bootstrap.sql'));
			await setServicePasswords(client);
			await runFile(client, path.join(here, 'auth-schema.sql'));
		}
		const work = fresh
			? { storageSchema: true, migrationsTable: true, migrations: migrationFiles() }
			: await pendingWork(client);
		if (!seed && !work.storageSchema && !work.migrationsTable && work.migrations.length === 0) {
			onCurrent?.();
			return { applied: [] };
		}
		// Idempotent, so that a database made before the storage service (or before a change to it) gains it.
		if (work.storageSchema) {
			await runFile(client, storageSchemaFile);
			await client.query(`comment on schema storage is '${storageSchemaComment()}'`);
		}
		if (work.migrationsTable) {
			await client.query(`
				create schema if not exists supabase_migrations;
				create table if not exists supabase_migrations.schema_migrations (version text primary key);
				alter table supabase_migrations.schema_migrations
					add column if not exists statements text[],
					add column if not exists name text;
			`);
		}
		/** @type {string[]} */
		const applied = [];
		for (const migration of work.migrations) {
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
