// From a sheet's cells to the rows import_activities() takes: the header names the columns, each row is
// checked on its own (what a value must look like, the table's checks), and every problem is kept with its
// row and column so that a person can fix the file in one go. What only the database knows (the academy,
// the municipality, ids already used) the database checks.
import type { Domain, Format } from '$lib/vocabulary';
import {
	columnName,
	columnsFor,
	domainFor,
	formatFor,
	IMPORT_COLUMNS,
	normaliseHeader,
	statusFor,
	type ImportField,
	type ImportStatus
} from './columns';

/** A cell as CSV (text) or XLSX (text, number, true/false, date) gives it. */
export type Cell = string | number | boolean | Date | null;

/** A sheet: its first line (the header) and the lines below it, each with its number in the file. */
export type Sheet = { header: Cell[]; records: { row: number; cells: Cell[] }[] };

export type ImportScopeKind = 'academy' | 'network';

/** A row as import_activities() takes it (jsonb). */
export type ImportRow = {
	row: number;
	import_id: string;
	academy: string | null;
	title: string;
	description: string;
	domains: Domain[];
	format: Format;
	age_min: number;
	age_max: number;
	start_date: string;
	end_date: string;
	session_count: number;
	venue_name: string | null;
	venue_address: string | null;
	municipality_nis: string | null;
	municipality_name: string | null;
	lat: number | null;
	lng: number | null;
	capacity: number | null;
	price_eur: number;
	status: ImportStatus;
	participants: number | null;
	girls: number | null;
	disadvantaged: number | null;
	non_dutch_home_language: number | null;
	special_needs: number | null;
};

/** What is wrong with a file, a cell or a row, with what the message needs to say it. */
export type Problem =
	// the file as a whole (row 1)
	| { code: 'file_type' }
	| { code: 'file_empty' }
	| { code: 'file_too_large'; max: number }
	| { code: 'file_unreadable' }
	| { code: 'too_many_rows'; max: number }
	| { code: 'columns_missing'; columns: string }
	| { code: 'columns_unknown'; columns: string }
	| { code: 'columns_repeated'; columns: string }
	| { code: 'municipality_columns' }
	// a cell or a row
	| { code: 'required' }
	| { code: 'text_length'; min: number; max: number }
	| { code: 'integer'; value: string; min: number; max: number }
	| { code: 'amount'; value: string; max: number }
	| { code: 'coordinate'; value: string; min: number; max: number }
	| { code: 'coordinates_both' }
	| { code: 'date'; value: string }
	| { code: 'end_before_start'; start: string }
	| { code: 'age_order'; min: number }
	| { code: 'domain'; value: string }
	| { code: 'domain_repeated'; value: string }
	| { code: 'format'; value: string }
	| { code: 'status'; value: string }
	| { code: 'nis'; value: string }
	| { code: 'municipality_missing' }
	| { code: 'reach_without_participants' }
	| { code: 'reach_too_many'; participants: number }
	| { code: 'reach_draft' }
	// what the database found (import_activities()'s codes)
	| { code: DatabaseRowCode; value: string };

export const DATABASE_ROW_CODES = [
	'academy_unknown',
	'academy_other',
	'academy_missing',
	'municipality_unknown',
	'municipality_merged',
	'municipality_name_unknown',
	'municipality_name_ambiguous',
	'import_id_missing',
	'import_id_repeated',
	'status_published',
	'reach_not_reportable'
] as const;
export type DatabaseRowCode = (typeof DATABASE_ROW_CODES)[number];

/** A problem where the person sees it: the row (header = 1) and the Dutch column name (null: the row). */
export type Issue = { row: number; column: string | null; problem: Problem };

export const IMPORT_MAX_ROWS = 10000;

const LIMITS = {
	importId: 100,
	title: { min: 3, max: 140 },
	description: 5000,
	venueName: 160,
	venueAddress: 200,
	age: { min: 2, max: 25 },
	sessions: { min: 1, max: 400 },
	capacity: { min: 1, max: 100000 },
	price: 999999.99,
	reach: { min: 0, max: 100000 },
	lat: { min: 49, max: 52 },
	lng: { min: 2, max: 7 }
} as const;

