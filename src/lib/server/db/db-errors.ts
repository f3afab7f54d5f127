// Turns a refusal by Postgres (constraint, trigger, RLS) into a Dutch message next to the right form field.
import type { PostgrestError } from '@supabase/supabase-js';

export type DbErrorRule<Field extends string> = {
	/** Matches the constraint named in the error (unique, check, foreign key). */
	constraint?: string;
	/** Matches the error's SQLSTATE. */
	code?: string;
	/** Matches the message, for triggers that raise their own (Dutch) message. */
	message?: RegExp;
	field: Field | 'form';
	/** The Dutch text to show; without it, the database's own (Dutch) message is shown. */
	text?: () => string;
};

/** The constraint a Postgres error names, from PostgREST's message or details. */
export function constraintName(error: Pick<PostgrestError, 'message' | 'details'>): string | null {
	const match = /constraint "([^"]+)"/.exec(`${error.message} ${error.details ?? ''}`);
	return match?.[1] ?? null;
}

/**
 * The field and message for a database error, by the first rule that matches; null when none does (the
 * caller then lets the error through as unexpected).
 */
export function fieldErrorFor<Field extends string>(
	error: Pick<PostgrestError, 'code' | 'message' | 'details'>,
	rules: readonly DbErrorRule<Field>[]
): { field: Field | 'form'; message: string } | null {
	const constraint = constraintName(error);
	for (const rule of rules) {
		if (rule.constraint && rule.constraint !== constraint) continue;
		if (rule.code && rule.code !== error.code) continue;
		if (rule.message && !rule.message.test(error.message)) continue;
		return { field: rule.field, message: rule.text ? rule.text() : error.message };
	}
	return null;
}

/** A database refusal the person can fix: thrown by query functions, caught by actions. */
export class DbFieldError<Field extends string = string> extends Error {
	constructor(
		readonly field: Field | 'form',
		message: string
	) {
		super(message);
		this.name = 'DbFieldError';
	}
}

/** Throws a DbFieldError when a rule matches, else the original error. */
export function raiseDbError<Field extends string>(
	error: PostgrestError,
	rules: readonly DbErrorRule<Field>[]
): never {
	const mapped = fieldErrorFor(error, rules);
	if (mapped) throw new DbFieldError<Field>(mapped.field, mapped.message);
	throw error;
}

/** PostgREST's code for "row-level security refused the new row". */
export const RLS_DENIED = '42501';

/**
 * The SQLSTATEs the database's functions raise beyond the standard ones; PostgREST answers a PTnnn with
 * HTTP nnn. The hint of each error names the rule (invitation_used, agreement_not_found, ...).
 */
export const NOT_FOUND = 'PT404';
export const REFUSED = 'PT403';
export const CONFLICT = 'PT409';
export const GONE = 'PT410';
