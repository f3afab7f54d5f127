#!/usr/bin/env node
// @ts-check
// `npm run bench:pages-compare -- <other build> <path> [<path> …]`: two builds of the app (this checkout's
// ./build, or BUILD_OUT, and another one, say main's before a change) against the running stack, the same
// pages alternated between them under 10 connections, uncached, BENCH_ROUNDS (3) rounds of BENCH_SECONDS (4).
// Prints per page and build the p95 of each round and the CPU time per request in the app, the gateway,
// PostgREST and Postgres (from /proc): a before and after measured in one machine state, for changes that
// leave the database as it is (both builds read the same functions).
import { runningPid } from '../stack/processes.js';
import { cpuOfParts, measure, startBuiltApp } from './lib/page-bench.js';

const [other, ...paths] = process.argv.slice(2);
if (!other || paths.length === 0) {
	console.error('usage: npm run bench:pages-compare -- <other build dir> <path> [<path> …]');
	process.exit(2);
}
const builds = { this: process.env.BUILD_OUT ?? 'build', other };
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const seconds = Number(process.env.BENCH_SECONDS ?? 4);
if (!runningPid('supervisor')) {
	console.error('the stack is not running: npm run stack:start');
	process.exit(2);
}

/** @type {Partial<Record<'this' | 'other', Awaited<ReturnType<typeof startBuiltApp>>>>} */
const started = {};
/** @type {Record<string, { p95: number, cpu: Record<string, number>, failures: number }[]>} */
const results = {};
try {
	const apps = {
		this: (started.this = await startBuiltApp(builds.this, { PAGE_CACHE_SECONDS: '0' })),
		other: (started.other = await startBuiltApp(builds.other, { PAGE_CACHE_SECONDS: '0' }))
	};
	for (let round = 0; round < rounds; round++) {
		for (const path of paths) {
			// alternate which build goes first
			for (const name of /** @type {const} */ (round % 2 ? ['this', 'other'] : ['other', 'this'])) {
				const app = apps[name];
				const url = app.origin + path;
				const cpu = cpuOfParts(app.pid);
				await measure(url, 1); // warm-up, not counted
				const before = cpu();
				const r = await measure(url, seconds);
				const after = cpu();
				(results[`${path} ${name}`] ??= []).push({
					p95: r.p95,
					cpu: Object.fromEntries(
						Object.entries(before).map(([part, start]) => [
							part,
							((after[/** @type {keyof typeof after} */ (part)] ?? NaN) - (start ?? NaN)) /
								r.requests
						])
					),
					failures: r.failures
				});
			}
		}
	}
} finally {
	started.this?.stop();
	started.other?.stop();
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
