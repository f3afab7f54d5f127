import { authErrorMessage } from '$lib/auth-errors';
import { fieldErrors, text, type FormErrors } from '$lib/forms';
import { registerSchema } from '$lib/schemas/auth';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions } from './$types';

export const actions = {
	default: async ({ request, url, locals: { supabase } }) => {
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
		const { data, error } = await supabase.auth.signUp({
			email,
			password,
			options: {
				data: { display_name: displayName },
				emailRedirectTo: `${url.origin}/auth/confirm?next=/profiel`
			}
		});
		if (error) {
			const field = error.code === 'weak_password' ? 'password' : 'email';
			const errors: FormErrors<keyof typeof input> = { [field]: authErrorMessage(error.code) };
			return fail(error.status === 429 ? 429 : 400, { values, errors });
		}

		// With e-mail confirmation switched off the person is signed in right away.
		if (data.session) redirect(303, '/profiel');
		return { values, checkMail: true };
	}
} satisfies Actions;
