// CSV as RFC 4180 writes it: comma-separated, CRLF line ends, a field quoted when it holds a comma, a
// quote, a line break or leading/trailing spaces (quotes doubled inside). UTF-8. The open-data files carry
// no byte-order mark, so their first line is exactly the header a script expects; the downloads for people
// (the statistics pages) start with one, so Excel opens "Life sciences" and "Kamp zonder overnachting" …
// and every accented name as UTF-8 instead of guessing a legacy code page.

export type CsvValue = string | number | null | undefined;

const BOM = '\uFEFF';

/** One field: numbers as JavaScript writes them (a dot for decimals), null and undefined as empty. */
export function csvField(value: CsvValue): string {
	if (value === null || value === undefined) return '';
	const text = typeof value === 'number' ? String(value) : value;
	return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file: the header line, then one line per row, each ended by CRLF. */
export function toCsv(
	header: readonly string[],
	rows: readonly (readonly CsvValue[])[],
	options: { bom?: boolean } = {}
): string {
	const lines = [header, ...rows].map((row) => row.map(csvField).join(',') + '\r\n');
	return (options.bom ? BOM : '') + lines.join('');
}

/** The Content-Disposition of a download: attachment with an ASCII file name (and its UTF-8 form). */
export function attachment(fileName: string): string {
	const ascii = fileName.replace(/[^\w.-]/g, '_');
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
