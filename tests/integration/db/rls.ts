// "Refused, and nothing changes": each helper makes one request as someone, asserts how the database
// refused it, and reads the rows back with the service role to show that nothing was written. The rows
// must exist beforehand (except for an insert), so a refusal never passes because there was nothing to
// refuse.
import type { SupabaseClient } from '@supabase/supabase-js';
import { expect } from 'vitest';
import { serviceRole } from './people.js';

/**
 * How a refusal shows: `'no rows'` when RLS hides the rows, so the request succeeds and touches none;
 * otherwise the SQLSTATE of the error: 42501 when the role lacks the grant (on the table or on a column)
 * or a policy's check fails, 23514 when a rule of the table refuses the values, and so on.
 */
export type Refusal = 'no rows' | '42501' | (string & {});

/** Column = value pairs that pick the rows a request is about (what PostgREST's `match` takes). */
export type Where = Record<string, string | number>;

/** The rows as the service role sees them, in a stable order. */
export async function storedRows(table: string, where: Where) {
	const { data, error } = await serviceRole.from(table).select('*').match(where);
	if (error) throw error;
	return data
		.map((row) => JSON.stringify(row))
		.sort()
		.map((row) => JSON.parse(row) as Record<string, unknown>);
}

async function existing(table: string, where: Where) {
	const rows = await storedRows(table, where);
	expect(rows.length, `${table} has rows for ${JSON.stringify(where)}`).toBeGreaterThan(0);
	return rows;
}

function expectRefusal(
	result: { data: unknown[] | null; error: { code: string } | null },
	refusal: Refusal
) {
	if (refusal === 'no rows') {
		expect(result.error).toBeNull();
		expect(result.data).toEqual([]);
	} else {
		expect(result.error?.code).toBe(refusal);
	}
}

/** `values` is refused (42501 unless said otherwise); `where` finds what it would have written: nothing. */
export async function expectInsertRefused(
	db: SupabaseClient,
	table: string,
	values: Record<string, unknown>,
	where: Where,
	refusal: Refusal = '42501'
) {
	const before = await storedRows(table, where);
	const { error } = await db.from(table).insert(values);
	expect(error?.code).toBe(refusal);
	expect(await storedRows(table, where)).toEqual(before);
}

/** Changing the rows `where` picks to `patch` is refused; they stay as they were. */
export async function expectUpdateRefused(
	db: SupabaseClient,
	table: string,
	where: Where,
	patch: Record<string, unknown>,
	refusal: Refusal = '42501'
) {
	const before = await existing(table, where);
	const request = db.from(table).update(patch).match(where);
	expectRefusal(
		refusal === 'no rows' ? await request.select(Object.keys(where).join(', ')) : await request,
		refusal
	);
	expect(await storedRows(table, where)).toEqual(before);
}

/** Deleting the rows `where` picks is refused; they stay as they were. */
export async function expectDeleteRefused(
	db: SupabaseClient,
	table: string,
	where: Where,
	refusal: Refusal = '42501'
) {
	const before = await existing(table, where);
	const request = db.from(table).delete().match(where);
	expectRefusal(
		refusal === 'no rows' ? await request.select(Object.keys(where).join(', ')) : await request,
		refusal
	);
	expect(await storedRows(table, where)).toEqual(before);
}

/** Reading the rows `where` picks shows nothing (RLS hides them unless said otherwise), though they exist. */
export async function expectHidden(
	db: SupabaseClient,
	table: string,
	where: Where,
	refusal: Refusal = 'no rows'
) {
	await existing(table, where);
	expectRefusal(await db.from(table).select(Object.keys(where).join(', ')).match(where), refusal);
}
