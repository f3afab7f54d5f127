// Access tokens whose signature this process has already checked, kept for a few minutes, so that a
// signed-in person's next pages skip the check. getClaims() imports the auth service's public key and
// verifies the token's signature on every call (WebCrypto), about a tenth of the app's CPU for a signed-in
// page (`--cpu-prof` of /privacy). Kept by the whole token: a token that differs in any byte (another
// signature, other claims) is checked afresh. Kept until the token expires or for KEEP_MS, whichever comes
// first; auth-js keeps the auth service's public keys for ten minutes as well (JWKS_TTL), so a key taken out
// of the JWKS stops being accepted after about as long as before. Only tokens checked here are kept: one
// signed with the shared secret (HS256) is checked by asking the auth service (getClaims() falls back to
// /user), and keeping it would skip that question.
import type { AccessTokenClaims } from './session-user';

export type TokenClaims = AccessTokenClaims & { exp?: unknown };

/** What checking a token found: its claims and the algorithm it was signed with, or null when refused. */
export type CheckedToken = { claims: TokenClaims; alg: string } | null;

const KEEP_MS = 5 * 60 * 1000;
const LIMIT = 10_000;

/** Frozen, so that no request can change what the next request with the same token reads. */
type Kept = { claims: Readonly<TokenClaims>; until: number };
const kept = new Map<string, Kept>();

/**
 * The verified claims of `token`: kept ones while they hold, else what `check` finds (getClaims()).
 * Null when the token is refused.
 */
export async function verifiedClaims(
	token: string,
	check: (token: string) => Promise<CheckedToken>,
	now: () => number = Date.now
): Promise<Readonly<TokenClaims> | null> {
	const hit = kept.get(token);
	if (hit && now() < hit.until) return hit.claims;
	if (hit) kept.delete(token);
	const checked = await check(token);
	if (!checked) return null;
	const { claims, alg } = checked;
	if (typeof claims.exp !== 'number' || alg.startsWith('HS')) return claims;
	const until = Math.min(now() + KEEP_MS, claims.exp * 1000);
	if (until <= now()) return claims;
	if (kept.size >= LIMIT) kept.clear();
	kept.set(token, { claims: deepFreeze(claims), until });
	return claims;
}

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const inner of Object.values(value)) deepFreeze(inner);
	}
	return value;
}
