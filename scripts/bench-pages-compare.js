#!/usr/bin/env node
// @ts-check
// `npm run bench:pages-compare -- <other build> <path> [<path> …]`: two builds of the app (this checkout's
// ./build, or BUILD_OUT, and another one, say main's before a change) against the running stack, the same
// pages alternated between them under 10 connections, uncached, BENCH_ROUNDS (3) rounds of BENCH_SECONDS (4).
// Prints per page and build the p95 of each round and the CPU time per request in the app, the gateway,
// PostgREST and Postgres (from /proc): a before and after measured in one machine state, for changes that
// leave the database as it is (both builds read the same functions).
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import net from 'node:net';
import { appEnvironment } from '../stack/app-env.js';
import { runningPid } from '../stack/processes.js';
import { cpuMs } from './lib/bench-kit.js';

const [other, ...paths] = process.argv.slice(2);
if (!other || paths.length === 0) {
	console.error('usage: npm run bench:pages-compare -- <other build dir> <path> [<path> …]');
	process.exit(2);
}
const builds = { this: process.env.BUILD_OUT ?? 'build', other };
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const seconds = Number(process.env.BENCH_SECONDS ?? 4);
const connections = 10;

const supervisor = runningPid('supervisor');
if (!supervisor) {
	console.error('the stack is not running: npm run stack:start');
	process.exit(2);
}
/** The stack's processes; the supervisor (gateway and auth) counted without its children. */
const parts = { postgrest: runningPid('postgrest'), postgres: runningPid('postgres') };

/** @returns {Promise<number>} */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer().listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address ? resolve(address.port) : reject()
			);
		});
	});
}

/**
 * Starts a build on a free port and waits until it answers; fails if it exits first (a port taken
 * meanwhile, say), so another process's answer is never measured.
 * @param {string} dir
 */
async function startApp(dir) {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const child = spawn('node', [dir], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: {
			...process.env,
			...appEnvironment(process.env),
			MAIL_JOBS: 'off',
			SEARCH_WORKER: 'off',
			PAGE_CACHE_SECONDS: '0',
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin
		}
	});
	let exited = false;
	child.once('exit', () => (exited = true));
	for (let i = 0; i < 200 && !exited; i++) {
		try {
			if ((await fetch(`${origin}/api/health`)).ok && !exited) return { origin, child };
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	child.kill();
	throw new Error(`the build in ${dir} did not start`);
}

/** @param {string} url @param {number} duration */
function load(url, duration) {
	/** @type {number[]} */
	const latencies = [];
	return new Promise((resolve, reject) => {
		const instance = autocannon({ url, connections, duration }, (error, output) =>
			error
				? reject(error)
				: resolve({
						latencies,
						requests: output.requests.total,
						failures: output.non2xx + output.errors
					})
		);
		instance.on('response', (_client, _status, _bytes, time) => latencies.push(time));
	}).then(
		(/** @type {any} */ r) =>
			/** @type {{ latencies: number[], requests: number, failures: number }} */ (r)
	);
}

/** CPU ms so far of each part, the app's included. @param {number} appPid */
function cpu(appPid) {
	return {
		app: cpuMs(appPid) ?? NaN,
		gateway: cpuMs(supervisor, { alone: true }) ?? NaN,
		postgrest: parts.postgrest ? (cpuMs(parts.postgrest) ?? NaN) : NaN,
		postgres: parts.postgres ? (cpuMs(parts.postgres) ?? NaN) : NaN
	};
}

/** @type {Partial<Record<'this' | 'other', Awaited<ReturnType<typeof startApp>>>>} */
const started = {};
/** @type {Record<string, { p95: number, cpu: Record<string, number>, failures: number }[]>} */
const results = {};
try {
	const apps = {
		this: (started.this = await startApp(builds.this)),
		other: (started.other = await startApp(builds.other))
	};
	for (let round = 0; round < rounds; round++) {
		for (const path of paths) {
			// alternate which build goes first
			for (const name of /** @type {const} */ (round % 2 ? ['this', 'other'] : ['other', 'this'])) {
				const app = apps[name];
				const url = app.origin + path;
				await load(url, 1); // warm-up, not counted
				const before = cpu(/** @type {number} */ (app.child.pid));
				const r = await load(url, seconds);
				const after = cpu(/** @type {number} */ (app.child.pid));
				r.latencies.sort((a, b) => a - b);
				(results[`${path} ${name}`] ??= []).push({
					p95: r.latencies[Math.floor(r.latencies.length * 0.95)] ?? NaN,
					cpu: Object.fromEntries(
						Object.entries(before).map(([part, start]) => [
							part,
							(after[/** @type {keyof typeof after} */ (part)] - start) / r.requests
						])
					),
					failures: r.failures
				});
			}
		}
	}
} finally {
	started.this?.child.kill();
	started.other?.child.kill();
}

console.log(`this build: ${builds.this}; other build: ${builds.other}`);
for (const [key, runs] of Object.entries(results)) {
	const mean = (/** @type {string} */ part) =>
		runs.reduce((sum, run) => sum + run.cpu[part], 0) / runs.length;
	const partsCpu = ['app', 'gateway', 'postgrest', 'postgres'].map((part) => [part, mean(part)]);
	const total = partsCpu.reduce((sum, [, value]) => sum + Number(value), 0);
	const failures = runs.reduce((sum, run) => sum + run.failures, 0);
	console.log(
		`${key.padEnd(40)} p95 ${runs.map((run) => run.p95.toFixed(0)).join('/')} ms  CPU ms per request ${total.toFixed(1)}: ${partsCpu.map(([part, value]) => `${part} ${Number(value).toFixed(1)}`).join(', ')}${failures ? `  ${failures} FAILED` : ''}`
	);
}
