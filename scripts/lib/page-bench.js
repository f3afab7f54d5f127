// @ts-check
// What the page benchmarks (bench:pages, bench:pages-compare) share: a built app started against the running
// stack on a free port, autocannon under 10 connections, and the CPU time of the app and the stack's
// processes. Imports the stack's config: only for scripts that use the developer's stack (bench-kit.js is
// for those that make a private one).
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import net from 'node:net';
import { appEnvironment } from '../../stack/app-env.js';
import { runningPid } from '../../stack/processes.js';
import { cpuMs } from './bench-kit.js';

export const CONNECTIONS = 10;

/** @returns {Promise<number>} */
export function freePort() {
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
 * Starts a build of the app (adapter-node) against the running stack on a free port and waits until it
 * answers; fails if it exits first (a port taken meanwhile, say), so another process's answer is never
 * measured. No weekly digest or search sync in the background of a measurement.
 * @param {string} build
 * @param {Record<string, string>} env
 */
export async function startBuiltApp(build, env) {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const child = spawn('node', [build], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: {
			...process.env,
			...appEnvironment(process.env),
			MAIL_JOBS: 'off',
			SEARCH_WORKER: 'off',
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			...env
		}
	});
	let exited = false;
	child.once('exit', () => (exited = true));
	for (let i = 0; i < 200 && !exited; i++) {
		try {
			if ((await fetch(`${origin}/api/health`)).ok && !exited)
				return {
					origin,
					pid: /** @type {number} */ (child.pid),
					/** Stops the app; resolves once it has exited (its last requests answered). */
					stop: () =>
						new Promise((resolve) => {
							if (exited) return resolve(undefined);
							child.once('exit', () => resolve(undefined));
							child.kill();
						})
				};
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	child.kill();
	throw new Error(`the build in ${build} did not start`);
}

/** @param {number[]} sorted @param {number} p */
const percentile = (sorted, p) =>
	sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/**
 * One page under autocannon for `duration` seconds.
 * @param {string} url @param {number} duration @param {Record<string, string>} [headers]
 */
export async function measure(url, duration, headers = {}) {
	/** @type {number[]} */
	const latencies = [];
	const result = await new Promise((resolve, reject) => {
		const instance = autocannon(
			{ url, connections: CONNECTIONS, duration, headers, timeout: 30 },
			(error, output) => (error ? reject(error) : resolve(output))
		);
		instance.on('response', (_client, _status, _bytes, responseTime) =>
			latencies.push(responseTime)
		);
	});
	latencies.sort((a, b) => a - b);
	const { non2xx, errors, requests } = /** @type {any} */ (result);
	return {
		p50: percentile(latencies, 50) ?? NaN,
		p95: percentile(latencies, 95) ?? NaN,
		rps: requests.average,
		/** @type {number} */
		requests: requests.total,
		/** @type {number} */
		failures: non2xx + errors
	};
}

/**
 * Where a request's CPU time goes: a function giving the CPU ms so far of the app and of the stack's
 * gateway (the supervisor alone: it runs the gateway and auth itself), PostgREST and Postgres (with its
 * backends); null for a part that is not running.
 * @param {number} appPid
 * @returns {() => Record<'app' | 'gateway' | 'postgrest' | 'postgres', number | null>}
 */
export function cpuOfParts(appPid) {
	const parts = {
		app: appPid,
		gateway: runningPid('supervisor'),
		postgrest: runningPid('postgrest'),
		postgres: runningPid('postgres')
	};
	return () => ({
		app: cpuMs(parts.app),
		gateway: parts.gateway ? cpuMs(parts.gateway, { alone: true }) : null,
		postgrest: parts.postgrest ? cpuMs(parts.postgrest) : null,
		postgres: parts.postgres ? cpuMs(parts.postgres) : null
	});
}