/** A cell as the text a person typed; dates as YYYY-MM-DD. */
export function cellText(cell: Cell): string {
	if (cell === null) return '';
	if (cell instanceof Date) return isoDate(cell);
	return String(cell).trim();
}

function isoDate(date: Date): string {
	return date.toISOString().slice(0, 10);
}

/** A calendar date as YYYY-MM-DD, or null when the parts are no real date. */
function calendarDate(year: number, month: number, day: number): string | null {
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year &&
		date.getUTCMonth() === month - 1 &&
		date.getUTCDate() === day &&
		year >= 1900 &&
		year <= 2100
		? isoDate(date)
		: null;
}

/** Excel counts days from 30 December 1899 (a date cell whose format the reader did not recognise). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A date from a cell: an XLSX date, YYYY-MM-DD or DD/MM/YYYY (also D/M/YYYY); null when it is none. */
export function parseDate(cell: Cell): string | null {
	if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : isoDate(cell);
	if (typeof cell === 'number') {
		return Number.isInteger(cell) && cell > 0 && cell < 100000
			? isoDate(new Date(EXCEL_EPOCH + cell * 86400000))
			: null;
	}
	const text = cellText(cell);
	let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
	if (match) return calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
	match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
	if (match) return calendarDate(Number(match[3]), Number(match[2]), Number(match[1]));
	return null;
}

/** A whole number from a cell ("12", 12), or null when it is none. */
export function parseInteger(cell: Cell): number | null {
	if (typeof cell === 'number') return Number.isSafeInteger(cell) ? cell : null;
	const text = cellText(cell);
	return /^-?\d{1,9}$/.test(text) ? Number(text) : null;
}

/**
 * A decimal number from a cell: a dot or a comma before the decimals ("12,50", "12.50"), no thousands
 * separator; null when it is none.
 */
