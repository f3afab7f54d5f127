// @ts-check
// In-memory sliding-window limiter, keyed per client (IP) and per limit.

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
 * The client a request is counted against. A forwarding header is trusted only when configured
 * (GOTRUE_RATE_LIMIT_HEADER), as GoTrue does; otherwise the socket address.
 * @param {import('node:http').IncomingMessage} req @param {string} header
 */
export function clientKey(req, header) {
	if (header) {
		const value = req.headers[header.toLowerCase()];
		const first = (
			String((Array.isArray(value) ? value[0] : value) ?? '').split(',')[0] ?? ''
		).trim();
		if (first) return first;
	}
	return req.socket.remoteAddress ?? 'unknown';
}
