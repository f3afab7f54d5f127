// @ts-check
// A cold start's database from a snapshot: the data directory of a cluster that was just bootstrapped,
// migrated and seeded (with the seed's storage files), copied into a cache folder after a clean shutdown
// and copied back on the next cold start instead of replaying ~100 migrations and the seed.
//
// A snapshot is named by a hash of everything that decides what it holds: the Postgres package and the
// initdb settings, the database password, bootstrap.sql, auth-schema.sql, the storage schema, the code
// that applies migrations and seeds, every file under supabase/migrations and supabase/seed, and today's
// date (the seed is written relative to now() and current_date, so a snapshot serves one calendar day:
// the seed's dates are as they would be on a stack created when the snapshot was made). Any change to one
// of them names another snapshot; a missing one is built after the normal start.
//
// The cache lives outside .local (so `stack:reset` keeps it): STACK_CACHE_DIR, by default
// node_modules/.cache/groeistoot-stack. STACK_SNAPSHOT=off starts without it. Entries are written to a
// temporary folder and renamed into place, so stacks that start at the same time never see half a copy.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Bumped when the layout of a snapshot or the way it is made changes. */
const format = 'groeistoot-stack-snapshot-1';
/** How many snapshots the cache keeps (other worktrees and branches may share it). */
const keep = 3;

/**
 * The files whose content decides the snapshot's data, relative to the project root, in a fixed order.
 * @param {string} root
 * @returns {string[]}
 */
export function snapshotInputs(root) {
	/** @param {string} dir @returns {string[]} */
	const filesUnder = (dir) => {
		const full = path.join(root, dir);
		if (!fs.existsSync(full)) return [];
		return fs
			.readdirSync(full, { withFileTypes: true })
			.flatMap((entry) => {
				const relative = path.posix.join(dir, entry.name);
				return entry.isDirectory() ? filesUnder(relative) : entry.isFile() ? [relative] : [];
			})
			.sort();
	};
	return [
		'stack/db/bootstrap.sql',
		'stack/db/auth-schema.sql',
		'stack/db/migrate.js',
		'stack/storage/schema.sql',
		'stack/storage/seed.js',
		...filesUnder('supabase/migrations'),
		...filesUnder('supabase/seed')
	];
}

