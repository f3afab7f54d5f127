// Bulk import of activities with their reach reports from a CSV or XLSX file: the entry point the import
// pages and `npm run import:activities` share. The file is read and each row checked here; the database
// (import_activities()) checks what only it knows and writes all rows or none.
import { REFUSALS } from '$lib/server/db/refusals';
import type { Database } from '$lib/types/database';
import type { PostgrestError, SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import { columnName, type ImportField, type Locale } from './columns';
import { problemText } from './messages';
import { readSheetOf } from './read';
import { DATABASE_ROW_CODES, readRows, type ImportRow, type Issue, type Problem } from './rows';

export { activityTemplate } from './template';
export { IMPORT_MAX_ROWS } from './rows';

export type ImportScope = { kind: 'academy'; organisationId: string } | { kind: 'network' };

export type ImportRowError = {
	/** The row number as the person sees it in the file (header = row 1, first data row = 2). */
	row: number;
	/** The Dutch column name from the template, null for a whole-row (or whole-file) problem. */
	column: string | null;
	/** In the reader's locale: what is wrong and what is expected. */
	message: string;
};

export type ImportResult = {
	dryRun: boolean;
	/** Data rows read (blank lines and lines starting with '#' not counted). */
	rows: number;
	/** Activities (with their reach report) that a real run creates / created. */
	created: number;
	/** Rows whose external id existed and whose values differ. */
	updated: number;
	/** Rows whose external id existed with the same values. */
	unchanged: number;
	/** Empty: valid. Otherwise nothing was written (all or nothing). */
	errors: ImportRowError[];
};

/** The upload limit: 10 MB holds well over 10 000 rows in CSV or XLSX. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

const answerSchema = z.object({
	created: z.number(),
	updated: z.number(),
	unchanged: z.number(),
	errors: z.array(
		z.object({ row: z.number(), column: z.string(), code: z.enum(DATABASE_ROW_CODES) })
	)
});

type Answer = z.infer<typeof answerSchema>;

/** The refusal of a whole import (who may import, for which academy) in the reader's language. */
function refusalMessage(error: PostgrestError, locale: Locale): string | null {
	const code = error.hint || error.code;
	// PostgREST refuses anon before the function runs: permission denied, no hint.
	const refusal = Object.hasOwn(REFUSALS, code)
		? REFUSALS[code]
		: code === '42501'
			? REFUSALS.import_not_allowed
			: undefined;
	if (!refusal) return null;
	const message = refusal.message as (inputs?: object, options?: { locale: Locale }) => string;
	return message(refusal.inputs, { locale });
}

/**
 * A row without its empty values (the function reads a missing key as null, and fills in the defaults):
 * 10 000 rows are several megabytes of JSON, which PostgREST and Postgres each parse.
 */
function compact(row: ImportRow): Partial<ImportRow> {
	return Object.fromEntries(
		Object.entries(row).filter(([, value]) => value !== null && value !== '')
	) as Partial<ImportRow>;
}

/** Calls import_activities(); a refusal comes back as its message. */
async function callImport(
	supabase: SupabaseClient<Database>,
	rows: ImportRow[],
	scope: ImportScope,
	dryRun: boolean,
	locale: Locale
): Promise<{ ok: true; answer: Answer } | { ok: false; message: string }> {
	const { data, error } = await supabase.rpc('import_activities', {
		p_rows: rows.map(compact),
		p_dry_run: dryRun,
		...(scope.kind === 'academy' ? { p_organisation_id: scope.organisationId } : {})
	});
	if (error) {
		const message = refusalMessage(error, locale);
		if (message === null) throw error;
		return { ok: false, message };
	}
	return { ok: true, answer: answerSchema.parse(data) };
}

/** The value the database found wrong, as the file had it. */
function valueOf(row: ImportRow | undefined, field: string): string {
	if (!row || !Object.hasOwn(row, field)) return '';
	const value = row[field as keyof ImportRow];
	return value === null ? '' : String(value);
}

const byRowThenColumn = (a: Issue, b: Issue) =>
	a.row - b.row || (a.column ?? '').localeCompare(b.column ?? '');

/**
 * Reads the file, checks every row and (unless a dry run or anything is wrong) imports all rows in one
 * transaction. With errors, the counts are those a run would give for the rows without errors.
 */
export async function importActivities(
	supabase: SupabaseClient<Database>,
	input: {
		data: Uint8Array;
		filename: string;
		scope: ImportScope;
		dryRun: boolean;
		locale: Locale;
	}
): Promise<ImportResult> {
	const { data, filename, scope, dryRun, locale } = input;
	const result = (rows: number, issues: Issue[], answer?: Answer): ImportResult => ({
		dryRun,
		rows,
		created: answer?.created ?? 0,
		updated: answer?.updated ?? 0,
		unchanged: answer?.unchanged ?? 0,
		errors: [...issues].sort(byRowThenColumn).map((issue) => ({
			row: issue.row,
			column: issue.column,
			message: problemText(issue.problem, locale)
		}))
	});
	const fileError = (problem: Problem) => result(0, [{ row: 1, column: null, problem }]);

	if (data.length > IMPORT_MAX_BYTES) {
		return fileError({ code: 'file_too_large', max: IMPORT_MAX_BYTES / (1024 * 1024) });
	}
	const sheet = await readSheetOf(data, filename);
	if (!sheet.ok) return fileError(sheet.problem);

	const { rows, read, issues } = readRows(sheet.sheet, scope.kind);
	if (rows.length === 0) return result(read, issues);

	// Rows with problems of their own are left out, but the others are still checked by the database (as a
	// dry run), so that one pass lists everything to fix.
	const call = await callImport(supabase, rows, scope, dryRun || issues.length > 0, locale);
	if (!call.ok) {
		return {
			...result(read, []),
			errors: [{ row: 1, column: null, message: call.message }]
		};
	}
	const byRow = new Map(rows.map((row) => [row.row, row]));
	const found: Issue[] = call.answer.errors.map((error) => ({
		row: error.row,
		column: columnName(error.column as ImportField),
		problem: { code: error.code, value: valueOf(byRow.get(error.row), error.column) }
	}));
	return result(read, [...issues, ...found], call.answer);
}
