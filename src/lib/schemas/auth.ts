// Forms for registering, signing in, choosing a new password and changing it.
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

/** Changing the password while signed in: the current one first, so a borrowed session cannot lock anyone out. */
export const changePasswordSchema = z
	.object({
		currentPassword: z
			.string()
			.min(1, { error: () => m.sec_current_password_required() })
			.max(PASSWORD_MAX, { error: () => m.sec_current_password_invalid() }),
		password: newPasswordField,
		passwordConfirm: z.string()
	})
	.refine((form) => form.password === form.passwordConfirm, passwordsMatch)
	.refine((form) => form.currentPassword === '' || form.password !== form.currentPassword, {
		path: ['password'],
		error: () => m.auth_same_password(),
		when: () => true
	});
