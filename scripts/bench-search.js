#!/usr/bin/env node
// @ts-check
// `npm run bench:search`: search with more than 50 000 documents, on a private copy of the stack (own
// .local folder and ports) so a running dev stack is untouched.
//  1. generates organisations, activities, offers and requests in Postgres (SQL; the outbox triggers
//     fire as for any write) and times the worker indexing them all (documents/s), and a full reindex;
//  2. starts the built app against the private stack (its in-app worker on) and measures the sync lag:
//     commit of a change to the moment Meilisearch finds it, p95 over 50 writes;
//  3. times the same mix of queries (text, typos, facets, geo radius) through the app's GET /api/search
//     and straight against Meilisearch with the very requests the app sends (captured once through a
//     recording proxy: path, body and the app's credential, its search-only tenant token, so both sides
//     pay for the same authorisation), interleaved in one run, each side in each place in turn (ORDERS);
//     then the same for the /zoeken page's data (GET /zoeken/__data.json, as a client-side navigation asks
//     it: the page's node only) with chosen filters: its multi-search with disjunctive facet counts. The
//     last line is the header box's summary, the line before it the /zoeken one.
// BENCH_COMPARE=<dir> also times that other build of the app (say, the one before a change; its worker
// off) in the same rounds, printed as extra "compare" lines, so a before/after shares one machine state.
// BENCH_BUILD=<dir> uses an existing build of the app instead of building one into .local/build-bench-search.
import http from 'node:http';
import {
	buildApp,
	quantile,
	sleep,
	startApp as startBuiltApp,
	usePrivateStack
} from './lib/bench-kit.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 30);
const APP_PORT = 28173;
const CAPTURE_APP_PORT = 28174;
const COMPARE_APP_PORT = 28175;
const PROXY_PORT = 28701;
// A private stack on ports 28xxx; the modules below read its ports from the environment it sets.
const stack = await usePrivateStack('bench-search', 28);
const { apiUrl, databaseUrl, meiliMasterKey, meiliUrl, root, serviceRoleKey } = stack.config;
const { default: pg } = await import('pg');
const { createSearchWorker } = await import('../src/lib/server/search/worker.js');
const { reindex } = await import('../src/lib/server/search/reindex.js');
const { createMeiliClient } = await import('../src/lib/server/search/meili.js');

const ms = (/** @type {number} */ value) => `${value.toFixed(1)} ms`;

