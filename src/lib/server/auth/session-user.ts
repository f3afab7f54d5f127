// Who is signed in, as the hooks know it on every request: from the access token's verified claims
// (getClaims(), checked against the auth service's public keys without a round trip), or, with
// SESSION_CHECK=getUser, from the auth service itself. Only the fields the token carries are here; a
// decision that needs the auth service's current word uses currentUser() (require-user.ts).
import type { User } from '@supabase/supabase-js';

/** The signed-in person as the access token describes them. A full `User` fits too. */
export type SessionUser = Pick<
	User,
	'id' | 'aud' | 'email' | 'phone' | 'role' | 'app_metadata' | 'user_metadata' | 'is_anonymous'
>;

/** The claims GoTrue puts into an access token that the app reads. */
export type AccessTokenClaims = {
	sub?: unknown;
	aud?: unknown;
	email?: unknown;
	phone?: unknown;
	role?: unknown;
	app_metadata?: unknown;
	user_metadata?: unknown;
	is_anonymous?: unknown;
};

const text = (value: unknown): string | undefined =>
	typeof value === 'string' && value !== '' ? value : undefined;
const record = (value: unknown): Record<string, unknown> =>
	value && typeof value === 'object' && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: {};

/** The user of a verified access token; null when it names nobody (the anon key, say). */
export function userFromClaims(claims: AccessTokenClaims): SessionUser | null {
	const id = text(claims.sub);
	if (!id) return null;
	return {
		id,
		aud: text(Array.isArray(claims.aud) ? claims.aud[0] : claims.aud) ?? '',
		email: text(claims.email),
		phone: text(claims.phone),
		role: text(claims.role),
		// Copies: the claims may be kept for later requests (verified-tokens.ts), frozen.
		app_metadata: { ...record(claims.app_metadata) },
		user_metadata: { ...record(claims.user_metadata) },
		is_anonymous: claims.is_anonymous === true
	};
}
