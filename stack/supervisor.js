// @ts-check
// The stack's one long-running Node process: starts Postgres, PostgREST and Meilisearch as
// detached parts (pid files in .local/run), serves the gateway, the auth and storage services and the
// mailbox itself, restarts a part that dies, and stops everything on SIGTERM. `stack/cli.js` launches it.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {
	apiUrl,
	anonKey,
	databaseUrl,
	dbPassword,
	host,
	jwtKeys,
	jwtSecret,
	localDir,
	ports,
	root,
	serviceRoleKey,
	siteUrl,
	storageDir
} from './config.js';
import { jwtKeySet, verificationJwks } from './auth/jwt.js';
import * as snapshot from './db/snapshot.js';
import { createGateway } from './gateway.js';
import { startMeilisearch, stopMeilisearch, waitForMeilisearch } from './parts/meilisearch.js';
import {
	clusterExists,
	dataDir,
	initdbSettings,
	launchPostgres,
	postgresAccount,
	postgresPackage,
	startPostgres,
	stopPostgres,
	waitForPostgres
} from './parts/postgres.js';
import { startPostgrest, stopPostgrest, waitForPostgrest } from './parts/postgrest.js';
import { runDir, runningPid, sleep } from './processes.js';

export const stateFile = path.join(runDir, 'state.json');

/** @param {Record<string, unknown>} state */
function writeState(state) {
	fs.mkdirSync(runDir, { recursive: true });
	const temporary = `${stateFile}.${process.pid}`;
	fs.writeFileSync(temporary, JSON.stringify({ pid: process.pid, ...state }));
	fs.renameSync(temporary, stateFile);
}

/** @param {string} line */
const log = (line) => console.log(`${new Date().toISOString()} ${line}`);

/**
 * The auth service's settings for local use, in GoTrue's own variable names; the environment wins.
 * They are a hosted project's: addresses confirmed by mail, the current password asked for a new one,
 * and GoTrue's default per-IP limits, counted against the client address in X-Forwarded-For, which the
 * gateway fills in (see forwardedFor in gateway.js).
 */
function localAuthEnvironment() {
	return {
		GOTRUE_JWT_SECRET: jwtSecret,
		// Access tokens signed with the stack's asymmetric key (kid in the header, public half at
		// /auth/v1/.well-known/jwks.json); HS256 stays valid for the anon and service_role keys.
		GOTRUE_JWT_KEYS: jwtKeys,
		GOTRUE_JWT_VALID_METHODS: [
			...new Set(['HS256', ...jwtKeySet({ secret: jwtSecret, keys: jwtKeys }).validMethods])
		].join(','),
		GOTRUE_JWT_EXP: '3600',
		GOTRUE_MAILER_AUTOCONFIRM: 'false',
		GOTRUE_SECURITY_UPDATE_PASSWORD_REQUIRE_CURRENT_PASSWORD: 'true',
		GOTRUE_SITE_URL: siteUrl,
		GOTRUE_URI_ALLOW_LIST: 'http://127.0.0.1:*/**,http://localhost:*/**',
		GOTRUE_PASSWORD_MIN_LENGTH: '8',
		DATABASE_URL: `postgres://supabase_auth_admin:${encodeURIComponent(dbPassword)}@${host}:${ports.postgres}/postgres`,
		API_EXTERNAL_URL: apiUrl,
		GOTRUE_SMTP_HOST: host,
		GOTRUE_SMTP_PORT: String(ports.mailboxSmtp),
		GOTRUE_SMTP_ADMIN_EMAIL: 'noreply@groeistoot.test',
		GOTRUE_SMTP_SENDER_NAME: 'Groeistoot',
		GOTRUE_SMTP_MAX_FREQUENCY: '1s',
		GOTRUE_RATE_LIMIT_HEADER: 'X-Forwarded-For',
		// Per client address and 5 minutes, GoTrue's defaults (GOTRUE_RATE_LIMIT_OTP for sign-ups).
		GOTRUE_RATE_LIMIT_SIGN_IN_SIGN_UPS: '30',
		GOTRUE_RATE_LIMIT_TOKEN_REFRESH: '150',
		GOTRUE_RATE_LIMIT_VERIFY: '30',
		// For the whole service and per hour: room for a deployment with its own SMTP server (GoTrue's
		// default of 30 suits only its built-in test mailer); each address gets at most one mail per
		// GOTRUE_SMTP_MAX_FREQUENCY.
		GOTRUE_RATE_LIMIT_EMAIL_SENT: '1000',
		...process.env
	};
}

