#!/usr/bin/env node
// @ts-check
// `npm run bench:load`: 50 simulated people use the built app at once for 60 s on a private stack with the demo
// data: they browse public pages, search, sign in, open their agreements and requests, and propose an offer that
// the matching suggests. Each person has their own client address (X-Forwarded-For, which the app trusts here as
// it would behind a proxy), as real people would. Prints `load: N requests, E errors, p95 X ms`; an error is any
// answer of 400 or more, or no answer at all.
import { buildApp, quantile, sleep, startApp, usePrivateStack } from './lib/bench-kit.js';

const PEOPLE = Number(process.env.LOAD_PEOPLE ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const APP_PORT = 29173;

const stack = await usePrivateStack('bench-load', 29);
const { root, databaseUrl } = stack.config;
const { default: pg } = await import('pg');

/**
 * A small deterministic random source (mulberry32), so two runs make the same choices.
 * @param {number} seed
 */
function random(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** @typedef {{ email: string, slug: string, requestId: string, agreementId: string | null, ip: string }} Person */

/** People of the demo data who belong to an academy with an open request, with what they will open. */
async function people() {
	const db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	try {
		const { rows } = await db.query(
			`select distinct on (u.email) u.email, o.slug, r.id as request_id,
			   (select a.id from public.agreements a where a.academy_id = o.id order by a.id limit 1) as agreement_id
			 from public.memberships ms
			 join auth.users u on u.id = ms.user_id
			 join public.organisations o on o.id = ms.organisation_id and o.kind = 'academy'
			 join public.requests r on r.organisation_id = o.id and r.status = 'open'
			 order by u.email, r.id
			 limit $1`,
			[PEOPLE]
		);
		if (rows.length < PEOPLE)
			throw new Error(`only ${rows.length} people with an open request in the demo data`);
		return rows.map(
			(row, i) =>
				/** @type {Person} */ ({
					email: row.email,
					slug: row.slug,
					requestId: row.request_id,
					agreementId: row.agreement_id,
					ip: `10.77.${Math.floor(i / 250)}.${(i % 250) + 1}`
				})
		);
	} finally {
		await db.end();
	}
}

/** What one request cost and how it ended. */
/** @type {{ kind: string, status: number, ms: number, url: string }[]} */
const results = [];

/**
 * One simulated person: a browser of their own (cookies), their own address, a few pages a minute.
 * @param {Person} person @param {string} origin @param {number} until @param {() => number} rand
 */
async function simulate(person, origin, until, rand) {
	/** @type {Map<string, string>} */
	const cookies = new Map();

	/** @param {string} kind @param {string} path @param {RequestInit} [init] */
	async function visit(kind, path, init = {}) {
		const started = performance.now();
		let status;
		let body = '';
		try {
			const response = await fetch(origin + path, {
				...init,
				redirect: 'manual',
				headers: {
					'x-forwarded-for': person.ip,
					'accept-language': 'nl-BE',
					cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
					...(init.method === 'POST' ? { origin } : {}),
					...init.headers
				}
			});
			status = response.status;
			for (const line of response.headers.getSetCookie()) {
				const [pair = ''] = line.split(';');
				const at = pair.indexOf('=');
				const name = pair.slice(0, at).trim();
				const value = pair.slice(at + 1).trim();
				if (/max-age=0/i.test(line) || value === '') cookies.delete(name);
				else cookies.set(name, value);
			}
			body = await response.text();
		} catch {
			status = 0;
		}
		results.push({ kind, status, ms: performance.now() - started, url: path });
		return body;
	}
	const think = () => sleep(300 + rand() * 900);
	/** @param {Record<string, string>} fields */
	const form = (fields) => ({
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields).toString()
	});

	const words = [
		'robotica',
		'programmeren',
		'sterrenkunde',
		'lokaal',
		'laptops',
		'gent',
		'techniek'
	];
	let proposed = false;
	while (performance.now() < until) {
		await visit('browse', '/');
		await think();
		await visit('browse', '/academies');
		await think();
		const word = words[Math.floor(rand() * words.length)];
		await visit('search', `/zoeken?q=${word}`);
		await think();
		await visit('search', `/api/search?q=${word.slice(0, 4)}`);
		await think();
		await visit('sign in', '/aanmelden');
		await visit(
			'sign in',
			'/aanmelden',
			form({ email: person.email, password: 'groeistoot-demo', redirectTo: '/afspraken' })
		);
		await think();
		await visit('signed in', '/afspraken');
		await think();
		if (person.agreementId) {
			await visit('signed in', `/afspraken/${person.agreementId}`);
			await think();
		}
		const page = await visit('signed in', `/vragen/${person.requestId}`);
		await think();
		const offerId = /name="offerId" value="([0-9a-f-]{36})"/.exec(page)?.[1];
		if (offerId && !proposed) {
			await visit('propose', `/vragen/${person.requestId}?/propose`, form({ offerId }));
			proposed = true;
			await think();
		}
		await visit('signed in', `/organisaties/${person.slug}`);
		await think();
		await visit('sign out', '/afmelden', form({}));
		await think();
	}
}

/** @type {Awaited<ReturnType<typeof startApp>> | undefined} */
let app;
try {
	const build = buildApp(root, 'bench-load');
	console.log(`Starting a private stack in ${stack.dir} …`);
	stack.start();
	const everyone = await people();
	app = await startApp({
		build,
		port: APP_PORT,
		config: stack.config,
		// Behind a proxy the app reads the client's address from X-Forwarded-For (adapter-node).
		env: { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' }
	});
	// The in-app search worker first indexes the whole demo data; measure the app, not that.
	const db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	for (;;) {
		const { rows } = await db.query(
			'select count(*)::int as left from public.search_outbox where processed_at is null'
		);
		if (rows[0].left === 0) break;
		await sleep(500);
	}
	await db.end();
	console.log(`${PEOPLE} people for ${SECONDS} s on ${app.origin} …`);
	const until = performance.now() + SECONDS * 1000;
	await Promise.all(
		everyone.map((person, i) =>
			simulate(person, /** @type {any} */ (app).origin, until, random(i + 1))
		)
	);

	const errors = results.filter((r) => r.status === 0 || r.status >= 400);
	const kinds = [...new Set(results.map((r) => r.kind))];
	for (const kind of kinds) {
		const of = results.filter((r) => r.kind === kind);
		console.log(
			`  ${kind.padEnd(10)} ${String(of.length).padStart(6)} requests  p50 ${quantile(
				of.map((r) => r.ms),
				0.5
			).toFixed(1)} ms  p95 ${quantile(
				of.map((r) => r.ms),
				0.95
			).toFixed(1)} ms  ${of.filter((r) => r.status === 0 || r.status >= 400).length} errors`
		);
	}
	for (const error of errors.slice(0, 10)) console.log(`  error ${error.status} ${error.url}`);
	console.log(
		`load: ${results.length} requests, ${errors.length} errors, p95 ${quantile(
			results.map((r) => r.ms),
			0.95
		).toFixed(1)} ms`
	);
	process.exitCode = errors.length > 0 ? 1 : 0;
} finally {
	await app?.stop();
	stack.stop();
}
