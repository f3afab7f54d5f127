import { fieldErrors, text } from '$lib/forms';
import { forgotPasswordSchema } from '$lib/schemas/auth';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ url }) => ({
	linkExpired: url.searchParams.get('fout') === 'link-verlopen'
})) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, url, locals: { supabase } }) => {
		const form = await request.formData();
		const input = { email: text(form, 'email') };

		const parsed = forgotPasswordSchema.safeParse(input);
		if (!parsed.success) {
			return fail(400, { values: input, errors: fieldErrors<keyof typeof input>(parsed.error) });
		}

		const { error } = await supabase.auth.resetPasswordForEmail(parsed.data.email, {
			redirectTo: `${url.origin}/auth/confirm?next=/wachtwoord-herstellen`
		});
		// Whatever happened, the page says the same thing: it must not reveal which addresses have an account.
		if (error) console.error('Password reset mail failed', error.code, error.message);

		return { values: input, sent: true };
	}
} satisfies Actions;
