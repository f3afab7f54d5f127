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

type Result = { data: unknown[] | null; error: { code: string } | null };
type Write = PromiseLike<Result> & { select(columns: string): PromiseLike<Result> };

async function existing(table: string, where: Where) {
	const rows = await storedRows(table, where);
	expect(rows.length, `${table} has rows for ${JSON.stringify(where)}`).toBeGreaterThan(0);
	return rows;
}

function expectRefusal(result: Result, refusal: Refusal) {
	if (refusal === 'no rows') {
		expect(result.error).toBeNull();
		expect(result.data).toEqual([]);
	} else {
		expect(result.error?.code).toBe(refusal);
	}
}

/** Inserting `values` is refused (42501 unless said otherwise); what `where` picks stays as it was. */
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

/**
 * Sends an update or delete of the rows `where` picks, asserts the refusal and that the rows stayed as
 * they were. With `'no rows'` it asks for the rows back (as the app does), which shows what was touched.
 */
async function expectWriteRefused(table: string, where: Where, refusal: Refusal, write: Write) {
	const before = await existing(table, where);
	const returning = Object.keys(where).join(', ');
	expectRefusal(refusal === 'no rows' ? await write.select(returning) : await write, refusal);
	expect(await storedRows(table, where)).toEqual(before);
}

/** Changing the rows `where` picks to `patch` is refused (42501 unless said otherwise); they stay. */
export async function expectUpdateRefused(
	db: SupabaseClient,
	table: string,
	where: Where,
	patch: Record<string, unknown>,
	refusal: Refusal = '42501'
) {
	await expectWriteRefused(table, where, refusal, db.from(table).update(patch).match(where));
}

/** Deleting the rows `where` picks is refused (42501 unless said otherwise); they stay. */
export async function expectDeleteRefused(
	db: SupabaseClient,
	table: string,
	where: Where,
	refusal: Refusal = '42501'
) {
	await expectWriteRefused(table, where, refusal, db.from(table).delete().match(where));
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
