import { authErrorMessage } from '$lib/auth-errors';
import { fieldErrors, text, type FormErrors } from '$lib/forms';
import { safeRedirectPath } from '$lib/redirect';
import { signInSchema } from '$lib/schemas/auth';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ url }) => ({
	redirectTo: safeRedirectPath(url.searchParams.get('redirectTo'), '/profiel')
})) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals: { supabase } }) => {
		const form = await request.formData();
		const input = { email: text(form, 'email'), password: text(form, 'password') };
		const redirectTo = safeRedirectPath(text(form, 'redirectTo'), '/profiel');
		const values = { email: input.email };

		const parsed = signInSchema.safeParse(input);
		if (!parsed.success) {
			return fail(400, { values, errors: fieldErrors<keyof typeof input>(parsed.error) });
		}

		const { error } = await supabase.auth.signInWithPassword(parsed.data);
		if (error) {
			if (!error.code) console.error('Sign-in failed without an error code', error);
			const errors: FormErrors<keyof typeof input> = { form: authErrorMessage(error.code) };
			return fail(error.status === 429 ? 429 : 400, { values, errors });
		}

		redirect(303, redirectTo);
	}
} satisfies Actions;