/** The generated data: 200 organisations, 42 000 activities, 6 000 offers, 4 200 requests. */
const GENERATE = `
with places as (
	select array_agg(nis order by nis) as nis from public.municipalities
	where valid_to is null and region in ('VLG', 'BRU')
)
insert into public.organisations (kind, name, slug, description, municipality_nis)
select
	case when n <= 120 then 'academy' when n <= 160 then 'school' else 'company' end,
	(array['STEM-academie', 'Techniekschool', 'Robotbedrijf', 'Codeclub', 'Sterrenwacht', 'Fablab Academie'])[1 + n % 6]
		|| ' ' || (array['De Vonk', 'Kiem', 'Atoom', 'Nova', 'Orbit', 'Pixel', 'Vlinder', 'Kompas'])[1 + n % 8] || ' ' || n,
	'bench-org-' || n,
	'Een organisatie die jongeren laat kennismaken met wetenschap en techniek.',
	places.nis[1 + (n * 37) % cardinality(places.nis)]
from generate_series(1, 200) n, places;

update public.academy_profiles p set
	stem_letters = (array['{S,T}', '{T,E}', '{S,T,E,M}', '{M}', '{S}'])[1 + abs(hashtext(p.organisation_id::text)) % 5]::text[],
	domains = (array['{techniek}', '{programmeren}', '{sterrenkunde}', '{natuur,life_sciences}', '{wiskunde_natuurwetenschappen}'])[1 + abs(hashtext(p.organisation_id::text)) % 5]::text[],
	age_min = 6 + abs(hashtext(p.organisation_id::text)) % 6,
	age_max = 12 + abs(hashtext(p.organisation_id::text)) % 6,
	quality_label = (array['none', 'none', 'candidate', 'awarded'])[1 + abs(hashtext(p.organisation_id::text)) % 4]
where p.organisation_id in (select o.id from public.organisations o where o.slug like 'bench-org-%');

with places as (
	select array_agg(nis order by nis) as nis from public.municipalities
	where valid_to is null and region in ('VLG', 'BRU')
),
academies as (
	select array_agg(id order by slug) as ids from public.organisations where slug like 'bench-org-%' and kind = 'academy'
)
insert into public.activities (organisation_id, title, description, domains, format, age_min, age_max,
	start_date, end_date, municipality_nis, price_eur, status)
select
	academies.ids[1 + n % cardinality(academies.ids)],
	(array['Robotica', 'Programmeren', 'Sterrenkunde', 'Natuurexploratie', 'Wiskunde', 'Techniek', '3D-printen',
		'Elektronica', 'Chemie', 'Biologie', 'Ruimtevaart', 'Minecraft coderen'])[1 + n % 12]
		|| ' ' || (array['voor beginners', 'kamp', 'workshop', 'club', 'in het labo', 'atelier', 'reeks',
		'experimenten', 'voor gevorderden', 'met LEGO'])[1 + (n / 12) % 10] || ' ' || n,
	'Samen bouwen, testen en ontdekken: ' || (array['robots en sensoren', 'apps en games', 'sterren en planeten',
		'bossen en beestjes', 'puzzels en patronen', 'motoren en machines'])[1 + n % 6] || '.',
	(array['{techniek}', '{programmeren}', '{sterrenkunde}', '{natuur}', '{wiskunde_natuurwetenschappen}',
		'{techniek,programmeren}', '{life_sciences}'])[1 + n % 7]::text[],
	(array['losse_activiteit', 'korte_reeks', 'lange_reeks_semester', 'lange_reeks_jaar',
		'kamp_zonder_overnachting', 'kamp_met_overnachting'])[1 + n % 6],
	6 + n % 8,
	10 + n % 8,
	date '2027-01-04' + (n % 300),
	date '2027-01-04' + (n % 300) + (n % 5),
	places.nis[1 + (n * 13) % cardinality(places.nis)],
	(n % 6) * 15,
	case when n % 20 = 0 then 'draft' else 'published' end
from generate_series(1, 42000) n, places, academies;

with places as (
	select array_agg(nis order by nis) as nis from public.municipalities
	where valid_to is null and region in ('VLG', 'BRU')
),
schools as (select array_agg(id order by slug) as ids from public.organisations where slug like 'bench-org-%' and kind = 'school'),
companies as (select array_agg(id order by slug) as ids from public.organisations where slug like 'bench-org-%' and kind = 'company')
insert into public.offers (organisation_id, kind, title, description, municipality_nis, radius_km, domains,
	room_type, capacity, term_start, term_end, people)
select
	case when n % 2 = 0 then schools.ids[1 + n % cardinality(schools.ids)] else companies.ids[1 + n % cardinality(companies.ids)] end,
	case when n % 2 = 0 then 'room' else 'volunteers' end,
	case when n % 2 = 0 then (array['Labo wetenschappen', 'ICT-lokaal', 'Makerspace', 'Klaslokaal', 'Aula'])[1 + n % 5]
		else (array['Mentoren techniek', 'Vrijwilligers programmeren', 'Ingenieurs als coach'])[1 + n % 3] end || ' ' || n,
	'Beschikbaar voor STEM-activiteiten na school.',
	places.nis[1 + (n * 17) % cardinality(places.nis)],
	10 + n % 30,
	(array['{techniek}', '{programmeren}', '{}'])[1 + n % 3]::text[],
	case when n % 2 = 0 then (array['labo_wetenschappen', 'ict_lokaal', 'werkplaats_makerspace', 'klaslokaal', 'aula'])[1 + n % 5] end,
	case when n % 2 = 0 then 16 + n % 40 end,
	case when n % 2 = 0 then date '2026-09-01' end,
	case when n % 2 = 0 then date '2027-06-30' end,
	case when n % 2 = 1 then 1 + n % 5 end
from generate_series(1, 6000) n, places, schools, companies;

insert into public.offer_slots (offer_id, weekday, starts_at, ends_at)
select id, 1 + abs(hashtext(id::text)) % 6, '13:00', '17:00' from public.offers
where kind = 'room' and title ~ ' [0-9]+$'
on conflict do nothing;

with places as (
	select array_agg(nis order by nis) as nis from public.municipalities
	where valid_to is null and region in ('VLG', 'BRU')
),
academies as (select array_agg(id order by slug) as ids from public.organisations where slug like 'bench-org-%' and kind = 'academy')
insert into public.requests (organisation_id, kind, title, description, municipality_nis, domains, age_min,
	age_max, people, amount_eur, deadline)
select
	academies.ids[1 + n % cardinality(academies.ids)],
	(array['venue', 'volunteers', 'materials', 'funding', 'expertise'])[1 + n % 5],
	(array['Een labo gezocht', 'Mentoren gezocht voor robotica', 'Laptops nodig', 'Steun voor ons kamp',
		'Expertise in sterrenkunde'])[1 + n % 5] || ' ' || n,
	'Wij zoeken hulp voor onze activiteiten.',
	places.nis[1 + (n * 29) % cardinality(places.nis)],
	(array['{techniek}', '{programmeren}', '{sterrenkunde}'])[1 + n % 3]::text[],
	8, 14,
	case when n % 5 in (0, 1) then 2 + n % 10 end,
	case when n % 5 = 3 then 500 + (n % 10) * 250 end,
	date '2027-02-01' + (n % 120)
from generate_series(1, 4200) n, places, academies;

insert into public.request_slots (request_id, weekday, starts_at, ends_at)
select id, 1 + abs(hashtext(id::text)) % 6, '16:00', '18:00' from public.requests
where kind = 'venue' and title ~ ' [0-9]+$'
on conflict do nothing;
`;