/** @type {Array<{ name: string, start: () => void | Promise<unknown>, ready: () => Promise<unknown> }>} */
const watched = [];
let stopping = false;
let discardDatabase = false;
/** @type {string | undefined} a snapshot this start restored, until the stack runs on it */
let unprovenSnapshot;
/** @type {Array<() => Promise<unknown> | void>} */
const closers = [];

async function stopAll() {
	stopping = true;
	for (const close of closers.reverse()) {
		try {
			await close();
		} catch (error) {
			log(`while stopping: ${error}`);
		}
	}
	await Promise.all([stopPostgrest(), stopMeilisearch()]);
	await stopPostgres();
}

/**
 * Holds a port until its owner binds it. Our ports sit in Linux's ephemeral range, so an outgoing
 * connection made while starting (to Postgres, say) could otherwise take one as its local port and
 * leave it in TIME_WAIT, where a later listen() fails with EADDRINUSE.
 * @param {number} port
 * @returns {Promise<() => Promise<void>>} releases the port
 */
async function reservePort(port) {
	const server = net.createServer();
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve(undefined));
	});
	return () => new Promise((resolve) => server.close(() => resolve()));
}

/** @param {import('node:net').Server} server @param {number} port */
function listen(server, port) {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve(undefined));
	});
}

/**
 * When each step of the start ended, in ms since the supervisor's process began (STACK_TIMING=1 prints them with
 * `stack:start`; the bench reads them too).
 * @type {Array<[string, number]>}
 */
const phases = [];
/** @param {string} name */
const mark = (name) => phases.push([name, Math.round(Date.now() - performance.timeOrigin)]);
mark('node, modules');

/**
 * Readies .local/db before Postgres starts: on a cold start (no cluster yet), the snapshot of a migrated and
 * seeded cluster when the cache has one for exactly these files (see stack/db/snapshot.js).
 * @returns {Promise<{ key?: string, restored: boolean }>} key: the snapshot a cold start uses or builds
 */
async function prepareDatabase() {
	if (clusterExists() || !snapshot.snapshotsEnabled()) return { restored: false };
	const key = snapshot.snapshotKey({
		root,
		postgres: postgresPackage(),
		initdbArgs: initdbSettings,
		password: dbPassword,
		date: snapshot.localDate()
	});
	const restored = await snapshot.restoreSnapshot({
		cache: snapshot.cacheDir(root),
		key,
		dataDir,
		storageDir,
		account: postgresAccount()
	});
	return { key, restored };
}

/**
 * After a cold start that built its database: Postgres stops cleanly, the cluster and the seed's storage
 * files are copied to the cache, and Postgres starts again. A cache that cannot be written costs only the
 * next cold start's speed.
 * @param {string} key
 */
async function saveDatabaseSnapshot(key) {
	await stopPostgres();
	try {
		await snapshot.saveSnapshot({ cache: snapshot.cacheDir(root), key, dataDir, storageDir });
		log(`saved the new database as snapshot ${key} in ${snapshot.cacheDir(root)}`);
	} catch (error) {
		log(`could not save the database snapshot: ${error}`);
	}
	await launchPostgres();
	await waitForPostgres();
}

