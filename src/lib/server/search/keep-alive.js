// @ts-check
// The app's queries to Meilisearch over node:http with kept-alive connections, as the `meilisearch` client's
// httpClient. The client's own fetch (undici) cost ~1–2 ms a query on the 2-core machine, most of the app's
// overhead in `npm run bench:search`; node:http on a warm socket costs a fraction of that. Answers come
// back as the client's own errors: a refusal is a MeilisearchApiError with Meilisearch's body (the client
// wraps it in a MeilisearchRequestError; meili.js looks through that), a timeout the client's abort reason.
import http from 'node:http';
import https from 'node:https';
import { MeilisearchApiError } from 'meilisearch';

const agents = {
	'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
	'https:': new https.Agent({ keepAlive: true, maxSockets: 64 })
};

/** @type {WeakMap<object, Record<string, string>>} */
const plainHeaders = new WeakMap();

/**
 * The client's headers as a plain object; the client passes the same Headers object on every query
 * without headers of its own, so that is converted once.
 * @param {HeadersInit | undefined} headers
 * @returns {Record<string, string>}
 */
function headersOf(headers) {
	if (!headers) return {};
	const known = typeof headers === 'object' ? plainHeaders.get(headers) : undefined;
	if (known) return known;
	/** @type {Record<string, string>} */
	const plain = {};
	new Headers(headers).forEach((value, name) => {
		plain[name] = value;
	});
	if (typeof headers === 'object') plainHeaders.set(headers, plain);
	return plain;
}

/**
 * @param {URL} url
 * @param {RequestInit} init
 * @returns {Promise<any>}
 */
export function keepAliveHttpClient(url, init) {
	return new Promise((resolve, reject) => {
		const signal = init.signal ?? undefined;
		if (signal?.aborted) {
			reject(signal.reason);
			return;
		}
		const body = typeof init.body === 'string' ? init.body : undefined;
		const headers = { ...headersOf(init.headers) };
		if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
		const secure = url.protocol === 'https:';
		const request = (secure ? https : http).request(
			url,
			{ method: init.method ?? 'GET', headers, agent: agents[secure ? 'https:' : 'http:'] },
			(response) => {
				/** @type {Buffer[]} */
				const chunks = [];
				response.on('data', (chunk) => chunks.push(chunk));
				response.on('error', fail);
				response.on('end', () => {
					signal?.removeEventListener('abort', abort);
					const text = Buffer.concat(chunks).toString('utf8');
					let parsed;
					try {
						parsed = text === '' ? undefined : JSON.parse(text);
					} catch (error) {
						reject(error);
						return;
					}
					const status = response.statusCode ?? 502;
					if (status >= 200 && status < 300) resolve(parsed);
					else reject(new MeilisearchApiError(new Response(null, { status }), parsed));
				});
			}
		);
		/** @param {unknown} error */
		function fail(error) {
			signal?.removeEventListener('abort', abort);
			reject(error);
		}
		function abort() {
			request.destroy();
			reject(signal?.reason);
		}
		signal?.addEventListener('abort', abort, { once: true });
		request.on('error', fail);
		request.end(body);
	});
}