/** The query mix, as the header box sends it to /api/search. */
const QUERIES = [
	'q=robotica',
	'q=programmeren',
	'q=sterrenkunde+kamp',
	'q=labo',
	'q=robtica',
	'q=progrmmeren',
	'q=sterenkunde',
	'q=robot&provincie=limburg&leeftijd=10',
	'q=kamp&domein=techniek&provincie=antwerpen',
	'q=workshop&stem=M',
	'q=robotica&binnen=10&van=44021',
	'q=mentoren&binnen=25&van=11002',
	'q=coderen&binnen=15&van=24062'
];

/**
 * The /zoeken page's searches with chosen filters: one multi-search with the results and, per chosen
 * filter, a count-only query without that filter (disjunctive facets). The app side asks the page's data
 * (GET /zoeken/__data.json, what a client-side navigation loads: the search, facets and links, no HTML;
 * asBrowser() below).
 */
const FACET_QUERIES = [
	'q=robotica&domein=techniek',
	'q=kamp&domein=techniek&provincie=antwerpen',
	'q=workshop&stem=M&leeftijd=10',
	'q=programmeren&domein=programmeren&domein=techniek&provincie=limburg',
	'q=robot&binnen=25&van=11002&domein=techniek'
];

/** The order of the sides in a round: every order once in 2 (or 6, with a compare app) rounds. */
const ORDERS = {
	two: [
		['app', 'meili'],
		['meili', 'app']
	],
	three: [
		['app', 'compare', 'meili'],
		['compare', 'meili', 'app'],
		['meili', 'app', 'compare'],
		['app', 'meili', 'compare'],
		['meili', 'compare', 'app'],
		['compare', 'app', 'meili']
	]
};

/** @param {string} query */
const suggestUrl = (query) => `/api/search?${query}`;
/** @param {string} query */
const pageDataUrl = (query) => `/zoeken/__data.json?${query}`;

/**
 * A URL of the app as the browser asks it. The page's data comes as a client-side navigation on /zoeken
 * asks it when the query changes: the page's node only (x-sveltekit-invalidated, a flag per node of the
 * route, layouts first), since the layouts' loads read no URL and the browser does not ask them again. The
 * flags are counted per build (BENCH_COMPARE's routes may have other layouts).
 * @type {Map<string, string>}
 */
const pageOnly = new Map();
/** @param {string} origin @param {string} url */
async function asBrowser(origin, url) {
	if (!url.startsWith('/zoeken/__data.json?')) return `${origin}${url}`;
	let flags = pageOnly.get(origin);
	if (flags === undefined) {
		const response = await fetch(`${origin}/zoeken/__data.json?q=warm`);
		const { nodes } = /** @type {{ nodes: unknown[] }} */ (await response.json());
		flags = `${'0'.repeat(nodes.length - 1)}1`;
		pageOnly.set(origin, flags);
	}
	return `${origin}${url}&x-sveltekit-invalidated=${flags}`;
}

