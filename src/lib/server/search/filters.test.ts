import { describe, expect, it } from 'vitest';
import { provinceSlug, provinceValue } from './facets';
import { buildFilters, indexesFor, quoteFilterValue, todayTimestamp } from './filters';
import { parseSearchParams, type Centre } from './query-params';

const parse = (search: string) => parseSearchParams(new URLSearchParams(search));

const gent: Centre = { nis: '44021', name: 'Gent', lat: 51.0543, lng: 3.7174 };

describe('filter values', () => {
	it('maps province slugs to the documents’ values and back', () => {
		expect(provinceValue('oost-vlaanderen')).toBe('Oost-Vlaanderen');
		expect(provinceValue('brussel')).toBe('Brussel');
		expect(provinceSlug('Vlaams-Brabant')).toBe('vlaams-brabant');
		expect(provinceSlug('Brussel')).toBe('brussel');
		expect(provinceSlug('Henegouwen')).toBeUndefined();
	});

	it('escapes quotes and backslashes', () => {
		expect(quoteFilterValue('techniek')).toBe('"techniek"');
		expect(quoteFilterValue('a" OR type = "x')).toBe('"a\\" OR type = \\"x"');
		expect(quoteFilterValue('a\\" OR 1')).toBe('"a\\\\\\" OR 1"');
	});

	it('builds one IN filter per chosen facet and a geo radius in metres', () => {
		const query = parse(
			'provincie=oost-vlaanderen&provincie=brussel&domein=techniek&leeftijd=9&leeftijd=10&stem=S&binnen=15&van=44021'
		);
		expect(buildFilters(query, 'activities', gent, new Date('2026-11-27T12:00:00Z'))).toEqual([
			'province IN ["Oost-Vlaanderen", "Brussel"]',
			'domains IN ["techniek"]',
			'ages IN [9, 10]',
			'stem IN ["S"]',
			'end_ts >= 1795737600',
			'_geoRadius(51.054300, 3.717400, 15000)'
		]);
	});

	it('leaves out activities that ended before today in Belgium', () => {
		// 23:30 UTC on 27 November is already 28 November in Brussels.
		expect(todayTimestamp(new Date('2026-11-27T23:30:00Z'))).toBe(Date.parse('2026-11-28') / 1000);
		expect(todayTimestamp(new Date('2026-11-27T22:30:00Z'))).toBe(Date.parse('2026-11-27') / 1000);
		expect(buildFilters(parse(''), 'organisations', null)).toEqual([]);
	});

	it('turns the day at Belgian midnight to the millisecond, though it keeps its answer for a minute', () => {
		const day = (moment: string) => todayTimestamp(new Date(moment));
		// winter (UTC+1) and summer (UTC+2), each side of midnight, back and forth
		for (const [before, after, date] of [
			['2026-12-05T22:59:59.999Z', '2026-12-05T23:00:00.000Z', '2026-12-05'],
			['2027-07-01T21:59:59.999Z', '2027-07-01T22:00:00.000Z', '2027-07-01']
		] as const) {
			const next = Date.parse(date) / 1000 + 24 * 60 * 60;
			expect(day(before)).toBe(Date.parse(date) / 1000);
			expect(day(after)).toBe(next);
			expect(day(before)).toBe(Date.parse(date) / 1000);
			expect(day(after.replace(':00.000Z', ':59.999Z'))).toBe(next);
		}
	});

	it('filters organisation types only on the organisations index', () => {
		const query = parse('type=academy&type=activity');
		expect(buildFilters(query, 'organisations', null)).toEqual(['type IN ["academy"]']);
		expect(buildFilters(query, 'activities', null)).toEqual([
			'type IN ["activity"]',
			`end_ts >= ${todayTimestamp()}`
		]);
	});

	it('applies the kind of request to requests only', () => {
		const query = parse('soort=volunteers');
		expect(indexesFor(query)).toEqual(['requests']);
		expect(buildFilters(query, 'requests', null, new Date('2026-11-27T12:00:00Z'))).toEqual([
			'kind IN ["volunteers"]',
			'(deadline_ts IS NULL OR deadline_ts >= 1795737600)'
		]);
	});
});

describe('indexesFor', () => {
	it('searches every index by default and narrows to the chosen types', () => {
		expect(indexesFor(parse(''))).toEqual([
			'activities',
			'organisations',
			'offers',
			'requests',
			'communities',
			'posts',
			'events',
			'people'
		]);
		expect(indexesFor(parse('type=school&type=company'))).toEqual(['organisations']);
		expect(indexesFor(parse('type=offer&type=activity'))).toEqual(['activities', 'offers']);
	});

	it('narrows to the indexes that hold a chosen attribute', () => {
		expect(indexesFor(parse('formaat=korte_reeks'))).toEqual(['activities', 'posts']);
		expect(indexesFor(parse('dag=3'))).toEqual(['offers', 'requests']);
		expect(indexesFor(parse('type=academy&formaat=korte_reeks'))).toEqual([]);
	});
});
