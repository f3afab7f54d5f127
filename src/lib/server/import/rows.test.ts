import { describe, expect, it } from 'vitest';
import { domainFor, formatFor, statusFor } from './columns';
import { problemText } from './messages';
import {
	parseDate,
	parseDecimal,
	parseInteger,
	readHeader,
	readRows,
	type Cell,
	type Issue,
	type Sheet
} from './rows';

const HEADER = [
	'extern_id',
	'titel',
	'domeinen',
	'formaat',
	'leeftijd_van',
	'leeftijd_tot',
	'startdatum',
	'einddatum',
	'gemeente',
	'prijs',
	'deelnemers',
	'meisjes',
	'status'
];
const GOOD = [
	'r1',
	'Robots',
	'Programmeren',
	'Losse activiteit',
	'8',
	'12',
	'14/03/2025',
	'',
	'Gent',
	'12,50',
	'10',
	'4',
	''
];

function sheet(...lines: Cell[][]): Sheet {
	return { header: HEADER, records: lines.map((cells, i) => ({ row: i + 2, cells })) };
}

/** The same line with some columns changed, by name. */
function line(changes: Record<string, Cell>): Cell[] {
	return HEADER.map((name, i) => (name in changes ? (changes[name] ?? null) : (GOOD[i] ?? '')));
}

const problems = (issues: Issue[]) =>
	issues.map((issue) => `${issue.row} ${issue.column} ${issue.problem.code}`);

describe('values', () => {
	it('reads dates as YYYY-MM-DD, DD/MM/YYYY and XLSX dates, and refuses dates that do not exist', () => {
		expect(parseDate('2025-03-14')).toBe('2025-03-14');
		expect(parseDate('14/03/2025')).toBe('2025-03-14');
		expect(parseDate('4/3/2025')).toBe('2025-03-04');
		expect(parseDate(new Date(Date.UTC(2025, 2, 14)))).toBe('2025-03-14');
		expect(parseDate(45730)).toBe('2025-03-14');
		expect(parseDate('2025-02-30')).toBeNull();
		expect(parseDate('31/04/2025')).toBeNull();
		expect(parseDate('03/14/2025')).toBeNull();
		expect(parseDate('morgen')).toBeNull();
	});

	it('reads whole numbers and amounts with a decimal comma or point', () => {
		expect(parseInteger('12')).toBe(12);
		expect(parseInteger(12)).toBe(12);
		expect(parseInteger('12,5')).toBeNull();
		expect(parseInteger(12.5)).toBeNull();
		expect(parseDecimal('12,50')).toBe(12.5);
		expect(parseDecimal('12.50')).toBe(12.5);
		expect(parseDecimal('€ 7')).toBe(7);
		expect(parseDecimal('1.000,00')).toBeNull();
	});

	it('knows the published labels, the app labels in both languages and the codes', () => {
		expect(domainFor('Programmeren')).toBe('programmeren');
		expect(domainFor(' wiskunde  en natuurwetenschappen ')).toBe('wiskunde_natuurwetenschappen');
		expect(domainFor('life_sciences')).toBe('life_sciences');
		expect(domainFor('Robots')).toBeNull();
		expect(formatFor('Lange reeks (jaar)')).toBe('lange_reeks_jaar');
		expect(formatFor('Lange reeks (schooljaar)')).toBe('lange_reeks_jaar');
		expect(formatFor('korte_reeks')).toBe('korte_reeks');
		expect(statusFor('Ontwerp')).toBe('draft');
		expect(statusFor('geannuleerd')).toBeNull();
	});
});

