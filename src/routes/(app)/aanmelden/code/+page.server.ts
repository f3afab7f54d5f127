// The code step of a password sign-in for people with a verified second factor (TOTP): a code from their
// authenticator app makes the session aal2 (the auth service checks it), then they go where they were going.
import { text, type FormErrors } from '$lib/forms';
import { m } from '$lib/paraglide/messages';
import { safeRedirectPath } from '$lib/redirect';
import { MFA_SETTINGS_PATH, sessionAal, verifiedFactors } from '$lib/server/auth/mfa';
import { currentUser } from '$lib/server/auth/require-user';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

const CODE = /^\d{6}$/;

export const load = (async ({ locals, url }) => {
	const user = await currentUser(locals, url);
	const redirectTo = safeRedirectPath(url.searchParams.get('redirectTo'), '/');
	// Nothing to do: already aal2, or no factor to ask a code of.
	if (sessionAal(locals.session) === 'aal2' || verifiedFactors(user).length === 0) {
		redirect(303, redirectTo);
	}
	return { redirectTo, settingsPath: MFA_SETTINGS_PATH };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, url }) => {
		const user = await currentUser(locals, url);
		const form = await request.formData();
		const code = text(form, 'code').replace(/\s+/g, '');
		const redirectTo = safeRedirectPath(text(form, 'redirectTo'), '/');
		type Field = 'code';
		if (!CODE.test(code)) {
			return fail(400, { errors: { code: m.mfa_code_invalid_format() } as FormErrors<Field> });
		}
		const factor = verifiedFactors(user).find((f) => f.factor_type === 'totp');
		if (!factor) redirect(303, redirectTo);
		const { error } = await locals.supabase.auth.mfa.challengeAndVerify({
			factorId: factor.id,
			code
		});
		if (error) {
			const errors: FormErrors<Field> =
				error.code === 'mfa_verification_failed' || error.code === 'mfa_challenge_expired'
					? { code: m.mfa_code_wrong() }
					: { form: m.mfa_error() };
			if (!error.code || error.status === undefined || error.status >= 500) {
				console.error('MFA verification failed', error);
			}
			return fail(error.status === 429 ? 429 : 400, { errors });
		}
		redirect(303, redirectTo);
	}
} satisfies Actions;
