#!/usr/bin/env node
// @ts-check
// `npm run bench:community-offers`: how fast a community's page finds its newest offers at many offers:
// community_offer_ids() (the stored places, 20261218000000_offer_places.sql) against the scan it replaced
// (every active offer tested against every place of the community; rebuilt by this script from its
// migration, 20261203001000, under a name of its own), in the same run. Runs a private copy of the stack
// (own .local folder, ports 23xxx), loads BENCH_OFFERS (50 000) of bench:matching's generated offers with
// creation dates spread over two years, writes their places once (offer_places_rebuild()), then calls both
// as anonymous visitors for every community of the seed, interleaved, BENCH_ROUNDS (20) times each, and
// checks that both give the same list. The last line is the summary.
import fs from 'node:fs';
import { OFFERS_SQL, PLACES_SQL } from './lib/bench-offers.js';
import { quantile, usePrivateStack } from './lib/bench-kit.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 20);
const offers = Number(process.env.BENCH_OFFERS ?? 50000);
// Ports 23xxx: the other private stacks (benchmarks, auth-js, the search fault test) use 24xxx to 29xxx.
const stack = await usePrivateStack('bench-community-offers', 23);
const { databaseUrl } = stack.config;
const { default: pg } = await import('pg');

/** The scan as its migration wrote it, under another name. */
function scanFunction() {
	const migration = fs.readFileSync(
		'supabase/migrations/20261203001000_community_pages.sql',
		'utf8'
	);
	const found = migration.match(
		/create function public\.community_offer_ids\([\s\S]*?\n\$\$;/
	)?.[0];
	if (!found) throw new Error('community_offer_ids() not found in its migration');
	return found.replace('public.community_offer_ids(', 'public.bench_community_offer_ids_scan(');
}

/** @param {pg.Client} db @param {string} sql @param {unknown[]} values */
async function timed(db, sql, values) {
	const began = process.hrtime.bigint();
	const { rows } = await db.query(sql, values);
	return { ms: Number(process.hrtime.bigint() - began) / 1e6, ids: rows.map((row) => row.id) };
}

let db;
try {
	console.log(`Starting a private stack in ${stack.dir} …`);
	stack.start();
	db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	const byKind = async (/** @type {string[]} */ kinds) =>
		(
			await db.query('select id from public.organisations where kind = any($1) order by id', [
				kinds
			])
		).rows.map((row) => row.id);

	let began = process.hrtime.bigint();
	await db.query(PLACES_SQL);
	// Complete rows: skipping the row triggers keeps the load to the insert itself; checks still apply.
	await db.query('set session_replication_role = replica');
	await db.query('select setseed(0.2026)');
	await db.query(OFFERS_SQL, [
		1,
		offers,
		await byKind(['school', 'partner']),
		await byKind(['company', 'partner'])
	]);
	// One statement gives them one creation time: spread them over two years, the same way every run.
	await db.query(
		`update public.offers
		 set created_at = now() - (('x' || substr(md5(id::text), 1, 7))::bit(28)::int % 1000000) * interval '1 minute'
		 where id in (select md5('bench-offer-' || n)::uuid from generate_series(1, $1::int) n)`,
		[offers]
	);
	await db.query('set session_replication_role = origin');
	const loadSeconds = Number(process.hrtime.bigint() - began) / 1e9;
	began = process.hrtime.bigint();
	await db.query('select private.offer_places_rebuild()');
	const rebuildSeconds = Number(process.hrtime.bigint() - began) / 1e9;
	await db.query('analyze public.offers; analyze private.offer_places');
	const [size] = (
		await db.query(
			`select (select count(*) from public.offers where status = 'active') as active,
				(select count(*) from private.offer_places) as rows,
				pg_size_pretty(pg_total_relation_size('private.offer_places')) as bytes`
		)
	).rows;
	console.log(
		`${size.active} active offers (generated and loaded in ${loadSeconds.toFixed(1)} s); their places: ` +
			`${size.rows} rows, ${size.bytes}, written in ${rebuildSeconds.toFixed(1)} s`
	);

	await db.query(scanFunction());
	await db.query(
		'grant execute on function public.bench_community_offer_ids_scan(uuid, integer) to anon'
	);
	const communities = (
		await db.query(
			`select c.id, coalesce(c.slug, c.municipality_nis) as name, count(cm.*) as places
			 from public.communities c join public.community_municipalities cm on cm.community_id = c.id
			 where c.status = 'active' group by c.id order by c.id`
		)
	).rows;
	await db.query('set role anon');
	/** @type {{ scan: number[], stored: number[] }} */
	const all = { scan: [], stored: [] };
	let same = 0;
	for (const community of communities) {
		/** @type {{ scan: number[], stored: number[] }} */
		const times = { scan: [], stored: [] };
		for (let round = 0; round <= rounds; round++) {
			// Interleaved, each first in turn; round 0 warms up.
			const order = round % 2 === 0 ? ['scan', 'stored'] : ['stored', 'scan'];
			/** @type {Record<string, string[]>} */
			const lists = {};
			for (const which of /** @type {('scan' | 'stored')[]} */ (order)) {
				const fn = which === 'scan' ? 'bench_community_offer_ids_scan' : 'community_offer_ids';
				const { ms, ids } = await timed(db, `select id from public.${fn}($1, 6) id`, [
					community.id
				]);
				if (round > 0) times[which].push(ms);
				lists[which] = ids;
			}
			if (round === 0 && JSON.stringify(lists.scan) === JSON.stringify(lists.stored)) same++;
		}
		all.scan.push(...times.scan);
		all.stored.push(...times.stored);
		console.log(
			`${String(community.name).padEnd(28)} ${String(community.places).padStart(3)} places  ` +
				`scan p50 ${quantile(times.scan, 0.5).toFixed(2)} ms  stored p50 ${quantile(times.stored, 0.5).toFixed(2)} ms`
		);
	}
	await db.query('reset role');
	console.log(`the same six offers from both for ${same} of ${communities.length} communities`);
	const p95 = { scan: quantile(all.scan, 0.95), stored: quantile(all.stored, 0.95) };
	console.log(
		`community offers p95 at ${size.active} active offers: scan ${p95.scan.toFixed(2)} ms, ` +
			`stored ${p95.stored.toFixed(2)} ms, ratio ${(p95.stored / p95.scan).toFixed(3)}`
	);
	if (same !== communities.length) process.exitCode = 1;
} finally {
	await db?.end().catch(() => {});
	stack.stop();
}
