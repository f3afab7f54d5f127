// What the search page shows around the results: the facet lists with counts and links, the chosen filters
// with a link that removes each one, and the page links. Pure: the query and the counts in, plain data out.
import { m } from '$lib/paraglide/messages';
import { FACETS, FILTER_FIELDS, facetOf, type FilterField, type NameOf } from './facets';
import { SEARCH_PARAMS, queryToSearch, type Centre, type SearchQuery } from './query-params';
import type { FacetCounts } from './results';

export type { NameOf };

export type FacetOption = {
	value: string;
	label: string;
	count: number;
	checked: boolean;
};

export type FacetGroup = {
	/** The URL parameter, also the checkboxes' name. */
	param: string;
	legend: string;
	options: FacetOption[];
};

function chosen(query: SearchQuery, field: FilterField): string[] {
	return query[field].map(String);
}

function withValues(query: SearchQuery, field: FilterField, values: string[]): SearchQuery {
	const typed = ['ages', 'days'].includes(field) ? values.map(Number) : values;
	return { ...query, [field]: typed, page: 1 };
}

/** The search page's path with this query. */
export function searchHref(query: SearchQuery, changes: Partial<SearchQuery> = {}): string {
	return `/zoeken${queryToSearch(query, changes)}`;
}

/** Facet lists: every value Meilisearch counted, plus chosen values it did not (count 0). */
export function facetGroups(query: SearchQuery, counts: FacetCounts, nameOf: NameOf): FacetGroup[] {
	return FILTER_FIELDS.flatMap((field) => {
		const facet = facetOf(field);
		const label = (value: string) => facet.label(value, nameOf);
		const selected = chosen(query, field);
		const byParam = new Map<string, number>();
		for (const [value, count] of Object.entries(counts[facet.attribute] ?? {})) {
			const param = facet.toParam(value, nameOf);
			if (param !== undefined && count > 0) byParam.set(param, (byParam.get(param) ?? 0) + count);
		}
		for (const value of selected) if (!byParam.has(value)) byParam.set(value, 0);
		if (byParam.size === 0) return [];

		const values = [...byParam.keys()];
		if (facet.order) {
			const order = facet.order;
			values.sort((a, b) => order.indexOf(a) - order.indexOf(b));
		} else {
			values.sort(
				(a, b) =>
					(byParam.get(b) ?? 0) - (byParam.get(a) ?? 0) || label(a).localeCompare(label(b), 'nl')
			);
		}
		return [
			{
				param: SEARCH_PARAMS[field],
				legend: facet.legend(),
				options: values.map((value) => ({
					value,
					label: label(value),
					count: byParam.get(value) ?? 0,
					checked: selected.includes(value)
				}))
			}
		];
	});
}

export type ActiveFilter = { label: string; removeHref: string };

/** The chosen filters, each with a link to the same search without it. */
export function activeFilters(
	query: SearchQuery,
	nameOf: NameOf,
	centre: Centre | null
): ActiveFilter[] {
	const filters: ActiveFilter[] = [];
	for (const field of FILTER_FIELDS) {
		const facet = FACETS[field];
		const selected = chosen(query, field);
		for (const value of selected) {
			filters.push({
				label: `${facet.legend()}: ${facet.label(value, nameOf)}`,
				removeHref: searchHref(
					withValues(
						query,
						field,
						selected.filter((other) => other !== value)
					)
				)
			});
		}
	}
	if (query.radiusKm !== null && centre) {
		filters.push({
			label: m.zk_active_radius({ km: query.radiusKm, place: centre.name }),
			removeHref: searchHref(query, {
				radiusKm: null,
				centre: null,
				sort: query.sort === 'afstand' ? 'relevantie' : query.sort,
				page: 1
			})
		});
	}
	return filters;
}

export type PageLink = { page: number; href: string; current: boolean } | { gap: true };

/** Page numbers around the current one, with the first and the last, gaps marked. */
export function pageLinks(query: SearchQuery, pageCount: number): PageLink[] {
	if (pageCount <= 1) return [];
	const pages = new Set([1, pageCount]);
	for (let page = query.page - 2; page <= query.page + 2; page++) {
		if (page >= 1 && page <= pageCount) pages.add(page);
	}
	const sorted = [...pages].sort((a, b) => a - b);
	const links: PageLink[] = [];
	sorted.forEach((page, index) => {
		const previous = sorted[index - 1];
		if (previous !== undefined && page - previous > 1) links.push({ gap: true });
		links.push({ page, href: searchHref(query, { page }), current: page === query.page });
	});
	return links;
}
