// @ts-check
// The search worker: takes rows from public.search_outbox (search_outbox_claim: FOR UPDATE SKIP LOCKED,
// leased), reads the documents with search_documents(), writes the present ones to Meilisearch and
// deletes the absent ones, waits for Meilisearch's tasks and only then completes the rows (a row whose
// version moved on meanwhile is processed again). A failure gives the rows back with a capped exponential
// backoff and the error recorded. Idempotent: writing a document twice leaves the same index. Several
// workers may run at once; each claims other rows.
import os from 'node:os';
import { createMeiliClient, describeMeiliError, meiliErrorCode, waitForTasks } from './meili.js';
import { createRpc } from './rest.js';
import { ensureIndex, INDEX_UIDS, isIndexUid } from './settings.js';

/** @typedef {{ index_uid: string, document_id: string, version: number, attempts: number }} OutboxItem */
/**
 * @typedef {{
 *   claimed: number, upserted: number, deleted: number, completed: number, failed: number, ms: number,
 *   indexes: Record<string, number>, error?: string, items: OutboxItem[]
 * }} BatchResult
 */
/**
 * @typedef {{
 *   supabaseUrl: string, serviceRoleKey: string, meiliUrl: string, meiliKey?: string,
 *   restUrl?: string, workerId?: string, batchSize?: number, leaseSeconds?: number, idleMs?: number,
 *   idleMaxMs?: number,
 *   backoffBaseSeconds?: number, backoffMaxSeconds?: number, meiliTimeoutMs?: number,
 *   onBatch?: (result: BatchResult) => void, log?: (line: string) => void,
 *   beforeComplete?: (items: OutboxItem[]) => void | Promise<void>
 * }} WorkerConfig
 */

/** How often a running worker asks for the daily refresh (search_refresh_daily). */
const REFRESH_EVERY_MS = 60 * 60 * 1000;

/** The most rows one claim takes: the API's max-rows. */
export const MAX_BATCH = 1000;

/**
 * Seconds to wait before the next attempt after `attempts` earlier failures: base, 2×base, 4×base, …,
 * never more than max.
 * @param {number} attempts failures before this one (0 for the first)
 * @param {{ base?: number, max?: number }} [options]
 */
export function backoffSeconds(attempts, { base = 1, max = 300 } = {}) {
	const n = Math.max(0, Math.floor(Number.isFinite(attempts) ? attempts : 0));
	return Math.min(max, base * 2 ** Math.min(n, 30));
}

/**
 * How long an idle worker waits before its next poll, after `emptyPolls` polls in a row that found nothing:
 * idleMs, then twice as long each time (backoffSeconds' doubling, in milliseconds), up to idleMaxMs.
 * @param {number} emptyPolls
 * @param {{ idleMs: number, idleMaxMs: number }} delays
 */
export function idleWait(emptyPolls, { idleMs, idleMaxMs }) {
	return backoffSeconds(emptyPolls, { base: idleMs, max: Math.max(idleMs, idleMaxMs) });
}

/**
 * Claimed rows per index, in a fixed index order.
 * @param {OutboxItem[]} items
 * @returns {Map<string, OutboxItem[]>}
 */
export function groupByIndex(items) {
	/** @type {Map<string, OutboxItem[]>} */
	const groups = new Map();
	for (const uid of INDEX_UIDS) groups.set(uid, []);
	for (const item of items) {
		const group = groups.get(item.index_uid) ?? [];
		group.push(item);
		groups.set(item.index_uid, group);
	}
	for (const [uid, group] of groups) if (group.length === 0) groups.delete(uid);
	return groups;
}

/**
 * What to write and what to delete: the documents search_documents() returned are written; every
 * claimed id it did not return has no public document (deleted, draft, withdrawn…) and is deleted.
 * @param {string[]} ids
 * @param {Array<{ id: string }>} documents
 */
export function splitDocuments(ids, documents) {
	const present = new Set(documents.map((document) => document.id));
	return {
		upserts: documents,
		deletes: [...new Set(ids)].filter((id) => !present.has(id))
	};
}

/** @param {unknown} error */
const describe = (error) => describeMeiliError(error).slice(0, 2000) || 'unknown error';

/**
 * @param {WorkerConfig} config
 */
