#!/usr/bin/env node
// @ts-check
// `npm run bench:import`: how long a network import of 10 000 activities with reach reports takes, and the
// same file again (every row unchanged). Runs a private copy of the stack (own .local folder and ports) so
// a running dev stack is untouched, writes a CSV file of generated rows for several academies of the seed,
// and imports it as `npm run import:activities -- --network` does: the same module as the app
// (src/lib/server/import/activities.ts), through PostgREST with the service role. The timed span is the
// whole import: reading the file, checking the rows and the database's transaction. The same file imported
// again (every row unchanged) is then timed as network staff, through their own session, as the app does.
import { usePrivateStack } from './lib/bench-kit.js';
import { createRandom } from './seed/random.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 10000);
// Before stack/config.js is read anywhere: it takes the private stack's ports from the environment.
const privateStack = await usePrivateStack('bench-import', 25);
const { anonKey, apiUrl, databaseUrl, serviceRoleKey } = privateStack.config;
const { default: pg } = await import('pg');
const { createClient } = await import('@supabase/supabase-js');
const { default: ws } = await import('ws');
const { loadImportModule } = await import('./import-module.js');

// The same file on every run.
const random = createRandom(20261204);
const { pick } = random;
const between = random.int;

// The published labels, as an academy's own spreadsheet would hold them.
const DOMAINS = ['Techniek', 'Programmeren', 'Natuur', 'Sterrenkunde', 'Life sciences'];
const FORMATS = [
	'Losse activiteit',
	'Korte reeks',
	'Lange reeks (semester)',
	'Kamp met overnachting'
];
const HEADER = [
	'extern_id',
	'academie',
	'titel',
	'domeinen',
	'formaat',
	'leeftijd_van',
	'leeftijd_tot',
	'startdatum',
	'einddatum',
	'aantal_sessies',
	'nis',
	'capaciteit',
	'prijs',
	'deelnemers',
	'meisjes',
	'kansengroep'
];

/**
 * Rows for a school year that has run (with reach) and one still to come (without), spread over the
 * academies and the current Flemish municipalities. Separated by ';' with DD/MM/YYYY dates and decimal
 * commas, as Excel in Flanders saves them.
 * @param {string[]} academies @param {string[]} municipalities
 */
function generateCsv(academies, municipalities) {
	const lines = [HEADER.join(';')];
	for (let i = 0; i < ROWS; i++) {
		const past = i % 2 === 0;
		const start = new Date(Date.UTC(past ? 2025 : 2030, between(0, 11), between(1, 28)));
		const end = new Date(start.getTime() + between(0, 4) * 86400000);
		const dmy = (/** @type {Date} */ d) =>
			`${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
		const ageMin = between(6, 14);
		const participants = between(5, 40);
		const domains = [pick(DOMAINS)];
		if (random.chance(0.3)) domains.push(pick(DOMAINS.filter((d) => d !== domains[0])));
		lines.push(
			[
				`bench-${String(i).padStart(5, '0')}`,
				academies[i % academies.length],
				`Activiteit ${i + 1}: ${pick(['Robots', 'Sterren kijken', 'Bijen', 'Apps maken', 'Bruggen bouwen'])}`,
				domains.join('|'),
				pick(FORMATS),
				ageMin,
				ageMin + between(0, 4),
				dmy(start),
				dmy(end),
				between(1, 10),
				pick(municipalities),
				between(10, 30),
				`${between(0, 40)},${pick(['00', '50'])}`,
				past ? participants : '',
				past ? between(0, participants) : '',
				past ? between(0, participants) : ''
			].join(';')
		);
	}
	return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
}

let db;
try {
	console.log(`Starting a private stack in ${privateStack.dir} …`);
	privateStack.start();
	db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();

	const academies = (
		await db.query(
			`select slug from public.organisations where kind = 'academy' order by slug limit 12`
		)
	).rows.map((row) => row.slug);
	const municipalities = (
		await db.query(
			`select nis from public.municipalities where valid_to is null and region = 'VLG' order by nis`
		)
	).rows.map((row) => row.nis);
	if (academies.length < 2) throw new Error('the seed has too few academies');

	const file = generateCsv(academies, municipalities);
	const { importActivities } = await loadImportModule();
	const options = {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		realtime: { transport: /** @type {never} */ (ws) },
		global: { headers: { 'X-Forwarded-For': '10.25.0.1' } }
	};
	const service = createClient(apiUrl, serviceRoleKey, options);
	const staff = createClient(apiUrl, anonKey, options);
	const signIn = await staff.auth.signInWithPassword({
		email: 'netwerk@groeistoot.test',
		password: 'groeistoot-demo'
	});
	if (signIn.error) throw signIn.error;

	// PostgREST may still be loading its schema cache right after the start: wait until it answers.
	for (let attempt = 0; ; attempt++) {
		const { error } = await service.from('organisations').select('id').limit(1);
		if (!error) break;
		if (attempt === 30) throw error;
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}

	const counts = async () =>
		(
			await db.query(
				`select (select count(*) from public.activities where import_id like 'bench-%')::int as activities,
					(select count(*) from public.reach_reports r join public.activities a on a.id = r.activity_id
					 where a.import_id like 'bench-%')::int as reports,
					(select coalesce(sum(version), 0) from public.search_outbox)::int as outbox`
			)
		).rows[0];

	/** @param {import('@supabase/supabase-js').SupabaseClient} client @param {boolean} dryRun */
	async function run(client, dryRun) {
		const began = process.hrtime.bigint();
		const result = await importActivities(client, {
			data: file,
			filename: 'bench.csv',
			scope: { kind: 'network' },
			dryRun,
			locale: 'nl'
		});
		const seconds = Number(process.hrtime.bigint() - began) / 1e9;
		if (result.errors.length > 0) {
			throw new Error(`import refused: ${JSON.stringify(result.errors.slice(0, 5))}`);
		}
		return { seconds, result };
	}

	const before = await counts();
	const dry = await run(service, true);
	console.log(
		`dry run: ${ROWS} rows in ${dry.seconds.toFixed(1)} s (${dry.result.created} to create)`
	);
	const first = await run(service, false);
	const afterFirst = await counts();
	console.log(
		`import: ${ROWS} rows in ${first.seconds.toFixed(1)} s ` +
			`(${first.result.created} created, ${afterFirst.reports - before.reports} reach reports, ` +
			`${afterFirst.outbox - before.outbox} search outbox changes)`
	);
	// A person's request runs under authenticated's 8 s statement timeout: on a loaded machine the same
	// file may not fit, which is worth printing rather than hiding.
	const again = await run(staff, false).catch((/** @type {{ message?: string }} */ error) => {
		console.log(`re-import as network staff: refused (${error.message})`);
		return null;
	});
	if (again) {
		const afterAgain = await counts();
		console.log(
			`re-import as network staff: ${ROWS} rows in ${again.seconds.toFixed(1)} s ` +
				`(${again.result.unchanged} unchanged, ${again.result.updated} updated, ` +
				`${afterAgain.outbox - afterFirst.outbox} search outbox changes)`
		);
	}
	console.log(`import: ${ROWS} rows in ${first.seconds.toFixed(1)} s`);
} finally {
	await db?.end().catch(() => {});
	privateStack.stop();
}
