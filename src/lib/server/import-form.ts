// The bulk import's form action, shared by an academy's import page and the network's: step 1 checks an
// uploaded file (a dry run), step 2 imports the file that was checked. Between the two the file travels in
// the confirm form itself (gzip, base64, in a hidden field): the app keeps no state between requests (it runs
// in several copies behind a load balancer), the person need not choose the file again (without JavaScript a
// file input comes back empty), and the real run checks every row again, so a changed field imports nothing
// that a dry run of it would not have accepted. Re-sending step 2 changes nothing: each row has an external id.
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { formatNumber } from '$lib/public/format';
import {
	activityTemplate,
	IMPORT_MAX_BYTES,
	importActivities,
	type ImportResult,
	type ImportRowError,
	type ImportScope
} from '$lib/server/import/activities';
import { columnsFor, type ImportField } from '$lib/server/import/columns';
import type { Db } from '$lib/server/supabase';
import { error, fail } from '@sveltejs/kit';
import { gunzipSync, gzipSync } from 'node:zlib';

/** The endings of the files the import reads. */
export const IMPORT_FILE_TYPES = ['.csv', '.xlsx'] as const;

/** The field's name in both forms: the file input of step 1, the hidden copy of step 2. */
const FILE = 'bestand';
const FILENAME = 'bestandsnaam';

const FIELD_MEANING: Record<ImportField, () => string> = {
	import_id: m.imp_field_import_id,
	academy: m.imp_field_academy,
	title: m.imp_field_title,
	description: m.imp_field_description,
	domains: m.imp_field_domains,
	format: m.imp_field_format,
	age_min: m.imp_field_age_min,
	age_max: m.imp_field_age_max,
	start_date: m.imp_field_start_date,
	end_date: m.imp_field_end_date,
	session_count: m.imp_field_session_count,
	venue_name: m.imp_field_venue_name,
	venue_address: m.imp_field_venue_address,
	municipality_nis: m.imp_field_municipality_nis,
	municipality_name: m.imp_field_municipality_name,
	lat: m.imp_field_lat,
	lng: m.imp_field_lng,
	capacity: m.imp_field_capacity,
	price_eur: m.imp_field_price_eur,
	status: m.imp_field_status,
	participants: m.imp_field_participants,
	girls: m.imp_field_girls,
	disadvantaged: m.imp_field_disadvantaged,
	non_dutch_home_language: m.imp_field_non_dutch_home_language,
	special_needs: m.imp_field_special_needs
};

/** The template's columns for a scope, in its order, each with what it holds in the reader's language. */
export function importColumns(scope: 'academy' | 'network') {
	return columnsFor(scope).map((column) => ({
		name: column.name,
		required: column.required,
		description: FIELD_MEANING[column.field]()
	}));
}

/** The upload limit in words: "5 MB". */
export function importMaxSize(): string {
	return `${formatNumber(IMPORT_MAX_BYTES / (1024 * 1024), { maximumFractionDigits: 1 })} MB`;
}

export type ImportFile = { data: Uint8Array; filename: string };
export type ImportFileProblem = 'required' | 'type' | 'size';

/** A file name's ending as the import reads it, or undefined when it reads neither CSV nor XLSX. */
function readableName(name: string): string | undefined {
	const clean = name.replace(/[\\/]/g, '').trim().slice(-200);
	const lower = clean.toLowerCase();
	return IMPORT_FILE_TYPES.some((ending) => lower.endsWith(ending)) ? clean : undefined;
}