export function createSearchWorker(config) {
	const {
		meiliUrl,
		meiliKey,
		workerId = `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`,
		batchSize = 500,
		leaseSeconds = 30,
		idleMs = 200,
		idleMaxMs = 1000,
		backoffBaseSeconds = 1,
		backoffMaxSeconds = 300,
		meiliTimeoutMs = 10_000,
		onBatch,
		log = () => {},
		// For tests: runs after Meilisearch took the batch and before the rows are completed.
		beforeComplete
	} = config;
	const meili = createMeiliClient({ url: meiliUrl, key: meiliKey, timeoutMs: meiliTimeoutMs });
	// The API returns at most 1 000 rows per call (PostgREST max-rows): a larger claim would lease rows
	// the worker never sees (until their lease ran out) and miss documents of a larger batch.
	const claimLimit = Math.min(Math.max(1, Math.floor(batchSize)), MAX_BATCH);
	let prepared = false;
	let stopping = false;
	// Set when Meilisearch could not be reached: the loop then waits for its health instead of claiming
	// (and failing) more rows, so that rows do not pile up long backoffs during an outage.
	let meiliAway = false;
	/** @type {Promise<void> | undefined} */
	let loop;
	/** @type {(() => void) | undefined} */
	let wake;

	const rpc = createRpc({ ...config, timeoutMs: 30_000, describe });

	/** Creates missing indexes and applies the settings, once per worker (again after a failure). */
	async function prepare() {
		if (prepared) return;
		for (const uid of INDEX_UIDS) await ensureIndex(meili, uid);
		prepared = true;
	}

	/**
	 * Writes one index's share of a batch to Meilisearch and waits for it.
	 * @param {string} uid
	 * @param {OutboxItem[]} items
	 */
	async function syncIndex(uid, items) {
		if (!isIndexUid(uid)) throw new Error(`unknown search index ${uid}`);
		const ids = items.map((item) => item.document_id);
		/** @type {Array<{ id: string }>} */
		const documents = await rpc('search_documents', { p_index: uid, p_ids: ids });
		const { upserts, deletes } = splitDocuments(ids, documents);
		const tasks = [];
		const index = meili.index(uid);
		if (upserts.length > 0) tasks.push(await index.addDocuments(upserts, { primaryKey: 'id' }));
		if (deletes.length > 0) tasks.push(await index.deleteDocuments(deletes));
		// Never longer than the lease: a batch that outlives it would be claimed again by another worker.
		await waitForTasks(meili, tasks, { timeoutMs: Math.max(leaseSeconds * 1000 - 5000, 1000) });
		return { upserted: upserts.length, deleted: deletes.length };
	}

	/**
	 * @param {OutboxItem[]} items
	 * @param {unknown} error
	 */
	async function giveBack(items, error) {
		const message = describe(error);
		const code = meiliErrorCode(error);
		if (code === 'unreachable' || code === 'timeout') {
			if (!meiliAway) log(`search worker ${workerId}: ${message}; waiting until it answers`);
			meiliAway = true;
		}
		await rpc('search_outbox_fail', {
			p_worker: workerId,
			p_error: message,
			p_items: items.map((item) => ({
				index_uid: item.index_uid,
				document_id: item.document_id,
				version: item.version,
				retry_in_seconds: backoffSeconds(item.attempts, {
					base: backoffBaseSeconds,
					max: backoffMaxSeconds
				})
			}))
		});
		return message;
	}

	/**
	 * Claims one batch and syncs it. Resolves with what happened (claimed 0: nothing was waiting).
	 * @returns {Promise<BatchResult>}
	 */
	async function runOnce() {
		const started = performance.now();
		/** @type {OutboxItem[]} */
		const items = await rpc('search_outbox_claim', {
			p_worker: workerId,
			p_limit: claimLimit,
			p_lease_seconds: leaseSeconds
		});
		/** @type {BatchResult} */
		const result = {
			claimed: items.length,
			upserted: 0,
			deleted: 0,
			completed: 0,
			failed: 0,
			ms: 0,
			indexes: {},
			items
		};
		if (items.length === 0) {
			result.ms = performance.now() - started;
			return result;
		}
		try {
			await prepare();
		} catch (error) {
			result.error = await giveBack(items, error);
			result.failed = items.length;
			result.ms = performance.now() - started;
			onBatch?.(result);
			return result;
		}
		const groups = [...groupByIndex(items)];
		/** @type {Array<{ uid: string, group: OutboxItem[], upserted: number, deleted: number }>} */
		const done = [];
		/** @type {Array<{ uid: string, group: OutboxItem[], error: unknown }>} */
		const failed = [];
		await Promise.all(
			groups.map(async ([uid, group]) => {
				try {
					done.push({ uid, group, ...(await syncIndex(uid, group)) });
				} catch (error) {
					// The index may have been deleted by hand: check it again next time.
					if (meiliErrorCode(error) === 'index_not_found') {
						prepared = false;
					}
					failed.push({ uid, group, error });
				}
			})
		);
		if (done.length > 0) {
			await beforeComplete?.(done.flatMap((outcome) => outcome.group));
			result.completed = await rpc('search_outbox_complete', {
				p_worker: workerId,
				p_items: done.flatMap((outcome) =>
					outcome.group.map((item) => ({
						index_uid: item.index_uid,
						document_id: item.document_id,
						version: item.version
					}))
				)
			});
		}
		for (const outcome of done) {
			result.upserted += outcome.upserted;
			result.deleted += outcome.deleted;
			result.indexes[outcome.uid] = outcome.group.length;
		}
		for (const outcome of failed) {
			result.error = await giveBack(outcome.group, outcome.error);
			result.failed += outcome.group.length;
		}
		result.ms = performance.now() - started;
		onBatch?.(result);
		return result;
	}

	/**
	 * Runs batches until nothing claimable is left (rows in backoff or held by another worker wait).
	 * @param {{ maxBatches?: number }} [options]
	 */
	async function drain({ maxBatches = Infinity } = {}) {
		const total = { batches: 0, claimed: 0, upserted: 0, deleted: 0, completed: 0, failed: 0 };
		while (total.batches < maxBatches) {
			const result = await runOnce();
			if (result.claimed === 0) break;
			total.batches += 1;
			total.claimed += result.claimed;
			total.upserted += result.upserted;
			total.deleted += result.deleted;
			total.completed += result.completed;
			total.failed += result.failed;
			// Everything claimed failed: what is left waits for its backoff.
			if (result.failed === result.claimed) break;
		}
		return total;
	}

	/** @param {number} ms */
	function pause(ms) {
		return new Promise((resolve) => {
			const timer = setTimeout(done, ms);
			function done() {
				clearTimeout(timer);
				wake = undefined;
				resolve(undefined);
			}
			wake = done;
		});
	}

	// Documents that change with the calendar (an academy's upcoming formats) are rebuilt once a day: the
	// running workers ask every hour and the database lets the first request of a day through.
	let refreshedAt = -Infinity;
	async function refreshDaily() {
		if (performance.now() - refreshedAt < REFRESH_EVERY_MS) return;
		refreshedAt = performance.now();
		const enqueued = await rpc('search_refresh_daily', {});
		if (enqueued > 0) log(`search worker ${workerId}: daily refresh, ${enqueued} documents`);
	}

	async function run() {
		let trouble = 0;
		let emptyPolls = 0;
		while (!stopping) {
			if (meiliAway) {
				if (await meili.isHealthy()) {
					meiliAway = false;
					log(`search worker ${workerId}: Meilisearch is back`);
				} else {
					await pause(1000);
					continue;
				}
			}
			try {
				await refreshDaily();
				const result = await runOnce();
				trouble = 0;
				if (result.claimed === 0 || result.failed === result.claimed) {
					// While changes keep coming the worker asks every idleMs; after a quiet spell, once every
					// idleMaxMs instead of five times a second (each poll costs the app, the API and Postgres
					// some CPU), so the first change after it waits up to idleMaxMs before it is claimed.
					await pause(idleWait(emptyPolls, { idleMs, idleMaxMs }));
					emptyPolls += 1;
				} else {
					emptyPolls = 0;
				}
			} catch (error) {
				// The database API is away (restarting, say): try again, less and less often.
				trouble += 1;
				const seconds = backoffSeconds(trouble - 1, { base: 0.5, max: 30 });
				log(`search worker ${workerId}: ${describe(error)}; again in ${seconds} s`);
				await pause(seconds * 1000);
			}
		}
	}

	return {
		workerId,
		meiliUrl,
		runOnce,
		drain,
		/** Runs batches in the background until stop(); when idle, polls after idleMs, then less often. */
		start() {
			if (loop) return;
			stopping = false;
			loop = run();
		},
		/** Finishes the batch in hand, then stops. */
		async stop() {
			stopping = true;
			wake?.();
			await loop;
			loop = undefined;
		},
		get running() {
			return loop !== undefined && !stopping;
		}
	};
}

/** @typedef {ReturnType<typeof createSearchWorker>} SearchWorker */
