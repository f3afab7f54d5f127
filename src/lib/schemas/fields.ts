// Building blocks for form schemas: form values arrive as text, the database wants numbers, dates and nulls.
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';

/** Browsers send textarea line breaks as CRLF; count them as one character, like Postgres will. */
export function plainText(max: number, tooLong: () => string) {
	return z
		.string()
		.transform((value) => value.replace(/\r\n?/g, '\n').trim())
		.pipe(z.string().max(max, { error: tooLong }));
}

/** Optional one-line text: empty becomes null. */
export function optionalText(max: number, tooLong: () => string) {
	return z
		.string()
		.trim()
		.max(max, { error: tooLong })
		.transform((value) => (value === '' ? null : value));
}

/** Optional e-mail address, lower-cased; empty becomes null. */
export function optionalEmail() {
	return z
		.string()
		.trim()
		.toLowerCase()
		.transform((value) => (value === '' ? null : value))
		.pipe(
			z
				.email({ error: () => m.error_email_invalid() })
				.max(254, { error: () => m.app_error_email_too_long() })
				.nullable()
		);
}

/** Optional web address; "www.voorbeeld.be" becomes "https://www.voorbeeld.be". Empty becomes null. */
export function optionalUrl(max = 300) {
	return z
		.string()
		.trim()
		.transform((value) =>
			value === '' ? null : /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`
		)
		.pipe(
			z
				.url({
					protocol: /^https?$/,
					hostname: z.regexes.domain,
					error: () => m.app_error_url_invalid()
				})
				.max(max, { error: () => m.app_error_url_too_long({ max }) })
				.nullable()
		);
}

const WHOLE_NUMBER = /^\d+$/;

/** A required whole number between min and max. */
export function wholeNumber({
	min,
	max,
	required
}: {
	min: number;
	max: number;
	required: () => string;
}) {
	return z
		.string()
		.trim()
		.refine((value) => value !== '', { error: required, abort: true })
		.refine((value) => WHOLE_NUMBER.test(value), {
			error: () => m.app_error_whole_number(),
			abort: true
		})
		.transform(Number)
		.pipe(
			z
				.number()
				.min(min, { error: () => m.app_error_number_min({ min }) })
				.max(max, { error: () => m.app_error_number_max({ max }) })
		);
}

/** An optional whole number between min and max; empty becomes null. */
export function optionalWholeNumber({ min, max }: { min: number; max: number }) {
	return z
		.string()
		.trim()
		.refine((value) => value === '' || WHOLE_NUMBER.test(value), {
			error: () => m.app_error_whole_number(),
			abort: true
		})
		.transform((value) => (value === '' ? null : Number(value)))
		.pipe(
			z
				.number()
				.min(min, { error: () => m.app_error_number_min({ min }) })
				.max(max, { error: () => m.app_error_number_max({ max }) })
				.nullable()
		);
}

const AMOUNT = /^\d{1,6}([.,]\d{1,2})?$/;

/** An amount in euro, with a comma or a point, at most two decimals; empty is `empty`. */
export function euroAmount<Empty extends number | null>(empty: Empty) {
	return z
		.string()
		.trim()
		.refine((value) => value === '' || AMOUNT.test(value), {
			error: () => m.app_error_amount()
		})
		.transform((value) => (value === '' ? empty : Number(value.replace(',', '.'))));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date as the date input sends it (YYYY-MM-DD). */
export function isoDate(required: () => string) {
	return z
		.string()
		.trim()
		.refine((value) => value !== '', { error: required, abort: true })
		.refine(
			(value) => {
				if (!ISO_DATE.test(value)) return false;
				const date = new Date(`${value}T00:00:00Z`);
				return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
			},
			{ error: () => m.app_error_date_invalid() }
		);
}

/** Checkbox groups: only values from the vocabulary, each once, in the vocabulary's order. */
export function choices<const T extends readonly [string, ...string[]]>(
	values: T,
	invalid: () => string
) {
	return z
		.array(z.enum(values, { error: invalid }))
		.transform((chosen) => values.filter((value) => chosen.includes(value)) as T[number][]);
}

export const uuid = () => z.uuid({ error: () => m.app_error_unknown_item() });
