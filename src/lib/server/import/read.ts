// An uploaded file as a sheet of cells: CSV (UTF-8 with or without byte-order mark; a file Excel saved in
// its legacy Windows code page is read as that) or XLSX (its first sheet; dates as dates).
import { readSheet } from 'read-excel-file/node';
import { CsvError, parseCsv } from './csv';
import type { Cell, Problem, Sheet } from './rows';

export type FileKind = 'csv' | 'xlsx';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (data: Uint8Array, magic: number[]) =>
	magic.every((byte, i) => data[i] === byte);

/** What a file is, by its content first (an XLSX is a zip) and its name second; null when neither. */
export function fileKind(data: Uint8Array, filename: string): FileKind | null {
	const name = filename.toLowerCase();
	if (startsWith(data, ZIP)) return name.endsWith('.csv') ? null : 'xlsx';
	if (startsWith(data, OLE) || name.endsWith('.xlsx') || name.endsWith('.xls')) return null;
	if (data.includes(0)) return null;
	return name.endsWith('.csv') || name.endsWith('.txt') || !name.includes('.') ? 'csv' : null;
}

/** The text of a CSV file: UTF-8, else Windows-1252 (what Excel's "CSV" without UTF-8 writes). */
export function decodeText(data: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(data);
	} catch {
		return new TextDecoder('windows-1252').decode(data);
	}
}

/** A CSV file's records as a sheet (the first record is the header, row 1). */
export function csvSheet(text: string): Sheet {
	const [header = [], ...rest] = parseCsv(text);
	return { header, records: rest.map((cells, index) => ({ row: index + 2, cells })) };
}

/** An XLSX file's first sheet as a sheet; row numbers are the spreadsheet's own. */
async function xlsxSheet(data: Uint8Array): Promise<Sheet> {
	const rows = (await readSheet(Buffer.from(data), 1)) as Cell[][];
	const [header = [], ...rest] = rows;
	return { header, records: rest.map((cells, index) => ({ row: index + 2, cells })) };
}

/** The sheet in a file, or the problem that stops it from being read (for row 1). */
export async function readSheetOf(
	data: Uint8Array,
	filename: string
): Promise<{ ok: true; sheet: Sheet } | { ok: false; problem: Problem }> {
	if (data.length === 0) return { ok: false, problem: { code: 'file_empty' } };
	const kind = fileKind(data, filename);
	if (!kind) return { ok: false, problem: { code: 'file_type' } };
	try {
		const sheet = kind === 'csv' ? csvSheet(decodeText(data)) : await xlsxSheet(data);
		if (sheet.header.every((cell) => cell === null || String(cell).trim() === '')) {
			return { ok: false, problem: { code: 'file_empty' } };
		}
		return { ok: true, sheet };
	} catch (error) {
		if (error instanceof CsvError || kind === 'xlsx') {
			return { ok: false, problem: { code: 'file_unreadable' } };
		}
		throw error;
	}
}
