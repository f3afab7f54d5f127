// Meilisearch's answers as what the pages show: hits as result rows (each type fills its own fields, see
// types/), highlights as safe HTML, totals, pages and facet counts, and the header box's groups. Pure.
import type { FacetAttribute } from './facets';
import type { SearchPlan } from './plan';
import { MAX_PAGE, PAGE_SIZE, type SearchQuery } from './query-params';
import { SUGGEST_LIMIT, type TypeRow } from './types/declaration.js';
import {
	INDEX_OF_TYPE,
	SEARCH_TYPES,
	declarationOf,
	isSearchType,
	typeLabel,
	type SearchType
} from './types/registry.js';

export type FacetCounts = Partial<Record<FacetAttribute, Record<string, number>>>;

/** A document as the search asks for it (a subset of the contract's fields). */
export type SearchDocument = {
	id: string;
	type: SearchType;
	title: string;
	description?: string;
	path: string;
	organisation_name?: string;
	municipality?: string;
	municipality_nis?: string;
	province?: string;
	_geo?: { lat: number; lng: number };
	[field: string]: unknown;
};

type RawHit = SearchDocument & {
	_formatted?: Partial<Record<'title' | 'description', string>>;
	_geoDistance?: number;
};

export type SearchHit = TypeRow & {
	id: string;
	type: SearchType;
	/** What one result of this type is called ("Activiteit"). */
	typeName: string;
	path: string;
	title: string;
	/** Safe HTML: the title, escaped, with the matches in <mark>. */
	titleHtml: string;
	/** Safe HTML: a cropped description with the matches in <mark>; '' when there is none. */
	snippetHtml: string;
	organisationName: string | null;
	municipality: string | null;
	municipalityNis: string | null;
	province: string | null;
	geo: { lat: number; lng: number } | null;
	/** Metres from the centre, when sorted by distance. */
	distance: number | null;
};

export type SearchResults = {
	hits: SearchHit[];
	total: number;
	/** Whether `total` is exact (one index) or Meilisearch's estimate (several). */
	exact: boolean;
	page: number;
	pageCount: number;
	facets: FacetCounts;
};

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/**
 * Meilisearch's highlighted text as safe HTML: everything escaped, then only the <mark> tags restored,
 * and only in matching pairs (a literal "<mark>" in someone's text cannot leave an element open).
 */
export function renderHighlight(text: string): string {
	let open = false;
	const html = escapeHtml(text).replace(/&lt;(\/?)mark&gt;/g, (tag, closing: string) => {
		if (!closing && !open) {
			open = true;
			return '<mark>';
		}
		if (closing && open) {
			open = false;
			return '</mark>';
		}
		return tag;
	});
	return open ? `${html}</mark>` : html;
}

/** Documents carry their page's path; anything but a plain local path becomes the search page itself. */
export function safePath(path: unknown): string {
	return typeof path === 'string' && /^\/[a-z-]+\/[A-Za-z0-9_-]+$/.test(path) ? path : '/zoeken';
}

const NO_TYPE_ROW: TypeRow = { startDate: null, endDate: null, format: null, kind: null };

function toHit(raw: RawHit): SearchHit {
	const title = raw._formatted?.title ?? raw.title ?? '';
	const description = raw._formatted?.description ?? '';
	const geo = raw._geo;
	const known = isSearchType(raw.type);
	return {
		...NO_TYPE_ROW,
		...(known ? declarationOf(INDEX_OF_TYPE[raw.type]).row(raw) : {}),
		id: raw.id,
		type: raw.type,
		typeName: known ? typeLabel(raw.type, 'singular') : String(raw.type),
		path: safePath(raw.path),
		title: raw.title ?? '',
		titleHtml: renderHighlight(title),
		snippetHtml: renderHighlight(description),
		organisationName: raw.organisation_name ?? null,
		municipality: raw.municipality ?? null,
		municipalityNis: raw.municipality_nis ?? null,
		province: raw.province ?? null,
		geo:
			geo && Number.isFinite(Number(geo.lat)) && Number.isFinite(Number(geo.lng))
				? { lat: Number(geo.lat), lng: Number(geo.lng) }
				: null,
		distance: typeof raw._geoDistance === 'number' ? raw._geoDistance : null
	};
}

function addCounts(into: FacetCounts, distribution: unknown) {
	if (!distribution || typeof distribution !== 'object') return;
	for (const [facet, counts] of Object.entries(
		distribution as Record<string, Record<string, number>>
	)) {
		const target = (into[facet as FacetAttribute] ??= {});
		for (const [value, count] of Object.entries(counts))
			target[value] = (target[value] ?? 0) + count;
	}
}

