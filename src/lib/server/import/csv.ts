// CSV as people's spreadsheets write it (RFC 4180): quoted fields with doubled quotes inside, line breaks
// inside quotes, CRLF or LF. Excel in Flanders separates with ';' (the list separator of a Dutch or French
// locale), elsewhere with ','; the header line tells which.

export class CsvError extends Error {
	constructor(readonly record: number) {
		super(`Unterminated quoted field starting in record ${record}`);
		this.name = 'CsvError';
	}
}

/** The separator of a file: ';' when its first line (outside quotes) has more of them than commas. */
export function detectDelimiter(text: string): ';' | ',' {
	let semicolons = 0;
	let commas = 0;
	let quoted = false;
	for (const char of text) {
		if (char === '"') quoted = !quoted;
		else if (!quoted && (char === '\n' || char === '\r')) break;
		else if (!quoted && char === ';') semicolons++;
		else if (!quoted && char === ',') commas++;
	}
	return semicolons > commas ? ';' : ',';
}

/**
 * The records of a CSV text, each a list of fields (never trimmed: the caller decides). A byte-order mark
 * is dropped; a last line break does not make an empty record. Throws CsvError for a quote left open.
 */
export function parseCsv(input: string, delimiter: ';' | ',' = detectDelimiter(input)): string[][] {
	const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
	const records: string[][] = [];
	let record: string[] = [];
	let field = '';
	let quoted = false;
	let fieldStarted = false;
	let quoteStart = 0;

	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (quoted) {
			if (char === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (char === '"') {
				quoted = false;
			} else {
				field += char;
			}
		} else if (char === '"' && field === '') {
			quoted = true;
			fieldStarted = true;
			quoteStart = records.length + 1;
		} else if (char === delimiter) {
			record.push(field);
			field = '';
			fieldStarted = true;
		} else if (char === '\n' || char === '\r') {
			if (char === '\r' && text[i + 1] === '\n') i++;
			record.push(field);
			records.push(record);
			record = [];
			field = '';
			fieldStarted = false;
		} else {
			field += char;
			fieldStarted = true;
		}
	}
	if (quoted) throw new CsvError(quoteStart);
	if (fieldStarted || field !== '' || record.length > 0) {
		record.push(field);
		records.push(record);
	}
	return records;
}

/** One field for a file separated by `delimiter`, quoted when it must be. */
function csvField(value: string, delimiter: string): string {
	return value.includes(delimiter) || /["\r\n]|^\s|\s$/.test(value)
		? `"${value.replaceAll('"', '""')}"`
		: value;
}

/** A CSV text with a byte-order mark (so that Excel reads UTF-8) and CRLF line ends. */
export function writeCsv(records: readonly (readonly string[])[], delimiter: ';' | ','): string {
	return (
		'\uFEFF' +
		records
			.map((record) => record.map((f) => csvField(f, delimiter)).join(delimiter) + '\r\n')
			.join('')
	);
}
