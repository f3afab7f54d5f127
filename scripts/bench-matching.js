#!/usr/bin/env node
// @ts-check
// `npm run bench:matching`: how fast suggest_offers() answers with 500, 5 000 and 50 000 offers.
// Runs a private copy of the stack (own .local folder and ports) so a running dev stack is untouched,
// loads generated offers spread over the Flemish municipalities (rooms with weekly slots, pledges with
// radii or municipality lists) and a fixed mix of 50 requests, and times the RPC the app makes: PostgREST
// through the gateway, with a signed-in coordinator's token. The last line is the summary.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const sizes = [500, 5000, 50000];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groeistoot-bench-matching-'));
Object.assign(process.env, {
	STACK_LOCAL_DIR: path.join(dir, '.local'),
	STACK_API_PORT: '24321',
	STACK_DB_PORT: '24322',
	STACK_MAILBOX_PORT: '24324',
	STACK_SMTP_PORT: '24325',
	STACK_POSTGREST_PORT: '24330',
	STACK_POSTGREST_ADMIN_PORT: '24331',
	STACK_MEILI_PORT: '24700'
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
const ROOM_TYPES = [
	'klaslokaal',
	'labo_wetenschappen',
	'ict_lokaal',
	'werkplaats_makerspace',
	'sporthal',
	'aula'
];
/** @type {[string, number][]} */
const OFFER_KINDS = [
	['room', 45],
	['volunteers', 18],
	['materials', 12],
	['expertise', 10],
	['visit', 8],
	['funding', 7]
];
const RADII = /** @type {Record<string, number[]>} */ ({
	room: [5, 10, 10, 15, 15, 20, 25],
	volunteers: [10, 20, 25, 30, 40, 50],
	materials: [10, 25, 50, 75],
	expertise: [15, 25, 30, 50],
	visit: [10, 20, 30, 40],
	funding: [25, 50, 100]
});

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
 * @param {number} count
 * @param {{ nis: string, lat: number, lng: number, population: number }[]} places
 * @param {{ rooms: string[], pledges: string[] }} organisations
 */
function generateOffers(count, places, organisations) {
	/** @type {[string, number][]} */
	const weightedPlaces = places.map((p, i) => [String(i), p.population]);
	const offers = [];
	const slots = [];
	for (let i = 0; i < count; i++) {
		const place = places[Number(weightedPick(weightedPlaces))];
		const kind = weightedPick(OFFER_KINDS);
		const byList = kind === 'funding' ? random() < 0.4 : random() < 0.08;
		const near = byList
			? places
					.map((p) => ({
						nis: p.nis,
						d: Math.hypot(p.lat - place.lat, (p.lng - place.lng) * 0.63)
					}))
					.sort((a, b) => a.d - b.d)
					.slice(0, between(3, 10))
					.map((p) => p.nis)
			: [];
		const room = kind === 'room';
		const age = random() < 0.5 ? between(6, 14) : null;
		const term = random() < 0.9 ? ['2026-09-01', '2027-06-30'] : ['2025-09-01', '2026-06-30'];
		const id = uuid();
		offers.push({
			id,
			organisation_id: pick(room ? organisations.rooms : organisations.pledges),
			kind,
			title: `${room ? pick(ROOM_TYPES).replace('_', ' ') : kind} ${i + 1}`,
			status: weightedPick([
				['active', 85],
				['paused', 10],
				['withdrawn', 5]
			]),
			municipality_nis: place.nis,
			// Within a few km of the centroid: schools and companies are not all in the town centre.
			lat: place.lat + (random() - 0.5) * 0.04,
			lng: place.lng + (random() - 0.5) * 0.06,
			radius_km: byList && random() < 0.7 ? null : pick(RADII[kind]),
			area_municipalities: near,
			domains: domains(),
			age_min: age,
			age_max: age === null ? null : age + between(2, 8),
			room_type: room ? pick(ROOM_TYPES) : null,
			capacity: room ? pick([12, 16, 20, 24, 28, 30, 60, 120]) : null,
			accessible: room ? random() < 0.6 : null,
			conditions: room ? [pick(['gratis', 'gratis', 'vergoeding'])] : [],
			fee_eur: room && random() < 0.3 ? pick([25, 50, 75]) : null,
			term_start: room ? term[0] : null,
			term_end: room ? term[1] : null,
			people:
				kind === 'volunteers' || kind === 'expertise' || kind === 'visit' ? between(1, 6) : null,
			hours_per_year: kind === 'volunteers' ? pick([10, 20, 40, 80]) : null,
			materials:
				kind === 'materials' ? pick(['laptops', 'microscopen', 'robotkits', '3D-printer']) : null,
			quantity: kind === 'materials' ? between(1, 30) : null,
			amount_eur: kind === 'funding' ? pick([500, 1000, 2500, 5000]) : null
		});
		if (room) {
			const seen = new Set();
			for (let s = between(1, 4); s > 0; s--) {
				const [weekday, starts, ends] = slot();
				if (seen.has(`${weekday} ${starts}`)) continue;
				seen.add(`${weekday} ${starts}`);
				slots.push({ offer_id: id, weekday, starts_at: starts, ends_at: ends });
			}
		}
	}
	return { offers, slots };
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

	const all = generateOffers(sizes[sizes.length - 1], places, organisations);
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

	/** @type {Record<number, { p50: number, p95: number }>} */
	const results = {};
	let loaded = 0;
	for (const size of sizes) {
		const began = process.hrtime.bigint();
		const offers = all.offers.slice(loaded, size);
		const ids = new Set(offers.map((o) => o.id));
		await insertJson(db, 'offers', offers);
		await insertJson(
			db,
			'offer_slots',
			all.slots.filter((s) => ids.has(s.offer_id))
		);
		await db.query('analyze public.offers; analyze public.offer_slots; analyze public.requests');
		const loadSeconds = Number(process.hrtime.bigint() - began) / 1e9;
		loaded = size;

		/** @param {string} requestId */
		async function suggest(requestId) {
			const start = process.hrtime.bigint();
			const { data, error } = await client.rpc('suggest_offers', {
				p_request_id: requestId,
				p_limit: 30
			});
			const ms = Number(process.hrtime.bigint() - start) / 1e6;
			if (error) throw new Error(`suggest_offers: ${error.message}`);
			return { ms, rows: /** @type {unknown[]} */ (data).length };
		}
		for (const request of wanted.requests) await suggest(request.id); // warm-up
		const times = [];
		let suggested = 0;
		for (let round = 0; round < rounds; round++) {
			for (const request of wanted.requests) {
				const { ms, rows } = await suggest(request.id);
				times.push(ms);
				suggested += rows;
			}
		}
		results[size] = { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
		console.log(
			`${String(size).padStart(6)} offers (loaded in ${loadSeconds.toFixed(1)} s): ` +
				`p50 ${results[size].p50.toFixed(1)} ms, p95 ${results[size].p95.toFixed(1)} ms, ` +
				`max ${Math.max(...times).toFixed(1)} ms over ${times.length} calls, ` +
				`${(suggested / times.length).toFixed(1)} suggestions per request`
		);
	}

	// The plan inside the function, as the signed-in coordinator would run it (RLS on), through auto_explain.
	const venue = wanted.requests.find((r) => r.kind === 'venue');
	const user = signIn.data.user;
	/** @type {string[]} */
	const notices = [];
	db.on('notice', (notice) => notices.push(notice.message ?? ''));
	await db.query('begin');
	await db.query(`load 'auto_explain'`);
	await db.query(
		`set local auto_explain.log_min_duration = 0; set local auto_explain.log_analyze = on;
		 set local auto_explain.log_nested_statements = on; set local auto_explain.log_level = notice;
		 set local client_min_messages = notice`
	);
	await db.query(`select set_config('request.jwt.claims', $1, true)`, [
		JSON.stringify({ sub: user?.id, role: 'authenticated' })
	]);
	await db.query('set local role authenticated');
	await db.query('select count(*) from public.suggest_offers($1, 30)', [venue?.id]);
	await db.query('rollback');
	const plan = notices.join('\n');
	if (process.env.BENCH_PLAN) console.log(plan);
	// The lookup by reach box, with its row count and time (one line per matching kind).
	const boxScan = /Index Scan using offers_reach_box_idx.*\(actual time=[^)]*\)/.exec(plan);
	const seqScan = /Seq Scan on offers.*\(actual time=[^)]*\)/.exec(plan);
	console.log(
		boxScan
			? `EXPLAIN ANALYZE at 50000 offers (a venue request, RLS on): ${boxScan[0].replace(/\s+/g, ' ').trim()}`
			: `EXPLAIN ANALYZE at 50000 offers: offers_reach_box_idx NOT used${seqScan ? ` (${seqScan[0].trim()})` : ''}`
	);
	console.log(
		`matching p95: ${sizes.map((size) => `${size} ${results[size].p95.toFixed(1)} ms`).join(', ')}`
	);
} finally {
	await db?.end().catch(() => {});
	spawnSync('node', ['stack/cli.js', 'stop'], { env });
	fs.rmSync(dir, { recursive: true, force: true });
}
