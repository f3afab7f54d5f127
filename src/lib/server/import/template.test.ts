import { describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS } from './columns';
import { decodeText, fileKind, readSheetOf } from './read';
import { readRows } from './rows';
import { activityTemplate } from './template';

describe('activityTemplate', () => {
	for (const format of ['csv', 'xlsx'] as const) {
		for (const scope of ['academy', 'network'] as const) {
			it(`${format} for ${scope === 'network' ? 'the network' : 'an academy'} reads back as one valid row`, async () => {
				const template = await activityTemplate(format, scope, 'nl');
				expect(template.filename).toMatch(new RegExp(`\\.${format}$`));
				const read = await readSheetOf(template.body, template.filename);
				if (!read.ok) throw new Error(read.problem.code);
				const names = read.sheet.header.map(String);
				expect(names.includes('academie')).toBe(scope === 'network');
				expect(names.length).toBe(IMPORT_COLUMNS.length - (scope === 'network' ? 0 : 1));
				const { rows, issues } = readRows(read.sheet, scope);
				expect(issues).toEqual([]);
				expect(rows).toHaveLength(1);
				expect(rows[0]).toMatchObject({
					row: 2,
					domains: ['programmeren', 'techniek'],
					format: 'losse_activiteit',
					start_date: '2025-10-04',
					participants: 14,
					girls: 6
				});
			});
		}
	}

	it('lists the accepted labels in the reader language', async () => {
		const nl = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
			(await activityTemplate('csv', 'academy', 'nl')).body
		);
		const en = new TextDecoder().decode((await activityTemplate('csv', 'academy', 'en')).body);
		expect(nl.startsWith('\uFEFFextern_id;titel;')).toBe(true);
		expect(nl).toContain('Kamp zonder overnachting');
		expect(nl).toContain('Wiskunde en natuurwetenschappen');
		expect(nl).toContain('Een of meer domeinen');
		expect(en).toContain('One or more domains');
	});
});

describe('reading a file', () => {
	const bytes = (text: string) => new TextEncoder().encode(text);

	it('tells CSV from XLSX by content and name, and refuses other files', () => {
		expect(fileKind(bytes('a;b\n'), 'activiteiten.csv')).toBe('csv');
		expect(fileKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1]), 'activiteiten.xlsx')).toBe('xlsx');
		expect(fileKind(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1]), 'oud.xls')).toBeNull();
		expect(fileKind(bytes('%PDF-1.7'), 'brief.pdf')).toBeNull();
	});

	it('reads a CSV that Excel saved in Windows-1252', () => {
		expect(decodeText(new Uint8Array([0x43, 0x72, 0xe8, 0x63, 0x68, 0x65]))).toBe('Crèche');
		expect(decodeText(bytes('Crèche'))).toBe('Crèche');
	});

	it('gives one problem for an empty file, an unknown type and a broken XLSX', async () => {
		expect(await readSheetOf(new Uint8Array(), 'a.csv')).toEqual({
			ok: false,
			problem: { code: 'file_empty' }
		});
		expect(await readSheetOf(bytes('%PDF'), 'a.pdf')).toEqual({
			ok: false,
			problem: { code: 'file_type' }
		});
		expect(
			await readSheetOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'kapot.xlsx')
		).toEqual({ ok: false, problem: { code: 'file_unreadable' } });
		expect(await readSheetOf(bytes('a;b\n1;"open\n'), 'a.csv')).toEqual({
			ok: false,
			problem: { code: 'file_unreadable' }
		});
	});
});
