import { authErrorMessage } from '$lib/auth-errors';
import { fieldErrors, text, type FormErrors } from '$lib/forms';
import { m } from '$lib/paraglide/messages';
import { newPasswordSchema } from '$lib/schemas/auth';
import { fail } from '@sveltejs/kit';
import type { Actions } from './$types';

export const actions = {
	default: async ({ request, locals: { supabase } }) => {
		const form = await request.formData();
		const input = {
			password: text(form, 'password'),
			passwordConfirm: text(form, 'passwordConfirm')
		};

		const parsed = newPasswordSchema.safeParse(input);
		if (!parsed.success) {
			return fail(400, { errors: fieldErrors<keyof typeof input>(parsed.error) });
		}

		const { error } = await supabase.auth.updateUser({ password: parsed.data.password });
		if (error) {
			// Outside the session the reset link opened, the auth service wants the current password:
			// that is the "Wachtwoord wijzigen" page's form.
			const errors: FormErrors<keyof typeof input> =
				error.code === 'current_password_required'
					? { form: m.sec_reset_needs_link() }
					: { password: authErrorMessage(error.code) };
			return fail(error.status === 429 ? 429 : 400, { errors });
		}

		return { saved: true };
	}
} satisfies Actions;
