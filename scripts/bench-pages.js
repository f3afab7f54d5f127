#!/usr/bin/env node
// @ts-check
// `npm run bench:pages`: the built app with the seed loaded, under autocannon (10 connections): a bare
// page of the same app as the baseline, measured before and after each page, and the public pages, in the
// same run. Also counts the database round trips (API calls) each page makes, through a counting proxy, and
// measures the three pages furthest from the bare page once more with the API answered from memory: what
// the app costs.
// Then issue 15's signed-in pages (organisations, offers, requests, a request and its suggestions,
// agreements, an agreement, notifications) as seed people who may open them, against a bare page
// (`/privacy`, no data of its own) as the signed-in coordinator, measured before and after each page.
import { createServerClient } from '@supabase/ssr';
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import pg from 'pg';
import ws from 'ws';
import { appEnvironment } from '../stack/app-env.js';
import { anonKey, apiUrl, databaseUrl } from '../stack/config.js';
import { cpuOfParts, freePort, measure, startBuiltApp } from './lib/page-bench.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
// While working on some pages: BENCH_PART=signed-in measures only the signed-in pages, BENCH_PART=public
// only the public ones, and BENCH_PAGES=coverage,municipality (names as printed) only those public pages
// and the bare page. The output lines stay the same; their worst is then the worst of what was measured.
const signedInOnly = process.env.BENCH_PART === 'signed-in';
const publicOnly = process.env.BENCH_PART === 'public';
const onlyPages = process.env.BENCH_PAGES
	? process.env.BENCH_PAGES.split(',').map((name) => name.trim())
	: undefined;

