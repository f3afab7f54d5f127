// @ts-check
// The app's searches, without the `meilisearch` client: each is a POST of a JSON body over node:http with
// kept-alive connections (../keep-alive-fetch.js), its parsed answer back. Node's fetch under the client cost
// ~1–2 ms a query on the 2-core machine; the client itself, over a kept-alive transport, still built a URL,
// Headers, an AbortController and a timer for every query: 0.14 to 0.25 ms of CPU a query more than the
// request alone (docs/benchmarks.md, twenty-ninth round), a good part of what the app adds to a search.
// Failures come back as the client's own errors, so meili.js reads them alike: a refusal is a
// MeilisearchApiError with Meilisearch's body, no answer or a broken one a MeilisearchRequestError, and a
// timeout a MeilisearchRequestError whose cause is a MeilisearchRequestTimeOutError.
import {
	MeilisearchApiError,
	MeilisearchRequestError,
	MeilisearchRequestTimeOutError
} from 'meilisearch';
import { send, SendTimeoutError } from '../keep-alive-fetch.js';

/**
 * What a search asks of Meilisearch: multi-searches (run-search.ts). The official client has this shape too.
 * @typedef {Pick<import('meilisearch').Meilisearch, 'multiSearch'>} Searcher
 */

/**
 * A searcher for Meilisearch at `url` with `key` (the app's tenant token); a query that gets no answer for
 * `timeoutMs` fails.
 * @param {{ url: string, key: string, timeoutMs: number }} options
 * @returns {Searcher}
 */
export function createSearcher({ url, key, timeoutMs }) {
	const headers = {
		authorization: `Bearer ${key}`,
		'content-type': 'application/json',
		// Node decodes Meilisearch's compressed answers slowly (meili.js).
		'accept-encoding': 'identity'
	};
	// A host without a scheme is http, as for the client.
	const host = /^https?:\/\//.test(url) ? url : `http://${url}`;
	const target = new URL(`${host.replace(/\/+$/, '')}/multi-search`);
	/** @param {unknown} body @returns {Promise<any>} */
	async function multiSearch(body) {
		let answer;
		try {
			answer = await send(target, {
				method: 'POST',
				headers,
				body: JSON.stringify(body),
				timeoutMs
			});
		} catch (error) {
			throw new MeilisearchRequestError(
				target.href,
				error instanceof SendTimeoutError
					? new MeilisearchRequestTimeOutError(timeoutMs, { headers })
					: error
			);
		}
		const { status, statusText, text } = answer;
		let parsed;
		try {
			parsed = text === '' ? undefined : JSON.parse(text);
		} catch (error) {
			throw new MeilisearchRequestError(target.href, error);
		}
		if (status >= 200 && status < 300) return parsed;
		throw new MeilisearchApiError(new Response(null, { status, statusText }), parsed);
	}
	return /** @type {Searcher} */ ({ multiSearch });
}
