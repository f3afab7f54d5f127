#!/usr/bin/env node
// @ts-check
// `npm run bench:stack`: cold and warm `stack:start` time and the memory of the idle stack.
// Runs a private copy of the stack (own .local folder, snapshot cache and ports) so a running dev stack is
// untouched. "Cold" is an empty .local folder, measured three ways: without snapshots (STACK_SNAPSHOT=off,
// every migration and the seed replayed: the start before snapshots), the first start with an empty cache
// (it replays them, then saves the snapshot), and starts from that snapshot.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groeistoot-bench-'));
Object.assign(process.env, {
	STACK_LOCAL_DIR: path.join(dir, '.local'),
	// Empty at the start of every run: the bench never uses a snapshot it did not make itself.
	STACK_CACHE_DIR: path.join(dir, 'cache'),
	STACK_API_PORT: '25321',
	STACK_DB_PORT: '25322',
	STACK_MAILBOX_PORT: '25324',
	STACK_SMTP_PORT: '25325',
	STACK_POSTGREST_PORT: '25330',
	STACK_POSTGREST_ADMIN_PORT: '25331',
	STACK_MEILI_PORT: '27700'
});
const env = process.env;
// Imported after the environment is set: it reads the stack's folder from it.
const { processTree, recordedPids } = await import('../stack/processes.js');

/** @param {string} command @param {NodeJS.ProcessEnv} [extra] */
function stack(command, extra = {}) {
	const began = process.hrtime.bigint();
	const result = spawnSync('node', ['stack/cli.js', command], {
		env: { ...env, ...extra },
		encoding: 'utf8'
	});
	const seconds = Number(process.hrtime.bigint() - began) / 1e9;
	if (result.status !== 0 && command !== 'status') {
		throw new Error(`stack ${command} failed: ${result.stderr || result.stdout}`);
	}
	return seconds;
}

/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** @param {number} pid @param {string} field e.g. VmRSS (status) or Pss (smaps_rollup) */
function kilobytes(pid, field) {
	const file = field === 'Pss' ? `/proc/${pid}/smaps_rollup` : `/proc/${pid}/status`;
	try {
		const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(file, 'utf8'));
		return match ? Number(match[1]) : 0;
	} catch {
		return 0;
	}
}

/** An empty .local folder (and, when asked, an empty snapshot cache). */
function emptyLocal({ cache = false } = {}) {
	fs.rmSync(/** @type {string} */ (env.STACK_LOCAL_DIR), { recursive: true, force: true });
	if (cache)
		fs.rmSync(/** @type {string} */ (env.STACK_CACHE_DIR), { recursive: true, force: true });
}

/** @param {number[]} values */
const list = (values) =>
	`${values.map((s) => s.toFixed(2)).join(', ')} s (median ${median(values).toFixed(2)})`;

try {
	const unsnapshotted = [];
	const cold = [];
	const warm = [];
	for (let i = 0; i < runs; i++) {
		emptyLocal();
		unsnapshotted.push(stack('start', { STACK_SNAPSHOT: 'off' }));
		stack('stop');
	}
	emptyLocal({ cache: true });
	const first = stack('start');
	stack('stop');
	for (let i = 0; i < runs; i++) {
		emptyLocal();
		cold.push(stack('start'));
		stack('stop');
		warm.push(stack('start'));
		if (i < runs - 1) stack('stop');
	}
	await new Promise((resolve) => setTimeout(resolve, 3000));
	const pids = processTree(recordedPids());
	const rss = pids.reduce((sum, pid) => sum + kilobytes(pid, 'VmRSS'), 0) / 1024;
	const pss = pids.reduce((sum, pid) => sum + kilobytes(pid, 'Pss'), 0) / 1024;
	stack('stop');
	console.log(`cold start without snapshots (STACK_SNAPSHOT=off): ${list(unsnapshotted)}`);
	console.log(`cold start with an empty cache (then saves the snapshot): ${first.toFixed(2)} s`);
	console.log(`cold start from the snapshot: ${list(cold)}`);
	console.log(`warm start: ${list(warm)}`);
	console.log(
		`idle stack: ${pids.length} processes, RSS ${rss.toFixed(0)} MB (PSS ${pss.toFixed(0)} MB, shared pages counted once)`
	);
	console.log(
		`cold start: without snapshot ${median(unsnapshotted).toFixed(2)} s, from the snapshot ${median(cold).toFixed(2)} s, ratio ${(median(unsnapshotted) / median(cold)).toFixed(2)}`
	);
	console.log(
		`stack: cold ${median(cold).toFixed(2)} s, warm ${median(warm).toFixed(2)} s, idle ${rss.toFixed(0)} MB`
	);
} finally {
	spawnSync('node', ['stack/cli.js', 'stop'], { env });
	fs.rmSync(dir, { recursive: true, force: true });
}
