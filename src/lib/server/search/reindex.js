// @ts-check
// Rebuilds search indexes from Postgres without a moment where search is empty: per index, a new index
// `<uid>_reindex_<timestamp>` (stagedUid) gets the settings and every document (search_documents() page
// by page), then Meilisearch swaps it with the live one atomically and the old one is deleted. Changes the
// worker wrote to the old index while the new one was being filled are queued again afterwards
// (search_outbox_requeue), so nothing written meanwhile is lost.
import { createMeiliClient, waitForTask, waitForTasks } from './meili.js';
import { createRpc } from './rest.js';
import { ensureIndex, INDEX_SETTINGS, INDEX_UIDS, stagedAt, stagedUid } from './settings.js';

/** A staged index left by a reindex or an ensureIndex() that crashed is removed by a reindex after this. */
const LEFTOVER_MS = 60 * 60 * 1000;

/**
 * @typedef {{
 *   supabaseUrl: string, serviceRoleKey: string, meiliUrl: string, meiliKey?: string, restUrl?: string,
 *   indexes?: readonly string[], pageSize?: number, log?: (line: string) => void,
 *   onPage?: (uid: string, count: number) => void | Promise<void>
 * }} ReindexConfig
 */

/**
 * @param {ReindexConfig} config
 * @returns {Promise<Array<{ uid: string, documents: number, requeued: number, ms: number }>>}
 */
export async function reindex(config) {
	const { indexes = INDEX_UIDS, pageSize = 1000, log = () => {}, onPage } = config;
	const meili = createMeiliClient({
		url: config.meiliUrl,
		key: config.meiliKey,
		timeoutMs: 60_000
	});
	const rpc = createRpc(config);

	const existing = (await meili.getRawIndexes({ limit: 1000 })).results.map((index) => index.uid);
	const results = [];
	for (const uid of indexes) {
		const started = Date.now();
		// Rows the worker completes from now on may have gone to the old index: queued again at the end
		// (by the database's clock, which also stamps processed_at).
		/** @type {string} */
		const since = await rpc('search_reindex_begin', {});

		for (const candidate of existing) {
			const stamp = stagedAt(candidate, uid);
			if (stamp !== undefined && started - stamp > LEFTOVER_MS) {
				await waitForTask(meili, await meili.deleteIndex(candidate));
			}
		}
		// The live index must exist to be swapped; one that never existed starts empty anyway.
		await ensureIndex(meili, uid);

		const fresh = stagedUid(uid, started);
		let documents = 0;
		await waitForTask(meili, await meili.createIndex(fresh, { primaryKey: 'id' }));
		try {
			await waitForTask(meili, await meili.index(fresh).updateSettings(INDEX_SETTINGS));
			let after = null;
			const tasks = [];
			for (;;) {
				/** @type {Array<{ id: string }>} */
				const page = await rpc('search_documents', {
					p_index: uid,
					p_after: after,
					p_limit: pageSize
				});
				if (page.length === 0) break;
				tasks.push(await meili.index(fresh).addDocuments(page, { primaryKey: 'id' }));
				documents += page.length;
				after = page[page.length - 1]?.id ?? null;
				await onPage?.(uid, documents);
				// No stop on a short page: the API may cap a page below pageSize (PostgREST max-rows).
			}
			await waitForTasks(meili, tasks);
			await waitForTask(meili, await meili.swapIndexes([{ indexes: [uid, fresh], rename: false }]));
		} catch (error) {
			await meili.deleteIndex(fresh).catch(() => undefined);
			throw error;
		}
		// After the swap `fresh` names the old documents.
		await waitForTask(meili, await meili.deleteIndex(fresh));
		const requeued = await rpc('search_outbox_requeue', { p_index: uid, p_since: since });
		const ms = Date.now() - started;
		log(`${uid}: ${documents} documents in ${ms} ms (${requeued} changes queued again)`);
		results.push({ uid, documents, requeued, ms });
	}
	return results;
}
