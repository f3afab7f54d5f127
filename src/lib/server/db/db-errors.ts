// Turns a refusal by Postgres (constraint, trigger, RLS) into a message in the reader's language next to the
// right form field, by the refusal's stable code: never by the wording of the database's message.
import { m } from '$lib/paraglide/messages';
import type { PostgrestError } from '@supabase/supabase-js';
import { REFUSALS, type Refusal, type Refusals } from './refusals';

export type { Refusal, Refusals };

type DbError = Pick<PostgrestError, 'code' | 'message' | 'details' | 'hint'>;

/**
 * The constraint a Postgres error names (unique, check, exclusion and foreign key violations): the one
 * identifier in double quotes after the word "constraint", from PostgREST's message or details.
 */
export function constraintName(error: Pick<DbError, 'message' | 'details'>): string | null {
	const match = /constraint "([^"]+)"/.exec(`${error.message} ${error.details ?? ''}`);
	return match?.[1] ?? null;
}

/**
 * The stable code of a database error: the rule named in its hint (every raise in the migrations names
 * one, raise_rule() the constraint it stands for), else the constraint Postgres names, else the SQLSTATE
 * (an RLS refusal, 42501, names nothing else).
 */
export function errorCode(error: DbError): string {
	return error.hint || constraintName(error) || error.code;
}

/** The text of a refusal in the current locale. */
export function refusalText(refusal: Refusal): string {
	return (refusal.message as (inputs?: object) => string)(refusal.inputs);
}

/**
 * The field and message for a database error by its code: from `overrides` (an area's words for a code,
 * such as what RLS refusing means there), else from the table of every refusal; null for a code neither
 * knows (the caller then lets the error through as unexpected).
 */
export function fieldErrorFor(
	error: DbError,
	overrides: Refusals = {}
): { field: string; message: string } | null {
	const code = errorCode(error);
	const refusal = Object.hasOwn(overrides, code)
		? overrides[code]
		: Object.hasOwn(REFUSALS, code)
			? REFUSALS[code]
			: undefined;
	return refusal ? { field: refusal.field, message: refusalText(refusal) } : null;
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

/** Throws a DbFieldError for a known code, else the original error (a 500, logged by handleError). */
export function raiseDbError(error: PostgrestError, overrides?: Refusals): never {
	const mapped = fieldErrorFor(error, overrides);
	if (mapped) throw new DbFieldError(mapped.field, mapped.message);
	throw error;
}

/** PostgREST's code for "row-level security refused the new row". */
export const RLS_DENIED = '42501';

/** What RLS refusing a write to an organisation's own rows means: the person is not one of its members. */
export const MEMBERS_ONLY: Refusals = {
	[RLS_DENIED]: { field: 'form', message: m.app_forbidden_not_member }
};

/**
 * The SQLSTATEs the database's functions raise beyond the standard ones; PostgREST answers a PTnnn with
 * HTTP nnn. The hint of each error names the rule (invitation_used, agreement_not_found, ...).
 */
export const NOT_FOUND = 'PT404';
export const REFUSED = 'PT403';
export const CONFLICT = 'PT409';
export const GONE = 'PT410';

/**
 * For a save_offer/save_request that creates under the id the form was shown with: the same form sent
 * twice at the same moment is refused as a duplicate (23505) or, while the first is not yet visible, as not
 * found; when the row with that id now is the organisation's, the first one created it and nothing is
 * wrong. Another organisation's id never counts as created. Anything else is raised as a refusal.
 */
export async function raiseUnlessCreatedBefore(
	error: PostgrestError,
	{
		create,
		organisationId,
		find
	}: {
		create: boolean;
		organisationId: string;
		find: () => Promise<{ organisationId: string } | null>;
	}
): Promise<void> {
	if (create && (error.code === '23505' || error.code === NOT_FOUND)) {
		const existing = await find();
		if (existing?.organisationId === organisationId) return;
	}
	raiseDbError(error, MEMBERS_ONLY);
}
