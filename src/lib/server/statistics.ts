// What the statistics pages and the open-data files share: the two-period tables from the database, and
// the CSV and JSON answers (headers included) built from them.
import { error } from '@sveltejs/kit';
import { activityCountsOfPeriods } from '$lib/server/db/statistics';
import type { Db } from '$lib/server/supabase';
import { attachment, toCsv, type CsvValue } from '$lib/server/csv';
import {
	publishedTable,
	STATISTICS_DIMENSIONS,
	type PublishedRow,
	type StatisticsDimension
} from '$lib/statistics';
import { StatisticsInputError, type StatisticsQuery } from '$lib/statistics-params';

export type StatisticsTables = Record<
	StatisticsDimension,
	{ rows: PublishedRow[]; total: PublishedRow }
>;

/** The three tables for the query's two periods and filters. */
export async function statisticsTables(db: Db, query: StatisticsQuery): Promise<StatisticsTables> {
	const [first, second] = await activityCountsOfPeriods(db, query.periods, {
		province: query.province,
		academy: query.academy
	});
	return Object.fromEntries(
		STATISTICS_DIMENSIONS.map((dimension) => [
			dimension,
			publishedTable(first[dimension], second[dimension])
		])
	) as StatisticsTables;
}

/** A bad parameter is the asker's mistake: a 400 naming it, never a 500. */
export function parsedOr400<T>(parse: () => T): T {
	try {
		return parse();
	} catch (cause) {
		if (cause instanceof StatisticsInputError) {
			error(400, { message: cause.message, param: cause.param });
		}
		throw cause;
	}
}

const pct = (value: number | null) => (value === null ? null : value.toFixed(2));

/** One table in the published shape (seed-statistics.csv's columns), for people: with a BOM for Excel. */
export function publishedTableCsv(
	table: { rows: PublishedRow[]; total: PublishedRow },
	fileName: string
): Response {
	const lines: CsvValue[][] = [...table.rows, table.total].map((row) => [
		row.label,
		row.first.count,
		pct(row.first.pct),
		row.second.count,
		pct(row.second.pct),
		row.total.count,
		pct(row.total.pct)
	]);
	const body = toCsv(
		[
			'category',
			'period_1_count',
			'period_1_pct',
			'period_2_count',
			'period_2_pct',
			'total_count',
			'total_pct'
		],
		lines,
		{ bom: true }
	);
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': attachment(fileName),
			'cache-control': 'private, no-store'
		}
	});
}

/** An open-data file: CSV (no BOM, so the first line is the header) or JSON with the same rows. */
export function openDataResponse(
	format: 'csv' | 'json',
	header: readonly string[],
	rows: readonly Record<string, string | number | null>[],
	fileName: string
): Response {
	const headers = {
		'cache-control': 'public, max-age=300',
		'access-control-allow-origin': '*'
	};
	if (format === 'json') {
		return new Response(JSON.stringify(rows), {
			headers: { ...headers, 'content-type': 'application/json; charset=utf-8' }
		});
	}
	const body = toCsv(
		header,
		// Shares with 2 decimals as published ("50.00"); JSON keeps them as numbers.
		rows.map((row) =>
			header.map((column) => {
				const value = row[column];
				return column.endsWith('pct') && typeof value === 'number' ? value.toFixed(2) : value;
			})
		)
	);
	return new Response(body, {
		headers: {
			...headers,
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `inline; filename="${fileName}"`
		}
	});
}

/** A plain-text 400 for the open-data files, in Dutch and English (a script has no language cookie). */
export function plainTextError(status: number, nl: string, en: string): Response {
	return new Response(`${nl}\n${en}\n`, {
		status,
		headers: {
			'content-type': 'text/plain; charset=utf-8',
			'access-control-allow-origin': '*',
			'cache-control': 'no-store'
		}
	});
}
