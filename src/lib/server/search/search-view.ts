// What the search page shows around the results: the facet lists with counts and links, the chosen filters
// with a link that removes each one, and the page links. Pure: the query and the counts in, plain data out.
import { typeLabel } from '$lib/components/search/labels';
import {
	REQUEST_KINDS,
	WEEKDAYS,
	requestKindLabel,
	weekdayLabel,
	type RequestKind,
	type Weekday
} from '$lib/exchange-vocabulary';
import { m } from '$lib/paraglide/messages';
import { PROVINCES } from '$lib/public/provinces';
import {
	DOMAINS,
	FORMATS,
	STEM_LETTERS,
	domainLabel,
	formatLabel,
	stemLetterLabel,
	type Domain,
	type Format,
	type StemLetter
} from '$lib/vocabulary';
import {
	SEARCH_PARAMS,
	SEARCH_TYPES,
	provinceSlug,
	queryToSearch,
	type Centre,
	type FacetCounts,
	type FacetName,
	type SearchQuery,
	type SearchType
} from './query';

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

type RepeatableField =
	| 'types'
	| 'provinces'
	| 'municipalities'
	| 'domains'
	| 'formats'
	| 'ages'
	| 'stem'
	| 'days'
	| 'kinds';

type FacetSpec = {
	facet: FacetName;
	field: RepeatableField;
	legend: () => string;
	/** Facet value (as Meilisearch counts it) → URL value; undefined drops it. */
	toParam: (value: string) => string | undefined;
	label: (param: string) => string;
	/** Fixed order (a vocabulary); without it: most results first. */
	order?: readonly string[];
};

export type NameOf = (nis: string) => string | undefined;

function specs(nameOf: NameOf): FacetSpec[] {
	const known = (values: readonly string[]) => (value: string) =>
		values.includes(value) ? value : undefined;
	return [
		{
			facet: 'type',
			field: 'types',
			legend: m.zk_facet_type,
			toParam: known(SEARCH_TYPES),
			label: (value) => typeLabel[value as SearchType](),
			order: SEARCH_TYPES
		},
		{
			facet: 'province',
			field: 'provinces',
			legend: m.zk_facet_province,
			toParam: provinceSlug,
			label: (slug) => PROVINCES.find((province) => province.slug === slug)?.name ?? slug,
			order: PROVINCES.map((province) => province.slug)
		},
		{
			facet: 'municipality_nis',
			field: 'municipalities',
			legend: m.zk_facet_municipality,
			toParam: (nis) => (nameOf(nis) ? nis : undefined),
			label: (nis) => nameOf(nis) ?? nis
		},
		{
			facet: 'domains',
			field: 'domains',
			legend: m.zk_facet_domain,
			toParam: known(DOMAINS),
			label: (value) => domainLabel[value as Domain](),
			order: DOMAINS
		},
		{
			facet: 'format',
			field: 'formats',
			legend: m.zk_facet_format,
			toParam: known(FORMATS),
			label: (value) => formatLabel[value as Format](),
			order: FORMATS
		},
		{
			facet: 'ages',
			field: 'ages',
			legend: m.zk_facet_age,
			toParam: (value) => (/^[0-9]{1,2}$/.test(value) ? String(Number(value)) : undefined),
			label: (value) => m.zk_age_value({ age: value }),
			order: Array.from({ length: 100 }, (_, age) => String(age))
		},
		{
			facet: 'stem',
			field: 'stem',
			legend: m.zk_facet_stem,
			toParam: known(STEM_LETTERS),
			label: (value) => stemLetterLabel[value as StemLetter](),
			order: STEM_LETTERS
		},
		{
			facet: 'weekdays',
			field: 'days',
			legend: m.zk_facet_day,
			toParam: known(WEEKDAYS),
			label: (value) => weekdayLabel[value as Weekday](),
			order: WEEKDAYS
		},
		{
			facet: 'kind',
			field: 'kinds',
			legend: m.zk_facet_kind,
			toParam: known(REQUEST_KINDS),
			label: (value) => requestKindLabel[value as RequestKind](),
			order: REQUEST_KINDS
		}
	];
}

function chosen(query: SearchQuery, field: RepeatableField): string[] {
	return (query[field] as (string | number)[]).map(String);
}

function withValues(query: SearchQuery, field: RepeatableField, values: string[]): SearchQuery {
	const typed = ['ages', 'days'].includes(field) ? values.map(Number) : values;
	return { ...query, [field]: typed, page: 1 };
}

/** The search page's path with this query. */
export function searchHref(query: SearchQuery, changes: Partial<SearchQuery> = {}): string {
	return `/zoeken${queryToSearch(query, changes)}`;
}

/** Facet lists: every value Meilisearch counted, plus chosen values it did not (count 0). */
export function facetGroups(query: SearchQuery, counts: FacetCounts, nameOf: NameOf): FacetGroup[] {
	return specs(nameOf).flatMap((spec) => {
		const selected = chosen(query, spec.field);
		const byParam = new Map<string, number>();
		for (const [value, count] of Object.entries(counts[spec.facet] ?? {})) {
			const param = spec.toParam(value);
			if (param !== undefined && count > 0) byParam.set(param, (byParam.get(param) ?? 0) + count);
		}
		for (const value of selected) if (!byParam.has(value)) byParam.set(value, 0);
		if (byParam.size === 0) return [];

		const values = [...byParam.keys()];
		if (spec.order) {
			const order = spec.order;
			values.sort((a, b) => order.indexOf(a) - order.indexOf(b));
		} else {
			values.sort(
				(a, b) =>
					(byParam.get(b) ?? 0) - (byParam.get(a) ?? 0) ||
					spec.label(a).localeCompare(spec.label(b), 'nl')
			);
		}
		return [
			{
				param: SEARCH_PARAMS[spec.field],
				legend: spec.legend(),
				options: values.map((value) => ({
					value,
					label: spec.label(value),
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
	for (const spec of specs(nameOf)) {
		const selected = chosen(query, spec.field);
		for (const value of selected) {
			filters.push({
				label: `${spec.legend()}: ${spec.label(value)}`,
				removeHref: searchHref(
					withValues(
						query,
						spec.field,
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
