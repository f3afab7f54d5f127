// Access tokens whose signature this process has already checked, kept for a few minutes, so that a
// signed-in person's next pages skip the check. getClaims() imports the auth service's public key and
// verifies the token's signature on every call (WebCrypto): 12 % of the app's busy CPU in a profile of
// /privacy signed in; keeping the answer made signed-in pages 15 to 31 % cheaper (docs/benchmarks.md).
// Kept by the whole token: a token that differs in any byte (another signature, other claims) is checked
// afresh. Kept until the token expires or for five minutes, whichever comes first. What that adds to the
// trade-off in hooks.server.ts: auth-js keeps the auth service's public keys for ten minutes (JWKS_TTL), so
// a key taken out of the JWKS was accepted for up to ten minutes after; now for up to five more. Only
// tokens that getClaims() checks here are kept (an asymmetric algorithm and a kid): one signed with the
// shared secret (HS256) is checked by asking the auth service (getClaims() falls back to /user), and
// keeping it would skip that question. A map of its own rather than keptAnswers() (src/lib/kept.js): the
// check is asynchronous and its answers expire.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { AccessTokenClaims } from './session-user';

export type TokenClaims = AccessTokenClaims & { exp?: unknown };

/** What checking a token found: its claims and its header, or null when it was refused. */
export type CheckedToken = { claims: TokenClaims; header: { alg?: unknown; kid?: unknown } } | null;

export type TokenCheck = (token: string) => Promise<CheckedToken>;

/** The check the hooks use: supabase-js's getClaims() of the request's client. */
export function checkWith(auth: SupabaseClient['auth']): TokenCheck {
	return async (token) => {
		const { data, error } = await auth.getClaims(token);
		return !error && data ? { claims: data.claims, header: data.header } : null;
	};
}

/** The algorithms getClaims() verifies with the JWKS itself (auth-js's getAlgorithm()). */
const LOCAL_ALGORITHMS = new Set(['ES256', 'RS256']);

const checkedHere = ({ alg, kid }: { alg?: unknown; kid?: unknown }) =>
	typeof alg === 'string' && LOCAL_ALGORITHMS.has(alg) && typeof kid === 'string' && kid !== '';

/**
 * A keeper of checked tokens: at most `limit` (tokens whose time is up go first when it is full, then
 * all), each for at most `keepMs`.
 */
export function tokenChecks({ limit = 10_000, keepMs = 5 * 60_000 } = {}) {
	/** Deep-frozen, so that no request can change what the next request with the same token reads. */
	const kept = new Map<string, { claims: Readonly<TokenClaims>; until: number }>();

	function keep(token: string, claims: TokenClaims, until: number, at: number) {
		if (kept.size >= limit) {
			for (const [key, entry] of kept) if (entry.until <= at) kept.delete(key);
			if (kept.size >= limit) kept.clear();
		}
		kept.set(token, { claims: deepFreeze(claims), until });
	}

	/**
	 * The verified claims of `token`: kept ones while they hold, else what `check` finds (getClaims()).
	 * Null when the token is refused.
	 */
	return async function verifiedClaims(
		token: string,
		check: TokenCheck,
		now: () => number = Date.now
	): Promise<Readonly<TokenClaims> | null> {
		const hit = kept.get(token);
		if (hit && now() < hit.until) return hit.claims;
		if (hit) kept.delete(token);
		const checked = await check(token);
		if (!checked) return null;
		const { claims, header } = checked;
		if (typeof claims.exp !== 'number' || !checkedHere(header)) return claims;
		// getClaims() takes a token while its exp (seconds) is after now; kept to that very millisecond.
		const at = now();
		const until = Math.min(at + keepMs, claims.exp * 1000);
		if (until > at) keep(token, claims, until, at);
		return claims;
	};
}

/** The process's keeper, which the hooks ask. */
export const verifiedClaims = tokenChecks();

/** Freezes a value and everything in it (parsed JSON, which nothing else holds yet). */
function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const inner of Object.values(value)) deepFreeze(inner);
	}
	return value;
}
