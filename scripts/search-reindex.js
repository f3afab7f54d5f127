#!/usr/bin/env node
// @ts-check
// `npm run search:reindex [index …]`: rebuilds the search indexes from Postgres into new indexes and
// swaps them in (search keeps answering throughout), then prints the documents per index and the time.
// Environment: PUBLIC_SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY, MEILI_URL, MEILI_MASTER_KEY; defaults only
// against the local stack.
import { apiUrl, meiliMasterKey, meiliUrl, serviceRoleKey } from '../stack/config.js';
import { reindex } from '../src/lib/server/search/reindex.js';
import { searchScriptSettings } from '../src/lib/server/search/script-settings.js';
import { INDEX_UIDS, isIndexUid } from '../src/lib/server/search/settings.js';

const wanted = process.argv.slice(2);
const unknown = wanted.filter((uid) => !isIndexUid(uid));
if (unknown.length > 0) {
	console.error(
		`search:reindex: unknown index ${unknown.join(', ')} (known: ${INDEX_UIDS.join(', ')})`
	);
	process.exit(2);
}

let settings;
try {
	settings = searchScriptSettings(process.env, {
		apiUrl,
		serviceRoleKey,
		meiliUrl,
		meiliMasterKey
	});
} catch (error) {
	console.error(`search:reindex: ${error instanceof Error ? error.message : error}`);
	process.exit(2);
}

const started = Date.now();
try {
	const results = await reindex({
		...settings,
		indexes: wanted.length > 0 ? wanted : INDEX_UIDS
	});
	for (const { uid, documents, requeued, ms } of results) {
		console.log(
			`${uid.padEnd(14)} ${String(documents).padStart(7)} documents  ${String(ms).padStart(6)} ms` +
				(requeued > 0 ? `  (${requeued} recent changes queued again)` : '')
		);
	}
	const total = results.reduce((sum, result) => sum + result.documents, 0);
	console.log(`reindexed ${total} documents in ${Date.now() - started} ms`);
} catch (error) {
	console.error(`search:reindex failed: ${error instanceof Error ? error.message : error}`);
	process.exit(1);
}
