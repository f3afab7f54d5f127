#!/usr/bin/env node
// @ts-check
// `npm run bench:matching`: how fast suggest_offers() answers with 5 000, 50 000 and 500 000 offers, before
// (the nearest-300 function, rebuilt in the throwaway database) and after (the exact one), in the same run.
// Runs a private copy of the stack (own .local folder and ports) so a running dev stack is untouched,
// loads generated offers spread over the Flemish municipalities (rooms with weekly slots, pledges with
// radii or municipality lists) and a fixed mix of 50 requests, and times the RPC the app makes: PostgREST
// through the gateway, with a signed-in coordinator's token. The last line is the summary.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OFFERS_SQL, PLACES_SQL } from './lib/bench-offers.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
// BENCH_SIZES=5000,50000 for a shorter run while developing.
const sizes = (process.env.BENCH_SIZES ?? '5000,50000,500000').split(',').map(Number);
// BENCH_KEEP=1 leaves the private stack running with the data loaded (on ports 26xxx, so that a later run
// still finds its own free), to look at plans in psql; the last lines say how to connect and stop it.
const keep = Boolean(process.env.BENCH_KEEP);
const ports = keep ? '26' : '24';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groeistoot-bench-matching-'));
Object.assign(process.env, {
	STACK_LOCAL_DIR: path.join(dir, '.local'),
	STACK_API_PORT: `${ports}321`,
	STACK_DB_PORT: `${ports}322`,
	STACK_MAILBOX_PORT: `${ports}324`,
	STACK_SMTP_PORT: `${ports}325`,
	STACK_POSTGREST_PORT: `${ports}330`,
	STACK_POSTGREST_ADMIN_PORT: `${ports}331`,
	STACK_MEILI_PORT: `${ports}700`
});
const env = process.env;
// Imported after the environment is set: they read the stack's ports from it.
const { anonKey, apiUrl, databaseUrl } = await import('../stack/config.js');
const { default: pg } = await import('pg');
const { createClient } = await import('@supabase/supabase-js');
const { default: ws } = await import('ws');

/** @param {string} command */
function stack(command) {
	const result = spawnSync('node', ['stack/cli.js', command], { env, encoding: 'utf8' });
	if (result.status !== 0)
		throw new Error(`stack ${command} failed: ${result.stderr || result.stdout}`);
}

