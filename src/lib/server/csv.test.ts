import { describe, expect, it } from 'vitest';
import { attachment, csvField, toCsv } from './csv';

describe('csvField', () => {
	it('leaves plain text and numbers as they are', () => {
		expect(csvField('Techniek')).toBe('Techniek');
		expect(csvField(22.55)).toBe('22.55');
		expect(csvField(0)).toBe('0');
	});

	it('writes null and undefined as an empty field', () => {
		expect(csvField(null)).toBe('');
		expect(csvField(undefined)).toBe('');
	});

	it('quotes a field with a comma, a quote or a line break, doubling the quotes', () => {
		expect(csvField('Lange reeks (semester), jaar')).toBe('"Lange reeks (semester), jaar"');
		expect(csvField('Het "Lab"')).toBe('"Het ""Lab"""');
		expect(csvField('twee\nregels')).toBe('"twee\nregels"');
		expect(csvField('cr\rlf')).toBe('"cr\rlf"');
	});

	it('quotes leading or trailing spaces so a reader keeps them', () => {
		expect(csvField(' Gent')).toBe('" Gent"');
	});
});

describe('toCsv', () => {
	it('writes the header and each row ended by CRLF', () => {
		expect(
			toCsv(
				['category', 'count', 'pct'],
				[
					['Techniek', 3, 75],
					['Natuur', 1, 25]
				]
			)
		).toBe('category,count,pct\r\nTechniek,3,75\r\nNatuur,1,25\r\n');
	});

	it('starts with a byte-order mark only when asked (for Excel)', () => {
		expect(toCsv(['a'], [], { bom: true })).toBe('\uFEFFa\r\n');
		expect(toCsv(['a'], []).startsWith('a')).toBe(true);
	});

	it('round-trips awkward values through a strict reader', () => {
		const values = ['a,b', '"q"', 'x\r\ny', 'é ü', ''];
		const text = toCsv(
			['v'],
			values.map((v) => [v])
		);
		expect(
			parse(text)
				.slice(1)
				.map((row) => row[0])
		).toEqual(values);
	});
});

describe('attachment', () => {
	it('names the file for every browser, with a plain ASCII fallback', () => {
		expect(attachment('domeinen-2026.csv')).toBe(
			`attachment; filename="domeinen-2026.csv"; filename*=UTF-8''domeinen-2026.csv`
		);
		expect(attachment('één.csv')).toContain('filename="__n.csv"');
	});
});

/** A minimal RFC 4180 reader, independent of the writer, for the round trip. */
function parse(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted && c === '"' && text[i + 1] === '"') {
			field += '"';
			i++;
		} else if (quoted && c === '"') {
			quoted = false;
		} else if (quoted) {
			field += c;
		} else if (c === '"') {
			quoted = true;
		} else if (c === ',') {
			row.push(field);
			field = '';
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i++;
		} else {
			field += c;
		}
	}
	return rows;
}
