import { authErrorMessage } from '$lib/auth-errors';
import { fieldErrors, text, type FormErrors } from '$lib/forms';
import { getLocale } from '$lib/paraglide/runtime';
import { registerSchema } from '$lib/schemas/auth';
import { notifyAccountOwner } from '$lib/server/auth/account-exists-mail';
import { clientAddress } from '$lib/server/auth/client-address';
import {
	AUTH_SERVICE_RETRY_SECONDS,
	authThrottle,
	tooManyAttempts
} from '$lib/server/auth/throttle';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions } from './$types';

export const actions = {
	default: async (event) => {
		const { request, url, locals } = event;
		const form = await request.formData();
		const input = {
			displayName: text(form, 'displayName'),
			email: text(form, 'email'),
			password: text(form, 'password'),
			passwordConfirm: text(form, 'passwordConfirm')
		};
		// Passwords are never sent back to the page.
		const values = { displayName: input.displayName, email: input.email };

		const parsed = registerSchema.safeParse(input);
		if (!parsed.success) {
			return fail(400, { values, errors: fieldErrors<keyof typeof input>(parsed.error) });
		}

		const { displayName, email, password } = parsed.data;
		const wait = await authThrottle.attempt('sign_up', { address: clientAddress(event), email });
		if (wait > 0) return tooManyAttempts(event, wait, { values });

		const { data, error } = await locals.supabase.auth.signUp({
			email,
			password,
			options: {
				// The language they register in becomes the language of their mails (account_locales).
				data: { display_name: displayName, locale: getLocale() },
				emailRedirectTo: `${url.origin}/auth/confirm?next=/`
			}
		});
		// A new address and one that has an account already get the same page; only the owner of the
		// address learns which (a mail). With e-mail confirmation on, the auth service answers an address
		// it knows with a look-alike user without identities; with it off, with user_already_exists.
		const taken =
			error?.code === 'user_already_exists' ||
			error?.code === 'email_exists' ||
			(!error && !data.session && data.user?.identities?.length === 0);
		// Too soon after the last mail to this address: only an address that signed up a moment ago and is
		// not confirmed yet gets this (the auth service mails its confirmation again), so it must read like
		// any other sign-up; the mail it asks for is already in the mailbox.
		if (error?.code === 'over_email_send_rate_limit') {
			console.warn('Sign-up mail not sent again: the auth service says it is too soon');
			return { checkMail: true, email };
		}
		if (error && !taken) {
			if (error.status === 429) {
				return tooManyAttempts(event, AUTH_SERVICE_RETRY_SECONDS, { values });
			}
			const field = error.code === 'weak_password' ? 'password' : 'email';
			const errors: FormErrors<keyof typeof input> = { [field]: authErrorMessage(error.code) };
			return fail(400, { values, errors });
		}
		if (taken) notifyAccountOwner(email, url.origin);
		// With e-mail confirmation switched off a new person is signed in right away.
		else if (data.session) redirect(303, '/');

		return { checkMail: true, email };
	}
} satisfies Actions;
