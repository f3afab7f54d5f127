import { authErrorMessage } from '$lib/auth-errors';
import { fieldErrors, text, type FormErrors } from '$lib/forms';
import { safeRedirectPath } from '$lib/redirect';
import { signInSchema } from '$lib/schemas/auth';
import { clientAddress } from '$lib/server/auth/client-address';
import { afterSignIn } from '$lib/server/auth/mfa';
import {
	AUTH_SERVICE_RETRY_SECONDS,
	authThrottle,
	tooManyAttempts
} from '$lib/server/auth/throttle';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ url }) => ({
	redirectTo: safeRedirectPath(url.searchParams.get('redirectTo'), '/'),
	// From /auth/confirm: a confirmation link that expired or was used.
	linkExpired: url.searchParams.get('fout') === 'link-verlopen',
	// From /auth/confirm: a sign-in link (see ./link) that expired, was used or opened in another browser.
	signInLinkExpired: url.searchParams.get('fout') === 'aanmeldlink-verlopen'
})) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const { request, locals } = event;
		const form = await request.formData();
		const input = { email: text(form, 'email'), password: text(form, 'password') };
		const redirectTo = safeRedirectPath(text(form, 'redirectTo'), '/');
		const values = { email: input.email };

		const parsed = signInSchema.safeParse(input);
		if (!parsed.success) {
			return fail(400, { values, errors: fieldErrors<keyof typeof input>(parsed.error) });
		}

		const who = { address: clientAddress(event), email: parsed.data.email };
		const wait = await authThrottle.attempt('sign_in', who);
		if (wait > 0) return tooManyAttempts(event, wait, { values });

		const { data, error } = await locals.supabase.auth.signInWithPassword(parsed.data);
		if (error) {
			if (error.status === 429) {
				return tooManyAttempts(event, AUTH_SERVICE_RETRY_SECONDS, { values });
			}
			// Counted for addresses with and without an account alike: the auth service answers both the same.
			if (error.code === 'invalid_credentials') await authThrottle.signInFailed(who);
			else if (!error.code) console.error('Sign-in failed without an error code', error);
			const errors: FormErrors<keyof typeof input> = { form: authErrorMessage(error.code) };
			return fail(400, { values, errors });
		}

		// People with a verified second factor enter a code next (their session is aal1 until then).
		redirect(303, afterSignIn(data.user, redirectTo));
	}
} satisfies Actions;
