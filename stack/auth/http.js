// @ts-check
// Request/response plumbing shared by the routes.
import {
	AuthError,
	badRequest,
	errorBody,
	requestedApiVersion,
	API_VERSION_HEADER
} from './errors.js';

/** @typedef {import('node:http').IncomingMessage} Req */
/** @typedef {import('node:http').ServerResponse} Res */

const MAX_BODY = 1 << 20; // GoTrue refuses bodies over 1 MB

/**
 * Reads a JSON (or form-encoded) body; an empty body is `{}`.
 * @param {Req} req
 * @returns {Promise<Record<string, any>>}
 */
export async function readBody(req) {
	/** @type {Buffer[]} */
	const chunks = [];
	let size = 0;
	for await (const chunk of req) {
		size += chunk.length;
		if (size > MAX_BODY)
			throw new AuthError(
				413,
				'request_entity_too_large',
				`Request body too large (max ${MAX_BODY} bytes)`
			);
		chunks.push(chunk);
	}
	const raw = Buffer.concat(chunks).toString('utf8');
	if (!raw.trim()) return {};
	const type = String(req.headers['content-type'] ?? '');
	// GoTrue decodes JSON whatever the content type says (curl -d sends form encoding by default).
	if (type.includes('application/x-www-form-urlencoded') && !raw.trimStart().startsWith('{')) {
		return Object.fromEntries(new URLSearchParams(raw));
	}
	try {
		const parsed = JSON.parse(raw);
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed;
	} catch (e) {
		throw badRequest(
			'bad_json',
			`Could not parse request body as JSON: ${/** @type {Error} */ (e).message}`
		);
	}
	throw badRequest('bad_json', 'Could not parse request body as JSON: expected an object');
}

/**
 * @param {Res} res @param {number} status @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
export function sendJson(res, status, body, headers = {}) {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(text),
		...headers
	});
	res.end(text);
}

/** @param {Res} res @param {string} location */
export function redirect(res, location) {
	res.writeHead(303, { location, 'content-length': 0 });
	res.end();
}

/**
 * Sends an error the way GoTrue does for the request's API version, echoing that version back.
 * @param {Req} req @param {Res} res @param {unknown} err
 */
export function sendError(req, res, err) {
	const version = requestedApiVersion(header(req, API_VERSION_HEADER));
	const { status, body, errorCode } = errorBody(err, version);
	/** @type {Record<string, string>} */
	const headers = { 'x-sb-error-code': errorCode };
	if (version) headers['X-Supabase-Api-Version'] = version;
	sendJson(res, status, body, headers);
}

/** @param {Req} req @param {string} name */
export function header(req, name) {
	const v = req.headers[name.toLowerCase()];
	return Array.isArray(v) ? v[0] : v;
}

/**
 * Runs fn inside a transaction on one pooled client.
 * @template T
 * @param {import('pg').Pool} pool
 * @param {(client: import('pg').PoolClient) => Promise<T>} fn
 * @returns {Promise<T>}
 */
export async function transaction(pool, fn) {
	const client = await pool.connect();
	try {
		await client.query('begin');
		const result = await fn(client);
		await client.query('commit');
		return result;
	} catch (e) {
		await client.query('rollback').catch(() => {});
		throw e;
	} finally {
		client.release();
	}
}

/** A string field of a body, or '' when absent or not a string. @param {any} v */
export const str = (v) => (typeof v === 'string' ? v : '');

/** GoTrue's email syntax check (checkmail): local@domain with a dot-free-or-dotted host. @param {string} email */
export function isValidEmail(email) {
	return /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/.test(
		email
	);
}

/**
 * GoTrue's validateEmail: required, at most 255 characters, well-formed; returns it lower-cased.
 * @param {string} email
 */
export function validateEmail(email) {
	if (!email) throw badRequest('validation_failed', 'An email address is required');
	if (email.length > 255) throw badRequest('validation_failed', 'An email address is too long');
	if (!isValidEmail(email))
		throw badRequest('validation_failed', 'Unable to validate email address: invalid format');
	return email.toLowerCase();
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
