// A query as Meilisearch filters, per index: which indexes can match it at all, and the filter expressions
// for one of them. Filters name only the facets' attributes, with values that parseSearchParams checked
// against the vocabularies, quoted and escaped. Pure.
import { FILTER_FIELDS, facetOf, type FacetAttribute, type FilterField } from './facets';
import type { Centre, SearchQuery } from './query-params';
import {
	INDEX_OF_TYPE,
	SEARCH_TYPE_DECLARATIONS,
	declarationOf,
	type SearchIndex
} from './types/registry.js';

/** A string as a Meilisearch filter literal: double quotes, with backslashes and quotes escaped. */
export function quoteFilterValue(value: string): string {
	return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function inFilter(attribute: FacetAttribute, values: readonly (string | number)[]): string | null {
	if (values.length === 0) return null;
	const literals = values.map((value) =>
		typeof value === 'number' ? String(Math.trunc(value)) : quoteFilterValue(value)
	);
	return `${attribute} IN [${literals.join(', ')}]`;
}

/**
 * The indexes a query searches, in the registry's order: those of the chosen types (all without a
 * choice), less those whose documents cannot match a chosen filter (a format narrows to activities).
 */
export function indexesFor(query: SearchQuery): SearchIndex[] {
	const chosen = new Set(query.types.map((type) => INDEX_OF_TYPE[type]));
	return SEARCH_TYPE_DECLARATIONS.filter(
		(declaration) =>
			(chosen.size === 0 || chosen.has(declaration.uid)) &&
			FILTER_FIELDS.every(
				(field) =>
					query[field].length === 0 ||
					(declaration.filters as readonly FilterField[]).includes(field)
			)
	).map((declaration) => declaration.uid);
}

const belgianDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' });

/** The last answer of todayTimestamp() and the minute (since the epoch) it was asked in. */
let kept = { minute: Number.NaN, timestamp: 0 };

/**
 * Today's date in Belgium as the documents count days: epoch seconds of that date at 00:00 UTC. Kept for
 * the minute it was asked in: Belgian midnight always falls on a whole minute, and the Intl formatting
 * with a time zone was 2 % of the app's time on the header box's queries.
 */
export function todayTimestamp(now: Date = new Date()): number {
	const minute = Math.floor(now.getTime() / 60_000);
	if (minute !== kept.minute) {
		kept = { minute, timestamp: Date.parse(`${belgianDay.format(now)}T00:00:00Z`) / 1000 };
	}
	return kept.timestamp;
}

/** A coordinate for a filter or sort expression. */
export function coordinate(value: number): string {
	if (!Number.isFinite(value)) throw new Error('not a coordinate');
	return value.toFixed(6);
}

/** The chosen values of a filter as this index's documents hold them. */
function documentValues(
	query: SearchQuery,
	field: (typeof FILTER_FIELDS)[number],
	index: SearchIndex
) {
	// The type filter names only this index's own types; the others are other indexes' business.
	const values =
		field === 'types' ? query.types.filter((type) => INDEX_OF_TYPE[type] === index) : query[field];
	const { toDocument } = facetOf(field);
	return toDocument ? values.map((value) => toDocument(value)) : values;
}

/**
 * Filter expressions (all must hold) for one index: the chosen facet values its documents can match, its
 * standing filter (ended activities and requests past their deadline are left out), and the radius.
 */
export function buildFilters(
	query: SearchQuery,
	index: SearchIndex,
	centre: Centre | null,
	now: Date = new Date()
): string[] {
	const declaration = declarationOf(index);
	const filters = FILTER_FIELDS.filter((field) => declaration.filters.includes(field))
		.map((field) => inFilter(facetOf(field).attribute, documentValues(query, field, index)))
		.filter((filter): filter is string => filter !== null);
	if (declaration.standingFilter) filters.push(declaration.standingFilter(todayTimestamp(now)));
	if (centre && query.radiusKm !== null) {
		filters.push(
			`_geoRadius(${coordinate(centre.lat)}, ${coordinate(centre.lng)}, ${query.radiusKm * 1000})`
		);
	}
	return filters;
}
