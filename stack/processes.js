// @ts-check
// Pid files and process groups: how the stack finds and stops what it started, even after the
// supervisor that started it was killed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { localDir } from './config.js';

export const runDir = path.join(localDir, 'run');
export const logDir = path.join(localDir, 'logs');

/** @param {string} name */
export const pidFile = (name) => path.join(runDir, `${name}.pid`);
/** @param {string} name */
export const logFile = (name) => path.join(logDir, `${name}.log`);

/** @param {number} pid */
export function isAlive(pid) {
	try {
		process.kill(pid, 0);
	} catch (error) {
		if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EPERM') return false;
	}
	// A killed process whose parent has not reaped it yet is gone for our purposes.
	return !isZombie(pid);
}

/** The command line of a live process, to make sure a pid was not reused by something else. */
function commandLine(/** @type {number} */ pid) {
	try {
		return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
	} catch {
		return '';
	}
}

/**
 * The recorded pid of a part, if that process still runs the program it was started with.
 * @param {string} name
 * @returns {number | undefined}
 */
export function runningPid(name) {
	let record;
	try {
		record = JSON.parse(fs.readFileSync(pidFile(name), 'utf8'));
	} catch {
		return undefined;
	}
	if (!isAlive(record.pid)) return undefined;
	return commandLine(record.pid).includes(record.program) ? record.pid : undefined;
}

/**
 * Starts a long-running part in its own process group, its output appended to .local/logs.
 * @param {string} name
 * @param {string} program
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, uid?: number, gid?: number, cwd?: string }} [options]
 */
export function startDetached(name, program, args, options = {}) {
	fs.mkdirSync(runDir, { recursive: true });
	fs.mkdirSync(logDir, { recursive: true });
	const log = fs.openSync(logFile(name), 'a');
	const child = spawn(program, args, {
		detached: true,
		stdio: ['ignore', log, log],
		env: options.env ?? process.env,
		cwd: options.cwd,
		uid: options.uid,
		gid: options.gid
	});
	fs.closeSync(log);
	if (child.pid === undefined) throw new Error(`could not start ${name} (${program})`);
	fs.writeFileSync(pidFile(name), JSON.stringify({ pid: child.pid, program }));
	child.unref();
	return child;
}

/**
 * Stops a part and its process group: first politely, then for good.
 * @param {string} name
 * @param {NodeJS.Signals} [signal] the part's own "shut down now" signal (Postgres: SIGINT)
 */
export async function stopPart(name, signal = 'SIGTERM') {
	const pid = runningPid(name);
	if (pid !== undefined) {
		signalGroup(pid, signal);
		if (!(await waitForExit(pid, 8000))) {
			signalGroup(pid, 'SIGKILL');
			await waitForExit(pid, 2000);
		}
	}
	fs.rmSync(pidFile(name), { force: true });
	return pid !== undefined;
}

/** @param {number} pid @param {NodeJS.Signals} signal */
function signalGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
	} catch {
		try {
			process.kill(pid, signal);
		} catch {
			// already gone
		}
	}
}

/** @param {number} pid @param {number} timeoutMs */
async function waitForExit(pid, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (!isAlive(pid)) return true;
		await sleep(50);
	}
	return false;
}

/** @param {number} pid */
function isZombie(pid) {
	try {
		return /\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
	} catch {
		return false;
	}
}

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls until check() resolves truthy, or throws after timeoutMs.
 * @template T
 * @param {() => Promise<T | undefined | false>} check
 * @param {{ timeoutMs: number, intervalMs?: number, what: string }} options
 * @returns {Promise<T>}
 */
export async function waitFor(check, { timeoutMs, intervalMs = 25, what }) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			const result = await check();
			if (result) return result;
		} catch {
			// not ready yet
		}
		if (Date.now() > deadline)
			throw new Error(`${what} did not become ready within ${timeoutMs / 1000} s`);
		await sleep(intervalMs);
	}
}

/**
 * Whether a GET of url answers 2xx: node:http, not fetch(), whose first use loads undici and which costs
 * several times as much CPU per call (the stack polls its parts every 25 ms while they start).
 * @param {string} url
 * @returns {Promise<boolean>}
 */
export function answersOk(url) {
	return new Promise((resolve, reject) => {
		const request = http.get(url, { agent: false, timeout: 2000 }, (response) => {
			response.resume();
			const status = response.statusCode ?? 0;
			resolve(status >= 200 && status < 300);
		});
		request.once('timeout', () => request.destroy(new Error(`no answer from ${url}`)));
		request.once('error', reject);
	});
}

/**
 * The given processes and all their descendants. Postgres puts each backend in its own process
 * group, so the tree (by parent pid) is what holds a part together, not the group.
 * @param {number[]} roots
 * @returns {number[]}
 */
export function processTree(roots) {
	/** @type {Map<number, number[]>} */
	const children = new Map();
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			const [state, parent] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (state === 'Z') continue;
			const siblings = children.get(Number(parent)) ?? [];
			siblings.push(Number(entry));
			children.set(Number(parent), siblings);
		} catch {
			// the process ended meanwhile
		}
	}
	const found = new Set(roots.filter(isAlive));
	for (const pid of found) for (const child of children.get(pid) ?? []) found.add(child);
	return [...found];
}

/** The pids recorded in .local/run. */
export function recordedPids() {
	if (!fs.existsSync(runDir)) return [];
	return fs
		.readdirSync(runDir)
		.filter((file) => file.endsWith('.pid'))
		.map((file) => JSON.parse(fs.readFileSync(path.join(runDir, file), 'utf8')).pid);
}
