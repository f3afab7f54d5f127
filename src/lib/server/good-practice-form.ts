// Reading the good practice form and saving it: what was typed comes back with messages next to the
// fields on a refusal (by the schema first, then by the database's stable codes), never a 5xx.
import { fieldErrors, text, texts, type FormErrors } from '$lib/forms';
import {
	PRACTICE_TEXT_FIELDS,
	type GoodPracticeField,
	type GoodPracticeValues
} from '$lib/schemas/good-practice';
import { fail } from '@sveltejs/kit';
import type { z } from 'zod';
import { DbFieldError } from './db/db-errors';

export type GoodPracticeErrors = FormErrors<GoodPracticeField>;

export function goodPracticeFormValues(form: FormData): GoodPracticeValues {
	const values = {
		stemLetters: texts(form, 'stemLetters'),
		domains: texts(form, 'domains'),
		communities: texts(form, 'communities')
	} as GoodPracticeValues;
	for (const field of PRACTICE_TEXT_FIELDS) values[field] = text(form, field);
	return values;
}

/**
 * Parses the values with the schema and saves them; returns a 400 with the values and errors when the
 * schema or the database refuses, or the saved result.
 */
export async function saveGoodPracticeForm<Schema extends z.ZodType, Result>(
	values: GoodPracticeValues,
	schema: Schema,
	save: (parsed: z.infer<Schema>) => Promise<Result>
) {
	const parsed = schema.safeParse(values);
	if (!parsed.success) {
		return {
			ok: false as const,
			failure: fail(400, { values, errors: fieldErrors<GoodPracticeField>(parsed.error) })
		};
	}
	try {
		return { ok: true as const, result: await save(parsed.data) };
	} catch (caught) {
		if (!(caught instanceof DbFieldError)) throw caught;
		const errors: GoodPracticeErrors = { [caught.field]: caught.message };
		return { ok: false as const, failure: fail(400, { values, errors }) };
	}
}
