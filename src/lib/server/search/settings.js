// @ts-check
// The search indexes' settings, as code: applied when a worker starts and on every reindex. The attributes
// come from the searchable types' declarations (types/); synonyms and ranking are shared.
import { getIndexOrNull, meiliErrorCode, waitForTask } from './meili.js';
import { SEARCHABLE_ATTRIBUTES, SHARED_FILTERABLE, SHARED_SORTABLE } from './types/declaration.js';
import { SEARCH_INDEXES, SEARCH_TYPE_DECLARATIONS, isSearchIndex } from './types/registry.js';

/** The indexes, by uid. */
export const INDEX_UIDS = SEARCH_INDEXES;

/** @typedef {import('./types/registry.js').SearchIndex} IndexUid */

export const isIndexUid = isSearchIndex;

/**
 * Dutch words that mean the same here; every word of a group finds the others (both ways).
 * @type {string[][]}
 */
export const SYNONYM_GROUPS = [
	['programmeren', 'coderen', 'programmeerles', 'coding'],
	['robotica', 'robots', 'robot'],
	['sterrenkunde', 'astronomie', 'ruimtevaart'],
	['wiskunde', 'rekenen'],
	['makerspace', 'werkplaats', 'fablab'],
	['labo', 'laboratorium', 'lab'],
	['lokaal', 'klaslokaal'],
	['mentor', 'mentoren', 'vrijwilliger', 'vrijwilligers'],
	['techniek', 'technologie'],
	['natuurwetenschappen', 'wetenschap'],
	['3d-printen', '3d printer']
];

/**
 * Meilisearch's synonyms map from groups: each word maps to every other word of its groups.
 * @param {string[][]} groups
 * @returns {Record<string, string[]>}
 */
export function synonymsFromGroups(groups) {
	/** @type {Map<string, Set<string>>} */
	const map = new Map();
	for (const group of groups) {
		for (const word of group) {
			const others = map.get(word) ?? new Set();
			for (const other of group) if (other !== word) others.add(other);
			map.set(word, others);
		}
	}
	return Object.fromEntries(
		[...map.entries()]
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([word, others]) => [word, [...others].sort()])
	);
}

/** @param {Iterable<string>} attributes */
const unique = (attributes) => [...new Set(attributes)];

/**
 * The settings every index gets. Filterable and sortable are every type's attributes together: a search
 * over several indexes sends each the same filter and sort, and Meilisearch refuses an attribute an index
 * does not declare (a document without it simply does not match).
 */
export const INDEX_SETTINGS = Object.freeze({
	searchableAttributes: [...SEARCHABLE_ATTRIBUTES],
	filterableAttributes: unique([
		...SHARED_FILTERABLE,
		...SEARCH_TYPE_DECLARATIONS.flatMap((declaration) => declaration.filterable)
	]),
	sortableAttributes: unique([
		...SHARED_SORTABLE,
		...SEARCH_TYPE_DECLARATIONS.flatMap((declaration) => declaration.sortable)
	]),
	// Sort first: when someone sorts by date or distance, that order holds across every hit; without a sort
	// the rule does nothing and relevance decides.
	rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
	typoTolerance: { enabled: true },
	synonyms: synonymsFromGroups(SYNONYM_GROUPS),
	faceting: { maxValuesPerFacet: 600 },
	pagination: { maxTotalHits: 10_000 }
});

const STAGED_SUFFIX = '_reindex_';

/**
 * The uid under which an index for `uid` is built at `now` (epoch ms) before it is swapped or renamed in.
 * @param {string} uid
 * @param {number} now
 */
export const stagedUid = (uid, now) => `${uid}${STAGED_SUFFIX}${now}`;

/**
 * When a staged index of `uid` was made (from its name), or undefined for any other index.
 * @param {string} candidate
 * @param {string} uid
 */
export function stagedAt(candidate, uid) {
	const prefix = `${uid}${STAGED_SUFFIX}`;
	if (!candidate.startsWith(prefix)) return undefined;
	const stamp = Number(candidate.slice(prefix.length));
	return Number.isSafeInteger(stamp) ? stamp : undefined;
}

/**
 * Creates the index when it is missing and applies the settings; waits for Meilisearch to finish.
 * A missing index is made under a staged uid, given its settings there and then renamed into place in one
 * task: a search never meets it without its filterable attributes (Meilisearch refuses such a filter, and
 * the search would answer 503), only, before the rename, no index at all. A staged index left behind by a
 * crash is removed by a reindex of that index an hour or more later (reindex.js).
 * @param {import('./meili.js').MeiliClient} meili
 * @param {string} uid
 */
export async function ensureIndex(meili, uid) {
	if (await getIndexOrNull(meili, uid)) {
		await waitForTask(meili, await meili.index(uid).updateSettings(INDEX_SETTINGS));
		return;
	}
	const staged = stagedUid(uid, Date.now());
	// Ours from the moment Meilisearch accepts the task (should waiting for it time out, it may still run),
	// unless the task fails because another caller staged that name first.
	let created = false;
	try {
		const creating = await meili.createIndex(staged, { primaryKey: 'id' });
		created = true;
		try {
			await waitForTask(meili, creating);
		} catch (error) {
			if (meiliErrorCode(error) === 'index_already_exists') created = false;
			throw error;
		}
		await waitForTask(meili, await meili.index(staged).updateSettings(INDEX_SETTINGS));
		await waitForTask(meili, await meili.swapIndexes([{ indexes: [staged, uid], rename: true }]));
	} catch (error) {
		if (created) await meili.deleteIndex(staged).catch(() => undefined);
		// Another worker put the index in place (or staged one under the same name) at the same moment.
		if (meiliErrorCode(error) !== 'index_already_exists') throw error;
		await waitForTask(meili, await meili.index(uid).updateSettings(INDEX_SETTINGS));
	}
}
