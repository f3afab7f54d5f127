// For the schemas' tests: what a form shows when its schema refuses an input.
import { fieldErrors, type FormErrors } from '$lib/forms';
import type { z } from 'zod';

/** The message per field for an input the schema refuses; throws when the schema accepts it. */
export function refusedFields(schema: z.ZodType, input: unknown): FormErrors<string> {
	const result = schema.safeParse(input);
	if (result.success) throw new Error('The schema accepted an input it should refuse.');
	return fieldErrors(result.error);
}