/** @typedef {{ path: string, body: string, authorization: string }} Captured */

/**
 * A proxy in front of Meilisearch that remembers the requests the app makes (path, body, credential).
 * @returns {Promise<{ taken: () => Captured[], close: () => void }>}
 */
async function recordingProxy() {
	const target = new URL(meiliUrl);
	/** @type {Captured[]} */
	let seen = [];
	const server = http.createServer((req, res) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			const body = Buffer.concat(chunks).toString('utf8');
			if (req.method === 'POST' && !req.url?.startsWith('/keys')) {
				seen.push({ path: req.url ?? '/', body, authorization: req.headers.authorization ?? '' });
			}
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
			upstream.end(body);
		});
	});
	await new Promise((resolve) => server.listen(PROXY_PORT, '127.0.0.1', () => resolve(undefined)));
	return {
		taken: () => {
			const taken = seen;
			seen = [];
			return taken;
		},
		close: () => server.close()
	};
}

/**
 * The built app against the private stack.
 * @param {string} build @param {number} port @param {Record<string, string>} env
 */
const startApp = (build, port, env) => startBuiltApp({ build, port, config: stack.config, env });

/** @param {string} url @param {RequestInit} [init] */
async function timed(url, init) {
	const started = performance.now();
	const response = await fetch(url, init);
	await response.arrayBuffer();
	const took = performance.now() - started;
	if (!response.ok) throw new Error(`${url}: ${response.status}`);
	return took;
}

