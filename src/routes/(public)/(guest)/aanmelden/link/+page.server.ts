// Signing in without a password: a mailed link (PKCE: the code verifier waits in a cookie of this browser,
// /auth/confirm exchanges the link's code) or the code from the same mail, typed on the page that follows.
// Only for existing accounts, and the answer is the same whether or not the address has one.
import { fieldErrors, text, type FormErrors } from '$lib/forms';
import { m } from '$lib/paraglide/messages';
import { safeRedirectPath } from '$lib/redirect';
import { forgotPasswordSchema } from '$lib/schemas/auth';
import { clientAddress } from '$lib/server/auth/client-address';
import { afterSignIn } from '$lib/server/auth/mfa';
import {
	AUTH_SERVICE_RETRY_SECONDS,
	authThrottle,
	tooManyAttempts
} from '$lib/server/auth/throttle';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

/** The mailed code: GoTrue's length is 6 by default and at most 10 (GOTRUE_MAILER_OTP_LENGTH). */
const CODE = /^\d{6,10}$/;

/** One type for both forms' errors, so the page reads either from `form.errors`. */
type Errors = FormErrors<'email' | 'code' | 'codeEmail'>;

export const load = (({ url }) => ({
	redirectTo: safeRedirectPath(url.searchParams.get('redirectTo'), '/')
})) satisfies PageServerLoad;

export const actions = {
	send: async (event) => {
		const { request, url, locals } = event;
		const form = await request.formData();
		const input = { email: text(form, 'email') };
		const redirectTo = safeRedirectPath(text(form, 'redirectTo'), '/');

		const parsed = forgotPasswordSchema.safeParse(input);
		if (!parsed.success) {
			const errors: Errors = fieldErrors<keyof typeof input>(parsed.error);
			return fail(400, { values: input, redirectTo, errors });
		}
		const { email } = parsed.data;
		// A mail to an address, like a password reset mail: the same limits per address and client.
		const wait = await authThrottle.attempt('recover', { address: clientAddress(event), email });
		if (wait > 0) return tooManyAttempts(event, wait, { values: input, redirectTo });

		const next = new URLSearchParams({ next: redirectTo, via: 'aanmeldlink' });
		const { error } = await locals.supabase.auth.signInWithOtp({
			email,
			options: { shouldCreateUser: false, emailRedirectTo: `${url.origin}/auth/confirm?${next}` }
		});
		// Whatever happened, the page says the same thing, so it does not reveal which addresses have an
		// account: otp_disabled (no account), a mail limit per account, a mail that failed. Only the auth
		// service's limit per client address is shown, which holds for every address alike.
		if (error?.code === 'over_request_rate_limit') {
			return tooManyAttempts(event, AUTH_SERVICE_RETRY_SECONDS, { values: input, redirectTo });
		}
		if (error?.status === 429) console.warn('Sign-in link not sent (limit)', error.code);
		else if (error && error.code !== 'otp_disabled')
			console.error('Sign-in link mail failed', error.code, error.message);

		return { sent: true as const, email, redirectTo };
	},

	code: async (event) => {
		const { request, locals } = event;
		const form = await request.formData();
		const email = text(form, 'email').trim().toLowerCase();
		const code = text(form, 'code').replace(/\s+/g, '');
		const redirectTo = safeRedirectPath(text(form, 'redirectTo'), '/');
		const keep = { sent: true as const, email, redirectTo };

		const parsedEmail = forgotPasswordSchema.safeParse({ email });
		if (!parsedEmail.success) {
			// Typed in the code form under the link form (after a mail, the address is a hidden field).
			const errors: Errors = { codeEmail: m.error_email_invalid() };
			return fail(400, { codeEmail: email, redirectTo, errors });
		}
		if (!CODE.test(code)) {
			const errors: Errors = { code: m.ml_code_format() };
			return fail(400, { ...keep, errors });
		}

		const who = { address: clientAddress(event), email };
		const wait = await authThrottle.attempt('sign_in', who);
		if (wait > 0) return tooManyAttempts(event, wait, keep);

		const { data, error } = await locals.supabase.auth.verifyOtp({
			email,
			token: code,
			type: 'email'
		});
		if (error) {
			if (error.status === 429) {
				return tooManyAttempts(event, AUTH_SERVICE_RETRY_SECONDS, keep);
			}
			// A wrong code counts like a wrong password, so guessing codes runs into the same limits.
			if (error.code === 'otp_expired') await authThrottle.signInFailed(who);
			else console.error('Sign-in code refused', error.code, error.message);
			const errors: Errors = { code: m.ml_code_invalid() };
			return fail(400, { ...keep, errors });
		}
		redirect(303, afterSignIn(data.user, redirectTo));
	}
} satisfies Actions;
