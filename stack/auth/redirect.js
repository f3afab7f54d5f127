// @ts-check
// Which redirect targets are allowed: the site URL's host, or an entry of the allow list (globs as in
// GoTrue: `*` stays within a host label or path segment, `**` crosses them).

/** @param {string} pattern */
function globToRegExp(pattern) {
	let re = '';
	for (let i = 0; i < pattern.length; i++) {
		const c = pattern[i] ?? '';
		if (c === '*' && pattern[i + 1] === '*') {
			re += '.*';
			i++;
		} else if (c === '*') re += '[^./]*';
		else if (c === '?') re += '[^./]';
		else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
	}
	return new RegExp(`^${re}$`);
}

/**
 * @param {string | undefined | null} redirectTo
 * @param {{ siteUrl: string, uriAllowList: string[] }} opts
 * @returns {string} the target to use: redirectTo if allowed, else the site URL
 */
export function resolveRedirect(redirectTo, opts) {
	if (!redirectTo) return opts.siteUrl;
	let target;
	try {
		target = new URL(redirectTo);
	} catch {
		return opts.siteUrl;
	}
	try {
		const site = new URL(opts.siteUrl);
		if (site.hostname === target.hostname) return redirectTo;
	} catch {
		/* a malformed site URL allows nothing by host */
	}
	for (const entry of opts.uriAllowList) {
		if (entry === redirectTo || globToRegExp(entry).test(redirectTo)) return redirectTo;
	}
	return opts.siteUrl;
}
