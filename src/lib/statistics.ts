// Counts and their shares as the published statistics write them: a share is a percentage of the total
// with 2 decimals (22,55 %), and a table's shares add up to 100 only up to that rounding.

/** count / total as a percentage with 2 decimals; 0 when the total is 0 (an empty period shows 0,00 %). */
export function percentOf(count: number, total: number): number {
	if (total <= 0) return 0;
	// count * 10000 is exact, so a half (1005 of 100000 → 100.5) rounds up as Postgres' round() does,
	// where (count / total) * 100 would land on 100.4999… and round down.
	return Math.round((count * 10000) / total) / 100;
}

/** Each row with its share of the rows' total. */
export function withShares<Row extends { count: number }>(
	rows: readonly Row[]
): (Row & { pct: number })[] {
	const total = rows.reduce((sum, row) => sum + row.count, 0);
	return rows.map((row) => ({ ...row, pct: percentOf(row.count, total) }));
}
