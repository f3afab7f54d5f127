/**
 * Accepts only same-site relative paths ("/profiel?x=1"), so links in mails or query strings cannot send
 * people to another site after signing in.
 */
export function safeRedirectPath(candidate: string | null | undefined, fallback = '/'): string {
	if (!candidate) return fallback;
	if (!candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) {
		return fallback;
	}
	try {
		const base = 'http://groeistoot.invalid';
		const url = new URL(candidate, base);
		if (url.origin !== base) return fallback;
		return url.pathname + url.search + url.hash;
	} catch {
		return fallback;
	}
}