type SingleResponse = {
	hits: RawHit[];
	totalHits?: number;
	estimatedTotalHits?: number;
	facetDistribution?: FacetCounts;
};
type FederatedResponse = SingleResponse;
type MultiResponse = { results: (SingleResponse & { indexUid: string })[] };

function pageCountOf(total: number): number {
	return Math.min(MAX_PAGE, Math.max(1, Math.ceil(total / PAGE_SIZE)));
}

/** The sort key of a hit in a merged list: missing values go last, like Meilisearch does. */
function mergeKey(hit: RawHit, sort: 'datum' | 'afstand'): number {
	const value = sort === 'datum' ? hit.start_ts : hit._geoDistance;
	return typeof value === 'number' && Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
}

/**
 * The results of a plan: `response` answers its main request (the single query's result, the federated
 * answer or the merged queries' results), `facetResults` its count-only facet queries, whose counts
 * replace the main queries' for their facets (disjunctive facets, see plan.ts).
 */
export function mapSearchResponse(
	plan: SearchPlan,
	query: SearchQuery,
	response: unknown,
	facetResults: unknown[] = []
): SearchResults {
	const results = mapMain(plan, query, response);
	if (facetResults.length === 0) return results;
	const disjunctive: FacetCounts = {};
	for (const result of facetResults) {
		addCounts(disjunctive, (result as SingleResponse | null)?.facetDistribution);
	}
	return { ...results, facets: { ...results.facets, ...disjunctive } };
}

function mapMain(plan: SearchPlan, query: SearchQuery, response: unknown): SearchResults {
	if (plan.kind === 'empty') {
		return { hits: [], total: 0, exact: true, page: query.page, pageCount: 1, facets: {} };
	}
	if (plan.kind === 'single') {
		const body = response as SingleResponse;
		const total = body.totalHits ?? body.estimatedTotalHits ?? 0;
		const facets: FacetCounts = {};
		addCounts(facets, body.facetDistribution);
		return {
			hits: body.hits.map(toHit),
			total,
			exact: body.totalHits !== undefined,
			page: query.page,
			pageCount: pageCountOf(total),
			facets
		};
	}
	if (plan.kind === 'federated') {
		const body = response as FederatedResponse;
		const total = body.estimatedTotalHits ?? body.totalHits ?? 0;
		const facets: FacetCounts = {};
		addCounts(facets, body.facetDistribution);
		return {
			hits: body.hits.map(toHit),
			total,
			exact: false,
			page: query.page,
			pageCount: pageCountOf(total),
			facets
		};
	}

	const body = response as MultiResponse;
	const facets: FacetCounts = {};
	let total = 0;
	const all: { hit: RawHit; key: number; order: number }[] = [];
	body.results.forEach((result, indexPosition) => {
		total += result.estimatedTotalHits ?? result.totalHits ?? 0;
		addCounts(facets, result.facetDistribution);
		result.hits.forEach((hit, position) =>
			all.push({ hit, key: mergeKey(hit, plan.sort), order: indexPosition * 100_000 + position })
		);
	});
	all.sort((a, b) => a.key - b.key || a.order - b.order);
	const start = (query.page - 1) * PAGE_SIZE;
	return {
		hits: all.slice(start, start + PAGE_SIZE).map(({ hit }) => toHit(hit)),
		total,
		exact: false,
		page: query.page,
		pageCount: pageCountOf(total),
		facets
	};
}

export type SuggestGroup = {
	type: SearchType;
	/** The group's heading ("Activiteiten"). */
	label: string;
	hits: {
		id: string;
		title: string;
		titleHtml: string;
		path: string;
		municipality: string | null;
	}[];
};

/** The header box's groups: at most SUGGEST_LIMIT hits of each type, in the types' order. */
export function mapSuggestResponse(response: unknown): SuggestGroup[] {
	const groups = new Map<SearchType, SuggestGroup>();
	for (const result of (response as MultiResponse).results) {
		for (const raw of result.hits) {
			if (!isSearchType(raw.type)) continue;
			const group = groups.get(raw.type) ?? {
				type: raw.type,
				label: typeLabel(raw.type),
				hits: []
			};
			if (group.hits.length >= SUGGEST_LIMIT) continue;
			group.hits.push({
				id: raw.id,
				title: raw.title,
				titleHtml: renderHighlight(raw._formatted?.title ?? raw.title),
				path: safePath(raw.path),
				municipality: raw.municipality ?? null
			});
			groups.set(raw.type, group);
		}
	}
	return SEARCH_TYPES.flatMap((type) => groups.get(type) ?? []);
}
