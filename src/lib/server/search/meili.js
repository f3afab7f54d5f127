// @ts-check
// A tiny Meilisearch client on fetch, for the search worker, the reindex and the query side. It always
// asks for an uncompressed answer (`accept-encoding: identity`): undici trips over some of Meilisearch's
// compressed responses. Writes return a task uid; waitForTask() polls /tasks/:uid until it is done.

/** @typedef {{ taskUid: number, indexUid?: string | null, status?: string, type?: string }} TaskSummary */
/** @typedef {{ uid: number, status: string, type: string, error?: { message: string, code: string } | null }} Task */

export class MeiliError extends Error {
	/**
	 * @param {string} message
	 * @param {{ status?: number, code?: string, cause?: unknown }} [details]
	 */
	constructor(message, details = {}) {
		super(message, { cause: details.cause });
		this.name = 'MeiliError';
		/** HTTP status; 0 when Meilisearch could not be reached. */
		this.status = details.status ?? 0;
		/** Meilisearch's error code (index_not_found, …) or `unreachable`, `timeout`, `task_failed`. */
		this.code = details.code ?? 'unknown';
	}
}

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @param {{ url: string, key?: string, timeoutMs?: number }} options
 */
export function createMeiliClient({ url, key, timeoutMs = 10_000 }) {
	const base = url.replace(/\/+$/, '');

	/**
	 * @param {string} method
	 * @param {string} path
	 * @param {unknown} [body]
	 * @returns {Promise<any>}
	 */
	async function request(method, path, body) {
		/** @type {Record<string, string>} */
		const headers = { 'accept-encoding': 'identity' };
		if (key) headers.authorization = `Bearer ${key}`;
		if (body !== undefined) headers['content-type'] = 'application/json';
		let response;
		try {
			response = await fetch(`${base}${path}`, {
				method,
				headers,
				body: body === undefined ? undefined : JSON.stringify(body),
				signal: AbortSignal.timeout(timeoutMs)
			});
		} catch (error) {
			const timedOut = error instanceof Error && error.name === 'TimeoutError';
			throw new MeiliError(
				timedOut
					? `Meilisearch did not answer ${method} ${path} within ${timeoutMs} ms`
					: `Meilisearch unreachable at ${base}: ${error instanceof Error ? (error.cause ?? error.message) : error}`,
				{ code: timedOut ? 'timeout' : 'unreachable', cause: error }
			);
		}
		const text = await response.text();
		let data = null;
		if (text) {
			try {
				data = JSON.parse(text);
			} catch {
				data = { message: text };
			}
		}
		if (!response.ok) {
			throw new MeiliError(
				`Meilisearch ${method} ${path}: ${response.status} ${data?.message ?? response.statusText}`,
				{ status: response.status, code: data?.code }
			);
		}
		return data;
	}

	/**
	 * Waits until a task succeeded; throws a MeiliError when it failed or was cancelled.
	 * @param {number | TaskSummary} task
	 * @param {{ timeoutMs?: number }} [options]
	 * @returns {Promise<Task>}
	 */
	async function waitForTask(task, { timeoutMs: waitMs = 120_000 } = {}) {
		const uid = typeof task === 'number' ? task : task.taskUid;
		const deadline = Date.now() + waitMs;
		let pause = 5;
		for (;;) {
			/** @type {Task} */
			const current = await request('GET', `/tasks/${uid}`);
			if (current.status === 'succeeded') return current;
			if (current.status === 'failed' || current.status === 'canceled') {
				throw new MeiliError(
					`Meilisearch task ${uid} (${current.type}) ${current.status}: ${current.error?.message ?? 'no reason given'}`,
					{ code: current.error?.code ?? 'task_failed' }
				);
			}
			if (Date.now() > deadline) {
				throw new MeiliError(`Meilisearch task ${uid} not done after ${waitMs} ms`, {
					code: 'timeout'
				});
			}
			await sleep(pause);
			pause = Math.min(pause * 2, 50);
		}
	}

	/**
	 * @param {Array<number | TaskSummary>} tasks
	 * @param {{ timeoutMs?: number }} [options] how long to wait for each
	 */
	const waitForTasks = async (tasks, options) => {
		for (const task of tasks) await waitForTask(task, options);
	};

	const index = (/** @type {string} */ uid) => `/indexes/${encodeURIComponent(uid)}`;

	return {
		url: base,
		request,
		waitForTask,
		waitForTasks,

		/** @returns {Promise<boolean>} */
		async healthy() {
			try {
				return (await request('GET', '/health'))?.status === 'available';
			} catch {
				return false;
			}
		},

		/** @param {string} uid @returns {Promise<{ uid: string, primaryKey: string | null } | null>} */
		async getIndex(uid) {
			try {
				return await request('GET', index(uid));
			} catch (error) {
				if (error instanceof MeiliError && error.code === 'index_not_found') return null;
				throw error;
			}
		},

		/** @param {{ limit?: number }} [options] @returns {Promise<Array<{ uid: string }>>} */
		async listIndexes({ limit = 1000 } = {}) {
			return (await request('GET', `/indexes?limit=${limit}`)).results;
		},

		/** @param {string} uid @param {string} [primaryKey] @returns {Promise<TaskSummary>} */
		createIndex: (uid, primaryKey = 'id') => request('POST', '/indexes', { uid, primaryKey }),

		/** @param {string} uid @returns {Promise<TaskSummary>} */
		deleteIndex: (uid) => request('DELETE', index(uid)),

		/** @param {string} uid @param {Record<string, unknown>} settings @returns {Promise<TaskSummary>} */
		updateSettings: (uid, settings) => request('PATCH', `${index(uid)}/settings`, settings),

		/** @param {string} uid @returns {Promise<Record<string, unknown>>} */
		getSettings: (uid) => request('GET', `${index(uid)}/settings`),

		/** @param {string} uid @param {object[]} documents @returns {Promise<TaskSummary>} */
		addDocuments: (uid, documents) =>
			request('POST', `${index(uid)}/documents?primaryKey=id`, documents),

		/** @param {string} uid @param {string[]} ids @returns {Promise<TaskSummary>} */
		deleteDocuments: (uid, ids) => request('POST', `${index(uid)}/documents/delete-batch`, ids),

		/**
		 * Documents of an index, a page at a time.
		 * @param {string} uid
		 * @param {{ offset?: number, limit?: number, fields?: string[] }} [options]
		 * @returns {Promise<{ results: any[], total: number }>}
		 */
		getDocuments: (uid, { offset = 0, limit = 1000, fields } = {}) =>
			request('POST', `${index(uid)}/documents/fetch`, { offset, limit, fields }),

		/** @param {string} uid @param {string} id @returns {Promise<any | null>} */
		async getDocument(uid, id) {
			try {
				return await request('GET', `${index(uid)}/documents/${encodeURIComponent(id)}`);
			} catch (error) {
				if (error instanceof MeiliError && error.code === 'document_not_found') return null;
				throw error;
			}
		},

		/** @param {string} uid @param {Record<string, unknown>} query @returns {Promise<any>} */
		search: (uid, query) => request('POST', `${index(uid)}/search`, query),

		/** @param {Array<Record<string, unknown>>} queries @returns {Promise<{ results: any[] }>} */
		multiSearch: (queries) => request('POST', '/multi-search', { queries }),

		/** @param {Array<[string, string]>} pairs @returns {Promise<TaskSummary>} */
		swapIndexes: (pairs) =>
			request(
				'POST',
				'/swap-indexes',
				pairs.map((indexes) => ({ indexes }))
			),

		/** @param {string} uid @returns {Promise<{ numberOfDocuments: number, isIndexing: boolean }>} */
		indexStats: (uid) => request('GET', `${index(uid)}/stats`)
	};
}

/** @typedef {ReturnType<typeof createMeiliClient>} MeiliClient */
