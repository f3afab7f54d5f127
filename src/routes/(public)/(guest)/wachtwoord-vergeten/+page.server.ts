import { fieldErrors, text } from '$lib/forms';
import { forgotPasswordSchema } from '$lib/schemas/auth';
import { clientAddress } from '$lib/server/auth/client-address';
import {
	AUTH_SERVICE_RETRY_SECONDS,
	authThrottle,
	tooManyAttempts
} from '$lib/server/auth/throttle';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ url }) => ({
	linkExpired: url.searchParams.get('fout') === 'link-verlopen'
})) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const { request, url, locals } = event;
		const form = await request.formData();
		const input = { email: text(form, 'email') };

		const parsed = forgotPasswordSchema.safeParse(input);
		if (!parsed.success) {
			return fail(400, { values: input, errors: fieldErrors<keyof typeof input>(parsed.error) });
		}

		const { email } = parsed.data;
		const wait = await authThrottle.attempt('recover', { address: clientAddress(event), email });
		if (wait > 0) return tooManyAttempts(event, wait, { values: input });

		const { error } = await locals.supabase.auth.resetPasswordForEmail(email, {
			redirectTo: `${url.origin}/auth/confirm?next=/wachtwoord-herstellen`
		});
		// Whatever happened, the page says the same thing: it must not reveal which addresses have an account.
		// Only the auth service's limit per client address is shown, which holds for every address alike;
		// its mail limits (per account, or for all mail) would tell that the address has an account.
		if (error?.code === 'over_request_rate_limit') {
			return tooManyAttempts(event, AUTH_SERVICE_RETRY_SECONDS, { values: input });
		}
		if (error?.status === 429) console.warn('Password reset mail not sent (limit)', error.code);
		else if (error) console.error('Password reset mail failed', error.code, error.message);

		return { values: input, sent: true };
	}
} satisfies Actions;
