// @ts-check
// The searchable types, in the order search lists them: the index settings, the worker, the query side, the
// facets and the search page all read them from here. A new type is a declaration next to this file, listed
// below, and its document query in search_documents().
import activities from './activities.js';
import communities from './communities.js';
import events from './events.js';
import offers from './offers.js';
import organisations from './organisations.js';
import people from './people.js';
import posts from './posts.js';
import requests from './requests.js';

export const SEARCH_TYPE_DECLARATIONS = /** @type {const} */ ([
	activities,
	organisations,
	offers,
	requests,
	communities,
	posts,
	events,
	people
]);

/** @typedef {(typeof SEARCH_TYPE_DECLARATIONS)[number]} AnyDeclaration */
/** A Meilisearch index uid. @typedef {AnyDeclaration['uid']} SearchIndex */
/** A document type (the documents' `type`). @typedef {{ [D in AnyDeclaration as D['uid']]: keyof D['types'] & string }[SearchIndex]} SearchType */

/** The indexes, by uid. */
export const SEARCH_INDEXES = /** @type {SearchIndex[]} */ (
	SEARCH_TYPE_DECLARATIONS.map((declaration) => declaration.uid)
);

/** The document types, in the order results and facets list them. */
export const SEARCH_TYPES = /** @type {[SearchType, ...SearchType[]]} */ (
	SEARCH_TYPE_DECLARATIONS.flatMap((declaration) => Object.keys(declaration.types))
);

/** @param {string} uid @returns {uid is SearchIndex} */
export const isSearchIndex = (uid) =>
	/** @type {readonly string[]} */ (SEARCH_INDEXES).includes(uid);

/** @param {unknown} type @returns {type is SearchType} */
export const isSearchType = (type) =>
	typeof type === 'string' && /** @type {readonly string[]} */ (SEARCH_TYPES).includes(type);

/**
 * @param {SearchIndex} uid
 * @returns {import('./declaration.js').SearchTypeDeclaration}
 */
export function declarationOf(uid) {
	const declaration = SEARCH_TYPE_DECLARATIONS.find((candidate) => candidate.uid === uid);
	if (!declaration) throw new Error(`unknown search index ${uid}`);
	return declaration;
}

/** The index that holds each document type. */
export const INDEX_OF_TYPE = /** @type {Record<SearchType, SearchIndex>} */ (
	Object.fromEntries(
		SEARCH_TYPE_DECLARATIONS.flatMap((declaration) =>
			Object.keys(declaration.types).map((type) => [type, declaration.uid])
		)
	)
);

/**
 * The words for a document type: a group of results or a facet value ("Activiteiten"), or one result
 * ("Activiteit").
 * @param {SearchType} type
 * @param {'plural' | 'singular'} [form]
 */
export function typeLabel(type, form = 'plural') {
	const types = /** @type {Record<string, { plural: () => string, singular: () => string }>} */ (
		declarationOf(INDEX_OF_TYPE[type]).types
	);
	return types[type]?.[form]() ?? type;
}
