// @ts-check
// The search indexes and their settings, as code: applied when a worker starts and on every reindex.
// The contract with the query side is /work/issue5-search.md (kept in the repository's issue 5 notes).

/** The four indexes, by uid. */
export const INDEX_UIDS = /** @type {const} */ ([
	'activities',
	'organisations',
	'offers',
	'requests'
]);

/** @typedef {(typeof INDEX_UIDS)[number]} IndexUid */

/** @param {string} uid @returns {uid is IndexUid} */
export const isIndexUid = (uid) => /** @type {readonly string[]} */ (INDEX_UIDS).includes(uid);

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

/** The settings every index gets (the documents differ per type, the settings do not). */
export const INDEX_SETTINGS = Object.freeze({
	searchableAttributes: ['title', 'organisation_name', 'keywords', 'municipality', 'description'],
	filterableAttributes: [
		'type',
		'province',
		'municipality_nis',
		'domains',
		'format',
		'ages',
		'stem',
		'weekdays',
		'kind',
		'quality_label',
		'status',
		'organisation_id',
		'_geo',
		'start_ts',
		'end_ts',
		'deadline_ts'
	],
	sortableAttributes: ['start_ts', 'updated_ts', 'deadline_ts', 'title', '_geo'],
	// Sort first: when someone sorts by date or distance, that order holds across every hit; without a sort
	// the rule does nothing and relevance decides.
	rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
	typoTolerance: { enabled: true },
	synonyms: synonymsFromGroups(SYNONYM_GROUPS),
	faceting: { maxValuesPerFacet: 600 },
	pagination: { maxTotalHits: 10_000 }
});

/**
 * Creates the index when it is missing and applies the settings; waits for Meilisearch to finish.
 * @param {import('./meili.js').MeiliClient} meili
 * @param {string} uid
 */
export async function ensureIndex(meili, uid) {
	const existing = await meili.getIndex(uid);
	if (!existing) {
		try {
			await meili.waitForTask(await meili.createIndex(uid, 'id'));
		} catch (error) {
			// Another worker created it at the same moment.
			if (!(error instanceof Error && 'code' in error && error.code === 'index_already_exists')) {
				throw error;
			}
		}
	}
	await meili.waitForTask(await meili.updateSettings(uid, INDEX_SETTINGS));
}
