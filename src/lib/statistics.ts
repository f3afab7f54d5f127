// Counts and their shares as the published statistics write them: a share is a percentage of the total
// with 2 decimals (22,55 %), and a table's shares add up to 100 only up to that rounding. Categories come
// in the published order with the published Dutch labels (on the English pages too: they are the published
// categories).
import {
	PUBLISHED_DOMAIN_LABELS,
	PUBLISHED_FORMAT_LABELS,
	PUBLISHED_PROVINCES
} from '$lib/published-labels';

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

/** The three ways the published statistics count activities. */
export const STATISTICS_DIMENSIONS = ['domain', 'format', 'province'] as const;
export type StatisticsDimension = (typeof STATISTICS_DIMENSIONS)[number];

/** The file name of each table (without .csv or .json), in Dutch like the rest of the addresses. */
export const TABLE_FILE_NAMES: Record<StatisticsDimension, string> = {
	domain: 'domeinen',
	format: 'formaten',
	province: 'provincies'
};

/** The table a file name stands for (domeinen → domain); none for any other name. */
export function tableOfFile(name: string): StatisticsDimension | undefined {
	return STATISTICS_DIMENSIONS.find((dimension) => TABLE_FILE_NAMES[dimension] === name);
}

/** Every published category of a dimension in the published order: its key (what SQL returns) and label. */
export function publishedCategories(
	dimension: StatisticsDimension
): { key: string; label: string }[] {
	const labels: Record<string, string> =
		dimension === 'domain'
			? PUBLISHED_DOMAIN_LABELS
			: dimension === 'format'
				? PUBLISHED_FORMAT_LABELS
				: Object.fromEntries(PUBLISHED_PROVINCES.map((province) => [province, province]));
	return Object.entries(labels).map(([key, label]) => ({ key, label }));
}

export type CategoryCount = { key: string; label: string; count: number };

/**
 * One dimension's counts in the published order, 0 for a category without activities; a category the
 * published lists do not know (none today) follows them under its own name rather than disappearing.
 */
export function categoryCounts(
	rows: readonly { dimension: string; category: string; activities: number }[],
	dimension: StatisticsDimension
): CategoryCount[] {
	const counts = new Map(
		rows.filter((row) => row.dimension === dimension).map((row) => [row.category, row.activities])
	);
	const known = publishedCategories(dimension).map(({ key, label }) => ({
		key,
		label,
		count: counts.get(key) ?? 0
	}));
	const knownKeys = new Set(known.map((row) => row.key));
	const other = [...counts]
		.filter(([key]) => !knownKeys.has(key))
		.map(([key, count]) => ({ key, label: key, count }));
	return [...known, ...other];
}

export type Share = { count: number; pct: number };
export type PublishedRow = {
	key: string;
	label: string;
	first: Share;
	second: Share;
	total: Share;
};

/**
 * The published table's shape for two periods: per category the count and share in each period and over
 * both, then the TOTAL row (shares 100, or 0 for an empty period). Both lists are in the same order.
 */
export function publishedTable(
	first: readonly CategoryCount[],
	second: readonly CategoryCount[]
): { rows: PublishedRow[]; total: PublishedRow } {
	const secondCount = new Map(second.map((row) => [row.key, row.count]));
	const merged = first.map((row) => ({ ...row, second: secondCount.get(row.key) ?? 0 }));
	const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
	const totals = {
		first: sum(merged.map((row) => row.count)),
		second: sum(merged.map((row) => row.second))
	};
	const all = totals.first + totals.second;
	const rows = merged.map((row) => ({
		key: row.key,
		label: row.label,
		first: { count: row.count, pct: percentOf(row.count, totals.first) },
		second: { count: row.second, pct: percentOf(row.second, totals.second) },
		total: { count: row.count + row.second, pct: percentOf(row.count + row.second, all) }
	}));
	const whole = (count: number): Share => ({ count, pct: count > 0 ? 100 : 0 });
	return {
		rows,
		total: {
			key: 'TOTAL',
			label: 'TOTAL',
			first: whole(totals.first),
			second: whole(totals.second),
			total: whole(all)
		}
	};
}
