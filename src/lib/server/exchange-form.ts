// The steps that creating and editing an offer or a request share: reading the weekly-slot rows,
// "nog een moment toevoegen" (the form again with one more row, nothing saved), and a form that does not
// parse or that the database refuses coming back with what was typed and a message per field.
import { text } from '$lib/forms';
import { municipalityLabel } from '$lib/municipalities';
import { requestedSlotRows, slotFields, type SlotField } from '$lib/schemas/offer';
import { DbFieldError } from '$lib/server/db/db-errors';
import { listCurrentMunicipalities } from '$lib/server/db/municipalities';
import type { Db } from '$lib/server/supabase';
import { fail } from '@sveltejs/kit';

/** Whether the form was sent with "nog een moment toevoegen" (show one more row, save nothing). */
export const wantsMoreSlots = (form: FormData): boolean => form.has('addSlot');

/**
 * The weekly-slot rows as sent: as many as the form showed (its hidden count), plus an empty one when
 * "nog een moment toevoegen" was pressed.
 */
export function slotFormValues(form: FormData): Record<SlotField, string> {
	const rows = requestedSlotRows(text(form, 'slotRows'), wantsMoreSlots(form));
	const values = {} as Record<SlotField, string>;
	for (const field of slotFields(rows)) values[field] = text(form, field);
	return values;
}

/** The text fields of a sent form, by name ('' for one that is absent). */
export function formTexts<Field extends string>(
	form: FormData,
	fields: readonly Field[]
): Record<Field, string> {
	return Object.fromEntries(fields.map((field) => [field, text(form, field)])) as Record<
		Field,
		string
	>;
}

/** The label of a current municipality by its NIS code (undefined for an old one), for a form's values. */
export async function formMunicipalities(db: Db) {
	const municipalities = await listCurrentMunicipalities(db);
	const byNis = new Map(municipalities.map((option) => [option.nis, municipalityLabel(option)]));
	return {
		labelOf: (nis: string | null) => (nis === null ? undefined : byNis.get(nis))
	};
}

export type Parsed<Changes, Errors> =
	{ ok: true; changes: Changes } | { ok: false; errors: Errors };

/**
 * Parses and saves a sent form. Returns what the action answers when it did not save (one more slot row,
 * or a 400 with the values and the messages; `extra` goes along, such as a new item's id), null when saved.
 */
export async function submitExchangeForm<
	Values,
	Changes,
	Errors extends Partial<Record<string, string>>,
	Extra extends object = object
>(
	form: FormData,
	{
		values,
		extra,
		parse,
		save
	}: {
		values: Values;
		extra?: Extra;
		parse: (values: Values) => Promise<Parsed<Changes, Errors>>;
		save: (changes: Changes) => Promise<unknown>;
	}
) {
	if (wantsMoreSlots(form)) return { ...(extra as Extra), values, moreSlots: true as const };
	const result = await parse(values);
	if (!result.ok) return fail(400, { ...(extra as Extra), values, errors: result.errors });
	try {
		await save(result.changes);
	} catch (caught) {
		if (!(caught instanceof DbFieldError)) throw caught;
		const errors = { [caught.field]: caught.message } as Errors;
		return fail(400, { ...(extra as Extra), values, errors });
	}
	return null;
}