/** Step 1: the uploaded file, or what is wrong with it before a single row is read. */
export async function uploadedImportFile(
	form: FormData
): Promise<{ ok: true; file: ImportFile } | { ok: false; problem: ImportFileProblem }> {
	const file = form.get(FILE);
	if (!(file instanceof File) || file.size === 0) return { ok: false, problem: 'required' };
	if (file.size > IMPORT_MAX_BYTES) return { ok: false, problem: 'size' };
	const filename = readableName(file.name);
	if (!filename) return { ok: false, problem: 'type' };
	return { ok: true, file: { data: new Uint8Array(await file.arrayBuffer()), filename } };
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The checked file as the confirm form carries it: gzip (a CSV shrinks to a tenth), then base64. */
export function packImportFile(data: Uint8Array): string {
	return gzipSync(data).toString('base64');
}

/** Step 2: the checked file the confirm form sends back, or undefined when it is missing or not one. */
export function checkedImportFile(form: FormData): ImportFile | undefined {
	const packed = form.get(FILE);
	const name = form.get(FILENAME);
	if (typeof packed !== 'string' || typeof name !== 'string') return undefined;
	if (packed.length === 0 || packed.length % 4 !== 0 || !BASE64.test(packed)) return undefined;
	const filename = readableName(name);
	if (!filename) return undefined;
	try {
		// Never unpacks more than the upload limit allows, whatever the field holds.
		const data = gunzipSync(Buffer.from(packed, 'base64'), { maxOutputLength: IMPORT_MAX_BYTES });
		return data.length > 0 ? { data: new Uint8Array(data), filename } : undefined;
	} catch {
		return undefined;
	}
}

function isUniqueViolation(caught: unknown): boolean {
	return (
		typeof caught === 'object' && caught !== null && 'code' in caught && caught.code === '23505'
	);
}

function problemMessage(problem: ImportFileProblem): string {
	if (problem === 'size') return m.imp_error_size({ size: importMaxSize() });
	if (problem === 'type') return m.imp_error_type();
	return m.imp_error_required();
}

/** Errors about the whole file (row 1, no column: not a table, missing columns, not allowed). */
function wholeFile(errors: ImportRowError[]): boolean {
	return errors.every((error) => error.row === 1 && error.column === null);
}

/** What the page shows after either step. */
export type ImportFormData = {
	step: 'check' | 'import';
	errors?: { file?: string };
	rowErrors?: ImportRowError[];
	/** Step 1 passed: the counts, and the file to send back with step 2. */
	checked?: { result: ImportResult; file: string; filename: string };
	/** Step 2 done: the counts of what was written. */
	imported?: ImportResult;
};

/**
 * The action behind both import pages: `stap=importeren` imports the checked file, anything else checks the
 * uploaded one. Bad input is a 4xx with the message next to the file field and nothing written.
 */
export async function importFormAction(db: Db, request: Request, scope: ImportScope) {
	const form = await request.formData();
	const step = form.get('stap') === 'importeren' ? 'import' : 'check';
	let file: ImportFile;
	if (step === 'import') {
		const checked = checkedImportFile(form);
		if (!checked) {
			return fail(400, { step, errors: { file: m.imp_error_again() } } satisfies ImportFormData);
		}
		file = checked;
	} else {
		const upload = await uploadedImportFile(form);
		if (!upload.ok) {
			const status = upload.problem === 'size' ? 413 : upload.problem === 'type' ? 415 : 400;
			return fail(status, {
				step,
				errors: { file: problemMessage(upload.problem) }
			} satisfies ImportFormData);
		}
		file = upload.file;
	}

	let result: ImportResult;
	try {
		result = await importActivities(db, {
			data: file.data,
			filename: file.filename,
			scope,
			dryRun: step === 'check',
			locale: getLocale()
		});
	} catch (caught) {
		// The same rows sent twice at the same moment (a double click): the first run creates them, the
		// second meets their unique (academy, external id) and writes nothing; it says so instead of a 500.
		if (!isUniqueViolation(caught)) throw caught;
		return fail(409, { step, errors: { file: m.imp_error_busy() } } satisfies ImportFormData);
	}
	if (result.errors.length > 0) {
		const message = wholeFile(result.errors)
			? result.errors.map((error) => error.message).join(' ')
			: result.errors.length === 1
				? m.imp_error_rows_one()
				: m.imp_error_rows_other({ count: formatNumber(result.errors.length) });
		return fail(400, {
			step,
			errors: { file: message },
			rowErrors: wholeFile(result.errors) ? [] : result.errors
		} satisfies ImportFormData);
	}
	if (step === 'import') return { step, imported: result } satisfies ImportFormData;
	return {
		step,
		checked: {
			result,
			file: packImportFile(file.data),
			filename: file.filename
		}
	} satisfies ImportFormData;
}

const TEMPLATE_FILES: Record<string, 'csv' | 'xlsx'> = {
	'sjabloon.csv': 'csv',
	'sjabloon.xlsx': 'xlsx'
};

/** The template download (`sjabloon.csv`, `sjabloon.xlsx`) for a scope, in the reader's language; else 404. */
export async function templateResponse(
	file: string,
	scope: 'academy' | 'network'
): Promise<Response> {
	const format = TEMPLATE_FILES[file];
	if (!format) error(404, m.imp_template_not_found());
	const template = await activityTemplate(format, scope, getLocale());
	return new Response(template.body, {
		headers: {
			'content-type': template.contentType,
			'content-disposition': `attachment; filename="${template.filename}"`,
			'cache-control': 'private, no-store'
		}
	});
}
