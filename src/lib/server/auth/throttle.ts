// How often one may try to sign in, register or ask for a password-reset link: per client address and per
// e-mail address, counted in Postgres (auth_throttle_hit) so that every app instance shares the count.
// The auth service has per-address limits of its own (it sees the client's address through
// X-Forwarded-For, see createRequestClient) but none on failed password sign-ins per e-mail address.
import type { FormErrors } from '$lib/forms';
import { m } from '$lib/paraglide/messages';
import { createServiceClient, type Db } from '$lib/server/supabase';
import { fail, type RequestEvent } from '@sveltejs/kit';

type Limit = { readonly limit: number; readonly windowSeconds: number };

/**
 * The limits, in fixed windows (README, "Sign-in limits"). The same answer for addresses with and without
 * an account: a count never depends on whether the account exists.
 */
export const AUTH_LIMITS = {
	signIn: {
		// Every attempt from one client address, as the auth service's own default.
		perAddress: { limit: 30, windowSeconds: 5 * 60 },
		// Wrong passwords for one e-mail address, from anywhere: guessing one person's password.
		failuresPerEmail: { limit: 10, windowSeconds: 15 * 60 }
	},
	signUp: {
		// A class or a workshop may register from one school network.
		perAddress: { limit: 10, windowSeconds: 60 * 60 },
		// Each attempt mails the address's owner.
		perEmail: { limit: 3, windowSeconds: 60 * 60 }
	},
	recover: {
		perAddress: { limit: 10, windowSeconds: 60 * 60 },
		perEmail: { limit: 3, windowSeconds: 60 * 60 }
	}
} as const satisfies Record<string, Record<string, Limit>>;

/** When the auth service itself says 429 it gives no Retry-After; its sign-in windows last 5 minutes. */
export const AUTH_SERVICE_RETRY_SECONDS = 5 * 60;

export type AuthAction = 'sign_in' | 'sign_up' | 'recover';
export type Attempt = { address: string | null; email: string };
export type Bucket = { key: string; limit: number; window: number; count: boolean };

const bucket = (key: string, { limit, windowSeconds }: Limit, count = true): Bucket => ({
	key,
	limit,
	window: windowSeconds,
	count
});

const addressKey = (action: AuthAction, address: string | null) =>
	`${action}:address:${address ?? 'unknown'}`;
const emailKey = (action: AuthAction, email: string) =>
	`${action}:email:${email.trim().toLowerCase()}`;

/** The buckets one attempt counts in and checks (pure: what auth_throttle_hit receives). */
export function attemptBuckets(action: AuthAction, { address, email }: Attempt): Bucket[] {
	switch (action) {
		case 'sign_in':
			return [
				bucket(addressKey(action, address), AUTH_LIMITS.signIn.perAddress),
				// Only checked here; a wrong password counts it (failedSignInBuckets).
				bucket(emailKey(action, email), AUTH_LIMITS.signIn.failuresPerEmail, false)
			];
		case 'sign_up':
			return [
				bucket(addressKey(action, address), AUTH_LIMITS.signUp.perAddress),
				bucket(emailKey(action, email), AUTH_LIMITS.signUp.perEmail)
			];
		case 'recover':
			return [
				bucket(addressKey(action, address), AUTH_LIMITS.recover.perAddress),
				bucket(emailKey(action, email), AUTH_LIMITS.recover.perEmail)
			];
	}
}

/** The bucket a wrong password counts in. */
export function failedSignInBuckets({ email }: Pick<Attempt, 'email'>): Bucket[] {
	return [bucket(emailKey('sign_in', email), AUTH_LIMITS.signIn.failuresPerEmail)];
}

let service: Db | undefined;

/**
 * Counts the buckets and answers 0 when the attempt may go on, else the seconds to wait. When the
 * throttle cannot be reached the attempt goes on (the auth service's own per-address limits still hold):
 * an unreachable database should not lock everyone out of signing in.
 */
async function hit(buckets: Bucket[]): Promise<number> {
	service ??= createServiceClient();
	const { data, error } = await service.rpc('auth_throttle_hit', { buckets });
	if (error) {
		console.error('auth throttle unavailable', error.code, error.message);
		return 0;
	}
	return data;
}

export const authThrottle = {
	/** Before an attempt: counts it, and says how long to wait when over a limit (0: go on). */
	attempt: (action: AuthAction, who: Attempt) => hit(attemptBuckets(action, who)),
	/** After a wrong password. */
	signInFailed: async (who: Pick<Attempt, 'email'>) => {
		await hit(failedSignInBuckets(who));
	}
};

/** The message for a limit, with the wait rounded up to whole minutes. */
export function rateLimitMessage(seconds: number): string {
	return m.sec_rate_limited({ minutes: Math.max(1, Math.ceil(seconds / 60)) });
}

/** A 429 answer for a form: Retry-After, and the message above the form; `data` is what the page keeps. */
export function tooManyAttempts<Data extends Record<string, unknown>>(
	event: Pick<RequestEvent, 'setHeaders'>,
	seconds: number,
	data: Data
) {
	event.setHeaders({ 'Retry-After': String(Math.max(1, Math.ceil(seconds))) });
	// Typed like any form's errors, so the page reads its field errors from the same object.
	const errors: FormErrors<string> = { form: rateLimitMessage(seconds) };
	return fail(429, { ...data, errors });
}