describe('readHeader', () => {
	it('accepts the columns in any order and case, with spaces for underscores', () => {
		const header = readHeader(
			[
				'Titel',
				'extern id',
				'DOMEINEN',
				'formaat',
				'leeftijd_van',
				'leeftijd_tot',
				'startdatum',
				'nis'
			],
			'academy'
		);
		expect(header.ok).toBe(true);
	});

	it('names the missing, unknown and repeated columns on row 1', () => {
		const header = readHeader(['extern_id', 'titel', 'titel', 'kleur'], 'network');
		expect(header.ok).toBe(false);
		if (header.ok) return;
		expect(header.issues.map((issue) => [issue.row, issue.column, issue.problem])).toEqual([
			[
				1,
				null,
				{
					code: 'columns_missing',
					columns: 'academie, domeinen, formaat, leeftijd_van, leeftijd_tot, startdatum'
				}
			],
			[1, null, { code: 'municipality_columns' }],
			[1, null, { code: 'columns_unknown', columns: 'kleur' }],
			[1, null, { code: 'columns_repeated', columns: 'titel' }]
		]);
	});

	it('asks for the academy column only in a network import', () => {
		const columns = HEADER;
		expect(readHeader(columns, 'academy').ok).toBe(true);
		expect(readHeader(columns, 'network').ok).toBe(false);
	});
});

describe('readRows', () => {
	it('builds the rows import_activities() takes', () => {
		const { rows, read, issues } = readRows(sheet(GOOD), 'academy');
		expect(issues).toEqual([]);
		expect(read).toBe(1);
		expect(rows[0]).toMatchObject({
			row: 2,
			import_id: 'r1',
			domains: ['programmeren'],
			format: 'losse_activiteit',
			start_date: '2025-03-14',
			end_date: '2025-03-14',
			session_count: 1,
			municipality_name: 'Gent',
			municipality_nis: null,
			lat: null,
			price_eur: 12.5,
			status: 'published',
			participants: 10,
			girls: 4,
			disadvantaged: null
		});
	});

	it('skips blank lines and notes but keeps the row numbers of the file', () => {
		const { rows, read } = readRows(
			sheet(['# een notitie'], ['', '', ''], line({ extern_id: 'r2' })),
			'academy'
		);
		expect(read).toBe(1);
		expect(rows.map((row) => row.row)).toEqual([4]);
	});

	it('reports each problem with its row and Dutch column', () => {
		const { rows, issues } = readRows(
			sheet(
				line({ titel: 'ab', domeinen: 'Programmeren; Robots; programmeren', formaat: 'Kamp' }),
				line({
					leeftijd_van: '12',
					leeftijd_tot: '8',
					startdatum: '2025-03-14',
					einddatum: '2025-03-01'
				}),
				line({ gemeente: '', prijs: '-1', status: 'geannuleerd' })
			),
			'academy'
		);
		expect(rows).toEqual([]);
		expect(problems(issues)).toEqual([
			'2 titel text_length',
			'2 domeinen domain',
			'2 domeinen domain_repeated',
			'2 formaat format',
			'3 leeftijd_tot age_order',
			'3 einddatum end_before_start',
			'4 nis municipality_missing',
			'4 prijs amount',
			'4 status status'
		]);
	});

	it('checks the reach against the participants', () => {
		const { issues } = readRows(
			sheet(
				line({ deelnemers: '10', meisjes: '11' }),
				line({ deelnemers: '', meisjes: '3' }),
				line({ deelnemers: '10', meisjes: '' }),
				line({ status: 'ontwerp' })
			),
			'academy'
		);
		expect(problems(issues)).toEqual([
			'2 meisjes reach_too_many',
			'3 deelnemers reach_without_participants',
			'4 meisjes required',
			'5 deelnemers reach_draft'
		]);
	});

	it('refuses a file without rows and one with more than 10 000', () => {
		expect(problems(readRows(sheet(['#']), 'academy').issues)).toEqual(['1 null file_empty']);
		const many = Array.from({ length: 10001 }, (_, i) => line({ extern_id: `r${i}` }));
		expect(problems(readRows(sheet(...many), 'academy').issues)).toEqual(['1 null too_many_rows']);
	});
});

describe('problemText', () => {
	it('says what is wrong and what is expected, in Dutch and in English', () => {
		const problem = { code: 'date', value: '30/02/2025' } as const;
		expect(problemText(problem, 'nl')).toBe(
			'„30/02/2025” is geen datum. Verwacht JJJJ-MM-DD of DD/MM/JJJJ, bijvoorbeeld 2026-03-14 of 14/03/2026.'
		);
		expect(problemText(problem, 'en')).toContain(
			'is not a date. Expected YYYY-MM-DD or DD/MM/YYYY'
		);
		expect(problemText({ code: 'domain', value: 'Robots' }, 'nl')).toContain('Programmeren');
	});
});
