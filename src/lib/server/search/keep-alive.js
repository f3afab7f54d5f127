// @ts-check
// The app's queries to Meilisearch over node:http with kept-alive connections (../keep-alive-fetch.js), as
// the `meilisearch` client's httpClient. The client's own fetch (undici) cost ~1–2 ms a query on the 2-core
// machine, most of the app's overhead in `npm run bench:search`. Answers come back as the client's own
// errors: a refusal is a MeilisearchApiError with Meilisearch's body (the client wraps it in a
// MeilisearchRequestError; meili.js looks through that), a timeout the client's abort reason.
import { MeilisearchApiError } from 'meilisearch';
import { reusedHeaders, send } from '../keep-alive-fetch.js';

/**
 * @param {URL} url
 * @param {RequestInit} init
 * @returns {Promise<any>}
 */
export async function keepAliveHttpClient(url, init) {
	const { status, text } = await send(url, {
		method: init.method,
		headers: reusedHeaders(init.headers),
		body: typeof init.body === 'string' ? init.body : undefined,
		signal: init.signal
	});
	const parsed = text === '' ? undefined : JSON.parse(text);
	if (status >= 200 && status < 300) return parsed;
	throw new MeilisearchApiError(new Response(null, { status }), parsed);
}
