import { authErrorMessage } from '$lib/auth-errors';
import { fieldErrors, text, type FormErrors } from '$lib/forms';
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
			const errors: FormErrors<keyof typeof input> = { password: authErrorMessage(error.code) };
			return fail(error.status === 429 ? 429 : 400, { errors });
		}

		return { saved: true };
	}
} satisfies Actions;
