// @ts-check
// What the benchmarks share: a private copy of the stack on its own ports and folder (so a run never touches
// the developer's data), a build of the app, the built app started against that stack, and quantiles.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const sleep = (/** @type {number} */ time) =>
	new Promise((resolve) => setTimeout(resolve, time));

/** @param {number[]} values @param {number} q */
export function quantile(values, q) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

/**
 * Points this process at a private stack in a new temporary folder, with ports `<base>321`, `<base>322`, ...
 * (e.g. base 29 gives 29321 for the API). Must run before stack/config.js is imported; returns its values.
 * @param {string} name @param {number} base
 */
export async function usePrivateStack(name, base) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `groeistoot-${name}-`));
	Object.assign(process.env, {
		STACK_LOCAL_DIR: path.join(dir, '.local'),
		STACK_API_PORT: `${base}321`,
		STACK_DB_PORT: `${base}322`,
		STACK_MAILBOX_PORT: `${base}324`,
		STACK_SMTP_PORT: `${base}325`,
		STACK_POSTGREST_PORT: `${base}330`,
		STACK_POSTGREST_ADMIN_PORT: `${base}331`,
		STACK_MEILI_PORT: `${base}700`
	});
	const config = await import('../../stack/config.js');
	/** @param {'start' | 'stop'} command */
	const stack = (command) => {
		const result = spawnSync('node', ['stack/cli.js', command], {
			env: process.env,
			encoding: 'utf8',
			cwd: config.root
		});
		if (result.status !== 0)
			throw new Error(`stack ${command} failed: ${result.stderr || result.stdout}`);
	};
	return {
		dir,
		config,
		start: () => stack('start'),
		stop: () => {
			stack('stop');
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
}

/**
 * The built app to measure: BENCH_BUILD if set, otherwise a fresh build in .local/build-<name>.
 * @param {string} root @param {string} name
 */
export function buildApp(root, name) {
	if (process.env.BENCH_BUILD) return process.env.BENCH_BUILD;
	const build = path.join(root, '.local', `build-${name}`);
	console.log(`Building the app into .local/build-${name} …`);
	const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, BUILD_OUT: build, KIT_OUT_DIR: path.join(root, '.local', `kit-${name}`) }
	});
	if (built.status !== 0) throw new Error('vite build failed');
	return build;
}

/**
 * Starts a built app against the stack in `config` and waits until it answers.
 * @param {{ build: string, port: number, config: typeof import('../../stack/config.js'), env?: Record<string, string> }} options
 */
export async function startApp({ build, port, config, env = {} }) {
	const origin = `http://127.0.0.1:${port}`;
	const child = spawn('node', [build], {
		cwd: config.root,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			PUBLIC_SUPABASE_URL: config.apiUrl,
			PUBLIC_SUPABASE_ANON_KEY: config.anonKey,
			SUPABASE_SERVICE_ROLE_KEY: config.serviceRoleKey,
			SUPABASE_REST_URL: `http://${config.host}:${config.ports.postgrest}`,
			MEILI_URL: config.meiliUrl,
			MEILI_MASTER_KEY: config.meiliMasterKey,
			SMTP_PORT: process.env.STACK_SMTP_PORT ?? '54325',
			...env
		}
	});
	for (let i = 0; i < 400; i++) {
		try {
			if ((await fetch(`${origin}/api/health`)).ok) {
				return {
					origin,
					/** @returns {Promise<unknown>} */
					stop: () =>
						new Promise((resolve) => {
							child.once('exit', resolve);
							child.kill('SIGTERM');
						})
				};
			}
		} catch {
			// not listening yet
		}
		await sleep(50);
	}
	child.kill();
	throw new Error('the built app did not start');
}

/**
 * CPU time (user + system, ms) that a process has used so far, with its children's unless `alone` (the
 * stack's supervisor runs the gateway and auth itself, and is the parent of Postgres and PostgREST), read
 * from /proc (Linux); null where /proc is not there. A child that has ended counts once its parent has
 * waited for it (Postgres waits for its backends).
 * @param {number} pid
 * @param {{ alone?: boolean }} [options]
 * @returns {number | null}
 */
export function cpuMs(pid, { alone = false } = {}) {
	const msPerTick = 1000 / 100; // USER_HZ, the unit of /proc's times, is 100 on Linux
	/** @param {number} p @returns {number} */
	const ticks = (p) => {
		let stat;
		try {
			stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
		} catch {
			return 0; // ended in between
		}
		// fields after the command: state is [0], utime [11], stime [12], cutime [13], cstime [14]
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		let total = fields.slice(11, alone ? 13 : 15).reduce((sum, field) => sum + Number(field), 0);
		if (alone) return total;
		let children = '';
		try {
			children = fs.readFileSync(`/proc/${p}/task/${p}/children`, 'utf8');
		} catch {
			// no children file: count the process alone
		}
		for (const child of children.split(' ').filter(Boolean)) total += ticks(Number(child));
		return total;
	};
	if (!fs.existsSync(`/proc/${pid}/stat`)) return null;
	return ticks(pid) * msPerTick;
}
