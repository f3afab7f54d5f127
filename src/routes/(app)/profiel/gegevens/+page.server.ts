import { text, type FormErrors } from '$lib/forms';
import { m } from '$lib/paraglide/messages';
import { clientAddress } from '$lib/server/auth/client-address';
import { currentUser, requireUser } from '$lib/server/auth/require-user';
import {
	AUTH_SERVICE_RETRY_SECONDS,
	authThrottle,
	tooManyAttempts
} from '$lib/server/auth/throttle';
import { deleteAccount, listLastOwnedOrganisations } from '$lib/server/db/account';
import { createServiceClient, createSessionlessClient } from '$lib/server/supabase';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

const refuse = (status: number, errors: FormErrors<'password'>) => fail(status, { errors });

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { lastOwned: await listLastOwnedOrganisations(locals.supabase, user.id) };
}) satisfies PageServerLoad;

export const actions = {
	delete: async (event) => {
		const { request, locals, url } = event;
		// The auth server's current word, not the token's: a session signed out elsewhere stops here.
		const user = await currentUser(locals, url);
		const password = text(await request.formData(), 'password');
		if (password === '') return refuse(400, { password: m.data_error_password_empty() });

		// Typing the password here is a sign-in attempt like any other: the same limits, so this form is
		// no way to guess someone's password past them.
		const who = { address: clientAddress(event), email: user.email ?? user.id };
		const wait = await authThrottle.attempt('sign_in', who);
		if (wait > 0) return tooManyAttempts(event, wait, {});

		const result = await deleteAccount({
			db: locals.supabase,
			verifier: createSessionlessClient(who.address),
			service: createServiceClient(),
			user: { id: user.id, email: user.email ?? '' },
			password
		});
		switch (result.outcome) {
			case 'wrong_password':
				await authThrottle.signInFailed(who);
				return refuse(400, { password: m.data_error_password_wrong() });
			case 'rate_limited':
				return tooManyAttempts(event, AUTH_SERVICE_RETRY_SECONDS, {});
			case 'last_owner':
				return refuse(409, { form: m.data_error_last_owner() });
			case 'deleted':
				// The account is gone: this browser's session only needs its cookies cleared.
				await locals.supabase.auth.signOut({ scope: 'local' });
				redirect(303, '/privacy/account-verwijderd');
		}
	}
} satisfies Actions;
