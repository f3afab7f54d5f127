// Shared shape of form errors: one Dutch message per field, plus an optional message for the whole form.
import type { z } from 'zod';

export type FormErrors<Field extends string> = Partial<Record<Field | 'form', string>>;

/** The first message per top-level field, the way the forms show them next to each input. */
export function fieldErrors<Field extends string>(error: z.ZodError): FormErrors<Field> {
	const errors: Record<string, string> = {};
	for (const issue of error.issues) {
		const field = issue.path.length > 0 ? String(issue.path[0]) : 'form';
		errors[field] ??= issue.message;
	}
	return errors as FormErrors<Field>;
}

/** A form value as text; absent fields become '' so schemas report them as empty, not as the wrong type. */
export function text(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}
