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

// Control characters nobody can type in a form (NUL, escape, ...), except tab and line breaks. Postgres refuses
// NUL in text outright; the others would only hide in names and titles.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Text as a person could have typed it: without invisible control characters. */
export function typeable(value: string): string {
	return value.replace(CONTROL_CHARACTERS, '');
}

/** A form value as text; absent fields become '' so schemas report them as empty, not as the wrong type. */
export function text(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? typeable(value) : '';
}

/** Every value of a repeated field (checkboxes), as text; files and absent fields are left out. */
export function texts(form: FormData, name: string): string[] {
	return form
		.getAll(name)
		.filter((value): value is string => typeof value === 'string')
		.map(typeable);
}