/** @param {string} command @param {string[]} args */
function run(command, args) {
	const result = spawnSync(command, args, { stdio: 'inherit' });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

/** Pages to measure, picked from the seed: the busiest municipality and one of its activities. */
async function samplePages() {
	const db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	try {
		const { rows } = await db.query(`
			select a.id as activity, o.slug as academy, a.municipality_nis as nis
			from public.activities a join public.organisations o on o.id = a.organisation_id
			where a.status = 'published' and a.end_date >= current_date
			order by (select count(*) from public.activities b where b.municipality_nis = a.municipality_nis) desc, a.id
			limit 1`);
		if (rows.length === 0)
			throw new Error('no published upcoming activity: load the seed (npm run stack:reset)');
		const [{ activity, academy, nis }] = rows;
		return [
			{ name: 'bare', path: '/' },
			{ name: 'academy', path: `/academies/${academy}` },
			{ name: 'activity', path: `/activiteiten/${activity}` },
			{ name: 'municipality', path: `/gemeenten/${nis}` },
			...(await otherPublicPages(db))
		];
	} finally {
		await db.end();
	}
}

/** The first row's value of a one-column query over the seed, or an error naming what is missing. */
async function one(
	/** @type {pg.Client} */ db,
	/** @type {string} */ what,
	/** @type {string} */ sql
) {
	const { rows } = await db.query(sql);
	if (rows.length === 0) throw new Error(`no ${what} in the seed: load it (npm run stack:reset)`);
	return String(Object.values(rows[0])[0]);
}

/**
 * Every other public page (the routes under src/routes/(public) with a load), measured only uncached:
 * the lists, and one detail page of each kind, picked from the seed as anonymous visitors see it.
 * @param {pg.Client} db
 */
async function otherPublicPages(db) {
	const org = (/** @type {string} */ kind) =>
		one(
			db,
			`verified ${kind}`,
			`select slug from public.organisations where kind = '${kind}' and verification_status = 'verified'
			order by (select count(*) from public.offers f where f.organisation_id = organisations.id) desc, slug limit 1`
		);
	const community = await one(
		db,
		'active municipality community',
		`select c.municipality_nis from public.communities c where c.kind = 'municipality' and c.status = 'active'
		order by (select count(*) from public.community_members m where m.community_id = c.id) desc, c.municipality_nis limit 1`
	);
	const whiteSpot = await one(
		db,
		'white spot with starters',
		`select s.municipality_nis from public.starter_interests s where s.closed_at is null and not exists (
			select 1 from public.organisations o where o.municipality_nis = s.municipality_nis
			and o.kind = 'academy' and o.verification_status = 'verified')
		group by 1 order by count(*) desc, 1 limit 1`
	);
	const region = await one(
		db,
		'active region community',
		`select slug from public.communities where kind = 'region' and status = 'active' order by slug limit 1`
	);
	const post = await one(
		db,
		'visible announcement or question',
		`select id from public.posts where status = 'visible' and kind <> 'good_practice' and is_public
		order by created_at desc, id limit 1`
	);
	const practice = await one(
		db,
		'good practice',
		`select g.post_id from public.good_practices g join public.posts p on p.id = g.post_id
		where p.status = 'visible' order by g.featured_at desc nulls last, g.post_id limit 1`
	);
	const event = await one(
		db,
		'scheduled event',
		`select id from public.community_events where status = 'scheduled' order by starts_at, id limit 1`
	);
	const person = await one(
		db,
		'public helper profile',
		`select h.user_id from public.helper_profiles h join public.profiles p on p.id = h.user_id
		where h.visibility = 'public' and p.visibility = 'public' order by h.user_id limit 1`
	);
	const offer = await one(
		db,
		'active offer',
		`select id from public.offers where status = 'active' order by created_at, id limit 1`
	);
	const request = await one(
		db,
		'open request',
		`select id from public.requests where status = 'open' order by created_at, id limit 1`
	);
	return [
		{ name: 'academies', path: '/academies' },
		{ name: 'activities', path: '/activiteiten' },
		{ name: 'offers', path: '/aanbod' },
		{ name: 'requests', path: '/vragen' },
		{ name: 'companies', path: '/bedrijven' },
		{ name: 'schools', path: '/scholen' },
		{ name: 'partners', path: '/partners' },
		{ name: 'municipalities', path: '/gemeenten' },
		{ name: 'practices', path: '/goede-praktijken' },
		{ name: 'coverage', path: '/dekking' },
		{ name: 'coverage table', path: '/dekking/tabel' },
		{ name: 'white spots', path: '/dekking/witte-vlekken' },
		// One province in full: the one with the most white spots in the seed.
		{ name: 'white spots VB', path: '/dekking/witte-vlekken?provincie=Vlaams-Brabant' },
		{ name: 'open data', path: '/open-data' },
		{ name: 'statistics', path: '/statistieken' },
		{ name: 'company', path: `/bedrijven/${await org('company')}` },
		{ name: 'school', path: `/scholen/${await org('school')}` },
		{ name: 'partner', path: `/partners/${await org('partner')}` },
		{ name: 'offer', path: `/aanbod/${offer}` },
		{ name: 'request', path: `/vragen/${request}` },
		{ name: 'event', path: `/evenementen/${event}` },
		{ name: 'post', path: `/berichten/${post}` },
		{ name: 'practice', path: `/goede-praktijken/${practice}` },
		{ name: 'person', path: `/mensen/${person}` },
		{ name: 'community', path: `/gemeenten/${community}/community` },
		{ name: 'community ppl', path: `/gemeenten/${community}/community/mensen` },
		{ name: 'starters', path: `/gemeenten/${whiteSpot}/starten` },
		{ name: 'region', path: `/regios/${region}` },
		{ name: 'region people', path: `/regios/${region}/mensen` }
	].map((page) => ({ ...page, uncachedOnly: true }));
}

/** Starts this checkout's build (BUILD_OUT or ./build) against the running stack. @param {Record<string, string>} env */
const startApp = (env) => startBuiltApp(process.env.BUILD_OUT ?? 'build', env);

/** A proxy in front of the API gateway that counts the requests passing through. */
async function countingProxy() {
	const target = new URL(apiUrl);
	let count = 0;
	const server = http.createServer((req, res) => {
		count++;
		const upstream = http.request(
			{
				host: target.hostname,
				port: target.port,
				method: req.method,
				path: req.url,
				headers: req.headers
			},
			(response) => {
				res.writeHead(response.statusCode ?? 502, response.headers);
				response.pipe(res);
			}
		);
		req.pipe(upstream);
	});
	return {
		url: await listenLocally(server),
		take: () => {
			const taken = count;
			count = 0;
			return taken;
		},
		close: () => server.close()
	};
}

/** Starts `server` on a free local port; its URL. @param {http.Server} server */
async function listenLocally(server) {
	const port = await freePort();
	await new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(undefined)));
	return `http://127.0.0.1:${port}`;
}

