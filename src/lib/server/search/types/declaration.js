// @ts-check
// What a searchable type declares (one module per Meilisearch index next to this file, listed in
// registry.js), and what every type shares. Plain JavaScript so that the worker and the scripts, which run
// without a build, read the same declarations as the app.

/** @typedef {() => string} Label */

/**
 * The facets the search page can count and filter on, by the attribute the documents hold. Their URL
 * parameter, vocabulary and words are in ../facets.ts.
 * @typedef {'type' | 'province' | 'municipality_nis' | 'domains' | 'format' | 'ages' | 'stem' | 'weekdays' | 'kind' | 'quality_label'} FacetAttribute
 */

/**
 * The URL filters (query fields, see $lib/search/params), each the filter of one facet.
 * @typedef {'types' | 'provinces' | 'municipalities' | 'domains' | 'formats' | 'ages' | 'stem' | 'days' | 'kinds' | 'labels'} FilterField
 */

/**
 * The fields of a result row that only some types fill (null on the others).
 * @typedef {{ startDate: string | null, endDate: string | null, format: string | null, kind: string | null }} TypeRow
 */

/**
 * One searchable type: a Meilisearch index (filled by search_documents(uid) in Postgres) and the document
 * types it holds.
 * @typedef {{
 *   uid: string,
 *   types: Readonly<Record<string, { plural: Label, singular: Label }>>,
 *   filterable: readonly string[],
 *   sortable: readonly string[],
 *   facets: readonly FacetAttribute[],
 *   filters: readonly FilterField[],
 *   standingFilter?: (today: number) => string,
 *   retrieve: readonly string[],
 *   suggestLimit: number,
 *   row: (document: Record<string, unknown>) => Partial<TypeRow>
 * }} SearchTypeDeclaration
 *
 * - `types`: the values of the documents' `type`, in the order results and facets list them, with the
 *   words for a group of results (plural) and for one result (singular).
 * - `filterable`, `sortable`: attributes beyond the shared ones that a filter or sort may name.
 * - `facets`: what the search page counts for this index.
 * - `filters`: the URL filters its documents can match; choosing a value of any other filter leaves this
 *   index out of the search.
 * - `standingFilter`: what is always left out (given today's date as epoch seconds at 00:00 UTC).
 * - `retrieve`, `row`: the fields of its own a hit carries, and how they become the result row's.
 * - `suggestLimit`: hits the header box asks for.
 */

/**
 * Checks a declaration's shape and keeps its literal types (index uid, document types) for the registry.
 * @template {SearchTypeDeclaration} const T
 * @param {T} declaration
 * @returns {T}
 */
export const defineSearchType = (declaration) => declaration;

/** Every type's documents are found by these, best first (Meilisearch's `attribute` rule reads the order). */
export const SEARCHABLE_ATTRIBUTES = /** @type {const} */ ([
	'title',
	'organisation_name',
	'keywords',
	'municipality',
	'description'
]);

/** Attributes every document holds that a filter may name. */
export const SHARED_FILTERABLE = /** @type {const} */ ([
	'type',
	'province',
	'municipality_nis',
	'domains',
	'ages',
	'stem',
	'organisation_id',
	'_geo'
]);

/** Attributes every document holds that a sort may name. */
export const SHARED_SORTABLE = /** @type {const} */ (['updated_ts', 'title', '_geo']);

/** What every index counts. */
export const SHARED_FACETS = /** @type {const} */ ([
	'type',
	'province',
	'municipality_nis',
	'domains'
]);

/** The filters every type's documents can match. */
export const SHARED_FILTERS = /** @type {const} */ ([
	'types',
	'provinces',
	'municipalities',
	'domains',
	'ages',
	'stem'
]);

/** Fields every hit carries. */
export const SHARED_RETRIEVE = /** @type {const} */ ([
	'id',
	'type',
	'title',
	'description',
	'path',
	'organisation_name',
	'municipality',
	'municipality_nis',
	'province',
	'_geo'
]);

/** Hits of each type the header box shows. */
export const SUGGEST_LIMIT = 4;

/**
 * A document's field as a string, or null.
 * @param {unknown} value
 */
export const text = (value) => (typeof value === 'string' ? value : null);
