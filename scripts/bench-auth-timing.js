#!/usr/bin/env node
// @ts-check
// `node scripts/bench-auth-timing.js`: whether the auth service's answer time tells which addresses have
// an account. Against the running local stack (STACK_* variables as for the tests), it times a password
// sign-in with a wrong password for a known address and for an unknown one, a recovery request, and a
// sign-up of a new and of a taken address, interleaved, each request from its own client address (so no
// per-IP limit applies), and prints p50/p95 per case and the ratio known/unknown. Timings on a shared
// machine are noisy: compare the ratios, not the milliseconds.
import { randomBytes, randomUUID } from 'node:crypto';
import { anonKey, apiUrl, serviceRoleKey } from '../stack/config.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 40);
const password = 'bench-wachtwoord-1';
const auth = `${apiUrl}/auth/v1`;

const address = () => `10.${[...randomBytes(3)].join('.')}`;
const newEmail = () => `bench-timing-${randomUUID()}@example.test`;

/** @param {string} path @param {unknown} body @param {string} [key] */
async function post(path, body, key = anonKey) {
	const started = process.hrtime.bigint();
	const res = await fetch(`${auth}${path}`, {
		method: 'POST',
		headers: {
			apikey: key,
			authorization: `Bearer ${key}`,
			'content-type': 'application/json',
			'x-forwarded-for': address()
		},
		body: JSON.stringify(body)
	});
	const json = await res.json();
	return { ms: Number(process.hrtime.bigint() - started) / 1e6, status: res.status, json };
}

/** @type {string[]} */
const made = [];
async function confirmedEmail() {
	const email = newEmail();
	const r = await post('/admin/users', { email, password, email_confirm: true }, serviceRoleKey);
	if (r.status !== 200) throw new Error(`could not create a user: ${JSON.stringify(r.json)}`);
	made.push(r.json.id);
	return email;
}

/** @param {number[]} values @param {number} p */
function percentile(values, p) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * Runs both cases of a pair in turns, after one warm-up each, and prints their percentiles.
 * @param {string} name
 * @param {{ known: () => Promise<{ ms: number, status: number }>, unknown: () => Promise<{ ms: number, status: number }> }} cases
 */
async function compare(name, cases) {
	await cases.known();
	await cases.unknown();
	/** @type {{ known: number[], unknown: number[] }} */
	const times = { known: [], unknown: [] };
	/** @type {Set<string>} */
	const statuses = new Set();
	for (let i = 0; i < rounds; i++) {
		for (const which of /** @type {const} */ (
			i % 2 ? ['known', 'unknown'] : ['unknown', 'known']
		)) {
			const r = await cases[which]();
			times[which].push(r.ms);
			statuses.add(`${which} ${r.status}`);
		}
	}
	const k = { p50: percentile(times.known, 50), p95: percentile(times.known, 95) };
	const u = { p50: percentile(times.unknown, 50), p95: percentile(times.unknown, 95) };
	console.log(
		`${name.padEnd(28)} known p50 ${k.p50.toFixed(1)} ms p95 ${k.p95.toFixed(1)} ms | ` +
			`unknown p50 ${u.p50.toFixed(1)} ms p95 ${u.p95.toFixed(1)} ms | ` +
			`ratio p50 ${(k.p50 / u.p50).toFixed(2)} (${[...statuses].sort().join(', ')})`
	);
}

const health = await fetch(`${auth}/health`).catch(() => null);
if (!health?.ok) {
	console.error(`No auth service at ${auth}: start the stack first (npm run stack:start).`);
	process.exit(1);
}

try {
	const known = await confirmedEmail();
	await compare('sign-in, wrong password', {
		known: () => post('/token?grant_type=password', { email: known, password: 'verkeerd-1' }),
		unknown: () => post('/token?grant_type=password', { email: newEmail(), password: 'verkeerd-1' })
	});

	const recoverable = [];
	for (let i = 0; i < rounds + 1; i++) recoverable.push(await confirmedEmail());
	await compare('recover', {
		known: () => post('/recover', { email: recoverable.pop() }),
		unknown: () => post('/recover', { email: newEmail() })
	});

	const taken = await confirmedEmail();
	await compare('sign-up (taken vs new)', {
		known: () => post('/signup', { email: taken, password }),
		unknown: async () => {
			const r = await post('/signup', { email: newEmail(), password });
			if (r.json.id) made.push(r.json.id);
			return r;
		}
	});
} finally {
	for (const id of made) {
		await fetch(`${auth}/admin/users/${id}`, {
			method: 'DELETE',
			headers: { apikey: serviceRoleKey, authorization: `Bearer ${serviceRoleKey}` }
		});
	}
}
