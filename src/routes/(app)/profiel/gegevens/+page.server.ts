import { text, type FormErrors } from '$lib/forms';
import { m } from '$lib/paraglide/messages';
import { requireUser } from '$lib/server/auth/require-user';
import { deleteAccount, listLastOwnedOrganisations } from '$lib/server/db/account';
import { createServiceClient, createSessionlessClient } from '$lib/server/supabase';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

const refuse = (status: number, errors: FormErrors<'password'>) => fail(status, { errors });

/** The client's address for the auth service's per-address limits; unknown rather than a 500. */
function addressOf(getClientAddress: () => string): string | undefined {
	try {
		return getClientAddress() || undefined;
	} catch {
		return undefined;
	}
}

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { lastOwned: await listLastOwnedOrganisations(locals.supabase, user.id) };
}) satisfies PageServerLoad;

export const actions = {
	delete: async ({ request, locals, url, getClientAddress }) => {
		const user = requireUser(locals, url);
		const password = text(await request.formData(), 'password');
		if (password === '') {
			return refuse(400, { password: m.data_error_password_empty() });
		}

		const result = await deleteAccount({
			db: locals.supabase,
			verifier: createSessionlessClient(addressOf(getClientAddress)),
			service: createServiceClient(),
			user: { id: user.id, email: user.email ?? '' },
			password
		});
		switch (result.outcome) {
			case 'wrong_password':
				return refuse(400, { password: m.data_error_password_wrong() });
			case 'rate_limited':
				return refuse(429, { password: m.auth_rate_limited() });
			case 'last_owner':
				return refuse(409, { form: m.data_error_last_owner() });
			case 'deleted':
				// The account is gone: this browser's session only needs its cookies cleared.
				await locals.supabase.auth.signOut({ scope: 'local' });
				redirect(303, '/privacy/account-verwijderd');
		}
	}
} satisfies Actions;
