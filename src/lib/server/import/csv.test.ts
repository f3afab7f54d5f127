import { describe, expect, it } from 'vitest';
import { CsvError, detectDelimiter, parseCsv, writeCsv } from './csv';

describe('detectDelimiter', () => {
	it('takes a semicolon when the header has more of them than commas (Excel in Flanders)', () => {
		expect(detectDelimiter('extern_id;titel;adres\r\n1;a;"Straat 1, Gent"')).toBe(';');
	});

	it('takes a comma otherwise, and ignores separators inside quotes', () => {
		expect(detectDelimiter('extern_id,titel\n1,a')).toBe(',');
		expect(detectDelimiter('"a;b;c",titel,x\n')).toBe(',');
	});
});

describe('parseCsv', () => {
	it('reads quoted fields with doubled quotes, separators and line breaks inside', () => {
		expect(parseCsv('a;b\r\n"Het ""Lab""";"twee\r\nregels; één veld"\r\n')).toEqual([
			['a', 'b'],
			['Het "Lab"', 'twee\r\nregels; één veld']
		]);
	});

	it('drops a byte-order mark and accepts LF line ends and a missing last line end', () => {
		expect(parseCsv('\uFEFFextern_id,titel\n1,Robots')).toEqual([
			['extern_id', 'titel'],
			['1', 'Robots']
		]);
	});

	it('keeps empty fields and blank lines (so that row numbers stay those of the file)', () => {
		expect(parseCsv('a;b;c\n;;\n\n1;;3\n')).toEqual([
			['a', 'b', 'c'],
			['', '', ''],
			[''],
			['1', '', '3']
		]);
	});

	it('refuses a quote that is never closed, naming the record it opened in', () => {
		expect(() => parseCsv('a;b\n1;"open\n2;3\n')).toThrow(CsvError);
		try {
			parseCsv('a;b\n1;"open\n2;3\n');
		} catch (error) {
			expect((error as CsvError).record).toBe(2);
		}
	});
});

describe('writeCsv', () => {
	it('writes a byte-order mark, CRLF line ends and quotes fields that hold the separator', () => {
		expect(
			writeCsv(
				[
					['a', 'b'],
					['Programmeren; Techniek', 'x']
				],
				';'
			)
		).toBe('\uFEFFa;b\r\n"Programmeren; Techniek";x\r\n');
	});

	it('reads back what it wrote', () => {
		const records = [
			['extern_id', 'beschrijving'],
			['r-1', 'Een "robot"\nmet twee regels; en een komma,']
		];
		expect(parseCsv(writeCsv(records, ';'))).toEqual(records);
	});
});