// A small deterministic generator (mulberry32): the same offers and requests on every run.
let seed = 20261127;
function random() {
	seed = (seed + 0x6d2b79f5) | 0;
	let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
	t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
/** @template T @param {readonly T[]} items @returns {T} */
const pick = (items) => items[Math.floor(random() * items.length)];
/** @param {number} low @param {number} high */
const between = (low, high) => low + Math.floor(random() * (high - low + 1));
function uuid() {
	const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
	hex[12] = '4';
	hex[16] = '89ab'[Math.floor(random() * 4)];
	const s = hex.join('');
	return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
/** @param {[number, number][]} weighted value and weight */
function weightedPick(weighted) {
	const total = weighted.reduce((sum, [, w]) => sum + w, 0);
	let r = random() * total;
	for (const [value, w] of weighted) {
		r -= w;
		if (r <= 0) return value;
	}
	return weighted[weighted.length - 1][0];
}

const DOMAINS = [
	'techniek',
	'programmeren',
	'natuur',
	'sterrenkunde',
	'wiskunde_natuurwetenschappen',
	'life_sciences'
];
const SLOTS_SQL = `
	insert into public.offer_slots (offer_id, weekday, starts_at, ends_at)
	select o.id, s.weekday, s.starts_at, s.ends_at
	from generate_series($1::int, $2::int) n
	join public.offers o on o.id = md5('bench-offer-' || n)::uuid and o.kind = 'room'
	cross join lateral (select array(select random() from generate_series(1, 4) where n is not null) as u) c
	cross join lateral generate_series(1, 1 + floor(c.u[1] * 4)::int) i
	cross join lateral (
		select array(select random() from generate_series(1, 4) where i is not null and n is not null) as v
	) r
	cross join lateral (
		select
			case when r.v[1] < 0.40 then 3 when r.v[1] < 0.75 then (array[1, 2, 4, 5])[1 + floor(r.v[2] * 4)::int]
				else 6 end as weekday,
			case when r.v[1] < 0.40 then (array['12:30', '13:00', '13:30'])[1 + floor(r.v[2] * 3)::int]
				when r.v[1] < 0.75 then (array['15:30', '16:00'])[1 + floor(r.v[3] * 2)::int]
				when r.v[4] < 0.6 then (array['09:00', '10:00'])[1 + floor(r.v[2] * 2)::int]
				else '13:00' end::time as starts_at,
			case when r.v[1] < 0.40 then (array['16:00', '17:00', '18:00'])[1 + floor(r.v[3] * 3)::int]
				when r.v[1] < 0.75 then (array['18:00', '19:00', '21:00'])[1 + floor(r.v[4] * 3)::int]
				when r.v[4] < 0.6 then '12:00'
				else (array['16:00', '17:00'])[1 + floor(r.v[3] * 2)::int] end::time as ends_at
	) s
	on conflict (offer_id, weekday, starts_at) do nothing`;

/** @returns {[number, string, string]} weekday, from, until: after school, Wednesday afternoon, Saturday */
function slot() {
	const kind = weightedPick([
		['wednesday', 40],
		['afterschool', 35],
		['saturday', 25]
	]);
	if (kind === 'wednesday')
		return [3, pick(['12:30', '13:00', '13:30']), pick(['16:00', '17:00', '18:00'])];
	if (kind === 'saturday') {
		return random() < 0.6
			? [6, pick(['09:00', '10:00']), '12:00']
			: [6, '13:00', pick(['16:00', '17:00'])];
	}
	return [pick([1, 2, 4, 5]), pick(['15:30', '16:00']), pick(['18:00', '19:00', '21:00'])];
}

function domains(max = 3) {
	const chosen = new Set();
	const n = between(0, max);
	for (let i = 0; i < n; i++) chosen.add(pick(DOMAINS));
	return [...chosen];
}

/**
 * 50 requests: half of them for a venue on Wednesday afternoon, after school or on Saturday, the rest for
 * volunteers, materials, expertise and funding; spread over Flanders like its people.
 * @param {{ nis: string, lat: number, lng: number, population: number }[]} places
 * @param {string[]} academies
 */
function generateRequests(places, academies) {
	/** @type {[string, number][]} */
	const weightedPlaces = places.map((p, i) => [String(i), p.population]);
	/** @type {string[]} */
	const kinds = [
		...Array(25).fill('venue'),
		...Array(10).fill('volunteers'),
		...Array(5).fill('materials'),
		...Array(5).fill('expertise'),
		...Array(5).fill('funding')
	];
	const requests = [];
	const slots = [];
	for (const [i, kind] of kinds.entries()) {
		const id = uuid();
		const place = places[Number(weightedPick(weightedPlaces))];
		const age = between(6, 14);
		requests.push({
			id,
			organisation_id: pick(academies),
			kind,
			title: `Vraag ${i + 1}: ${kind}`,
			municipality_nis: place.nis,
			lat: place.lat,
			lng: place.lng,
			domains: domains(2),
			age_min: age,
			age_max: age + between(2, 6),
			people: kind === 'venue' || kind === 'volunteers' ? between(2, 24) : null,
			amount_eur: kind === 'funding' ? pick([500, 1500, 3000]) : null,
			needed_from: '2027-01-06',
			needed_until: '2027-05-26'
		});
		if (kind === 'venue') {
			const [weekday, starts, ends] = slot();
			slots.push({ request_id: id, weekday, starts_at: starts, ends_at: ends });
			if (random() < 0.3) {
				const [w2, s2, e2] = slot();
				if (w2 !== weekday) slots.push({ request_id: id, weekday: w2, starts_at: s2, ends_at: e2 });
			}
		}
	}
	return { requests, slots };
}

/** @param {pg.Client} db @param {string} table @param {Record<string, unknown>[]} rows */
async function insertJson(db, table, rows) {
	if (rows.length === 0) return;
	const columns = Object.keys(rows[0]).join(', ');
	// The generator writes complete rows (point, valid kinds and times): skipping the row triggers keeps
	// 50 000 offers to a few seconds. Check constraints still apply.
	await db.query('set session_replication_role = replica');
	for (let i = 0; i < rows.length; i += 10000) {
		await db.query(
			`insert into public.${table} (${columns})
			 select ${columns} from json_populate_recordset(null::public.${table}, $1)`,
			[JSON.stringify(rows.slice(i, i + 10000))]
		);
	}
	await db.query('set session_replication_role = origin');
}

/** @param {number[]} values @param {number} q */
function quantile(values, q) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

let db;
try {
	console.log(`Starting a private stack in ${dir} …`);
	stack('start');
	db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();

	const places = (
		await db.query(
			`select nis, lat, lng, coalesce(population_2020, 1000) as population
			 from public.municipalities where valid_to is null and region = 'VLG' order by nis`
		)
	).rows;
	const byKind = async (/** @type {string[]} */ kinds) =>
		(
			await db.query('select id from public.organisations where kind = any($1) order by id', [
				kinds
			])
		).rows.map((row) => row.id);
	const organisations = {
		rooms: await byKind(['school', 'partner']),
		pledges: await byKind(['company', 'partner'])
	};
	const academies = await byKind(['academy']);
	if (organisations.rooms.length === 0 || academies.length === 0) {
		throw new Error('the seed has no schools or academies');
	}

	const wanted = generateRequests(places, academies);
	await insertJson(db, 'requests', wanted.requests);
	await insertJson(db, 'request_slots', wanted.slots);

	// Before, in the same run: the function as it was until migration 20261206000400 (only the nearest 300
	// reached offers went on to the checks), created by this script in its throwaway database from the
	// original migration's text, under a name of its own, and called through PostgREST like the real one.
	const original = fs.readFileSync('supabase/migrations/20261127002900_matching.sql', 'utf8');
	const capped = /create function private\.match_suggestions\([\s\S]*?\n\$\$;/.exec(original)?.[0];
	if (!capped) throw new Error('the original match_suggestions() was not found');
	await db.query(
		`${capped.replace('private.match_suggestions(', 'private.bench_match_suggestions_capped(')};
		create function public.bench_suggest_offers_capped(p_request_id uuid, p_limit integer default 10)
		returns setof public.match_suggestion language sql stable security invoker set search_path = ''
		as $$ select * from private.bench_match_suggestions_capped(p_request_id, null, p_limit) $$;
		grant execute on function private.bench_match_suggestions_capped(uuid, uuid, integer) to authenticated;
		grant execute on function public.bench_suggest_offers_capped(uuid, integer) to authenticated;
		notify pgrst, 'reload schema'`
	);

	await db.query(PLACES_SQL);
	const client = createClient(apiUrl, anonKey, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		realtime: { transport: /** @type {never} */ (ws) },
		// A client address of its own, as a visitor's browser has: the stack limits sign-ins per address.
		global: { headers: { 'X-Forwarded-For': '10.24.0.1' } }
	});
	const signIn = await client.auth.signInWithPassword({
		email: 'coordinator@groeistoot.test',
		password: 'groeistoot-demo'
	});
	if (signIn.error) throw signIn.error;

	/** @param {string} fn @param {string} requestId */
	async function suggest(fn, requestId) {
		const start = process.hrtime.bigint();
		const { data, error } = await client.rpc(/** @type {'suggest_offers'} */ (fn), {
			p_request_id: requestId,
			p_limit: 30
		});
		const ms = Number(process.hrtime.bigint() - start) / 1e6;
		if (error) throw new Error(`${fn}: ${error.message}`);
		const rows = /** @type {{ offer_id: string }[]} */ (data);
		return { ms, ids: rows.map((row) => row.offer_id) };
	}
	// PostgREST reloads its schema cache in the background: wait until it knows the capped function.
	for (let tries = 0; ; tries++) {
		try {
			await suggest('bench_suggest_offers_capped', wanted.requests[0].id);
			break;
		} catch (error) {
			if (tries > 100) throw error;
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}

	/** @type {Record<number, { before: number, after: number }>} */
	const p95 = {};
	let loaded = 0;
	for (const size of sizes) {
		const began = process.hrtime.bigint();
		// Complete rows: skipping the row triggers keeps the load to the insert itself; checks still apply.
		await db.query('set session_replication_role = replica');
		await db.query('select setseed($1)', [0.2026 + size / 1e7]);
		await db.query(OFFERS_SQL, [loaded + 1, size, organisations.rooms, organisations.pledges]);
		await db.query(SLOTS_SQL, [loaded + 1, size]);
		await db.query('set session_replication_role = origin');
		// The load skipped the triggers that pair each open request with the offers that reach it
		// (private.request_reach, 20261209000100): pair them all once, as part of the load.
		await db.query('select private.request_reach_pair_all()');
		await db.query(
			'analyze public.offers; analyze public.offer_slots; analyze public.requests; analyze private.request_reach'
		);
		const loadSeconds = Number(process.hrtime.bigint() - began) / 1e9;
		loaded = size;

		for (const request of wanted.requests) {
			await suggest('bench_suggest_offers_capped', request.id); // warm-up
			await suggest('suggest_offers', request.id);
		}
		/** @type {{ before: number[], after: number[] }} */
		const times = { before: [], after: [] };
		let suggested = 0;
		let gained = 0;
		for (let round = 0; round < rounds; round++) {
			for (const request of wanted.requests) {
				// Alternating which goes first, so neither always finds the other's pages in the cache.
				const first = round % 2 === 0;
				const a = first ? await suggest('bench_suggest_offers_capped', request.id) : null;
				const after = await suggest('suggest_offers', request.id);
				const before = a ?? (await suggest('bench_suggest_offers_capped', request.id));
				times.before.push(before.ms);
				times.after.push(after.ms);
				suggested += after.ids.length;
				if (round === 0 && after.ids.some((id) => !before.ids.includes(id))) gained++;
			}
		}
		p95[size] = { before: quantile(times.before, 0.95), after: quantile(times.after, 0.95) };
		console.log(
			`${String(size).padStart(6)} offers (generated and loaded in ${loadSeconds.toFixed(1)} s): ` +
				`before (nearest 300) p50 ${quantile(times.before, 0.5).toFixed(1)} ms, p95 ${p95[size].before.toFixed(1)} ms; ` +
				`after (exact) p50 ${quantile(times.after, 0.5).toFixed(1)} ms, p95 ${p95[size].after.toFixed(1)} ms, ` +
				`max ${Math.max(...times.after).toFixed(1)} ms over ${times.after.length} calls each, ` +
				`${(suggested / times.after.length).toFixed(1)} suggestions per request; ` +
				`${gained} of ${wanted.requests.length} requests get an offer the cap left out`
		);
	}

	// The plan inside the function at the largest size, as the signed-in coordinator would run it (RLS on),
	// through auto_explain, for the venue request with the most rooms in reach.
	const largest = sizes[sizes.length - 1];
	const busiest = (
		await db.query(
			`select r.id, count(*)::int as reached
			 from public.requests r
			 cross join lateral private.active_offers_reaching(
				r.lat, r.lng, r.municipality_nis, private.offer_kinds_for_request(r.kind)) x
			 where r.id = any ($1::uuid[]) and r.kind = 'venue'
			 group by r.id order by reached desc limit 1`,
			[wanted.requests.map((r) => r.id)]
		)
	).rows[0];
	const user = signIn.data.user;
	/** @type {string[]} */
	const notices = [];
	db.on('notice', (notice) => notices.push(notice.message ?? ''));
	await db.query('begin');
	await db.query(`load 'auto_explain'`);
	await db.query(
		`set local auto_explain.log_min_duration = 0; set local auto_explain.log_analyze = on;
		 set local auto_explain.log_buffers = on; set local auto_explain.log_nested_statements = on;
		 set local auto_explain.log_level = notice; set local client_min_messages = notice`
	);
	await db.query(`select set_config('request.jwt.claims', $1, true)`, [
		JSON.stringify({ sub: user?.id, role: 'authenticated' })
	]);
	await db.query('set local role authenticated');
	await db.query('select count(*) from public.suggest_offers($1, 30)', [busiest?.id]);
	await db.query('rollback');
	const plan = notices.join('\n');
	if (process.env.BENCH_PLAN) console.log(plan);
	// The offers that reach the request are read from the stored pairs (private.request_reach), those that can
	// rank highest first (request_reach_highest_idx, 20261223000000).
	const reachScan =
		/(?:Bitmap Index Scan on|Index (?:Only )?Scan using) request_reach_highest_idx.*\(actual time=[^)]*\)/.exec(
			plan
		);
	const total = /Function Scan on match_suggestions.*\(actual time=[^)]*\)/.exec(plan);
	console.log(
		`EXPLAIN ANALYZE at ${largest} offers, the venue request with the most rooms in reach ` +
			`(${busiest?.reached} candidates, RLS on): ` +
			(reachScan
				? reachScan[0].replace(/\s+/g, ' ').trim()
				: 'request_reach_highest_idx NOT used') +
			(total ? `; whole function: ${total[0].replace(/.*\(actual/, '(actual').trim()}` : '')
	);
	const first = sizes[0];
	const growth = (/** @type {'before' | 'after'} */ which) =>
		(p95[largest][which] / p95[first][which]).toFixed(1);
	console.log(
		`matching p95 before (nearest 300): ${sizes.map((size) => `${size} ${p95[size].before.toFixed(1)} ms`).join(', ')}`
	);
	console.log(`growth ${first}→${largest}: before ×${growth('before')}, after ×${growth('after')}`);
	console.log(
		`matching p95: ${sizes.map((size) => `${size} ${p95[size].after.toFixed(1)} ms`).join(', ')}`
	);
} finally {
	await db?.end().catch(() => {});
	if (keep) {
		console.log(`Kept the stack running: psql ${databaseUrl}`);
		const stackEnv = Object.entries(env)
			.filter(([name]) => name.startsWith('STACK_'))
			.map(([name, value]) => `${name}=${value}`)
			.join(' ');
		console.log(`Stop it with: ${stackEnv} node stack/cli.js stop; rm -rf ${dir}`);
	} else {
		spawnSync('node', ['stack/cli.js', 'stop'], { env });
		fs.rmSync(dir, { recursive: true, force: true });
	}
}