/** @type {pg.Client | undefined} */
let db;
/** @type {Array<() => unknown>} */
const cleanup = [];
try {
	const build = buildApp(root, 'bench-search');

	console.log(`Starting a private stack in ${stack.dir} …`);
	stack.start();
	db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	const worker = createSearchWorker({
		supabaseUrl: apiUrl,
		serviceRoleKey,
		meiliUrl,
		meiliKey: meiliMasterKey,
		batchSize: 1000,
		backoffBaseSeconds: 0.2,
		backoffMaxSeconds: 2,
		onBatch: (batch) => {
			if (batch.error) console.log(`  a batch of ${batch.claimed} failed: ${batch.error}`);
		}
	});
	/** Drains until the outbox is empty, retrying what failed. */
	async function catchUp() {
		const total = { upserted: 0, deleted: 0 };
		for (;;) {
			const round = await worker.drain();
			total.upserted += round.upserted;
			total.deleted += round.deleted;
			const [{ left }] = (
				await /** @type {pg.Client} */ (db).query(
					'select count(*)::int as left from public.search_outbox where processed_at is null'
				)
			).rows;
			if (left === 0) return total;
			await sleep(200);
		}
	}
	await catchUp();

	// 1. Generate and index.
	let started = performance.now();
	await db.query(GENERATE);
	const generateMs = performance.now() - started;
	const [{ waiting }] = (
		await db.query(
			'select count(*)::int as waiting from public.search_outbox where processed_at is null'
		)
	).rows;
	console.log(`generated rows in ${ms(generateMs)}; ${waiting} documents waiting in the outbox`);

	started = performance.now();
	const drained = await catchUp();
	const drainMs = performance.now() - started;
	const meili = createMeiliClient({ url: meiliUrl, key: meiliMasterKey });
	let documents = 0;
	for (const uid of ['activities', 'organisations', 'offers', 'requests']) {
		const { numberOfDocuments } = await meili.index(uid).getStats();
		console.log(`  ${uid.padEnd(14)} ${numberOfDocuments} documents`);
		documents += numberOfDocuments;
	}
	if (documents < 50_000) throw new Error(`only ${documents} documents indexed`);
	console.log(
		`worker indexing: ${drained.upserted} written + ${drained.deleted} deleted in ${ms(drainMs)} ` +
			`= ${Math.round((drained.upserted + drained.deleted) / (drainMs / 1000))} documents/s`
	);
	started = performance.now();
	const rebuilt = await reindex({
		supabaseUrl: apiUrl,
		serviceRoleKey,
		meiliUrl,
		meiliKey: meiliMasterKey,
		pageSize: 1000
	});
	const reindexMs = performance.now() - started;
	const reindexed = rebuilt.reduce((sum, result) => sum + result.documents, 0);
	await catchUp();
	console.log(
		`reindex: ${reindexed} documents in ${ms(reindexMs)} = ${Math.round(reindexed / (reindexMs / 1000))} documents/s`
	);

	// 2. Capture the app's Meilisearch requests for the query mix (worker off in that app).
	const proxy = await recordingProxy();
	cleanup.push(() => proxy.close());
	const captureApp = await startApp(build, CAPTURE_APP_PORT, {
		SEARCH_WORKER: 'off',
		MEILI_URL: `http://127.0.0.1:${PROXY_PORT}`
	});
	/** @type {Map<string, Captured[]>} */
	const direct = new Map();
	// The first request also makes the app's search key (a POST to /keys, not replayed).
	await timed(`${captureApp.origin}/api/search?q=warm`);
	/** @param {string[]} queries @param {(query: string) => string} urlOf @param {number} most */
	async function capture(queries, urlOf, most) {
		for (const query of queries) {
			const url = await asBrowser(captureApp.origin, urlOf(query));
			proxy.taken();
			await timed(url);
			const requests = proxy.taken().filter((request) => request.path !== '/health');
			if (requests.length < 1 || requests.length > most) {
				throw new Error(`${query}: the app made ${requests.length} Meilisearch requests`);
			}
			if (requests.some((request) => request.authorization === `Bearer ${meiliMasterKey}`)) {
				throw new Error(`${query}: the app searched with the master key`);
			}
			direct.set(urlOf(query), requests);
		}
	}
	await capture(QUERIES, suggestUrl, 2);
	await capture(FACET_QUERIES, pageDataUrl, 2);
	// Each /zoeken query asks counts of the facets (a disjunctive facet query for every chosen filter).
	for (const query of FACET_QUERIES) {
		const requests = /** @type {Captured[]} */ (direct.get(pageDataUrl(query)));
		if (!requests.some((request) => request.body.includes('"facets"'))) {
			throw new Error(`${query}: the /zoeken page asked no facet counts`);
		}
	}
	await captureApp.stop();
	proxy.close();

	// 3. The app with its in-app worker: sync lag, then the query mix.
	const app = await startApp(build, APP_PORT, {});
	cleanup.push(() => app.stop());
	const compareBuild = process.env.BENCH_COMPARE;
	const compareApp = compareBuild
		? await startApp(compareBuild, COMPARE_APP_PORT, { SEARCH_WORKER: 'off' })
		: undefined;
	if (compareApp) cleanup.push(() => compareApp.stop());
	const ids = (
		await db.query(
			`select id from public.activities where status = 'published' order by id limit 50`
		)
	).rows.map((row) => row.id);
	/** @type {number[]} */
	const lags = [];
	for (const [i, id] of ids.entries()) {
		const token = `synclag${i}x${Date.now().toString(36)}`;
		await db.query('update public.activities set title = $2 where id = $1', [
			id,
			`Robotica ${token}`
		]);
		const committed = performance.now();
		for (;;) {
			const { hits } = await meili.index('activities').search(token, {
				limit: 1,
				attributesToRetrieve: ['id']
			});
			if (hits.length > 0) break;
			if (performance.now() - committed > 30_000)
				throw new Error(`${token} never became searchable`);
			await sleep(5);
		}
		lags.push(performance.now() - committed);
	}
	console.log(
		`sync lag (commit to searchable, ${lags.length} writes): p50 ${ms(quantile(lags, 0.5))}, ` +
			`p95 ${ms(quantile(lags, 0.95))}, max ${ms(Math.max(...lags))}; slowest writes ` +
			[...lags.entries()]
				.sort(([, a], [, b]) => b - a)
				.slice(0, 4)
				.map(([i, lag]) => `#${i + 1} ${ms(lag)}`)
				.join(', ')
	);

	// Warm up both paths, then interleave them query by query. The direct path replays the captured bytes
	// (several requests at once, as the app sends them) with a bare fetch and the app's own credential:
	// the baseline is Meilisearch itself, without any client around it.
	/** @param {string} url */
	const viaApp = async (url) => timed(await asBrowser(app.origin, url));
	/** @param {string} url */
	const viaCompare = async (url) =>
		compareApp ? timed(await asBrowser(compareApp.origin, url)) : 0;
	/** @param {string} url */
	const viaMeili = async (url) => {
		const requests = /** @type {Captured[]} */ (direct.get(url));
		const started = performance.now();
		await Promise.all(
			requests.map((request) =>
				timed(`${meiliUrl}${request.path}`, {
					method: 'POST',
					headers: {
						authorization: request.authorization,
						'content-type': 'application/json',
						'accept-encoding': 'identity'
					},
					body: request.body
				})
			)
		);
		return performance.now() - started;
	};
	/**
	 * The p95 of each side over `rounds` rounds of the queries, printed per query.
	 * @param {string} title @param {string[]} queries @param {(query: string) => string} urlOf
	 */
	async function measure(title, queries, urlOf) {
		for (let i = 0; i < 3; i++) {
			for (const query of queries) {
				await viaApp(urlOf(query));
				await viaCompare(urlOf(query));
				await viaMeili(urlOf(query));
			}
		}
		/** @type {number[]} */
		const compareTimes = [];
		/** @type {number[]} */
		const appTimes = [];
		/** @type {number[]} */
		const meiliTimes = [];
		/** @type {Map<string, { app: number[], meili: number[] }>} */
		const perQuery = new Map(queries.map((query) => [query, { app: [], meili: [] }]));
		for (let round = 0; round < rounds; round++) {
			for (const query of queries) {
				const entry = /** @type {{ app: number[], meili: number[] }} */ (perQuery.get(query));
				// Each side takes each place in turn, so none always finds the caches warmed by the same query
				// just before it (the compare app, always in the middle, once ran faster than Meilisearch).
				let appTime = 0;
				let meiliTime = 0;
				const orders = ORDERS[compareApp ? 'three' : 'two'];
				for (const side of orders[round % orders.length]) {
					if (side === 'app') appTime = await viaApp(urlOf(query));
					else if (side === 'compare') compareTimes.push(await viaCompare(urlOf(query)));
					else meiliTime = await viaMeili(urlOf(query));
				}
				appTimes.push(appTime);
				meiliTimes.push(meiliTime);
				entry.app.push(appTime);
				entry.meili.push(meiliTime);
			}
		}
		console.log(`${title}: ${queries.length} kinds × ${rounds} rounds, one at a time`);
		for (const [query, times] of perQuery) {
			console.log(
				`  ${query.padEnd(66)} app p95 ${ms(quantile(times.app, 0.95)).padStart(9)}   ` +
					`meilisearch p95 ${ms(quantile(times.meili, 0.95)).padStart(9)}`
			);
		}
		return {
			app: quantile(appTimes, 0.95),
			meili: quantile(meiliTimes, 0.95),
			compare: compareApp ? quantile(compareTimes, 0.95) : 0
		};
	}
	const box = await measure('header box queries (GET /api/search)', QUERIES, suggestUrl);
	const page = await measure(
		'/zoeken with filters (GET /zoeken/__data.json, disjunctive facets)',
		FACET_QUERIES,
		pageDataUrl
	);
	console.log(
		`documents ${documents}, indexing ${Math.round((drained.upserted + drained.deleted) / (drainMs / 1000))} documents/s (worker), ` +
			`${Math.round(reindexed / (reindexMs / 1000))} documents/s (reindex), sync lag p95 ${ms(quantile(lags, 0.95))}`
	);
	if (compareApp) {
		console.log(
			`compare (${compareBuild}): search facets p95 (/zoeken): app ${page.compare.toFixed(1)} ms, ` +
				`meilisearch ${page.meili.toFixed(1)} ms, ratio ${(page.compare / page.meili).toFixed(2)}`
		);
		console.log(
			`compare (${compareBuild}): search p95: app ${box.compare.toFixed(1)} ms, ` +
				`meilisearch ${box.meili.toFixed(1)} ms, ratio ${(box.compare / box.meili).toFixed(2)}`
		);
	}
	console.log(
		`search facets p95 (/zoeken): app ${page.app.toFixed(1)} ms, meilisearch ${page.meili.toFixed(1)} ms, ratio ${(page.app / page.meili).toFixed(2)}`
	);
	console.log(
		`search p95: app ${box.app.toFixed(1)} ms, meilisearch ${box.meili.toFixed(1)} ms, ratio ${(box.app / box.meili).toFixed(2)}`
	);
} finally {
	for (const close of cleanup.reverse()) {
		try {
			await close();
		} catch {
			// already gone
		}
	}
	await db?.end().catch(() => undefined);
	try {
		stack.stop();
	} catch (error) {
		console.error(String(error));
	}
}
