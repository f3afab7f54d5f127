// ensureIndex() against the real Meilisearch: a missing index appears with its settings already in place
// (a search never meets it without its filters), two workers may prepare it at once, and an index with
// old settings gets the current ones. Each case works on an index of its own, removed afterwards.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { getIndexOrNull, waitForTask } from '../../../src/lib/server/search/meili.js';
import { ensureIndex, INDEX_SETTINGS } from '../../../src/lib/server/search/settings.js';
import { meiliMasterKey, meiliUrl, serviceRoleKey, apiUrl } from '../../../stack/config.js';
import { meiliOf } from './support.js';

// Meilisearch runs every task of the shared stack in one queue: on a busy machine a task may wait.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const meili = meiliOf({ apiUrl, serviceRoleKey, meiliUrl, meiliKey: meiliMasterKey });
const made: string[] = [];

/** A uid no other test uses, removed after the suite. */
function freshUid() {
	const uid = `test-ensure-${randomUUID().slice(0, 8)}`;
	made.push(uid);
	return uid;
}

/** Every index uid that starts with `prefix`. */
async function indexesStartingWith(prefix: string) {
	const { results } = await meili.getRawIndexes({ limit: 1000 });
	return results.map((index) => index.uid).filter((uid) => uid.startsWith(prefix));
}

const sorted = (values: readonly string[] | null | undefined) => [...(values ?? [])].sort();

afterAll(async () => {
	for (const uid of made) {
		for (const leftover of await indexesStartingWith(uid)) {
			await waitForTask(meili, await meili.deleteIndex(leftover));
		}
	}
});

describe('ensureIndex', () => {
	it('makes a missing index appear with its filterable attributes already set, and leaves nothing staged', async () => {
		const uid = freshUid();
		// Watches the uid the whole time: each moment it exists, its settings must already be the full ones.
		const seen: Array<string[]> = [];
		let done = false;
		const watching = (async () => {
			while (!done) {
				if (await getIndexOrNull(meili, uid)) {
					seen.push(
						sorted((await meili.index(uid).getSettings()).filterableAttributes as string[])
					);
				}
			}
		})();
		try {
			await ensureIndex(meili, uid);
		} finally {
			done = true;
			await watching;
		}
		const expected = sorted(INDEX_SETTINGS.filterableAttributes);
		seen.push(sorted((await meili.index(uid).getSettings()).filterableAttributes as string[]));
		expect(seen.every((attributes) => attributes.join() === expected.join())).toBe(true);
		expect(await indexesStartingWith(uid)).toEqual([uid]);
		// The settings the searches rely on: a filter on the end date and a sort by the start are accepted.
		const found = await meili
			.index(uid)
			.search('', { filter: 'end_ts >= 0', sort: ['start_ts:asc'] });
		expect(found.hits).toEqual([]);
	});

	it('lets two workers prepare the same missing index at once', async () => {
		const uid = freshUid();
		await Promise.all([ensureIndex(meili, uid), ensureIndex(meili, uid)]);
		expect(await indexesStartingWith(uid)).toEqual([uid]);
		const settings = await meili.index(uid).getSettings();
		expect(sorted(settings.filterableAttributes as string[])).toEqual(
			sorted(INDEX_SETTINGS.filterableAttributes)
		);
		expect(settings.rankingRules).toEqual(INDEX_SETTINGS.rankingRules);
	});

	it('gives an existing index with old settings the current ones, and keeps its documents', async () => {
		const uid = freshUid();
		await waitForTask(meili, await meili.createIndex(uid, { primaryKey: 'id' }));
		await waitForTask(
			meili,
			await meili.index(uid).addDocuments([{ id: 'a', title: 'Robotica' }], { primaryKey: 'id' })
		);
		await ensureIndex(meili, uid);
		const settings = await meili.index(uid).getSettings();
		expect(sorted(settings.filterableAttributes as string[])).toEqual(
			sorted(INDEX_SETTINGS.filterableAttributes)
		);
		expect(settings.synonyms).toEqual(INDEX_SETTINGS.synonyms);
		expect((await meili.index(uid).getDocument('a')).title).toBe('Robotica');
	});
});
