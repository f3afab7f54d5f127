// @ts-check
// In-memory sliding-window limiter, and which client a request is counted against (GoTrue's rules).
import net from 'node:net';

export class RateLimiter {
	/** @param {() => number} [now] */
	constructor(now = () => Date.now()) {
		/** @type {Map<string, number[]>} */
		this.hits = new Map();
		this.now = now;
	}

	/**
	 * Records one event and tells whether it is within the limit.
	 * @param {string} key @param {{ events: number, windowMs: number }} limit
	 */
	allow(key, limit) {
		const now = this.now();
		const since = now - limit.windowMs;
		const list = (this.hits.get(key) ?? []).filter((t) => t > since);
		if (list.length >= limit.events) {
			this.hits.set(key, list);
			return false;
		}
		list.push(now);
		this.hits.set(key, list);
		// Keep memory bounded on long runs: forget idle keys now and then.
		if (this.hits.size > 10_000) {
			for (const [k, v] of this.hits)
				if (!v.length || (v[v.length - 1] ?? 0) <= since) this.hits.delete(k);
		}
		return true;
	}
}

/**
 * @typedef {object} ForwardingOptions
 * @property {string} header          GOTRUE_RATE_LIMIT_HEADER, '' when not set
 * @property {boolean} sbForwardedFor GOTRUE_SECURITY_SB_FORWARDED_FOR_ENABLED
 */

/** @param {import('node:http').IncomingMessage} req @param {string} name */
function headerText(req, name) {
	const value = req.headers[name.toLowerCase()];
	return String((Array.isArray(value) ? value[0] : value) ?? '');
}

/**
 * An IP address in Go's canonical form (net.ParseIP(...).String()), or null when it is none.
 * @param {string} text
 */
export function canonicalIp(text) {
	const v = text.trim();
	const kind = net.isIP(v);
	if (kind === 4) return v;
	if (kind !== 6 || v.includes('%')) return null;
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(v);
	if (mapped && net.isIPv4(mapped[1] ?? '')) return mapped[1] ?? null;
	return new URL(`http://[${v}]/`).hostname.slice(1, -1);
}

/**
 * The leftmost Sb-Forwarded-For value when GOTRUE_SECURITY_SB_FORWARDED_FOR_ENABLED is on and that
 * value is an IP address; otherwise null (GoTrue's sbff middleware).
 * @param {import('node:http').IncomingMessage} req @param {ForwardingOptions} opts
 */
function sbForwardedFor(req, opts) {
	if (!opts.sbForwardedFor) return null;
	const value = headerText(req, 'sb-forwarded-for');
	if (!value) return null;
	return canonicalIp(value.split(',')[0] ?? '');
}

/**
 * The key a request's per-IP limits count against, as GoTrue's performRateLimiting decides it: a valid
 * Sb-Forwarded-For first (when enabled); else the first comma-separated value of the header named by
 * GOTRUE_RATE_LIMIT_HEADER. When no header is configured, or the request carries no value in it, there
 * is no key and the per-IP limits do not apply: the socket address is never used, because behind a
 * proxy it is the proxy's address and every client would share one budget.
 * @param {import('node:http').IncomingMessage} req @param {ForwardingOptions} opts
 * @param {(msg: string) => void} [warn]
 * @returns {string | null}
 */
export function rateLimitKey(req, opts, warn) {
	const sb = sbForwardedFor(req, opts);
	if (sb) return sb;
	if (!opts.header) return null;
	const value = headerText(req, opts.header);
	const first = (value.split(',')[0] ?? '').trim();
	if (!first) {
		warn?.(
			`auth: request has no value in the rate limit header ${opts.header}; rate limiting is not applied`
		);
		return null;
	}
	return first;
}

/**
 * The client's address for sessions and audit rows, as GoTrue's GetIPAddress: a valid Sb-Forwarded-For
 * (when enabled), else the first valid IP in X-Forwarded-For, else the socket address.
 * @param {import('node:http').IncomingMessage} req @param {ForwardingOptions} opts
 */
export function clientIp(req, opts) {
	const sb = sbForwardedFor(req, opts);
	if (sb) return sb;
	for (const part of headerText(req, 'x-forwarded-for').split(',')) {
		const ip = canonicalIp(part);
		if (ip) return ip;
	}
	return req.socket.remoteAddress ?? '';
}

/** When a key was last seen, forgotten once its window has passed. */
export class RecentRequests {
	/** @param {() => number} [now] */
	constructor(now = () => Date.now()) {
		/** @type {Map<string, { at: number, until: number }>} */
		this.seen = new Map();
		this.now = now;
	}

	/** @param {string} key @returns {number | undefined} */
	last(key) {
		const entry = this.seen.get(key.toLowerCase());
		return entry && entry.until > this.now() ? entry.at : undefined;
	}

	/** @param {string} key @param {number} windowMs how long it matters */
	record(key, windowMs) {
		const now = this.now();
		this.seen.set(key.toLowerCase(), { at: now, until: now + windowMs });
		if (this.seen.size > 10_000) {
			for (const [k, v] of this.seen) if (v.until <= now) this.seen.delete(k);
		}
	}
}
