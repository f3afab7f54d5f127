// @ts-check
// HTTP calls from the app to the parts behind it over node:http with kept-alive connections. Node's own
// fetch (undici) costs ~0.5–1 ms of CPU per call on the 2-core machine (request and response objects,
// web streams, abort signals), while node:http on a warm socket costs a fraction of that. Used for the
// app's searches (search/keep-alive.js) and for the Supabase client's PostgREST calls (supabase.ts).
import http from 'node:http';
import https from 'node:https';

/**
 * One pool of connections per protocol, shared by every caller in the process. An idle connection is
 * closed by this side first: after 4 s, or a second before the server's Keep-Alive hint when that is
 * shorter (the gateway, Node's default, and Meilisearch keep idle connections for 5 s). Without a timeout
 * of its own Node 20's agent ignores the hint, and a request sent on a connection the server is closing
 * fails ("socket hang up"); this timeout never cuts a request that is waiting for its answer (send()'s own
 * `timeoutMs` does, for that request).
 */
const options = { keepAlive: true, maxSockets: 64, timeout: 4000 };
export const agents = { 'http:': new http.Agent(options), 'https:': new https.Agent(options) };

/**
 * Headers as a plain object.
 * @param {HeadersInit | undefined} headers
 * @returns {Record<string, string>}
 */
function plainHeaders(headers) {
	/** @type {Record<string, string>} */
	const plain = {};
	if (headers) {
		(headers instanceof Headers ? headers : new Headers(headers)).forEach((value, name) => {
			plain[name] = value;
		});
	}
	return plain;
}

/** No byte of an answer came for `timeoutMs` (send()'s own timeout). */
export class SendTimeoutError extends Error {
	/** @param {number} timeoutMs */
	constructor(timeoutMs) {
		super(`no answer for ${timeoutMs} ms`);
		this.name = 'SendTimeoutError';
		this.timeoutMs = timeoutMs;
	}
}

/**
 * Sends one request and collects its whole answer. `timeoutMs` gives up (a SendTimeoutError) when the
 * connection stays silent that long once the request has its socket: the socket's own idle timer, cheaper
 * than a signal and a timer per call, but not a deadline (a request queued behind the agent's 64 sockets
 * waits untimed, and an answer that keeps trickling in is not cut).
 * @param {URL} url
 * @param {{ method?: string, headers?: Record<string, string>, body?: string, signal?: AbortSignal | null,
 *   timeoutMs?: number }} init
 * @returns {Promise<{ status: number, statusText: string, headers: http.IncomingHttpHeaders, text: string }>}
 */
export function send(url, init) {
	return new Promise((resolve, reject) => {
		const signal = init.signal ?? undefined;
		if (signal?.aborted) {
			reject(signal.reason);
			return;
		}
		const body = init.body;
		const headers = { ...init.headers };
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
					resolve({
						status: response.statusCode ?? 502,
						statusText: response.statusMessage ?? '',
						headers: response.headers,
						text: Buffer.concat(chunks).toString('utf8')
					});
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
		const { timeoutMs } = init;
		// setTimeout() rather than http.request's `timeout` option, which the agent skips when it equals its own.
		if (timeoutMs !== undefined) {
			request.setTimeout(timeoutMs, () => request.destroy(new SendTimeoutError(timeoutMs)));
		}
		request.on('error', fail);
		request.end(body);
	});
}

/**
 * A fetch for JSON APIs (PostgREST) on kept-alive connections. Requests with a body other than a string
 * (a file, a form) go to the global fetch. The answer is a Response with its whole body already read:
 * status, headers, text() and json(), which is what PostgREST's client reads (no clone(), no stream).
 * @type {typeof fetch}
 */
export const keepAliveFetch = async (input, init = {}) => {
	if (input instanceof Request || (init.body != null && typeof init.body !== 'string')) {
		return fetch(input, init);
	}
	const url = input instanceof URL ? input : new URL(input);
	const answer = await send(url, {
		method: init.method,
		headers: plainHeaders(init.headers),
		body: /** @type {string | undefined} */ (init.body ?? undefined),
		signal: init.signal
	});
	return answered(url, answer);
};

/**
 * A Response of an answer already read; without web streams, since it is read at once.
 * @param {URL} url
 * @param {Awaited<ReturnType<typeof send>>} answer
 * @returns {Response}
 */
function answered(url, { status, statusText, headers, text }) {
	const read = { used: false };
	const take = () => {
		if (read.used) throw new TypeError('Body is unusable: Body has already been read');
		read.used = true;
		return text;
	};
	const response = {
		ok: status >= 200 && status < 300,
		status,
		statusText,
		url: url.href,
		redirected: false,
		type: 'basic',
		headers: responseHeaders(headers),
		get bodyUsed() {
			return read.used;
		},
		text: async () => take(),
		json: async () => JSON.parse(take())
	};
	return /** @type {Response} */ (/** @type {unknown} */ (response));
}

/** @param {http.IncomingHttpHeaders} raw */
function responseHeaders(raw) {
	const headers = new Headers();
	for (const [name, value] of Object.entries(raw)) {
		if (Array.isArray(value)) for (const one of value) headers.append(name, one);
		else if (value !== undefined) headers.set(name, value);
	}
	return headers;
}
