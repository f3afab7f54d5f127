// Two-factor sign-in (TOTP) in one's profile: add an authenticator app (QR code and the key as text),
// confirm it with a code, list and remove apps. A confirmed app is removed at aal2 (the auth service
// refuses otherwise), or, with the device lost, after a code mailed by the auth service (/reauthenticate):
// then the server removes the person's own factors with the service role.
import { text, type FormErrors } from '$lib/forms';
import { m } from '$lib/paraglide/messages';
import { safeRedirectPath } from '$lib/redirect';
import { isQrImage, qrImage, sessionAal, verifiedFactors } from '$lib/server/auth/mfa';
import { currentUser, requireUser } from '$lib/server/auth/require-user';
import { createServiceClient } from '$lib/server/supabase';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

const CODE = /^\d{6}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SECRET = /^[A-Z2-7]{16,64}$/;

export const load = (async ({ locals, url }) => {
	const user = await currentUser(locals, url);
	const redirectTo = url.searchParams.get('redirectTo');
	// Asked again rather than taken from the request's start: an action may just have changed them.
	const { data: listed, error } = await locals.supabase.auth.mfa.listFactors();
	if (error) throw error;
	return {
		factors: listed.all.map((f) => ({
			id: f.id,
			name: f.friendly_name || m.mfa_name_default(),
			verified: f.status === 'verified',
			createdAt: f.created_at
		})),
		aal: sessionAal(locals.session),
		staffReason: url.searchParams.get('reden') === 'netwerk',
		redirectTo: redirectTo ? safeRedirectPath(redirectTo, '/') : null,
		email: user.email ?? ''
	};
}) satisfies PageServerLoad;

type Field = 'name' | 'code' | 'nonce';

export const actions = {
	start: async ({ request, locals, url }) => {
		const user = await currentUser(locals, url);
		const form = await request.formData();
		const name = text(form, 'name').trim() || m.mfa_name_default();
		if (name.length > 60) {
			return fail(400, {
				start: true,
				errors: { name: m.mfa_name_too_long() } as FormErrors<Field>
			});
		}
		if (verifiedFactors(user).length > 0 && sessionAal(locals.session) !== 'aal2') {
			return fail(403, { start: true, errors: { form: m.mfa_need_code_first() } });
		}
		// An earlier, never confirmed attempt goes first (it may hold the same name).
		for (const f of user.factors ?? []) {
			if (f.status !== 'verified') await locals.supabase.auth.mfa.unenroll({ factorId: f.id });
		}
		const { data, error } = await locals.supabase.auth.mfa.enroll({
			factorType: 'totp',
			friendlyName: name,
			issuer: 'Groeistoot'
		});
		if (error || !data) {
			const errors: FormErrors<Field> =
				error?.code === 'mfa_factor_name_conflict'
					? { name: m.mfa_error() }
					: { form: m.mfa_error() };
			return fail(error?.status === 403 ? 403 : 400, { start: true, errors });
		}
		return {
			enrolment: { factorId: data.id, secret: data.totp.secret, qr: qrImage(data.totp.qr_code) }
		};
	},

	confirm: async ({ request, locals, url }) => {
		requireUser(locals, url);
		const form = await request.formData();
		const factorId = text(form, 'factorId');
		const secret = text(form, 'secret');
		const qr = text(form, 'qr');
		const code = text(form, 'code').replace(/\s+/g, '');
		// Shown again after a wrong code: only what this page made (the person's own key and QR code).
		const enrolment =
			UUID.test(factorId) && SECRET.test(secret) && isQrImage(qr) ? { factorId, secret, qr } : null;
		if (!enrolment) return fail(400, { errors: { form: m.mfa_error() } as FormErrors<Field> });
		if (!CODE.test(code)) {
			return fail(400, { enrolment, errors: { code: m.mfa_code_invalid_format() } });
		}
		const { error } = await locals.supabase.auth.mfa.challengeAndVerify({ factorId, code });
		if (error) {
			const wrong =
				error.code === 'mfa_verification_failed' || error.code === 'mfa_challenge_expired';
			if (error.code === 'mfa_factor_not_found') {
				return fail(400, { errors: { form: m.mfa_error() } as FormErrors<Field> });
			}
			return fail(400, {
				enrolment,
				errors: (wrong
					? { code: m.mfa_code_wrong() }
					: { form: m.mfa_error() }) as FormErrors<Field>
			});
		}
		return { enabled: true };
	},

	remove: async ({ request, locals, url }) => {
		const user = await currentUser(locals, url);
		const form = await request.formData();
		const factorId = text(form, 'factorId');
		const factor = (user.factors ?? []).find((f) => f.id === factorId);
		if (!factor) return fail(404, { errors: { form: m.mfa_error() } as FormErrors<Field> });
		if (factor.status === 'verified' && sessionAal(locals.session) !== 'aal2') {
			return fail(403, { errors: { form: m.mfa_remove_needs_code() } as FormErrors<Field> });
		}
		const { error } = await locals.supabase.auth.mfa.unenroll({ factorId });
		if (error) {
			const message = error.code === 'insufficient_aal' ? m.mfa_remove_needs_code() : m.mfa_error();
			return fail(error.code === 'insufficient_aal' ? 403 : 400, {
				errors: { form: message } as FormErrors<Field>
			});
		}
		return { removed: true };
	},

	recoverSend: async ({ locals, url }) => {
		const user = await currentUser(locals, url);
		const { error } = await locals.supabase.auth.reauthenticate();
		if (error) {
			const status = error.status === 429 ? 429 : 400;
			const message = error.status === 429 ? m.auth_rate_limited() : m.mfa_error();
			return fail(status, { recoverSent: error.status === 429, errors: { form: message } });
		}
		return { recoverSent: true, sentTo: user.email ?? '' };
	},

	recoverConfirm: async ({ request, locals, url }) => {
		const user = await currentUser(locals, url);
		const form = await request.formData();
		const nonce = text(form, 'nonce').replace(/\s+/g, '');
		if (!CODE.test(nonce)) {
			return fail(400, {
				recoverSent: true,
				errors: { nonce: m.mfa_code_invalid_format() } as FormErrors<Field>
			});
		}
		// Postgres checks the mailed code for the signed-in person (auth.uid()) and uses it up.
		const { data: confirmed, error } = await locals.supabase.rpc('confirm_reauthentication', {
			nonce
		});
		if (error) throw error;
		if (!confirmed) {
			return fail(400, {
				recoverSent: true,
				errors: { nonce: m.mfa_recover_wrong() } as FormErrors<Field>
			});
		}
		// Only this person's own factors, found by the id the auth service vouched for (getUser).
		const admin = createServiceClient();
		const { data: list, error: listError } = await admin.auth.admin.mfa.listFactors({
			userId: user.id
		});
		if (listError) throw listError;
		for (const f of list.factors) {
			const { error: deleteError } = await admin.auth.admin.mfa.deleteFactor({
				userId: user.id,
				id: f.id
			});
			if (deleteError) throw deleteError;
		}
		return { recovered: true };
	}
} satisfies Actions;
