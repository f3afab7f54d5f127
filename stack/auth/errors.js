// @ts-check
// GoTrue's error responses. Clients that send `X-Supabase-Api-Version: 2024-01-01` or later (supabase-js
// always does) get `{ code: <error code>, message }`; older clients get `{ code: <status>, error_code, msg }`.

export class AuthError extends Error {
	/**
	 * @param {number} status @param {string} errorCode @param {string} message
	 * @param {Record<string, unknown>} [extra] extra top-level fields, e.g. weak_password
	 */
	constructor(status, errorCode, message, extra) {
		super(message);
		this.status = status;
		this.errorCode = errorCode;
		this.extra = extra;
	}
}

/** @param {string} code @param {string} msg */
export const badRequest = (code, msg) => new AuthError(400, code, msg);
/** @param {string} code @param {string} msg */
export const unprocessable = (code, msg) => new AuthError(422, code, msg);
/** @param {string} code @param {string} msg */
export const forbidden = (code, msg) => new AuthError(403, code, msg);
/** @param {string} code @param {string} msg */
export const notFound = (code, msg) => new AuthError(404, code, msg);
/** @param {string} code @param {string} msg */
export const tooManyRequests = (code, msg) => new AuthError(429, code, msg);

export const API_VERSION_HEADER = 'x-supabase-api-version';
const API_VERSION_2024 = Date.UTC(2024, 0, 1);

/**
 * The API version a request asked for: '2024-01-01' when it named that date or a later one.
 * @param {string | undefined} header
 * @returns {'2024-01-01' | null}
 */
export function requestedApiVersion(header) {
	if (!header || !/^\d{4}-\d{2}-\d{2}$/.test(header)) return null;
	const t = Date.parse(`${header}T00:00:00Z`);
	return Number.isFinite(t) && t >= API_VERSION_2024 ? '2024-01-01' : null;
}

/**
 * @param {unknown} err
 * @param {'2024-01-01' | null} apiVersion
 * @returns {{ status: number, body: Record<string, unknown>, errorCode: string }}
 */
export function errorBody(err, apiVersion) {
	if (!(err instanceof AuthError)) {
		const msg = 'Unexpected failure, please check server logs for more information';
		const body = apiVersion
			? { code: 'unexpected_failure', message: msg }
			: { code: 500, error_code: 'unexpected_failure', msg };
		return { status: 500, body, errorCode: 'unexpected_failure' };
	}
	const body = apiVersion
		? { code: err.errorCode, message: err.message, ...err.extra }
		: { code: err.status, error_code: err.errorCode, msg: err.message, ...err.extra };
	return { status: err.status, body, errorCode: err.errorCode };
}

/** GoTrue's answer when a new account's address (or phone) turns out to be taken. */
export const alreadyRegistered = () =>
	unprocessable('user_already_exists', 'User already registered');
