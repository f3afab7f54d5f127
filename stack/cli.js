#!/usr/bin/env node
// @ts-check
// `npm run stack:<start|stop|status|reset|env>`: the Docker-free local Supabase + Meilisearch stack.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	anonKey,
	apiUrl,
	databaseUrl,
	host,
	localDir,
	mailboxUrl,
	meiliMasterKey,
	meiliUrl,
	ports,
	serviceRoleKey
} from './config.js';
import {
	logDir,
	logFile,
	runDir,
	runningPid,
	sleep,
	startDetached,
	stopPart
} from './processes.js';

const stateFile = path.join(runDir, 'state.json');
const supervisorScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'supervisor.js');
const parts = ['postgres', 'postgrest', 'meilisearch'];
const portNames = /** @type {const} */ ({
	gateway: 'STACK_API_PORT',
	postgres: 'STACK_DB_PORT',
	mailboxHttp: 'STACK_MAILBOX_PORT',
	mailboxSmtp: 'STACK_SMTP_PORT',
	postgrest: 'STACK_POSTGREST_PORT',
	postgrestAdmin: 'STACK_POSTGREST_ADMIN_PORT',
	meilisearch: 'STACK_MEILI_PORT'
});

/** @returns {{ status?: string, error?: string, pid?: number, readyMs?: number, phases?: Array<[string, number]> }} */
function readState() {
	try {
		return JSON.parse(fs.readFileSync(stateFile, 'utf8'));
	} catch {
		return {};
	}
}

/** @param {number} port */
function portInUse(port) {
	return new Promise((resolve) => {
		const socket = net.connect({ host, port });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

function isRunning() {
	return runningPid('supervisor') !== undefined && readState().status === 'running';
}

async function start() {
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		fail(
			`the local stack's binaries are built for linux-x64, this is ${process.platform}-${process.arch}: use \`supabase start\` and a Meilisearch server instead (see README)`
		);
	}
	if (isRunning()) {
		console.log(`The local stack already runs (API ${apiUrl}).`);
		return;
	}
	// Leftovers of a supervisor that was killed: stop them before starting afresh.
	await stopEverything();
	for (const [name, variable] of Object.entries(portNames)) {
		const port = ports[/** @type {keyof typeof ports} */ (name)];
		if (await portInUse(port)) {
			fail(
				`port ${port} (${name}) is already in use by another program: stop it, or choose another port with ${variable}=…`
			);
		}
	}
	fs.mkdirSync(logDir, { recursive: true });
	const began = Date.now();
	startDetached('supervisor', process.execPath, [supervisorScript]);
	for (;;) {
		await sleep(50);
		const state = readState();
		if (state.status === 'running') {
			if (process.env.STACK_TIMING) printPhases(state.phases ?? []);
			break;
		}
		if (state.status === 'failed') {
			fail(
				`the local stack did not start: ${state.error} (logs in ${path.relative(process.cwd(), logDir)}/)`
			);
		}
		if (runningPid('supervisor') === undefined) {
			fail(
				`the local stack's supervisor stopped while starting: see ${path.relative(process.cwd(), logFile('supervisor'))}`
			);
		}
		if (Date.now() - began > 90_000) {
			await stopEverything();
			fail(
				`the local stack did not become ready within 90 s: see ${path.relative(process.cwd(), logDir)}/`
			);
		}
	}
	console.log(`Local stack ready in ${((Date.now() - began) / 1000).toFixed(1)} s.`);
	printEnvironment();
}

/**
 * The supervisor's steps (STACK_TIMING=1): when each ended, in ms since its process began, and how long it took.
 * @param {Array<[string, number]>} phases
 */
function printPhases(phases) {
	let previous = 0;
	for (const [name, at] of phases) {
		console.log(
			`  ${String(at).padStart(6)} ms  +${String(at - previous).padStart(5)} ms  ${name}`
		);
		previous = at;
	}
}

async function stopEverything() {
	const supervisor = runningPid('supervisor');
	const stopped = [];
	if (supervisor !== undefined && (await stopPart('supervisor'))) stopped.push('supervisor');
	for (const part of parts)
		if (await stopPart(part, part === 'postgres' ? 'SIGINT' : 'SIGTERM')) stopped.push(part);
	fs.rmSync(stateFile, { force: true });
	return stopped;
}

// Applies migrations added since the stack started (and asks PostgREST to reload its schema cache),
// without a restart: `npm run stack:migrate`.
async function migrateRunning() {
	if (!isRunning())
		fail('the local stack does not run: `npm run stack:start` applies every migration');
	const { migrate } = await import('./db/migrate.js');
	const { applied } = await migrate({ fresh: false });
	console.log(
		applied.length > 0 ? `Applied ${applied.join(', ')}.` : 'No migration left to apply.'
	);
}

async function stop() {
	const stopped = await stopEverything();
	console.log(
		stopped.length > 0
			? `Stopped the local stack (${stopped.join(', ')}).`
			: 'The local stack was not running.'
	);
}

async function status() {
	const state = readState();
	const rows = ['supervisor', ...parts].map((name) => {
		const pid = runningPid(name);
		return `  ${name.padEnd(12)} ${pid === undefined ? 'stopped' : `running (pid ${pid})`}`;
	});
	const running = isRunning();
	console.log(
		running
			? `The local stack runs (API ${apiUrl}).`
			: `The local stack is not running${state.status && state.status !== 'running' ? ` (${state.status}${state.error ? `: ${state.error}` : ''})` : ''}.`
	);
	console.log(rows.join('\n'));
	if (running) printEnvironment();
	process.exitCode = running ? 0 : 3;
}

async function reset() {
	await stopEverything();
	fs.rmSync(localDir, { recursive: true, force: true });
	console.log(`Removed ${path.relative(process.cwd(), localDir) || localDir}/.`);
	await start();
}

function printEnvironment() {
	console.log(
		[
			`  API (gateway)   ${apiUrl}   (/rest/v1, /auth/v1)`,
			`  Postgres        ${databaseUrl}`,
			`  Meilisearch     ${meiliUrl}`,
			`  Mailbox         ${mailboxUrl}`,
			`  anon key        ${anonKey}`,
			`  service_role    ${serviceRoleKey}`,
			`  meili key       ${meiliMasterKey}`
		].join('\n')
	);
}

/** @param {string} message @returns {never} */
function fail(message) {
	console.error(`stack: ${message}`);
	process.exit(1);
}

const commands = { start, stop, status, reset, migrate: migrateRunning };
const command = /** @type {keyof typeof commands} */ (process.argv[2]);
if (!(command in commands)) fail(`usage: node stack/cli.js ${Object.keys(commands).join('|')}`);
commands[command]().catch((error) => fail(error instanceof Error ? error.message : String(error)));
