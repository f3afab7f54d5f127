import { describe, expect, it } from 'vitest';
import {
	categoryCounts,
	percentOf,
	publishedTable,
	tableOfFile,
	TABLE_FILE_NAMES,
	withShares
} from './statistics';

describe('percentOf', () => {
	it('writes a share of the total with 2 decimals, like the published tables', () => {
		// Published: Techniek 196 of 869 = 22,55 %; Natuur 5 of 869 = 0,58 %; Limburg 127 of 992 = 12,80 %.
		expect(percentOf(196, 869)).toBe(22.55);
		expect(percentOf(5, 869)).toBe(0.58);
		expect(percentOf(127, 992)).toBe(12.8);
		expect(percentOf(1210, 1866)).toBe(64.84);
	});

	it('rounds halves up, also where floating point would land just below', () => {
		expect(percentOf(1, 8)).toBe(12.5);
		expect(percentOf(1005, 100000)).toBe(1.01);
		expect(percentOf(2, 3)).toBe(66.67);
	});

	it('is 0 for an empty total and 100 for the whole', () => {
		expect(percentOf(0, 0)).toBe(0);
		expect(percentOf(7, 7)).toBe(100);
	});
});

describe('withShares', () => {
	it('gives each row its share of the rows’ total', () => {
		const rows = withShares([
			{ category: 'a', count: 1 },
			{ category: 'b', count: 3 }
		]);
		expect(rows).toEqual([
			{ category: 'a', count: 1, pct: 25 },
			{ category: 'b', count: 3, pct: 75 }
		]);
	});
});

describe('categoryCounts', () => {
	const rows = [
		{ dimension: 'domain', category: 'programmeren', activities: 3 },
		{ dimension: 'domain', category: 'techniek', activities: 1 },
		{ dimension: 'format', category: 'korte_reeks', activities: 4 },
		{ dimension: 'province', category: 'Brussel', activities: 2 }
	];

	it('lists every published category in the published order with its Dutch label, 0 where none', () => {
		const domains = categoryCounts(rows, 'domain');
		expect(domains.map((row) => row.label)).toEqual([
			'Techniek',
			'Programmeren',
			'Natuur',
			'Sterrenkunde',
			'Wiskunde en natuurwetenschappen',
			'Life sciences',
			'Andere'
		]);
		expect(domains.map((row) => row.count)).toEqual([1, 3, 0, 0, 0, 0, 0]);
	});

	it('puts the provinces in the published order, Brussel after Limburg', () => {
		const provinces = categoryCounts(rows, 'province');
		expect(provinces.slice(4, 7).map((row) => [row.label, row.count])).toEqual([
			['Limburg', 0],
			['Brussel', 2],
			['Henegouwen', 0]
		]);
		expect(provinces).toHaveLength(11);
	});
});

describe('publishedTable', () => {
	it('reproduces the published domain table from its counts', () => {
		// The first two rows and the total of the published table (seed-statistics.csv).
		const first = [
			{ key: 'techniek', label: 'Techniek', count: 196 },
			{ key: 'programmeren', label: 'Programmeren', count: 601 },
			{ key: 'andere', label: 'Andere', count: 72 }
		];
		const second = [
			{ key: 'techniek', label: 'Techniek', count: 203 },
			{ key: 'programmeren', label: 'Programmeren', count: 609 },
			{ key: 'andere', label: 'Andere', count: 185 }
		];
		const { rows, total } = publishedTable(first, second);
		expect(rows[0]).toEqual({
			key: 'techniek',
			label: 'Techniek',
			first: { count: 196, pct: 22.55 },
			second: { count: 203, pct: 20.36 },
			total: { count: 399, pct: 21.38 }
		});
		expect(rows[1]?.total).toEqual({ count: 1210, pct: 64.84 });
		expect(total).toMatchObject({
			label: 'TOTAL',
			first: { count: 869, pct: 100 },
			second: { count: 997, pct: 100 },
			total: { count: 1866, pct: 100 }
		});
	});

	it('gives an empty period 0 % everywhere, its total too', () => {
		const { rows, total } = publishedTable(
			[{ key: 'a', label: 'A', count: 2 }],
			[{ key: 'a', label: 'A', count: 0 }]
		);
		expect(rows[0]?.second).toEqual({ count: 0, pct: 0 });
		expect(total.second).toEqual({ count: 0, pct: 0 });
		expect(total.total).toEqual({ count: 2, pct: 100 });
	});
});

describe('tableOfFile', () => {
	it('finds each table by its file name and nothing else', () => {
		expect(tableOfFile('domeinen')).toBe('domain');
		expect(tableOfFile('formaten')).toBe('format');
		expect(tableOfFile('provincies')).toBe('province');
		expect(tableOfFile(TABLE_FILE_NAMES.province)).toBe('province');
		for (const name of ['dekking', 'domeinen.csv', '', 'constructor', 'toString']) {
			expect(tableOfFile(name), name).toBeUndefined();
		}
	});
});