async function main() {
	const started = Date.now();
	writeState({ status: 'starting' });

	// Postgres and Meilisearch start first. Then everything that listens is bound, before the first
	// outgoing connection (see reservePort), and the modules for the rest load while Postgres starts up.
	const launched = prepareDatabase().then(async (database) => ({
		...database,
		...(await launchPostgres())
	}));
	startMeilisearch();
	launched.catch(() => {}); // a failed launch is reported where it is awaited

	const { startMailbox } = await import('./mailbox/index.js');
	const mailbox = await startMailbox({
		host,
		smtpPort: ports.mailboxSmtp,
		httpPort: ports.mailboxHttp,
		dir: path.join(localDir, 'mailbox')
	});
	closers.push(() => mailbox.close());
	/** @type {((req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void) | undefined} */
	let authHandler;
	/** @type {((req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void) | undefined} */
	let storageHandler;
	const gateway = createGateway({
		authHandler: (req, res) => {
			if (authHandler) return authHandler(req, res);
			res.writeHead(503, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ message: 'the auth service is starting' }));
		},
		storageHandler: (req, res) => {
			if (storageHandler) return storageHandler(req, res);
			res.writeHead(503, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ message: 'the storage service is starting' }));
		},
		postgrest: { host, port: ports.postgrest },
		apiKeys: [anonKey, serviceRoleKey]
	});
	await listen(gateway, ports.gateway);
	closers.push(() => new Promise((resolve) => gateway.close(() => resolve(undefined))));
	const releasePostgrestPorts = await Promise.all([
		reservePort(ports.postgrest),
		reservePort(ports.postgrestAdmin)
	]);
	mark('gateway, mailbox');
	// Loading while Postgres starts (the auth and storage services' modules once PostgREST starts).
	const migrateModule = import('./db/migrate.js');
	migrateModule.catch(() => {});

	const { fresh, key, restored } = await launched;
	if (restored) unprovenSnapshot = key;
	await waitForPostgres();
	mark(restored ? 'snapshot copied, postgres' : fresh ? 'initdb, postgres' : 'postgres');
	log(
		restored
			? `restored the database from snapshot ${key}`
			: fresh
				? 'created a new database cluster'
				: 'reusing the database in .local/db'
	);
	const { migrate } = await migrateModule;
	let postgrestStarted = false;
	const launchPostgrest = async () => {
		if (postgrestStarted) return;
		postgrestStarted = true;
		await Promise.all(releasePostgrestPorts.map((release) => release()));
		startPostgrest();
	};
	/** @type {Promise<void> | undefined} */
	let earlyPostgrest;
	try {
		// On a database that needs nothing, PostgREST starts (and loads its schema cache) at once.
		await migrate({ fresh, log, onCurrent: () => void (earlyPostgrest = launchPostgrest()) });
	} catch (error) {
		// A half-bootstrapped cluster would look complete on the next start: begin again from scratch.
		if (fresh) discardDatabase = true;
		throw error;
	}
	mark(fresh ? 'bootstrap, migrations, seed' : 'migrations');
	if (fresh && key !== undefined) {
		await saveDatabaseSnapshot(key);
		mark('snapshot saved');
	}
	await (earlyPostgrest ?? launchPostgrest());
	const modules = { auth: import('./auth/server.js'), storage: import('./storage/server.js') };

	const { createAuthHandler, authOptionsFromEnv } = await modules.auth;
	const auth = createAuthHandler(authOptionsFromEnv(localAuthEnvironment()));
	closers.push(() => auth.close());
	authHandler = auth;

	const { createStorageHandler } = await modules.storage;
	const storage = createStorageHandler({
		databaseUrl,
		jwtSecret,
		jwks: verificationJwks(jwtKeys, jwtSecret),
		dir: storageDir,
		log
	});
	closers.push(() => storage.close());
	storageHandler = storage;

	mark('auth, storage');
	await Promise.all([
		waitForPostgrest().then(() => mark('postgrest ready')),
		waitForMeilisearch().then(() => mark('meilisearch ready'))
	]);
	watched.push(
		{ name: 'postgrest', start: startPostgrest, ready: waitForPostgrest },
		{ name: 'meilisearch', start: startMeilisearch, ready: waitForMeilisearch },
		{ name: 'postgres', start: () => startPostgres(), ready: async () => true }
	);
	writeState({
		status: 'running',
		readyMs: Date.now() - started,
		fresh,
		snapshot: restored ? 'restored' : fresh && key !== undefined ? 'saved' : undefined,
		phases
	});
	unprovenSnapshot = undefined;
	log(`stack ready in ${Date.now() - started} ms`);
	void watch();
}

/** Restarts a part that died (a crash, an OOM kill), at most a few times in a row. */
async function watch() {
	/** @type {Record<string, number>} */
	const restarts = {};
	while (!stopping) {
		await sleep(2000);
		for (const part of watched) {
			if (stopping || runningPid(part.name) !== undefined) continue;
			restarts[part.name] = (restarts[part.name] ?? 0) + 1;
			if (restarts[part.name] > 3) {
				writeState({
					status: 'degraded',
					error: `${part.name} keeps stopping: see .local/logs/${part.name}.log`
				});
				continue;
			}
			log(`${part.name} stopped unexpectedly: restarting it`);
			try {
				await part.start();
				await part.ready();
			} catch (error) {
				log(`could not restart ${part.name}: ${error}`);
			}
		}
	}
}

for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT'])) {
	process.on(signal, () => {
		if (stopping) return;
		log(`received ${signal}: stopping the stack`);
		void stopAll().finally(() => {
			fs.rmSync(stateFile, { force: true });
			process.exit(0);
		});
	});
}

main().catch(async (error) => {
	const message = error instanceof Error ? error.message : String(error);
	log(`failed: ${error instanceof Error ? error.stack : error}`);
	writeState({ status: 'failed', error: message });
	await stopAll();
	if (unprovenSnapshot !== undefined) {
		// A stack that does not start on a restored snapshot must not get it again on the next cold start.
		fs.rmSync(path.join(snapshot.cacheDir(root), unprovenSnapshot), {
			recursive: true,
			force: true
		});
		discardDatabase = true;
	}
	if (discardDatabase) fs.rmSync(dataDir, { recursive: true, force: true });
	process.exit(1);
});