/** Headers that belong to one connection, not to the answer (RFC 9110, 7.6.1). */
const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection'];

/**
 * A proxy in front of PostgREST that answers each call (method, path, credentials, the headers that shape
 * the answer, body) from memory after its first successful answer: the database and PostgREST no longer
 * work for the page, to show what the app costs (a loopback hop and this proxy's work in the bench's own
 * process remain). Identical calls made at once wait for one answer; an answer that is not 2xx is passed on
 * and never kept. `passedOn()` says how many calls reached PostgREST since it was last asked.
 * @param {string} target PostgREST's URL (a path is kept as the prefix of every call)
 */
async function replayingProxy(target) {
	const upstream = new URL(target);
	const prefix = upstream.pathname.replace(/\/+$/, '');
	const agent = new http.Agent({ keepAlive: true });
	/** @typedef {{ status: number, headers: http.OutgoingHttpHeaders, body: Buffer }} Answer */
	/** @type {Map<string, Answer>} */
	const answers = new Map();
	// Calls waiting for the same call's answer from PostgREST (the first requests of 10 connections at once).
	/** @type {Map<string, ((answer: Answer | null) => void)[]>} */
	const waiting = new Map();
	let passed = 0;

	/** Asks PostgREST once for everyone waiting on `key`; keeps a 2xx answer. */
	function ask(
		/** @type {string} */ key,
		/** @type {http.IncomingMessage} */ req,
		/** @type {Buffer} */ body
	) {
		passed++;
		const headers = { ...req.headers };
		for (const name of HOP_BY_HOP) delete headers[name];
		const settle = (/** @type {Answer | null} */ answer) => {
			const callers = waiting.get(key) ?? [];
			waiting.delete(key);
			if (answer && answer.status >= 200 && answer.status < 300) answers.set(key, answer);
			for (const answerCaller of callers) answerCaller(answer);
		};
		const call = http.request(
			{
				host: upstream.hostname,
				port: upstream.port,
				method: req.method,
				path: `${prefix}${req.url}`,
				headers,
				agent
			},
			(response) => {
				/** @type {Buffer[]} */
				const parts = [];
				response.on('error', () => settle(null));
				response.on('data', (part) => parts.push(part));
				response.on('end', () => {
					const answer = Buffer.concat(parts);
					const kept = { ...response.headers };
					for (const name of HOP_BY_HOP) delete kept[name];
					settle({
						status: response.statusCode ?? 502,
						headers: { ...kept, 'content-length': String(answer.length) },
						body: answer
					});
				});
			}
		);
		call.on('error', () => settle(null));
		call.end(body);
	}

	const server = http.createServer((req, res) => {
		/** @type {Buffer[]} */
		const chunks = [];
		const reply = (/** @type {Answer | null} */ answer) => {
			if (!answer) res.writeHead(502).end();
			else res.writeHead(answer.status, answer.headers).end(answer.body);
		};
		req.on('error', () => res.destroy());
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			const body = Buffer.concat(chunks);
			const { authorization, prefer, range, accept } = req.headers;
			const key = JSON.stringify([
				req.method,
				req.url,
				authorization,
				prefer,
				range,
				accept,
				`${body}`
			]);
			const known = answers.get(key);
			if (known) return reply(known);
			const callers = waiting.get(key);
			if (callers) return void callers.push(reply);
			waiting.set(key, [reply]);
			ask(key, req, body);
		});
	});
	return {
		url: await listenLocally(server),
		passedOn: () => {
			const taken = passed;
			passed = 0;
			return taken;
		},
		close: () => {
			server.close();
			agent.destroy();
		}
	};
}

