#!/usr/bin/env node
// @ts-check
// `npm run bench:stack`: cold and warm `stack:start` time and the memory of the idle stack.
// Runs a private copy of the stack (own .local folder and ports) so a running dev stack is untouched.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groeistoot-bench-'));
Object.assign(process.env, {
	STACK_LOCAL_DIR: path.join(dir, '.local'),
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

/** @param {string} command */
function stack(command) {
	const began = process.hrtime.bigint();
	const result = spawnSync('node', ['stack/cli.js', command], { env, encoding: 'utf8' });
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

try {
	const cold = [];
	const warm = [];
	for (let i = 0; i < runs; i++) {
		fs.rmSync(env.STACK_LOCAL_DIR, { recursive: true, force: true });
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
	console.log(
		`cold start: ${cold.map((s) => s.toFixed(2)).join(', ')} s (median ${median(cold).toFixed(2)})`
	);
	console.log(
		`warm start: ${warm.map((s) => s.toFixed(2)).join(', ')} s (median ${median(warm).toFixed(2)})`
	);
	console.log(
		`idle stack: ${pids.length} processes, RSS ${rss.toFixed(0)} MB (PSS ${pss.toFixed(0)} MB, shared pages counted once)`
	);
	console.log(
		`stack: cold ${median(cold).toFixed(2)} s, warm ${median(warm).toFixed(2)} s, idle ${rss.toFixed(0)} MB`
	);
} finally {
	spawnSync('node', ['stack/cli.js', 'stop'], { env });
	fs.rmSync(dir, { recursive: true, force: true });
}