/** The local calendar date, as Postgres's current_date sees it (initdb takes the system's time zone). */
export function localDate(now = new Date()) {
	const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * @param {{ root: string, postgres: string, initdbArgs: string[], password: string, date: string }} options
 *   postgres: the Postgres package and its version; initdbArgs: the cluster's initdb settings
 * @returns {string} a hex key naming the snapshot
 */
export function snapshotKey({ root, postgres, initdbArgs, password, date }) {
	const hash = crypto.createHash('sha256');
	/** @param {string | Buffer} part */
	const add = (part) => {
		const bytes = typeof part === 'string' ? Buffer.from(part) : part;
		hash.update(`${bytes.length}:`).update(bytes);
	};
	add(format);
	add(`${process.platform}-${process.arch}`);
	add(postgres);
	add(JSON.stringify(initdbArgs));
	add(crypto.createHash('sha256').update(password).digest('hex'));
	add(date);
	for (const file of snapshotInputs(root)) {
		add(file);
		const full = path.join(root, file);
		add(fs.existsSync(full) ? fs.readFileSync(full) : '(missing)');
	}
	return hash.digest('hex').slice(0, 32);
}

/** @param {string} root */
export function cacheDir(root) {
	return path.resolve(
		process.env.STACK_CACHE_DIR ?? path.join(root, 'node_modules', '.cache', 'groeistoot-stack')
	);
}

export const snapshotsEnabled = () => !/^(off|0|false|no)$/i.test(process.env.STACK_SNAPSHOT ?? '');

/**
 * Copies a folder with its modes and owners (`cp -a`: several times faster than fs.cpSync here).
 * @param {string} from @param {string} to
 */
async function copyTree(from, to) {
	await run('cp', ['-a', '--', from, to]);
}

/**
 * Copies the snapshot named key into the stack's folders, if the cache has it.
 * @param {{ cache: string, key: string, dataDir: string, storageDir: string, account: { uid?: number, gid?: number } }} options
 * @returns {Promise<boolean>} whether dataDir now holds the snapshot's cluster; false when the cache has no
 *   such snapshot or it could not be copied (say, evicted meanwhile): then the normal start builds the database
 */
export async function restoreSnapshot({ cache, key, dataDir, storageDir, account }) {
	const entry = path.join(cache, key);
	if (!fs.existsSync(path.join(entry, 'db', 'PG_VERSION'))) return false;
	fs.mkdirSync(path.dirname(dataDir), { recursive: true });
	const temporary = `${dataDir}.restoring-${process.pid}`;
	fs.rmSync(temporary, { recursive: true, force: true });
	try {
		await copyTree(path.join(entry, 'db'), temporary);
		const owner = fs.statSync(temporary);
		if (account.uid !== undefined && owner.uid !== account.uid) {
			await run('chown', ['-R', `${account.uid}:${account.gid ?? account.uid}`, '--', temporary]);
		}
		if (fs.existsSync(path.join(entry, 'storage'))) {
			fs.mkdirSync(storageDir, { recursive: true });
			await run('cp', ['-a', '--', `${path.join(entry, 'storage')}/.`, storageDir]);
		}
		fs.renameSync(temporary, dataDir);
	} catch {
		fs.rmSync(temporary, { recursive: true, force: true });
		return false;
	}
	try {
		// The newest-used snapshots are the ones eviction keeps.
		fs.utimesSync(entry, new Date(), new Date());
	} catch {
		// evicted meanwhile: our copy is whole all the same
	}
	return true;
}

/**
 * Stores a stopped cluster (and the storage files of the seed) as the snapshot named key, then drops
 * all but the newest few snapshots.
 * @param {{ cache: string, key: string, dataDir: string, storageDir: string }} options
 */
export async function saveSnapshot({ cache, key, dataDir, storageDir }) {
	const entry = path.join(cache, key);
	if (fs.existsSync(entry)) return;
	fs.mkdirSync(cache, { recursive: true });
	const temporary = path.join(cache, `.${key}.${process.pid}.tmp`);
	fs.rmSync(temporary, { recursive: true, force: true });
	fs.mkdirSync(temporary);
	try {
		await copyTree(dataDir, path.join(temporary, 'db'));
		// Not part of a cluster at rest; Postgres removes it on a clean shutdown anyway.
		fs.rmSync(path.join(temporary, 'db', 'postmaster.pid'), { force: true });
		if (fs.existsSync(storageDir)) await copyTree(storageDir, path.join(temporary, 'storage'));
		fs.writeFileSync(
			path.join(temporary, 'snapshot.json'),
			JSON.stringify({ key, made: new Date().toISOString(), format })
		);
		fs.renameSync(temporary, entry);
	} catch (error) {
		fs.rmSync(temporary, { recursive: true, force: true });
		// Another stack stored the same snapshot first.
		if (fs.existsSync(entry)) return;
		throw error;
	}
	evict(cache);
}

/**
 * Keeps the newest snapshots and drops the rest; a removal is a rename first, so a stack copying an entry
 * sees it whole or not at all. Leftover temporary folders older than an hour go too.
 * @param {string} cache
 */
function evict(cache) {
	const entries = fs
		.readdirSync(cache, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => ({
			name: entry.name,
			mtime: fs.statSync(path.join(cache, entry.name)).mtimeMs
		}));
	const snapshots = entries
		.filter((entry) => /^[0-9a-f]{32}$/.test(entry.name))
		.sort((a, b) => b.mtime - a.mtime);
	const stale = [
		...snapshots.slice(keep),
		...entries.filter(
			(entry) => entry.name.endsWith('.tmp') && entry.mtime < Date.now() - 3_600_000
		)
	];
	for (const { name } of stale) {
		const doomed = path.join(cache, `.${name}.${process.pid}.removing.tmp`);
		try {
			fs.renameSync(path.join(cache, name), doomed);
			fs.rmSync(doomed, { recursive: true, force: true });
		} catch {
			// another stack removed it first
		}
	}
}
