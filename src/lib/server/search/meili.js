// @ts-check
// The one place a Meilisearch client is made: the official `meilisearch` client, for the worker, the reindex,
// the search key and the scripts (the app's queries go over keep-alive.js, with the same errors). Around it,
// what they all need: a task awaited until it succeeded (a failed one is an error), "not found" as null, and
// an error as one line with its kind.
import {
	Meilisearch,
	MeilisearchApiError,
	MeilisearchRequestError,
	MeilisearchRequestTimeOutError,
	MeilisearchTaskTimeOutError
} from 'meilisearch';

/** @typedef {Meilisearch} MeiliClient */
/** @typedef {number | { taskUid: number }} TaskRef */

/**
 * @param {{ url: string, key?: string, timeoutMs?: number }} options
 * @returns {MeiliClient}
 */
export function createMeiliClient({ url, key, timeoutMs = 10_000 }) {
	/** @type {import('meilisearch').Config} */
	const config = {
		host: url,
		apiKey: key,
		timeout: timeoutMs,
		// Node's fetch decodes Meilisearch's brotli answers slowly (~40 ms a query, ~4 ms uncompressed on
		// localhost) and trips over some of them.
		requestInit: { headers: { 'accept-encoding': 'identity' } }
	};
	return new Meilisearch(config);
}

/** A Meilisearch task that failed, was cancelled or did not finish in time. */
export class MeiliTaskError extends Error {
	/** @param {string} message @param {string} code Meilisearch's error code, or `timeout` */
	constructor(message, code) {
		super(message);
		this.name = 'MeiliTaskError';
		this.code = code;
	}
}

/**
 * What went wrong, in a word: `unreachable` (no answer at all), `timeout`, Meilisearch's own error code
 * (`index_not_found`, `invalid_api_key`, …), or `unknown`.
 * @param {unknown} error
 * @returns {string}
 */
export function meiliErrorCode(error) {
	if (error instanceof MeilisearchApiError)
		return error.cause?.code ?? `http_${error.response.status}`;
	if (error instanceof MeilisearchRequestError) {
		return error.cause instanceof MeilisearchRequestTimeOutError ? 'timeout' : 'unreachable';
	}
	if (error instanceof MeilisearchTaskTimeOutError) return 'timeout';
	if (error instanceof MeiliTaskError) return error.code;
	return 'unknown';
}

/** @param {unknown} error @returns {string} */
function innermost(error) {
	let current = error;
	while (current instanceof Error && current.cause instanceof Error) current = current.cause;
	return current instanceof Error ? current.message : String(current);
}

/**
 * An error of the client as one line for logs and the outbox's last_error; never carries the key.
 * @param {unknown} error
 * @returns {string}
 */
export function describeMeiliError(error) {
	const code = meiliErrorCode(error);
	if (code === 'unreachable' && error instanceof Error) {
		return `Meilisearch unreachable: ${error.message} (${innermost(error)})`;
	}
	if (code === 'timeout' && error instanceof MeilisearchRequestError) {
		return `Meilisearch did not answer in time: ${error.message} (${innermost(error)})`;
	}
	if (error instanceof MeilisearchApiError) {
		return `Meilisearch ${error.response.status} ${code}: ${error.message}`;
	}
	return error instanceof Error ? error.message : String(error);
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until a task succeeded; a task that failed or was cancelled throws a MeiliTaskError with
 * Meilisearch's code. Polls soon at first (most tasks take milliseconds), then every 50 ms.
 * @param {MeiliClient} meili
 * @param {TaskRef} task
 * @param {{ timeoutMs?: number }} [options]
 */
export async function waitForTask(meili, task, { timeoutMs = 120_000 } = {}) {
	const uid = typeof task === 'number' ? task : task.taskUid;
	const deadline = Date.now() + timeoutMs;
	let pause = 5;
	for (;;) {
		const current = await meili.tasks.getTask(uid);
		if (current.status === 'succeeded') return current;
		if (current.status === 'failed' || current.status === 'canceled') {
			throw new MeiliTaskError(
				`Meilisearch task ${uid} (${current.type}) ${current.status}: ${current.error?.message ?? 'no reason given'}`,
				current.error?.code ?? 'task_failed'
			);
		}
		if (Date.now() > deadline) {
			throw new MeiliTaskError(`Meilisearch task ${uid} not done after ${timeoutMs} ms`, 'timeout');
		}
		await sleep(pause);
		pause = Math.min(pause * 2, 50);
	}
}

/**
 * @param {MeiliClient} meili
 * @param {TaskRef[]} tasks
 * @param {{ timeoutMs?: number }} [options] how long to wait for each
 */
export async function waitForTasks(meili, tasks, options) {
	for (const task of tasks) await waitForTask(meili, task, options);
}

/**
 * @template T
 * @param {Promise<T>} request
 * @param {string} notFound the error code that means "not there"
 * @returns {Promise<T | null>}
 */
async function orNull(request, notFound) {
	try {
		return await request;
	} catch (error) {
		if (meiliErrorCode(error) === notFound) return null;
		throw error;
	}
}

/**
 * The index, or null when it does not exist.
 * @param {MeiliClient} meili
 * @param {string} uid
 */
export const getIndexOrNull = (meili, uid) => orNull(meili.getRawIndex(uid), 'index_not_found');

/**
 * A document, or null when the index does not hold it.
 * @param {MeiliClient} meili
 * @param {string} uid
 * @param {string} id
 * @returns {Promise<Record<string, unknown> | null>}
 */
export const getDocumentOrNull = (meili, uid, id) =>
	orNull(meili.index(uid).getDocument(encodeURIComponent(id)), 'document_not_found');
