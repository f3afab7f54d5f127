// @ts-check
// SQL literals and multi-row statements for the generated seed files.

/** A text literal, or null. @param {string | null | undefined} s */
export function text(s) {
	if (s === null || s === undefined) return 'null';
	return `'${s.replaceAll("'", "''")}'`;
}

/** A number literal, or null. @param {number | null | undefined} n */
export function num(n) {
	if (n === null || n === undefined) return 'null';
	if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
	return String(n);
}

/** @param {boolean} b */
export function bool(b) {
	return b ? 'true' : 'false';
}

/** A text[] literal. @param {readonly string[]} items */
export function textArray(items) {
	for (const item of items) {
		if (!/^[A-Za-z0-9_]+$/.test(item)) throw new Error(`unexpected array element: ${item}`);
	}
	return `'{${items.join(',')}}'`;
}

/** now() minus a whole number of days (and a fixed hour, so rows do not share one instant). @param {number} days @param {number} [hours] */
export function daysAgo(days, hours = 0) {
	return `now() - interval '${days} days ${hours} hours'`;
}

/** A timestamp on the day current_date + offset, at a given hour. @param {number} offset @param {number} hour */
export function onDay(offset, hour) {
	const day =
		offset === 0 ? 'current_date' : `current_date ${offset < 0 ? '-' : '+'} ${Math.abs(offset)}`;
	return `(${day})::timestamptz + interval '${hour} hours'`;
}

/**
 * Rows as a VALUES list, one row a line.
 * @param {string[][]} rows
 */
export function values(rows) {
	return rows.map((row) => `\t(${row.join(', ')})`).join(',\n');
}
