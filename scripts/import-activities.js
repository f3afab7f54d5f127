#!/usr/bin/env node
// @ts-check
// `npm run import:activities -- --academy <slug> <file>` or `-- --network <file>` [--dry-run]: imports
// activities with their reach reports from a CSV or XLSX file into the local stack (stack/config.js) with the
// service role, through the same module as the app's import pages (src/lib/server/import/activities.ts).
// Prints each problem in Dutch ("rij 5, kolom startdatum: …") and a summary line; exit code 1 on errors.
import fs from 'node:fs';
import path from 'node:path';
import { createClient } from '@supabase/supabase-js';
import ws from 'ws';
import { apiUrl, serviceRoleKey } from '../stack/config.js';
import { loadImportModule } from './import-module.js';

const usage =
	'Gebruik: npm run import:activities -- --academy <slug> <bestand> | --network <bestand> [--dry-run]';

/** @param {string[]} argv */
function parseArguments(argv) {
	const dryRun = argv.includes('--dry-run');
	const rest = argv.filter((arg) => arg !== '--dry-run');
	if (rest[0] === '--academy' && rest.length === 3) {
		return { scope: 'academy', slug: rest[1], file: rest[2], dryRun };
	}
	if (rest[0] === '--network' && rest.length === 2) {
		return { scope: 'network', slug: null, file: rest[1], dryRun };
	}
	return null;
}

const args = parseArguments(process.argv.slice(2));
if (!args) {
	console.error(usage);
	process.exit(2);
}
if (!fs.existsSync(args.file)) {
	console.error(`Bestand niet gevonden: ${args.file}`);
	process.exit(2);
}

const supabase = createClient(apiUrl, serviceRoleKey, {
	auth: { persistSession: false, autoRefreshToken: false },
	realtime: { transport: ws }
});
const { importActivities } = await loadImportModule();

/** @type {{ kind: 'academy'; organisationId: string } | { kind: 'network' }} */
let scope = { kind: 'network' };
if (args.scope === 'academy') {
	const { data, error } = await supabase
		.from('organisations')
		.select('id')
		.eq('slug', String(args.slug))
		.eq('kind', 'academy')
		.maybeSingle();
	if (error) throw error;
	if (!data) {
		console.error(`Er is geen academie met de korte naam „${args.slug}”.`);
		process.exit(1);
	}
	scope = { kind: 'academy', organisationId: data.id };
}

const started = performance.now();
const result = await importActivities(supabase, {
	data: new Uint8Array(fs.readFileSync(args.file)),
	filename: path.basename(args.file),
	scope,
	dryRun: args.dryRun,
	locale: 'nl'
});
const seconds = ((performance.now() - started) / 1000).toFixed(1);

for (const error of result.errors) {
	const where = error.column ? `rij ${error.row}, kolom ${error.column}` : `rij ${error.row}`;
	console.log(`${where}: ${error.message}`);
}
const counts = `${result.rows} rijen gelezen: ${result.created} nieuw, ${result.updated} bijgewerkt, ${result.unchanged} ongewijzigd`;
if (result.errors.length > 0) {
	console.log(
		`${result.errors.length} ${result.errors.length === 1 ? 'fout' : 'fouten'}; niets geïmporteerd (${counts}).`
	);
	process.exit(1);
}
console.log(
	args.dryRun
		? `Proefrun zonder fouten in ${seconds} s; niets geschreven (${counts}).`
		: `Geïmporteerd in ${seconds} s: ${counts}.`
);
