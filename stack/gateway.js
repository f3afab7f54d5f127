// @ts-check
// One port in front of PostgREST, Auth and Storage, as Supabase's API gateway: /rest/v1, /auth/v1 and
// /storage/v1, the `apikey` check (not for Storage, which checks the JWT itself, so that public files
// load without a key), the anon key standing in for a missing Authorization header, CORS, and the
// client's address in X-Forwarded-For.
import http from 'node:http';
import net from 'node:net';

const corsHeaders = {
	'access-control-allow-origin': '*',
	'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS, HEAD',
	'access-control-allow-headers':
		'authorization, x-client-info, apikey, content-type, prefer, range, accept-profile, content-profile, x-supabase-api-version, x-upsert',
	'access-control-expose-headers':
		'content-range, content-location, x-total-count, link, x-supabase-api-version, etag, content-length',
	'access-control-max-age': '86400'
};

// Reached from an e-mail link or a browser redirect, so they carry no apikey (as on Supabase).
const openAuthPaths = new Set([
	'/verify',
	'/callback',
	'/authorize',
	'/health',
	'/.well-known/jwks.json'
]);

/**
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 */
function sendJson(res, status, body) {
	res.writeHead(status, { 'content-type': 'application/json', ...corsHeaders });
	res.end(JSON.stringify(body));
}

/** Loopback: the app server runs beside the stack and forwards its visitors' addresses. */
const defaultTrustedProxies = (process.env.STACK_TRUSTED_PROXIES ?? '127.0.0.1,::1')
	.split(',')
	.map((address) => address.trim())
	.filter(Boolean);

/** @param {string | undefined} address */
const plainAddress = (address) => (address ?? '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

/**
 * Sets the client address the services see. The gateway is the edge of the local stack, as the edge
 * proxy (the load balancer) is in a deployment, and so the trust boundary: the auth service counts its
 * per-IP limits against the first X-Forwarded-For value (and Sb-Forwarded-For, when enabled), so those
 * may only come from a peer known to write them truthfully, a trusted proxy. Anyone else could pick a
 * fresh budget with every request; for them the peer's own address is used and Sb-Forwarded-For dropped.
 * @param {http.IncomingMessage} req @param {Set<string>} trusted
 */
function passClientAddress(req, trusted) {
	const peer = plainAddress(req.socket.remoteAddress) || '127.0.0.1';
	if (!trusted.has(peer)) {
		delete req.headers['sb-forwarded-for'];
		req.headers['x-forwarded-for'] = peer;
		return;
	}
	const first = (headerValue(req.headers['x-forwarded-for']) ?? '').split(',')[0]?.trim() ?? '';
	req.headers['x-forwarded-for'] = net.isIP(first) ? first : peer;
}

/**
 * @param {{
 *   authHandler: (req: http.IncomingMessage, res: http.ServerResponse) => void,
 *   storageHandler?: (req: http.IncomingMessage, res: http.ServerResponse) => void,
 *   postgrest: { host: string, port: number },
 *   apiKeys: string[],
 *   trustedProxies?: string[]
 * }} options trustedProxies: peers whose X-Forwarded-For is kept (STACK_TRUSTED_PROXIES, default
 *   loopback)
 */
export function createGateway({
	authHandler,
	storageHandler,
	postgrest,
	apiKeys,
	trustedProxies = defaultTrustedProxies
}) {
	const validKeys = new Set(apiKeys);
	const trusted = new Set(trustedProxies.map(plainAddress));
	return http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://gateway');
		if (req.method === 'OPTIONS') {
			res.writeHead(204, corsHeaders);
			res.end();
			return;
		}
		const service = /^\/(rest|auth|storage)\/v1(\/.*)?$/.exec(url.pathname);
		if (!service) {
			sendJson(res, 404, { message: 'no Route matched with those values' });
			return;
		}
		const [, name, rest = '/'] = service;
		const apikey = headerValue(req.headers.apikey) ?? url.searchParams.get('apikey') ?? undefined;
		const open = (name === 'auth' && openAuthPaths.has(rest)) || name === 'storage';
		if (!open) {
			if (!apikey) {
				sendJson(res, 401, { message: 'No API key found in request' });
				return;
			}
			if (!validKeys.has(apikey)) {
				sendJson(res, 401, { message: 'Invalid API key' });
				return;
			}
		}
		if (apikey && !req.headers.authorization) req.headers.authorization = `Bearer ${apikey}`;
		passClientAddress(req, trusted);
		for (const [header, value] of Object.entries(corsHeaders)) res.setHeader(header, value);
		req.url = rest + url.search;
		if (name === 'auth') authHandler(req, res);
		else if (name === 'storage') {
			if (storageHandler) storageHandler(req, res);
			else sendJson(res, 404, { message: 'no Route matched with those values' });
		} else proxy(req, res, postgrest);
	});
}

/** @param {string | string[] | undefined} value */
function headerValue(value) {
	return Array.isArray(value) ? value[0] : value;
}

/**
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 * @param {{ host: string, port: number }} target
 */
function proxy(req, res, target) {
	const upstream = http.request(
		{
			host: target.host,
			port: target.port,
			method: req.method,
			path: req.url,
			headers: { ...req.headers, host: `${target.host}:${target.port}` }
		},
		(response) => {
			res.writeHead(response.statusCode ?? 502, response.headers);
			response.pipe(res);
		}
	);
	upstream.on('error', () => {
		if (!res.headersSent)
			sendJson(res, 502, { message: 'An invalid response was received from the upstream server' });
		else res.destroy();
	});
	req.pipe(upstream);
}
