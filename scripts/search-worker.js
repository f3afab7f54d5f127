#!/usr/bin/env node
// @ts-check
// `npm run search:worker`: keeps Meilisearch in step with Postgres outside the app server (run it with
// SEARCH_WORKER=off on the app, or next to it: several workers share the outbox). One line per batch;
// stops after the batch in hand on SIGINT or SIGTERM.
// Environment: PUBLIC_SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY, MEILI_URL, MEILI_MASTER_KEY; defaults only
// against the local stack.
import { apiUrl, meiliMasterKey, meiliUrl, serviceRoleKey } from '../stack/config.js';
import { searchScriptSettings } from '../src/lib/server/search/script-settings.js';
import { createSearchWorker } from '../src/lib/server/search/worker.js';

const stamp = () => new Date().toISOString();

let settings;
try {
	settings = searchScriptSettings(process.env, {
		apiUrl,
		serviceRoleKey,
		meiliUrl,
		meiliMasterKey
	});
} catch (error) {
	console.error(`search:worker: ${error instanceof Error ? error.message : error}`);
	process.exit(2);
}

const worker = createSearchWorker({
	...settings,
	onBatch: (batch) => {
		const indexes = Object.entries(batch.indexes)
			.map(([uid, count]) => `${uid} ${count}`)
			.join(', ');
		console.log(
			`${stamp()} batch: ${batch.claimed} claimed, ${batch.upserted} written, ${batch.deleted} deleted, ` +
				`${batch.completed} completed, ${batch.failed} failed${indexes ? ` (${indexes})` : ''} ` +
				`in ${Math.round(batch.ms)} ms${batch.error ? `; error: ${batch.error}` : ''}`
		);
	},
	log: (line) => console.error(`${stamp()} ${line}`)
});

console.log(`${stamp()} search worker ${worker.workerId} started (${worker.meiliUrl})`);
worker.start();

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
	process.once(signal, () => {
		console.log(`${stamp()} ${signal}: stopping after the current batch`);
		void worker.stop().then(() => process.exit(0));
	});
}
