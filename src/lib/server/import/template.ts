// The import's template in CSV and XLSX: the columns, one example row and, per column, what it takes (the
// accepted labels of domains, formats and statuses). The column names stay Dutch in both languages (they are
// what the import reads); the explanations follow the reader's language.
import { m } from '$lib/paraglide/messages';
import writeXlsxFile from 'write-excel-file/node';
import {
	ACCEPTED_LABELS,
	columnsFor,
	type ImportColumn,
	type ImportField,
	type Locale
} from './columns';
import { writeCsv } from './csv';

export type TemplateFile = { body: Uint8Array<ArrayBuffer>; contentType: string; filename: string };

type ExampleValue = string | number | Date;

/** The example row: a robot afternoon in Turnhout that has run and has its reach. */
function example(locale: Locale): Record<ImportField, ExampleValue | null> {
	const options = { locale };
	return {
		import_id: 'robots-2025-01',
		academy: 'coderdojo-turnhout',
		title: m.im_template_example_title({}, options),
		description: m.im_template_example_description({}, options),
		domains: 'Programmeren; Techniek',
		format: 'Losse activiteit',
		age_min: 8,
		age_max: 12,
		start_date: new Date(Date.UTC(2025, 9, 4)),
		end_date: new Date(Date.UTC(2025, 9, 4)),
		session_count: 1,
		venue_name: 'Bibliotheek Turnhout',
		venue_address: 'Warandestraat 53, 2300 Turnhout',
		municipality_nis: '13040',
		municipality_name: 'Turnhout',
		lat: null,
		lng: null,
		capacity: 16,
		price_eur: 5,
		status: 'gepubliceerd',
		participants: 14,
		girls: 6,
		disadvantaged: 3,
		non_dutch_home_language: 2,
		special_needs: 1
	};
}

/** What a column takes, in a sentence. */
function help(field: ImportField, locale: Locale): string {
	const options = { locale };
	switch (field) {
		case 'import_id':
			return m.im_help_import_id({}, options);
		case 'academy':
			return m.im_help_academy({}, options);
		case 'title':
			return m.im_help_title({}, options);
		case 'description':
			return m.im_help_description({}, options);
		case 'domains':
			return m.im_help_domains({ labels: ACCEPTED_LABELS.domeinen.join(', ') }, options);
		case 'format':
			return m.im_help_format({ labels: ACCEPTED_LABELS.formaat.join(', ') }, options);
		case 'age_min':
		case 'age_max':
			return m.im_help_age({}, options);
		case 'start_date':
			return m.im_help_date({}, options);
		case 'end_date':
			return m.im_help_end_date({}, options);
		case 'session_count':
			return m.im_help_session_count({}, options);
		case 'venue_name':
			return m.im_help_venue_name({}, options);
		case 'venue_address':
			return m.im_help_venue_address({}, options);
		case 'municipality_nis':
			return m.im_help_nis({}, options);
		case 'municipality_name':
			return m.im_help_municipality_name({}, options);
		case 'lat':
		case 'lng':
			return m.im_help_coordinates({}, options);
		case 'capacity':
			return m.im_help_capacity({}, options);
		case 'price_eur':
			return m.im_help_price({}, options);
		case 'status':
			return m.im_help_status({}, options);
		case 'participants':
			return m.im_help_participants({}, options);
		case 'girls':
		case 'disadvantaged':
		case 'non_dutch_home_language':
		case 'special_needs':
			return m.im_help_reach_group({}, options);
	}
}

function required(column: ImportColumn, locale: Locale): string {
	const options = { locale };
	if (column.field === 'municipality_nis' || column.field === 'municipality_name') {
		return m.im_template_one_of({}, options);
	}
	return column.required ? m.im_template_yes({}, options) : m.im_template_no({}, options);
}

/** A value as a CSV cell: dates as YYYY-MM-DD, amounts with the reader's decimal separator. */
function csvValue(value: ExampleValue | null, locale: Locale): string {
	if (value === null) return '';
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'number' && !Number.isInteger(value)) {
		return locale === 'nl' ? String(value).replace('.', ',') : String(value);
	}
	return String(value);
}

/**
 * The template in CSV (separated by ';', as Excel in Flanders reads it, with the explanations as lines
 * starting with '#', which the import skips) or XLSX (the explanations on a second sheet).
 */
export async function activityTemplate(
	format: 'csv' | 'xlsx',
	scope: 'academy' | 'network',
	locale: Locale
): Promise<TemplateFile> {
	const columns = columnsFor(scope);
	const values = example(locale);
	const filename = `activiteiten-${scope === 'network' ? 'netwerk' : 'academie'}.${format}`;

	if (format === 'csv') {
		const notes = columns.map((column) => [`# ${column.name}: ${help(column.field, locale)}`]);
		const text = writeCsv(
			[
				columns.map((column) => column.name),
				columns.map((column) => csvValue(values[column.field], locale)),
				...notes
			],
			';'
		);
		return {
			body: new TextEncoder().encode(text),
			contentType: 'text/csv; charset=utf-8',
			filename
		};
	}

	const options = { locale };
	const bold = (value: string) => ({ value, fontWeight: 'bold' as const });
	const buffer = await writeXlsxFile([
		{
			sheet: 'Activiteiten',
			data: [
				columns.map((column) => bold(column.name)),
				columns.map((column) => {
					const value = values[column.field];
					return value instanceof Date ? { value, format: 'yyyy-mm-dd' } : value;
				})
			],
			columns: columns.map((column) => ({ width: Math.max(12, column.name.length + 2) })),
			stickyRowsCount: 1
		},
		{
			sheet: m.im_template_help_sheet({}, options),
			data: [
				[
					bold(m.im_template_column({}, options)),
					bold(m.im_template_required({}, options)),
					bold(m.im_template_expected({}, options))
				],
				...columns.map((column) => [
					column.name,
					required(column, locale),
					help(column.field, locale)
				])
			],
			columns: [{ width: 20 }, { width: 22 }, { width: 100 }]
		}
	]).toBuffer();
	return {
		body: new Uint8Array(buffer),
		contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		filename
	};
}
