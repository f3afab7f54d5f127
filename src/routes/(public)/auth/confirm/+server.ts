// Where links in auth mails land: a PKCE `code` (what @supabase/ssr sends) or a `token_hash` (custom templates).
// Like a password, a link is a first factor: someone with an authenticator app goes on to the code step.
import { safeRedirectPath } from '$lib/redirect';
import { afterSignIn } from '$lib/server/auth/mfa';
import type { EmailOtpType } from '@supabase/supabase-js';
import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

const EMAIL_OTP_TYPES: readonly string[] = [
	'signup',
	'invite',
	'magiclink',
	'recovery',
	'email_change',
	'email'
] satisfies EmailOtpType[];

function isEmailOtpType(type: string | null): type is EmailOtpType {
	return type !== null && EMAIL_OTP_TYPES.includes(type);
}

export const GET = (async ({ url, locals: { supabase } }) => {
	const next = safeRedirectPath(url.searchParams.get('next'), '/');
	const code = url.searchParams.get('code');
	const tokenHash = url.searchParams.get('token_hash');
	const type = url.searchParams.get('type');

	if (code) {
		const { data, error } = await supabase.auth.exchangeCodeForSession(code);
		if (!error) redirect(303, afterSignIn(data.user, next));
		console.warn('Auth link code was refused', error.code);
	} else if (tokenHash && isEmailOtpType(type)) {
		const { data, error } = await supabase.auth.verifyOtp({ type, token_hash: tokenHash });
		if (!error) redirect(303, afterSignIn(data.user, next));
		console.warn('Auth link token was refused', error.code);
	}

	// An expired or used link: a reset link back to asking for a new one, a confirmation link to signing in
	// (the address may well be confirmed already: the auth service confirms it before the code is used).
	// A sign-in link (via=aanmeldlink) to the sign-in page with its own message; the auth service sends an
	// expired or used link here without a code, with error_code=otp_expired.
	redirect(
		303,
		next.startsWith('/wachtwoord-herstellen')
			? '/wachtwoord-vergeten?fout=link-verlopen'
			: url.searchParams.get('via') === 'aanmeldlink'
				? '/aanmelden?fout=aanmeldlink-verlopen'
				: '/aanmelden?fout=link-verlopen'
	);
}) satisfies RequestHandler;
