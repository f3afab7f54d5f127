// `npm run dev` finds the local stack wherever it runs: scripts/dev.js, started with the STACK_* variables of
// the running stack and none of the app's own, serves search and signs a person in.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../../../stack/config.js';
import { serviceClient } from '../support/supabase.js';

// What a developer would otherwise have to write into a .env by hand.
const APP_VARIABLES = [
	'PUBLIC_SUPABASE_URL',
	'PUBLIC_SUPABASE_ANON_KEY',
	'SUPABASE_SERVICE_ROLE_KEY',
	'SUPABASE_REST_URL',
	'MEILI_URL',
	'MEILI_MASTER_KEY',
	'SMTP_HOST',
	'SMTP_PORT',
	'ORIGIN'
];
const STARTUP_MS = 300_000;
const password = 'groeistoot-dev-wachtwoord';
const email = `dev-server-${randomUUID().slice(0, 8)}@groeistoot.test`;
const admin = serviceClient();

let dev: ChildProcess;
let origin: string;
let output = '';
let userId: string | undefined;

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/**
 * Asks the dev server for `path` until `done` accepts the answer, at most `ms`; fails at once when the dev
 * server exits. Returns the last answer's status and body (for an assertion's message).
 */
async function poll(path: string, done: (status: number) => boolean, ms: number) {
	const deadline = Date.now() + ms;
	for (;;) {
		if (dev.exitCode !== null) throw new Error(`scripts/dev.js exited:\n${output}`);
		const response = await fetch(`${origin}${path}`).catch(() => undefined);
		const answer = {
			status: response?.status ?? 0,
			body: (await response?.text().catch(() => '')) ?? ''
		};
		if (done(answer.status) || Date.now() > deadline) return answer;
		await delay(250);
	}
}

beforeAll(async () => {
	const created = await admin.auth.admin.createUser({ email, password, email_confirm: true });
	if (created.error) throw created.error;
	userId = created.data.user.id;

	const port = await freePort();
	origin = `http://127.0.0.1:${port}`;
	const env = Object.fromEntries(
		Object.entries(process.env).filter(([name]) => !APP_VARIABLES.includes(name))
	);
	// Its own process group, so that stopping it also stops the vite process it starts.
	dev = spawn(process.execPath, ['scripts/dev.js', '--port', String(port), '--strictPort'], {
		cwd: root,
		env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	dev.stdout!.on('data', (chunk) => (output += chunk));
	dev.stderr!.on('data', (chunk) => (output += chunk));
	const health = await poll('/api/health', (status) => status === 200, STARTUP_MS);
	if (health.status !== 200) {
		throw new Error(`scripts/dev.js did not answer within ${STARTUP_MS} ms:\n${output}`);
	}
}, STARTUP_MS + 10_000);

afterAll(async () => {
	if (dev?.pid && dev.exitCode === null) {
		const exited = new Promise((resolve) => dev.once('exit', resolve));
		process.kill(-dev.pid, 'SIGTERM');
		await exited;
	}
	if (userId) await admin.auth.admin.deleteUser(userId);
});

describe('npm run dev with only the STACK_* variables', () => {
	it('reaches Meilisearch: /api/search and /zoeken answer with results, not "unreachable"', async () => {
		// On a stack started afresh the dev server's search worker creates the indexes just after it starts
		// answering; until then a search answers 503. An unreachable Meilisearch stays 503 and fails here.
		const api = await poll('/api/search?q=robotica', (status) => status !== 503, 60_000);
		expect(api.status, `${api.body}\n${output}`).toBe(200);
		expect(JSON.parse(api.body).groups).toEqual(expect.any(Array));

		const page = await fetch(`${origin}/zoeken?q=robotica`);
		expect(page.status, output).toBe(200);
		expect(await page.text()).not.toContain('niet bereikbaar');
	}, 120_000);

	it('signs a person in (the sign-in limits need the service-role key) and shows their profile', async () => {
		const signIn = await fetch(`${origin}/aanmelden`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				accept: 'text/html',
				origin,
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ email, password })
		});
		expect(signIn.status, output).toBe(303);
		expect(signIn.headers.get('location')).toBe('/');

		const cookies = signIn.headers.getSetCookie().map((cookie) => cookie.split(';')[0] ?? '');
		expect(cookies.some((cookie) => cookie.startsWith('sb-'))).toBe(true);
		const profile = await fetch(`${origin}/profiel`, {
			redirect: 'manual',
			headers: { cookie: cookies.join('; ') }
		});
		expect(profile.status).toBe(200);
		expect(await profile.text()).toContain('Mijn profiel');
	}, 120_000);
});
