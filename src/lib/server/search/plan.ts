// A query as the one Meilisearch request that answers it (a search page or the header box's
// suggestions): which endpoint, and the body with each index's filters, sort, facets and fields. Pure.
import type {
	FederatedMultiSearchParams,
	MultiSearchParams,
	MultiSearchQuery,
	SearchParams
} from 'meilisearch';
import { FILTER_FIELDS, facetOf, type FacetAttribute, type FilterField } from './facets';
import { buildFilters, coordinate, indexesFor } from './filters';
import { PAGE_SIZE, type Centre, type SearchQuery } from './query-params';
import { SHARED_RETRIEVE } from './types/declaration.js';
import { declarationOf, type SearchIndex } from './types/registry.js';

function sortFor(query: SearchQuery, centre: Centre | null): string[] | undefined {
	if (query.sort === 'datum') return ['start_ts:asc'];
	if (query.sort === 'afstand' && centre) {
		return [`_geoPoint(${coordinate(centre.lat)}, ${coordinate(centre.lng)}):asc`];
	}
	return undefined;
}

const HIGHLIGHT = {
	attributesToHighlight: ['title', 'description'],
	attributesToCrop: ['description'],
	cropLength: 28,
	highlightPreTag: '<mark>',
	highlightPostTag: '</mark>'
};

type IndexQuery = MultiSearchQuery & { indexUid: SearchIndex };

function indexQuery(query: SearchQuery, index: SearchIndex, centre: Centre | null): IndexQuery {
	const filter = buildFilters(query, index, centre);
	const sort = sortFor(query, centre);
	return {
		indexUid: index,
		q: query.q,
		...(filter.length > 0 ? { filter } : {}),
		...(sort ? { sort } : {}),
		attributesToRetrieve: [...SHARED_RETRIEVE, ...declarationOf(index).retrieve],
		...HIGHLIGHT
	};
}

const facetsOf = (index: SearchIndex) => [...declarationOf(index).facets];

/** A query that only counts one facet (no hits): a disjunctive facet's counts. */
export type FacetQuery = MultiSearchQuery & {
	indexUid: SearchIndex;
	limit: 0;
	facets: [FacetAttribute];
};

/**
 * Disjunctive facets: a filter with chosen values counts its values as if nothing were chosen in it (the
 * other filters still apply), so choosing Limburg leaves the other provinces and their counts in the
 * list and one can add a second. One count-only query per chosen filter and index that counts it, over
 * the indexes the query would search without that filter (dropping a type or a format can widen them).
 */
export function buildFacetQueries(query: SearchQuery, centre: Centre | null): FacetQuery[] {
	return FILTER_FIELDS.filter((field) => query[field].length > 0).flatMap((field: FilterField) => {
		const attribute = facetOf(field).attribute;
		const without: SearchQuery = { ...query, [field]: [] };
		return indexesFor(without)
			.filter((index) => (declarationOf(index).facets as readonly string[]).includes(attribute))
			.map((index): FacetQuery => {
				const filter = buildFilters(without, index, centre);
				return {
					indexUid: index,
					q: query.q,
					...(filter.length > 0 ? { filter } : {}),
					limit: 0,
					facets: [attribute]
				};
			});
	});
}

/** The facets the main queries count: those of the index less the ones counted by a facet query. */
function mainFacets(index: SearchIndex, counted: ReadonlySet<string>): string[] {
	return facetsOf(index).filter((attribute) => !counted.has(attribute));
}

/**
 * One request to Meilisearch:
 * - one index: a multi-search of its query (page/hitsPerPage, exact counts) and its facet queries;
 * - several, by relevance: a federated multi-search, facets merged;
 * - several, by date or distance: a multi-search of the first pages of every index, merged here by the
 *   sort key (federation merges by relevance only, so a global order needs the merge).
 * With chosen filters, their count-only facet queries (buildFacetQueries) join the same multi-search (one
 * index: a multi-search of its query and them). A federated multi-search cannot hold a query outside the
 * federation (each would add its hits), so there they go in a plain multi-search sent alongside it.
 */
export type SearchPlan =
	| { kind: 'empty' }
	| { kind: 'single'; index: SearchIndex; body: SearchParams; facetQueries: FacetQuery[] }
	| {
			kind: 'federated';
			indexes: SearchIndex[];
			body: FederatedMultiSearchParams;
			facetQueries: FacetQuery[];
	  }
	| {
			kind: 'merged';
			indexes: SearchIndex[];
			body: MultiSearchParams & { queries: IndexQuery[] };
			sort: 'datum' | 'afstand';
			facetQueries: FacetQuery[];
	  };

export function buildSearchPlan(query: SearchQuery, centre: Centre | null): SearchPlan {
	const indexes = indexesFor(query);
	if (indexes.length === 0) return { kind: 'empty' };
	if ((query.radiusKm !== null || query.sort === 'afstand') && !centre) {
		throw new Error('a geo query needs its centre resolved first');
	}
	const facetQueries = buildFacetQueries(query, centre);
	const counted = new Set<string>(facetQueries.map((facetQuery) => facetQuery.facets[0]));

	if (indexes.length === 1) {
		const index = indexes[0] as SearchIndex;
		const { indexUid: _uid, ...body } = indexQuery(query, index, centre);
		return {
			kind: 'single',
			index,
			body: {
				...body,
				page: query.page,
				hitsPerPage: PAGE_SIZE,
				facets: mainFacets(index, counted)
			},
			facetQueries
		};
	}

	if (query.sort === 'relevantie') {
		return {
			kind: 'federated',
			indexes,
			body: {
				federation: {
					offset: (query.page - 1) * PAGE_SIZE,
					limit: PAGE_SIZE,
					facetsByIndex: Object.fromEntries(
						indexes.map((index) => [index, mainFacets(index, counted)])
					),
					mergeFacets: { maxValuesPerFacet: 600 }
				},
				queries: indexes.map((index) => indexQuery(query, index, centre))
			},
			facetQueries
		};
	}

	return {
		kind: 'merged',
		indexes,
		sort: query.sort,
		body: {
			queries: indexes.map((index) => ({
				...indexQuery(query, index, centre),
				offset: 0,
				limit: query.page * PAGE_SIZE,
				facets: mainFacets(index, counted)
			}))
		},
		facetQueries
	};
}

/** A multi-search (not federated) for the header box: the top hits of each index, grouped afterwards. */
export function buildSuggestRequest(
	query: SearchQuery,
	centre: Centre | null = null
): MultiSearchParams & { queries: IndexQuery[] } {
	return {
		queries: indexesFor(query).map((index) => {
			const filter = buildFilters(query, index, centre);
			return {
				indexUid: index,
				q: query.q,
				...(filter.length > 0 ? { filter } : {}),
				limit: declarationOf(index).suggestLimit,
				attributesToRetrieve: ['id', 'type', 'title', 'path', 'municipality'],
				attributesToHighlight: ['title'],
				highlightPreTag: '<mark>',
				highlightPostTag: '</mark>'
			};
		})
	};
}
