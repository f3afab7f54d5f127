// Forms for registering, signing in and choosing a new password.
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';

/** GoTrue hashes with bcrypt, which ignores everything after 72 bytes. */
const PASSWORD_MAX = 72;

export const displayNameField = z
	.string()
	.trim()
	.min(1, { error: () => m.error_display_name_required() })
	.max(80, { error: () => m.error_display_name_too_long() });

const emailField = z
	.string()
	.trim()
	.toLowerCase()
	.pipe(z.email({ error: () => m.error_email_invalid() }));

const newPasswordField = z
	.string()
	.min(8, { error: () => m.error_password_too_short() })
	.max(PASSWORD_MAX, { error: () => m.error_password_too_long() });

const passwordsMatch = {
	path: ['passwordConfirm'],
	error: () => m.error_password_mismatch(),
	// Also check while other fields still have errors, so people see every problem at once.
	when: () => true
};

export const registerSchema = z
	.object({
		displayName: displayNameField,
		email: emailField,
		password: newPasswordField,
		passwordConfirm: z.string()
	})
	.refine((form) => form.password === form.passwordConfirm, passwordsMatch);

export const signInSchema = z.object({
	email: emailField,
	password: z.string().min(1, { error: () => m.error_password_required() })
});

export const forgotPasswordSchema = z.object({
	email: emailField
});

export const newPasswordSchema = z
	.object({
		password: newPasswordField,
		passwordConfirm: z.string()
	})
	.refine((form) => form.password === form.passwordConfirm, passwordsMatch);
