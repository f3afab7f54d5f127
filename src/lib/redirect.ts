/**
 * Accepts only same-site paths ("/profiel?x=1"), so links in mails, query strings and forms cannot send
 * people to another site after signing in. What counts is where a browser (or a server that decodes the
 * path once more) ends up after resolving the path, not how the text starts: "/.//evil.example" and
 * "/%2e//evil.example" both resolve to "//evil.example", which a browser reads as another host.
 */
const BASE = 'http://groeistoot.invalid';

/** Whether `path`, resolved against this site, stays here and does not start with two slashes. */
function staysOnSite(path: string): URL | null {
	const url = new URL(path, BASE);
	if (url.origin !== BASE || /^[/\\]{2}/.test(url.pathname)) return null;
	return url;
}

export function safeRedirectPath(candidate: string | null | undefined, fallback = '/'): string {
	if (!candidate?.startsWith('/')) return fallback;
	try {
		const url = staysOnSite(candidate);
		if (!url) return fallback;
		// The same check on the decoded path: "/%2F%2Fevil.example" or "/%5Cevil.example" become another
		// host for anything that decodes before it resolves.
		if (!staysOnSite(decodeURIComponent(url.pathname))) return fallback;
		return url.pathname + url.search + url.hash;
	} catch {
		// Not a URL at all, or a malformed escape.
		return fallback;
	}
}
