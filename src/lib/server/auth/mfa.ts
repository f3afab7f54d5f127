// Two-factor sign-in (TOTP): the assurance level of the request's session, where someone goes after a
// password sign-in, and what network staff pages require (aal2). The auth service decides the level; the
// app only reads it from the access token that getUser() has just checked with the auth service.
import { safeRedirectPath } from '$lib/redirect';
import type { Session, User } from '@supabase/supabase-js';

export const CODE_STEP_PATH = '/aanmelden/code';
export const MFA_SETTINGS_PATH = '/profiel/tweestapsverificatie';

/** The session's assurance level ('aal1' or 'aal2'), read from its access token's claims. */
export function sessionAal(session: Session | null): 'aal1' | 'aal2' | null {
	if (!session) return null;
	try {
		const payload = session.access_token.split('.')[1] ?? '';
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
			aal?: unknown;
		};
		return claims.aal === 'aal2' ? 'aal2' : 'aal1';
	} catch {
		return null;
	}
}

/** The person's verified factors (from getUser(), which lists them). */
export function verifiedFactors(user: User | null) {
	return (user?.factors ?? []).filter((f) => f.status === 'verified');
}

/** The code step's address, returning to `redirectTo` afterwards. */
export function codeStepPath(redirectTo: string): string {
	return `${CODE_STEP_PATH}?${new URLSearchParams({ redirectTo: safeRedirectPath(redirectTo, '/') })}`;
}

/**
 * Where a first-factor sign-in (a password, a mailed link or code) goes next: the code step for people with
 * a verified factor (their session is aal1 until they enter a code), otherwise where they were going.
 */
export function afterSignIn(user: User | null, redirectTo: string): string {
	return verifiedFactors(user).length > 0 ? codeStepPath(redirectTo) : redirectTo;
}

/**
 * For pages that need aal2 (network staff pages), given the person as getUser() knows them (with their
 * factors): null when the session is aal2, else where to send the person: the code step when they have a verified factor, the two-factor settings (with the reason) when not.
 */
export function aal2Redirect(locals: App.Locals, url: URL, user: User): string | null {
	if (sessionAal(locals.session) === 'aal2') return null;
	const back = url.pathname + url.search;
	if (verifiedFactors(user).length > 0) return codeStepPath(back);
	return `${MFA_SETTINGS_PATH}?${new URLSearchParams({ reden: 'netwerk', redirectTo: back })}`;
}

/** A QR code's SVG (supabase-js gives a data URI around GoTrue's markup) as a base64 data URI for <img>. */
export function qrImage(qrCode: string): string {
	const svg = qrCode.replace(/^data:image\/svg\+xml;utf-8,/, '');
	return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

/** Whether a posted QR image is one this app made (base64 SVG only), so it may be shown again. */
export function isQrImage(value: string): boolean {
	return /^data:image\/svg\+xml;base64,[A-Za-z0-9+/]+={0,2}$/.test(value) && value.length < 200_000;
}
