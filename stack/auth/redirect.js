// @ts-check
// Which redirect targets are allowed: the site URL's origin, or an entry of the allow list (globs as in
// GoTrue: `*` stays within a host label or path segment, `**` crosses them, `?` is one character).
//
// A target is parsed the way a browser parses the Location header it ends up in (WHATWG URL), and the
// allow list is matched against the parsed parts (scheme, host, port, then the path), never against the
// raw text: as text, `http://127.0.0.1:@134744072/` matches `http://127.0.0.1:*/**`, while a browser
// goes to 8.8.8.8. Whatever a browser could read differently from what was checked is refused
// (user-info, backslashes, control characters, a host written in any form but its canonical one), and
// the canonical form is what gets used.

/** @type {Record<string, string>} */
const DEFAULT_PORTS = { 'http:': '80', 'https:': '443' };

// A host name as GoTrue accepts it in http(s) redirects; IP literals are checked separately.
const REGULAR_HOSTNAME = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * @typedef {object} AllowEntry
 * @property {string} protocol  e.g. "https:"
 * @property {RegExp} host
 * @property {RegExp} port      against the effective port ("443" when none is written)
 * @property {RegExp} path      against the pathname, or pathname + search when the entry has a query
 * @property {boolean} withQuery
 */

/**
 * @param {string} pattern
 * @param {string} separators characters a single `*` or `?` does not cross
 */
function globToRegExp(pattern, separators) {
	const one = `[^${separators.replace(/[\]\\^-]/g, '\\$&')}]`;
	let re = '';
	for (let i = 0; i < pattern.length; i++) {
		const c = pattern[i] ?? '';
		if (c === '*' && pattern[i + 1] === '*') {
			re += '.*';
			i++;
		} else if (c === '*') re += `${one}*`;
		else if (c === '?') re += one;
		else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
	}
	return new RegExp(`^${re}$`);
}

/** `scheme://authority/path?query`, split without interpreting anything. */
const URL_PARTS = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?/;

/**
 * Splits an allow-list entry into globs per part. Entries that are not `scheme://host…` URLs, or that
 * carry user-info, are ignored: they could only ever match by text.
 * @param {string} entry
 * @returns {AllowEntry | null}
 */
export function parseAllowEntry(entry) {
	const m = URL_PARTS.exec(entry.trim());
	if (!m) return null;
	const [, scheme = '', authority = '', path = '', query] = m;
	if (authority.includes('@') || !authority) return null;
	const a = /^(\[[^\]]*\]|[^:]*)(?::([0-9*?]*))?$/.exec(authority.toLowerCase());
	if (!a) return null;
	const protocol = `${scheme.toLowerCase()}:`;
	const port = a[2] || DEFAULT_PORTS[protocol] || '';
	const pathGlob = (path || '/') + (query ?? '');
	return {
		protocol,
		host: globToRegExp(a[1] ?? '', '.'),
		port: globToRegExp(port, ''),
		path: globToRegExp(pathGlob, './'),
		withQuery: query !== undefined
	};
}

/** GoTrue's loopback names, on which a redirect may use another port than the site URL (RFC 8252 7.3). */
function isLoopback(/** @type {string} */ hostname) {
	return (
		hostname === 'localhost' ||
		hostname.endsWith('.localhost') ||
		hostname === '127.0.0.1' ||
		hostname === '[::1]'
	);
}

/** @param {URL} u */
const effectivePort = (u) => u.port || DEFAULT_PORTS[u.protocol] || '';

/**
 * Parses a redirect target, or null when a browser could read it differently from this check.
 * @param {string} raw
 */
function parseTarget(raw) {
	// Backslashes act as slashes, and tabs and newlines vanish, in a browser's parse of http(s) URLs.
	if (/[\\\s]|\p{Cc}/u.test(raw)) return null;
	const m = URL_PARTS.exec(raw);
	if (!m) return null;
	let u;
	try {
		u = new URL(raw);
	} catch {
		return null;
	}
	if (u.username || u.password) return null;
	// The host as written must be the host as parsed: no `@`, no percent-encoding, no numeric or hex
	// IPv4 forms, no IDN that punycode would rewrite. Only case and a written default port may differ.
	const written = (m[2] ?? '').toLowerCase();
	const defaultPort = DEFAULT_PORTS[u.protocol];
	if (written !== u.host && !(defaultPort && !u.port && written === `${u.host}:${defaultPort}`)) {
		return null;
	}
	if (u.protocol === 'http:' || u.protocol === 'https:') {
		const h = u.hostname;
		const ipv6 = h.startsWith('[') && h.endsWith(']');
		if (!ipv6 && !IPV4.test(h) && !REGULAR_HOSTNAME.test(h)) return null;
	}
	return u;
}

/**
 * The redirect target to use when `redirectTo` is allowed, in the form that was checked; else null.
 * @param {string | undefined | null} redirectTo
 * @param {{ siteUrl: string, uriAllowList: string[] }} opts
 * @returns {string | null}
 */
export function allowedRedirect(redirectTo, opts) {
	if (!redirectTo) return null;
	const target = parseTarget(redirectTo);
	if (!target) return null;
	let site = null;
	try {
		site = new URL(opts.siteUrl);
	} catch {
		/* a malformed site URL allows nothing by itself */
	}
	if (
		site &&
		site.protocol === target.protocol &&
		site.hostname === target.hostname &&
		(effectivePort(site) === effectivePort(target) || isLoopback(target.hostname))
	) {
		return target.href;
	}
	for (const text of opts.uriAllowList) {
		const entry = parseAllowEntry(text);
		if (
			entry &&
			entry.protocol === target.protocol &&
			entry.host.test(target.hostname) &&
			entry.port.test(effectivePort(target)) &&
			entry.path.test(entry.withQuery ? target.pathname + target.search : target.pathname)
		) {
			return target.href;
		}
	}
	return null;
}

/**
 * @param {string | undefined | null} redirectTo
 * @param {{ siteUrl: string, uriAllowList: string[] }} opts
 * @returns {string} the target to use: redirectTo if allowed, else the site URL
 */
export function resolveRedirect(redirectTo, opts) {
	return allowedRedirect(redirectTo, opts) ?? opts.siteUrl;
}