export function parseDecimal(cell: Cell): number | null {
	if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
	const text = cellText(cell).replace(/^€\s*|\s*€$/g, '');
	return /^-?\d{1,9}([.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : null;
}

/** The domains in a cell: words separated by ';' or '|'. */
export function splitList(text: string): string[] {
	return text
		.split(/[;|]/)
		.map((word) => word.trim())
		.filter((word) => word !== '');
}

type HeaderResult =
	{ ok: true; columns: Map<number, ImportField> } | { ok: false; issues: Issue[] };

/** Which field each column of the header holds, or the problems with the header (row 1). */
export function readHeader(header: Cell[], scope: ImportScopeKind): HeaderResult {
	const known = new Map(IMPORT_COLUMNS.map((column) => [column.name, column.field]));
	const columns = new Map<number, ImportField>();
	const unknown: string[] = [];
	const repeated: string[] = [];
	const seen = new Set<string>();
	header.forEach((cell, index) => {
		const name = normaliseHeader(cellText(cell));
		if (name === '') return;
		const field = known.get(name);
		if (!field) unknown.push(cellText(cell));
		else if (seen.has(name)) repeated.push(name);
		else columns.set(index, field);
		seen.add(name);
	});
	const missing = columnsFor(scope)
		.filter((column) => column.required && !seen.has(column.name))
		.map((column) => column.name);
	const issues: Issue[] = [];
	const fileIssue = (problem: Problem) => issues.push({ row: 1, column: null, problem });
	if (missing.length > 0) fileIssue({ code: 'columns_missing', columns: missing.join(', ') });
	if (!seen.has('nis') && !seen.has('gemeente')) fileIssue({ code: 'municipality_columns' });
	if (unknown.length > 0) fileIssue({ code: 'columns_unknown', columns: unknown.join(', ') });
	if (repeated.length > 0) fileIssue({ code: 'columns_repeated', columns: repeated.join(', ') });
	return issues.length > 0 ? { ok: false, issues } : { ok: true, columns };
}

/** Whether a line holds nothing, or is a note (its first cell starts with '#', as in the template). */
export function isBlankOrNote(cells: Cell[]): boolean {
	return cells.every((cell) => cellText(cell) === '') || cellText(cells[0] ?? null).startsWith('#');
}

/** Checks one line and builds its row; the problems go into `issues`. Null when the row has any. */
export function readRow(
	row: number,
	values: Partial<Record<ImportField, Cell>>,
	scope: ImportScopeKind,
	issues: Issue[]
): ImportRow | null {
	const before = issues.length;
	const problem = (field: ImportField, found: Problem) =>
		issues.push({ row, column: columnName(field), problem: found });
	const text = (field: ImportField) => cellText(values[field] ?? null);
	const given = (field: ImportField) => text(field) !== '';

	const requiredText = (field: ImportField, min: number, max: number): string => {
		const value = text(field);
		if (value === '') problem(field, { code: 'required' });
		else if (value.length < min || value.length > max) {
			problem(field, { code: 'text_length', min, max });
		}
		return value;
	};
	const optionalText = (field: ImportField, max: number): string | null => {
		const value = text(field).replaceAll('\r\n', '\n');
		if (value.length > max) problem(field, { code: 'text_length', min: 0, max });
		return value === '' ? null : value;
	};
	const integer = (field: ImportField, min: number, max: number, required: boolean) => {
		if (!given(field)) {
			if (required) problem(field, { code: 'required' });
			return null;
		}
		const value = parseInteger(values[field] ?? null);
		if (value === null || value < min || value > max) {
			problem(field, { code: 'integer', value: text(field), min, max });
			return null;
		}
		return value;
	};
	const date = (field: ImportField, required: boolean) => {
		if (!given(field)) {
			if (required) problem(field, { code: 'required' });
			return null;
		}
		const value = parseDate(values[field] ?? null);
		if (value === null) problem(field, { code: 'date', value: text(field) });
		return value;
	};
	const coordinate = (field: 'lat' | 'lng') => {
		if (!given(field)) return null;
		const { min, max } = LIMITS[field];
		const value = parseDecimal(values[field] ?? null);
		if (value === null || value < min || value > max) {
			problem(field, { code: 'coordinate', value: text(field), min, max });
			return null;
		}
		return value;
	};

	const importId = requiredText('import_id', 1, LIMITS.importId);
	const academy = text('academy');
	if (scope === 'network' && academy === '') problem('academy', { code: 'required' });
	const title = requiredText('title', LIMITS.title.min, LIMITS.title.max);
	const description = optionalText('description', LIMITS.description) ?? '';

	const domains: Domain[] = [];
	const domainWords = splitList(text('domains'));
	if (domainWords.length === 0) problem('domains', { code: 'required' });
	for (const word of domainWords) {
		const domain = domainFor(word);
		if (!domain) problem('domains', { code: 'domain', value: word });
		else if (domains.includes(domain)) problem('domains', { code: 'domain_repeated', value: word });
		else domains.push(domain);
	}

	const format = given('format') ? formatFor(text('format')) : null;
	if (!given('format')) problem('format', { code: 'required' });
	else if (!format) problem('format', { code: 'format', value: text('format') });

	const ageMin = integer('age_min', LIMITS.age.min, LIMITS.age.max, true);
	const ageMax = integer('age_max', LIMITS.age.min, LIMITS.age.max, true);
	if (ageMin !== null && ageMax !== null && ageMax < ageMin) {
		problem('age_max', { code: 'age_order', min: ageMin });
	}

	const startDate = date('start_date', true);
	const endDate = date('end_date', false) ?? (given('end_date') ? null : startDate);
	if (startDate && endDate && endDate < startDate) {
		problem('end_date', { code: 'end_before_start', start: startDate });
	}
	const sessions = integer('session_count', LIMITS.sessions.min, LIMITS.sessions.max, false);

	const venueName = optionalText('venue_name', LIMITS.venueName);
	const venueAddress = optionalText('venue_address', LIMITS.venueAddress);

	const nis = text('municipality_nis');
	const municipalityName = text('municipality_name');
	if (nis === '' && municipalityName === '') {
		problem('municipality_nis', { code: 'municipality_missing' });
	} else if (nis !== '' && !/^\d{5}$/.test(nis)) {
		problem('municipality_nis', { code: 'nis', value: nis });
	}

	const lat = coordinate('lat');
	const lng = coordinate('lng');
	if (given('lat') !== given('lng')) {
		problem(given('lat') ? 'lng' : 'lat', { code: 'coordinates_both' });
	}

	const capacity = integer('capacity', LIMITS.capacity.min, LIMITS.capacity.max, false);
	let price = 0;
	if (given('price_eur')) {
		const value = parseDecimal(values.price_eur ?? null);
		if (value === null || value < 0 || value > LIMITS.price) {
			problem('price_eur', { code: 'amount', value: text('price_eur'), max: LIMITS.price });
		} else {
			price = Math.round(value * 100) / 100;
		}
	}

	const status = given('status') ? statusFor(text('status')) : 'published';
	if (!status) problem('status', { code: 'status', value: text('status') });

	const reachFields = [
		'girls',
		'disadvantaged',
		'non_dutch_home_language',
		'special_needs'
	] as const;
	const participants = integer('participants', LIMITS.reach.min, LIMITS.reach.max, false);
	const reach = Object.fromEntries(
		reachFields.map((field) => [
			field,
			integer(field, LIMITS.reach.min, LIMITS.reach.max, field === 'girls' && given('participants'))
		])
	) as Record<(typeof reachFields)[number], number | null>;
	if (!given('participants') && reachFields.some(given)) {
		problem('participants', { code: 'reach_without_participants' });
	}
	if (participants !== null) {
		for (const field of reachFields) {
			const value = reach[field];
			if (value !== null && value > participants) {
				problem(field, { code: 'reach_too_many', participants });
			}
		}
		if (status === 'draft') problem('participants', { code: 'reach_draft' });
	}

	if (issues.length > before) return null;
	return {
		row,
		import_id: importId,
		academy: academy === '' ? null : academy,
		title,
		description,
		domains,
		format: format as Format,
		age_min: ageMin as number,
		age_max: ageMax as number,
		start_date: startDate as string,
		end_date: endDate as string,
		session_count: sessions ?? 1,
		venue_name: venueName,
		venue_address: venueAddress,
		municipality_nis: nis === '' ? null : nis,
		municipality_name: municipalityName === '' ? null : municipalityName,
		lat,
		lng,
		capacity,
		price_eur: price,
		status: status as ImportStatus,
		participants,
		...reach
	};
}

/** The rows of a sheet, checked: the header's problems alone, or each line's. */
export function readRows(
	sheet: Sheet,
	scope: ImportScopeKind
): { rows: ImportRow[]; read: number; issues: Issue[] } {
	const header = readHeader(sheet.header, scope);
	if (!header.ok) return { rows: [], read: 0, issues: header.issues };

	const lines = sheet.records.filter((record) => !isBlankOrNote(record.cells));
	if (lines.length === 0) {
		return {
			rows: [],
			read: 0,
			issues: [{ row: 1, column: null, problem: { code: 'file_empty' } }]
		};
	}
	if (lines.length > IMPORT_MAX_ROWS) {
		return {
			rows: [],
			read: lines.length,
			issues: [{ row: 1, column: null, problem: { code: 'too_many_rows', max: IMPORT_MAX_ROWS } }]
		};
	}

	const issues: Issue[] = [];
	const rows: ImportRow[] = [];
	for (const line of lines) {
		const values: Partial<Record<ImportField, Cell>> = {};
		for (const [index, field] of header.columns) values[field] = line.cells[index] ?? null;
		const row = readRow(line.row, values, scope, issues);
		if (row) rows.push(row);
	}
	return { rows, read: lines.length, issues };
}
