// Changing one's password while signed in: the current password first (the auth service checks it), so
// someone at an unlocked computer cannot lock the owner out. The reset link's page (/wachtwoord-herstellen)
// needs no current password: its recovery session already proves the mailbox.
import { authErrorMessage } from '$lib/auth-errors';
import { fieldErrors, text, type FormErrors } from '$lib/forms';
import { m } from '$lib/paraglide/messages';
import { changePasswordSchema } from '$lib/schemas/auth';
import { clientAddress } from '$lib/server/auth/client-address';
import { currentUser, requireUser } from '$lib/server/auth/require-user';
import {
	AUTH_SERVICE_RETRY_SECONDS,
	authThrottle,
	tooManyAttempts
} from '$lib/server/auth/throttle';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, url }) => {
	requireUser(locals, url);
	return {};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const { request, locals, url } = event;
		// The auth server's current word, not the token's: a session signed out elsewhere stops here.
		const user = await currentUser(locals, url);
		const form = await request.formData();
		const input = {
			currentPassword: text(form, 'currentPassword'),
			password: text(form, 'password'),
			passwordConfirm: text(form, 'passwordConfirm')
		};
		type Field = keyof typeof input;

		const parsed = changePasswordSchema.safeParse(input);
		if (!parsed.success) return fail(400, { errors: fieldErrors<Field>(parsed.error) });

		// A wrong current password is a wrong password for this address: it counts with the failed
		// sign-ins, so this form is no way around their limit.
		const who = { address: clientAddress(event), email: user.email ?? user.id };
		const wait = await authThrottle.attempt('sign_in', who);
		if (wait > 0) return tooManyAttempts(event, wait, {});

		const { currentPassword, password } = parsed.data;
		const { error } = await locals.supabase.auth.updateUser({
			password,
			current_password: currentPassword
		});
		if (error) {
			if (error.status === 429) return tooManyAttempts(event, AUTH_SERVICE_RETRY_SECONDS, {});
			const errors: FormErrors<Field> = {};
			switch (error.code) {
				case 'current_password_invalid':
					await authThrottle.signInFailed(who);
					errors.currentPassword = m.sec_current_password_invalid();
					break;
				case 'current_password_required':
					errors.currentPassword = m.sec_current_password_required();
					break;
				case 'weak_password':
				case 'same_password':
					errors.password = authErrorMessage(error.code);
					break;
				default:
					console.error('Password change failed', error.code, error.message);
					errors.form = authErrorMessage(error.code);
			}
			return fail(400, { errors });
		}

		return { saved: true };
	}
} satisfies Actions;
