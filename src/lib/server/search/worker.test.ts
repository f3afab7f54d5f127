import { describe, expect, it } from 'vitest';
import {
	INDEX_SETTINGS,
	stagedAt,
	stagedUid,
	SYNONYM_GROUPS,
	synonymsFromGroups
} from './settings.js';
import { backoffSeconds, groupByIndex, idleWait, splitDocuments } from './worker.js';

const item = (index_uid: string, document_id: string, version = 1) => ({
	index_uid,
	document_id,
	version,
	attempts: 0
});

describe('backoffSeconds', () => {
	it('doubles from the base with every failure', () => {
		expect([0, 1, 2, 3, 4].map((attempts) => backoffSeconds(attempts))).toEqual([1, 2, 4, 8, 16]);
		expect(backoffSeconds(2, { base: 0.5 })).toBe(2);
	});

	it('never waits longer than the cap, even after very many failures', () => {
		expect(backoffSeconds(9)).toBe(300);
		expect(backoffSeconds(5000)).toBe(300);
		expect(backoffSeconds(10, { base: 1, max: 30 })).toBe(30);
	});

	it('treats nonsense as a first failure', () => {
		expect(backoffSeconds(-3)).toBe(1);
		expect(backoffSeconds(Number.NaN)).toBe(1);
		expect(backoffSeconds(2.7)).toBe(4);
	});
});

describe('idleWait', () => {
	it('waits idleMs after work, then twice as long after each empty poll, up to idleMaxMs', () => {
		const delays = { idleMs: 200, idleMaxMs: 1000 };
		expect([0, 1, 2, 3, 4, 50].map((polls) => idleWait(polls, delays))).toEqual([
			200, 400, 800, 1000, 1000, 1000
		]);
	});

	it('never waits less than idleMs, even with a smaller maximum', () => {
		expect(idleWait(3, { idleMs: 50, idleMaxMs: 10 })).toBe(50);
	});
});

describe('groupByIndex', () => {
	it('groups claimed rows per index in a fixed order, leaving out empty indexes', () => {
		const groups = groupByIndex([
			item('requests', 'r1'),
			item('activities', 'a1'),
			item('requests', 'r2'),
			item('activities', 'a2')
		]);
		expect([...groups.keys()]).toEqual(['activities', 'requests']);
		expect(groups.get('activities')?.map((row) => row.document_id)).toEqual(['a1', 'a2']);
		expect(groups.get('requests')?.map((row) => row.document_id)).toEqual(['r1', 'r2']);
	});

	it('returns nothing for an empty batch', () => {
		expect(groupByIndex([]).size).toBe(0);
	});
});

describe('splitDocuments', () => {
	it('writes the documents the database returned and deletes every other claimed id', () => {
		const { upserts, deletes } = splitDocuments(['a', 'b', 'c', 'b'], [{ id: 'b' }]);
		expect(upserts).toEqual([{ id: 'b' }]);
		expect(deletes).toEqual(['a', 'c']);
	});

	it('deletes nothing when every claimed id has a document', () => {
		expect(splitDocuments(['a'], [{ id: 'a' }]).deletes).toEqual([]);
	});
});

describe('index settings', () => {
	it('makes every synonym find the others, both ways', () => {
		const synonyms = synonymsFromGroups([['robotica', 'robots', 'robot']]);
		expect(synonyms).toEqual({
			robot: ['robotica', 'robots'],
			robotica: ['robot', 'robots'],
			robots: ['robot', 'robotica']
		});
		for (const group of SYNONYM_GROUPS) {
			for (const word of group) {
				for (const other of group) {
					if (other !== word) expect(INDEX_SETTINGS.synonyms[word]).toContain(other);
				}
			}
		}
	});

	it('filters and sorts on the fields the query side uses', () => {
		expect(INDEX_SETTINGS.filterableAttributes).toEqual(
			expect.arrayContaining(['type', 'province', 'ages', 'weekdays', '_geo', 'kind'])
		);
		expect(INDEX_SETTINGS.sortableAttributes).toEqual(
			expect.arrayContaining(['start_ts', 'updated_ts', 'deadline_ts', '_geo'])
		);
	});
});

describe('staged index names', () => {
	it('names a rebuilt or new index after its live index and the moment it began', () => {
		const uid = stagedUid('activities', 1_795_000_000_000);
		expect(uid).toBe('activities_reindex_1795000000000');
		expect(stagedAt(uid, 'activities')).toBe(1_795_000_000_000);
		expect(stagedAt(uid, 'offers')).toBeUndefined();
		expect(stagedAt('activities', 'activities')).toBeUndefined();
	});
});