/**
 * The app's settings for sending every API call through the counting proxy, PostgREST's too (the app
 * otherwise reaches PostgREST without the gateway: SUPABASE_REST_URL).
 * @param {string} url
 */
const throughProxy = (url) => ({ PUBLIC_SUPABASE_URL: url, SUPABASE_REST_URL: `${url}/rest/v1` });

/**
 * The session cookies of a seed account, as @supabase/ssr writes them after a password sign-in.
 * @param {string} email
 * @returns {Promise<string>} a Cookie header
 */
async function sessionCookie(email) {
	/** @type {Map<string, string>} */
	const jar = new Map();
	const client = createServerClient(apiUrl, anonKey, {
		// Node 20 has no WebSocket of its own, which supabase-js's realtime client wants.
		realtime: { transport: /** @type {any} */ (ws) },
		cookies: {
			getAll: () => [...jar].map(([name, value]) => ({ name, value })),
			setAll: (cookies) => {
				for (const { name, value } of cookies) {
					if (value) jar.set(name, value);
					else jar.delete(name);
				}
			}
		}
	});
	const { error } = await client.auth.signInWithPassword({ email, password: 'groeistoot-demo' });
	if (error) throw new Error(`${email} could not sign in (${error.message}): load the seed`);
	return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

/**
 * The signed-in pages of issue 15, picked from the seed: the demo academy's (its coordinator's) own
 * requests, an open one (with suggestions), one of its agreements; a school's offers as its member.
 * @returns {Promise<{ name: string, path: string, as: 'coordinator' | 'provider' }[]>}
 */
async function signedInSample() {
	const db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	try {
		const { rows } = await db.query(`
			select o.slug as academy,
				(select r.id from public.requests r where r.organisation_id = o.id and r.status = 'open'
					order by (select count(*) from public.agreements a where a.request_id = r.id) desc, r.id
					limit 1) as request,
				(select a.id from public.agreements a where a.academy_id = o.id and a.offer_id is not null
					order by a.created_at, a.id limit 1) as agreement,
				(select p.slug from public.organisations p
					join public.memberships m on m.organisation_id = p.id
					join auth.users u on u.id = m.user_id and u.email = 'school@groeistoot.test'
					where exists (select 1 from public.offers f where f.organisation_id = p.id)
					order by p.slug limit 1) as provider
			from public.organisations o
			join public.memberships m on m.organisation_id = o.id
			join auth.users u on u.id = m.user_id and u.email = 'coordinator@groeistoot.test'
			where o.kind = 'academy'
			order by o.slug limit 1`);
		const [sample] = rows;
		if (!sample?.request || !sample.agreement || !sample.provider)
			throw new Error('the seed has no open request or agreement to measure: npm run stack:reset');
		const { academy, request, agreement, provider } = sample;
		return [
			// The bare page: a page of no data of its own (only what every signed-in page loads).
			{ name: 'bare', path: '/privacy', as: 'coordinator' },
			// The signed-in home (not in the issue's list: printed, not counted in the worst).
			{ name: 'home', path: '/', as: 'coordinator' },
			{ name: 'organisations', path: '/mijn-organisaties', as: 'coordinator' },
			{ name: 'offers', path: `/organisaties/${provider}/aanbod`, as: 'provider' },
			{ name: 'requests', path: `/organisaties/${academy}/vragen`, as: 'coordinator' },
			{ name: 'request', path: `/organisaties/${academy}/vragen/${request}`, as: 'coordinator' },
			{ name: 'suggestions', path: `/vragen/${request}`, as: 'coordinator' },
			{ name: 'agreements', path: '/afspraken', as: 'coordinator' },
			{ name: 'agreement', path: `/afspraken/${agreement}`, as: 'coordinator' },
			{ name: 'notifications', path: '/meldingen', as: 'coordinator' }
		];
	} finally {
		await db.end();
	}
}

/** @param {{ worst: number, bare: number }} r */
const summary = (r) =>
	`worst ${r.worst.toFixed(1)} ms, bare ${r.bare.toFixed(1)} ms, ratio ${(r.worst / r.bare).toFixed(2)}`;

/**
 * @typedef {{ name: string, path: string, headers?: Record<string, string>, uncounted?: boolean }} Page
 * A page to time: `headers` (a session's cookies) are sent with every request; an `uncounted` page is
 * timed and printed but left out of the worst and the count within 2×.
 */

/**
 * Times the bare page and then every other page in `measured` with the bare page again after each, in a
 * build started with `env`: each page's p95 against the mean of the bare page's p95 just before and just
 * after it (the machine's speed drifts by a third within minutes: docs/benchmarks.md).
 * @param {string} label @param {Record<string, string>} env @param {Page[]} measured
 * @param {{ roundTrips: Record<string, number>, characters: Record<string, number> }} counts
 */
async function timePages(label, env, measured, { roundTrips, characters }) {
	const app = await startApp(env);
	/** @type {Record<string, { p50: number, p95: number, rps: number, failures: number }>} */
	const results = {};
	/** The bare page's p95 beside each page (the mean of the runs before and after it). */
	/** @type {Record<string, number>} */
	const bareBeside = {};
	// Where each request's CPU time goes (app, the gateway with auth, PostgREST, Postgres): under 10
	// connections on 2 cores the p95 follows it, so the ratio to the bare page can be read from it.
	const cpu = cpuOfParts(app.pid);
	/** @param {Page} page */
	async function timeOne(page) {
		const before = cpu();
		const r = await measure(app.origin + page.path, seconds, page.headers);
		const after = cpu();
		const used = /** @type {(keyof typeof before)[]} */ (Object.keys(before))
			.flatMap((name) => {
				const [start, end] = [before[name], after[name]];
				return start === null || end === null
					? []
					: [`${name} ${((end - start) / r.requests).toFixed(1)}`];
			})
			.join(', ');
		console.log(
			`${label.padEnd(9)} ${page.name.padEnd(13)} ${page.path.padEnd(72)} p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  ${r.rps.toFixed(0)} req/s  ${roundTrips[page.name]} API round trips  ${(characters[page.name] / 1000).toFixed(1)} k characters${used ? `  CPU ms per request: ${used}` : ''}${r.failures ? `  ${r.failures} FAILED` : ''}`
		);
		return r;
	}
	const bare = measured.find((p) => p.name === 'bare');
	const others = measured.filter((p) => p.name !== 'bare');
	try {
		/** @param {Page} page */
		const warmUp = (page) => measure(app.origin + page.path, 2, page.headers); // not counted
		let bareBefore = null;
		if (bare) {
			// A longer warm-up than a page's: right after the app starts the bare page's first runs were
			// slower (p95 a fifth to a half above the next), which would flatter the first page's ratio.
			await measure(app.origin + bare.path, seconds + 2, bare.headers); // not counted
			bareBefore = results.bare = await timeOne(bare);
		}
		for (const page of others) {
			await warmUp(page);
			const r = (results[page.name] = await timeOne(page));
			if (bare && bareBefore) {
				// and the page's ratio to the mean of the bare runs before and after it
				const bareAfter = await timeOne(bare);
				bareBeside[page.name] = (bareBefore.p95 + bareAfter.p95) / 2;
				console.log(
					`${label.padEnd(9)} ${page.name.padEnd(13)} p95 ${r.p95.toFixed(1)} ms beside the bare page's ${bareBeside[page.name].toFixed(1)} ms (before ${bareBefore.p95.toFixed(1)}, after ${bareAfter.p95.toFixed(1)}): ratio ${(r.p95 / bareBeside[page.name]).toFixed(2)}`
				);
				bareBefore = bareAfter;
			}
		}
	} finally {
		// Waited for: the proxy in front of the replayed run closes right after.
		await app.stop();
	}
	/** @param {string} name */
	const ratio = (name) => results[name].p95 / bareBeside[name];
	const counted = others.filter((page) => !page.uncounted);
	// the measured pages, furthest from the bare page beside them first
	const ranked = [...counted].sort((a, b) => ratio(b.name) - ratio(a.name));
	// and by their own p95, as against one bare run at the start (the line of the rounds before)
	const slowest = [...counted].sort((a, b) => results[b.name].p95 - results[a.name].p95);
	return {
		worst: ranked.length ? results[ranked[0].name].p95 : NaN,
		bare: ranked.length ? bareBeside[ranked[0].name] : NaN,
		ranked,
		withinTwice: counted.filter((page) => ratio(page.name) <= 2).length,
		againstFirst: {
			worst: slowest.length ? results[slowest[0].name].p95 : NaN,
			bare: results.bare.p95
		}
	};
}

/** The public pages: round trips, then timing uncached and as configured by default. */
async function publicPages() {
	const sample = await samplePages();
	const unknown = onlyPages?.filter((name) => !sample.some((page) => page.name === name));
	if (unknown?.length) throw new Error(`BENCH_PAGES names no such page: ${unknown.join(', ')}`);
	const pages = sample.filter(
		(page) => !onlyPages || page.name === 'bare' || onlyPages.includes(page.name)
	);

	// Round trips: each page once through the counting proxy, after a warm-up request.
	const proxy = await countingProxy();
	const counted = await startApp({
		...throughProxy(proxy.url),
		PAGE_CACHE_SECONDS: '0'
	});
	/** @type {Record<string, number>} */
	const roundTrips = {};
	// Each page's length in characters: past ~65 500 the server's cost jumps (docs/benchmarks.md).
	/** @type {Record<string, number>} */
	const characters = {};
	try {
		for (const page of pages) {
			await fetch(counted.origin + page.path);
			proxy.take();
			const response = await fetch(counted.origin + page.path);
			if (!response.ok) throw new Error(`${page.path} answered ${response.status}`);
			characters[page.name] = (await response.text()).length;
			roundTrips[page.name] = proxy.take();
		}
	} finally {
		counted.stop();
		proxy.close();
	}

	// Timing: the app against the stack as `npm run dev` runs it (PostgREST calls straight to PostgREST,
	// SUPABASE_REST_URL; auth through the gateway); first with every request rendered and
	// sent to the database, then as configured by default (signed-out visitors share rendered public
	// pages for a few seconds: src/lib/server/page-cache.ts).
	// Every public page uncached; the cached run only the first four (the cache answers all alike).
	// The bare page beside every page: the machine's speed drifts by a third within minutes
	// (docs/benchmarks.md), so each page is compared with the bare page measured just before and just after it
	// (the mean of their p95), not with one bare run at the start, which a slow spell later in the run would
	// flatter or a fast one hurt.
	const counts = { roundTrips, characters };
	const uncached = await timePages('uncached', { PAGE_CACHE_SECONDS: '0' }, pages, counts);
	// What the database side can still win: the three pages furthest from the bare page again, beside it, with
	// every API call answered from memory by a proxy in front of PostgREST (each call's first answer, replayed).
	const restUrl = process.env.SUPABASE_REST_URL || appEnvironment(process.env).SUPABASE_REST_URL;
	const furthest = uncached.ranked.slice(0, 3);
	/** @type {{ worst: number, bare: number } | null} */
	let replayed = null;
	let passedOn = 0;
	if (restUrl && furthest.length > 0) {
		const replay = await replayingProxy(restUrl);
		const bare = /** @type {(typeof pages)[number]} */ (pages.find((page) => page.name === 'bare'));
		try {
			replayed = await timePages(
				'replayed',
				{ PAGE_CACHE_SECONDS: '0', SUPABASE_REST_URL: replay.url },
				[bare, ...furthest],
				counts
			);
			passedOn = replay.passedOn();
		} finally {
			replay.close();
		}
	}
	// The cached run only for the pages that have one (BENCH_PAGES may name none of them).
	const cachedPages = pages.filter((p) => !('uncachedOnly' in p));
	const shared =
		cachedPages.length > 1 ? await timePages('default', {}, cachedPages, counts) : null;
	// Past this length the app's CPU per request jumps by ~0.8 ms (V8 flattens the page's string;
	// docs/benchmarks.md).
	const long = pages.filter((page) => characters[page.name] > 65_500);
	console.log(
		`pages over 65 500 characters: ${long.map((page) => `${page.path} (${(characters[page.name] / 1000).toFixed(1)} k)`).join(', ') || 'none'}`
	);
	if (replayed) {
		// Each distinct call reaches PostgREST once, in its page's warm-up; every other is answered from memory.
		console.log(
			`the pages furthest from the bare page (${furthest.map((page) => page.path).join(', ')}) with the API answered from memory ` +
				`p95 (${passedOn} calls passed on to PostgREST, one per distinct call): ${summary(replayed)}`
		);
	}
	// The worst against the bare page beside it; then, as the rounds before printed it, the slowest page
	// against the first bare run.
	console.log(
		`uncached pages p95 against one bare run at the start: ${summary(uncached.againstFirst)}`
	);
	console.log(
		`uncached pages within 2× the bare page beside them: ${uncached.withinTwice} of ${uncached.ranked.length}`
	);
	console.log(`uncached pages p95: ${summary(uncached)}`);
	if (shared) console.log(`pages p95: ${summary(shared)}`);
}

/** The signed-in pages: round trips, then timing (never served from the page cache). */
async function signedInPages() {
	// Signed in (never served from the page cache): issue 15's signed-in pages, each as a seed person who
	// may open it, each beside a bare page (`/privacy`: only what every signed-in page loads) as the academy
	// coordinator, measured just before and just after it, as the public pages are.
	const cookies = {
		coordinator: await sessionCookie('coordinator@groeistoot.test'),
		provider: await sessionCookie('school@groeistoot.test')
	};
	/** @type {Page[]} */
	const pages = (await signedInSample()).map(({ as, ...page }) => ({
		...page,
		headers: { cookie: cookies[as] },
		// the signed-in home is not one of the issue's pages: timed and printed, not counted
		uncounted: page.name === 'home'
	}));
	const counts = {
		/** @type {Record<string, number>} */ roundTrips: {},
		/** @type {Record<string, number>} */ characters: {}
	};
	{
		const proxy = await countingProxy();
		const app = await startApp(throughProxy(proxy.url));
		try {
			for (const page of pages) {
				const options = { headers: page.headers, redirect: /** @type {const} */ ('manual') };
				await fetch(app.origin + page.path, options);
				proxy.take();
				const response = await fetch(app.origin + page.path, options);
				if (response.status !== 200)
					throw new Error(`${page.path} answered ${response.status} when signed in`);
				counts.characters[page.name] = (await response.text()).length;
				counts.roundTrips[page.name] = proxy.take();
			}
		} finally {
			app.stop();
			proxy.close();
		}
	}
	const signedIn = await timePages('signed in', {}, pages, counts);
	console.log(
		`signed-in pages p95 against one bare run at the start: ${summary(signedIn.againstFirst)}`
	);
	console.log(
		`signed-in pages within 2× the bare page beside them: ${signedIn.withinTwice} of ${signedIn.ranked.length}`
	);
	console.log(`signed-in pages p95: ${summary(signedIn)}`);
}

const status = spawnSync('node', ['stack/cli.js', 'status'], { stdio: 'ignore' }).status;
const startedStack = status !== 0;
if (startedStack) run('node', ['stack/cli.js', 'start']);
try {
	run('npx', ['vite', 'build', '--logLevel', 'warn']);
	if (!signedInOnly) await publicPages();
	if (!publicOnly) await signedInPages();
} finally {
	if (startedStack) run('node', ['stack/cli.js', 'stop']);
}
