// The stack's commands on a private copy (own folder and ports), so the shared stack keeps running.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processTree } from '../../../stack/processes.js';

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groeistoot-lifecycle-'));
const env = {
	...process.env,
	STACK_LOCAL_DIR: path.join(dir, '.local'),
	STACK_API_PORT: '26321',
	STACK_DB_PORT: '26322',
	STACK_MAILBOX_PORT: '26324',
	STACK_SMTP_PORT: '26325',
	STACK_POSTGREST_PORT: '26330',
	STACK_POSTGREST_ADMIN_PORT: '26331',
	STACK_MEILI_PORT: '26700'
};
const runDir = path.join(env.STACK_LOCAL_DIR, 'run');

async function stack(command: string) {
	try {
		const { stdout, stderr } = await run('node', ['stack/cli.js', command], { env });
		return { code: 0, stdout, stderr };
	} catch (error) {
		const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
		return { code, stdout, stderr };
	}
}

const recordedPidsIn = (dir: string): number[] =>
	fs
		.readdirSync(dir)
		.filter((file) => file.endsWith('.pid'))
		.map((file) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')).pid);

const portAnswers = (port: number) =>
	new Promise<boolean>((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		socket.once('connect', () => (socket.destroy(), resolve(true)));
		socket.once('error', () => resolve(false));
	});

describe('stack commands', () => {
	beforeAll(async () => {
		const started = await stack('start');
		expect(started.stderr).toBe('');
		expect(started.code).toBe(0);
	}, 90_000);

	afterAll(async () => {
		await stack('stop');
		fs.rmSync(dir, { recursive: true, force: true });
	}, 30_000);

	it('reports every part healthy, and a second start says it already runs', async () => {
		const status = await stack('status');
		expect(status.code).toBe(0);
		expect(status.stdout).toMatch(/postgres\s+running/);
		expect(status.stdout).toMatch(/postgrest\s+running/);
		expect(status.stdout).toMatch(/meilisearch\s+running/);
		const again = await stack('start');
		expect(again.code).toBe(0);
		expect(again.stdout).toContain('already runs');
		const health = await fetch(`http://127.0.0.1:${env.STACK_API_PORT}/auth/v1/health`);
		expect(health.status).toBe(200);
	}, 30_000);

	it('stops every process, also after the supervisor itself was killed', async () => {
		const leaders = recordedPidsIn(runDir);
		expect(leaders.length).toBe(4);
		const before = processTree(leaders);
		// supervisor, postgres with its background workers, postgrest, meilisearch
		expect(before.length).toBeGreaterThan(6);
		const supervisor = JSON.parse(fs.readFileSync(path.join(runDir, 'supervisor.pid'), 'utf8')).pid;
		process.kill(supervisor, 'SIGKILL');
		await new Promise((resolve) => setTimeout(resolve, 200));
		const survivors = processTree(before);
		expect(survivors).not.toContain(supervisor);
		expect(survivors.length).toBeGreaterThan(3);

		const stopped = await stack('stop');
		expect(stopped.code).toBe(0);
		expect(processTree(before)).toEqual([]);
		expect(await portAnswers(Number(env.STACK_DB_PORT))).toBe(false);
		expect(await portAnswers(Number(env.STACK_MEILI_PORT))).toBe(false);
		expect((await stack('status')).code).not.toBe(0);
	}, 60_000);

	it('explains a busy port in one line instead of a stack trace', async () => {
		const blocker = net.createServer().listen(Number(env.STACK_DB_PORT), '127.0.0.1');
		await new Promise((resolve) => blocker.once('listening', resolve));
		try {
			const result = await stack('start');
			expect(result.code).toBe(1);
			expect(result.stderr.trim().split('\n')).toEqual([
				`stack: port ${env.STACK_DB_PORT} (postgres) is already in use by another program: stop it, or choose another port with STACK_DB_PORT=…`
			]);
		} finally {
			blocker.close();
		}
	}, 30_000);
});
