// Search queries: the URL's search parameters, validated (zod) into a query; the query as one Meilisearch
// request (filters only on allow-listed fields, with values from the vocabularies, quoted and escaped); the
// response mapped to what the pages show. Pure except for runSearch(), which makes the one HTTP call.
import { REQUEST_KINDS, WEEKDAYS, type RequestKind } from '$lib/exchange-vocabulary';
import { m } from '$lib/paraglide/messages';
import { PROVINCES, type ProvinceSlug } from '$lib/public/provinces';
import {
	DOMAINS,
	FORMATS,
	STEM_LETTERS,
	type Domain,
	type Format,
	type StemLetter
} from '$lib/vocabulary';
import { z } from 'zod';

export const SEARCH_TYPES = [
	'activity',
	'academy',
	'school',
	'company',
	'partner',
	'offer',
	'request'
] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export const SEARCH_INDEXES = ['activities', 'organisations', 'offers', 'requests'] as const;
export type SearchIndex = (typeof SEARCH_INDEXES)[number];

export const INDEX_OF_TYPE: Record<SearchType, SearchIndex> = {
	activity: 'activities',
	academy: 'organisations',
	school: 'organisations',
	company: 'organisations',
	partner: 'organisations',
	offer: 'offers',
	request: 'requests'
};

export const SORTS = ['relevantie', 'datum', 'afstand'] as const;
export type SearchSort = (typeof SORTS)[number];
export const VIEWS = ['lijst', 'kaart'] as const;
export type SearchView = (typeof VIEWS)[number];

export const PAGE_SIZE = 20;
/** 50 pages of 20: past a thousand results a narrower search helps more than a next page. */
export const MAX_PAGE = 50;
export const MAX_QUERY_LENGTH = 200;
export const MAX_RADIUS_KM = 200;
export const MAX_VALUES_PER_FILTER = 20;
export const MAX_AGE = 99;

export { SEARCH_PARAMS, type SearchField } from '$lib/search/params';
import { SEARCH_PARAMS, type SearchField } from '$lib/search/params';

/** `van`: the signed-in person's own municipality, a NIS code, or a municipality as typed in the form. */
export type CentreChoice =
	{ kind: 'me' } | { kind: 'nis'; nis: string } | { kind: 'typed'; text: string };

export type SearchQuery = {
	q: string;
	types: SearchType[];
	provinces: ProvinceSlug[];
	municipalities: string[];
	domains: Domain[];
	formats: Format[];
	ages: number[];
	stem: StemLetter[];
	days: number[];
	kinds: RequestKind[];
	radiusKm: number | null;
	centre: CentreChoice | null;
	sort: SearchSort;
	page: number;
	view: SearchView;
};

/** A municipality's centroid: the centre of "binnen X km van" and of sorting by distance. */
export type Centre = { nis: string; name: string; lat: number; lng: number };

/**
 * Bad input in the URL: a 400 with a Dutch message shown next to the search field. `param` is the URL
 * parameter to leave out when the search is sent again (the field's own, unless another one is at fault).
 */
export class SearchInputError extends Error {
	readonly status = 400;
	readonly param: string;
	constructor(
		readonly field: SearchField,
		message: string,
		param: string = SEARCH_PARAMS[field]
	) {
		super(message);
		this.name = 'SearchInputError';
		this.param = param;
	}
}

/** Meilisearch cannot be reached or answers with an error: a 503 (API) or a message on the page. */
export class SearchUnavailableError extends Error {
	readonly status = 503;
	constructor(readonly detail: string) {
		super(m.zk_error_unavailable());
		this.name = 'SearchUnavailableError';
	}
}

const NIS = /^[0-9]{5}$/;
const WHOLE = /^[0-9]{1,4}$/;

const fieldMessages: Record<SearchField, () => string> = {
	q: () => m.zk_error_q_too_long({ max: MAX_QUERY_LENGTH }),
	types: m.zk_error_type,
	provinces: m.zk_error_province,
	municipalities: m.zk_error_municipality,
	domains: m.zk_error_domain,
	formats: m.zk_error_format,
	ages: () => m.zk_error_age({ max: MAX_AGE }),
	stem: m.zk_error_stem,
	days: m.zk_error_day,
	kinds: m.zk_error_kind,
	radiusKm: () => m.zk_error_radius({ max: MAX_RADIUS_KM }),
	centre: m.zk_error_centre,
	sort: m.zk_error_sort,
	page: () => m.zk_error_page({ max: MAX_PAGE }),
	view: m.zk_error_view
};

const whole = (min: number, max: number) =>
	z.string().regex(WHOLE).transform(Number).pipe(z.number().int().min(min).max(max));

const many = <T extends z.ZodType>(item: T) => z.array(item).max(MAX_VALUES_PER_FILTER);

const PROVINCE_SLUGS = PROVINCES.map((province) => province.slug) as [
	ProvinceSlug,
	...ProvinceSlug[]
];

const schema = z.object({
	q: z.string().max(MAX_QUERY_LENGTH).default(''),
	types: many(z.enum(SEARCH_TYPES)),
	provinces: many(z.string().toLowerCase().pipe(z.enum(PROVINCE_SLUGS))),
	municipalities: many(z.string().regex(NIS)),
	domains: many(z.enum(DOMAINS)),
	formats: many(z.enum(FORMATS)),
	ages: many(whole(0, MAX_AGE)),
	stem: many(z.string().toUpperCase().pipe(z.enum(STEM_LETTERS))),
	days: many(z.enum(WEEKDAYS).transform(Number)),
	kinds: many(z.enum(REQUEST_KINDS)),
	radiusKm: whole(1, MAX_RADIUS_KM).optional(),
	centre: z
		.string()
		.max(120)
		.transform((value): CentreChoice => {
			if (value.toLowerCase() === 'mij') return { kind: 'me' };
			if (NIS.test(value)) return { kind: 'nis', nis: value };
			return { kind: 'typed', text: value };
		})
		.optional(),
	sort: z.enum(SORTS).default('relevantie'),
	page: whole(1, MAX_PAGE).default(1),
	view: z.enum(VIEWS).default('lijst')
});

const REPEATABLE: readonly SearchField[] = [
	'types',
	'provinces',
	'municipalities',
	'domains',
	'formats',
	'ages',
	'stem',
	'days',
	'kinds'
];

/**
 * The URL's search parameters as a validated query. Empty values mean "not chosen" (a GET form sends
 * them); unknown parameters are ignored; an unknown or malformed value, a repeated single parameter, a
 * query over 200 characters or an impossible combination throws a SearchInputError.
 */
export function parseSearchParams(params: URLSearchParams): SearchQuery {
	const raw: Record<string, string | string[] | undefined> = {};
	for (const [field, name] of Object.entries(SEARCH_PARAMS) as [SearchField, string][]) {
		const values = params
			.getAll(name)
			.map((value) => (field === 'q' ? value : value.trim()))
			.filter((value) => value.trim() !== '');
		if (REPEATABLE.includes(field)) {
			raw[field] = [...new Set(values)];
		} else {
			if (values.length > 1) throw new SearchInputError(field, fieldMessages[field]());
			raw[field] = field === 'q' ? values[0]?.trim() : values[0];
		}
	}

	const parsed = schema.safeParse(raw);
	if (!parsed.success) {
		const field = (parsed.error.issues[0]?.path[0] ?? 'q') as SearchField;
		throw new SearchInputError(field, (fieldMessages[field] ?? fieldMessages.q)());
	}

	const query: SearchQuery = {
		...parsed.data,
		radiusKm: parsed.data.radiusKm ?? null,
		centre: parsed.data.centre ?? null
	};
	if (query.radiusKm !== null && !query.centre) {
		throw new SearchInputError('centre', m.zk_error_radius_needs_centre(), SEARCH_PARAMS.radiusKm);
	}
	if (query.sort === 'afstand' && !query.centre) {
		throw new SearchInputError('centre', m.zk_error_distance_needs_centre(), SEARCH_PARAMS.sort);
	}
	return query;
}

/** The query as URL search parameters, in a fixed order; `changes` override fields (e.g. the page). */
export function queryToParams(
	query: SearchQuery,
	changes: Partial<SearchQuery> = {}
): URLSearchParams {
	const next = { ...query, ...changes };
	const params = new URLSearchParams();
	if (next.q) params.set(SEARCH_PARAMS.q, next.q);
	for (const field of REPEATABLE) {
		for (const value of next[field as keyof SearchQuery] as (string | number)[]) {
			params.append(SEARCH_PARAMS[field], String(value));
		}
	}
	if (next.radiusKm !== null) params.set(SEARCH_PARAMS.radiusKm, String(next.radiusKm));
	if (next.centre) {
		params.set(
			SEARCH_PARAMS.centre,
			next.centre.kind === 'me'
				? 'mij'
				: next.centre.kind === 'nis'
					? next.centre.nis
					: next.centre.text
		);
	}
	if (next.sort !== 'relevantie') params.set(SEARCH_PARAMS.sort, next.sort);
	if (next.page > 1) params.set(SEARCH_PARAMS.page, String(next.page));
	if (next.view !== 'lijst') params.set(SEARCH_PARAMS.view, next.view);
	return params;
}

/** `?…` for a link, or '' when nothing is chosen. */
export function queryToSearch(query: SearchQuery, changes: Partial<SearchQuery> = {}): string {
	const search = queryToParams(query, changes).toString();
	return search ? `?${search}` : '';
}

// ---------------------------------------------------------------------------------------------------
// Filters and requests

/** The province as the documents hold it: `province_nl` without "Provincie ", `Brussel` for Brussels. */
export function provinceValue(slug: ProvinceSlug): string {
	const province = PROVINCES.find((p) => p.slug === slug);
	return province?.provinceNl ? province.provinceNl.replace(/^Provincie\s+/, '') : 'Brussel';
}

/** The URL slug for a document's province value (the facet list links with it). */
export function provinceSlug(value: string): ProvinceSlug | undefined {
	return PROVINCES.find((province) => provinceValue(province.slug) === value)?.slug;
}

/** A string as a Meilisearch filter literal: double quotes, with backslashes and quotes escaped. */
export function quoteFilterValue(value: string): string {
	return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The attributes a filter may use: the only names that ever reach a filter expression. */
const FILTER_ATTRIBUTES = [
	'type',
	'province',
	'municipality_nis',
	'domains',
	'format',
	'ages',
	'stem',
	'weekdays',
	'kind'
] as const;
type FilterAttribute = (typeof FILTER_ATTRIBUTES)[number];

function inFilter(attribute: FilterAttribute, values: readonly (string | number)[]): string | null {
	if (!FILTER_ATTRIBUTES.includes(attribute) || values.length === 0) return null;
	const literals = values.map((value) =>
		typeof value === 'number' ? String(Math.trunc(value)) : quoteFilterValue(value)
	);
	return `${attribute} IN [${literals.join(', ')}]`;
}

/** Attributes that only some indexes hold: choosing a value narrows the search to those indexes. */
const ONLY_IN: Partial<Record<keyof SearchQuery, readonly SearchIndex[]>> = {
	formats: ['activities'],
	days: ['offers', 'requests'],
	// Offers have kinds too, from another vocabulary: "soort" is the kind of request.
	kinds: ['requests']
};

/** The facets each index can count. */
export const FACETS_BY_INDEX: Record<SearchIndex, readonly string[]> = {
	activities: ['type', 'province', 'municipality_nis', 'domains', 'format', 'ages', 'stem'],
	organisations: ['type', 'province', 'municipality_nis', 'domains', 'ages', 'stem'],
	offers: ['type', 'province', 'municipality_nis', 'domains', 'weekdays'],
	requests: ['type', 'province', 'municipality_nis', 'domains', 'ages', 'stem', 'weekdays', 'kind']
};

/** The indexes a query searches, in a fixed order. */
export function indexesFor(query: SearchQuery): SearchIndex[] {
	const chosen =
		query.types.length > 0
			? new Set(query.types.map((type) => INDEX_OF_TYPE[type]))
			: new Set(SEARCH_INDEXES);
	for (const [field, only] of Object.entries(ONLY_IN) as [keyof SearchQuery, SearchIndex[]][]) {
		if ((query[field] as unknown[]).length === 0) continue;
		for (const index of [...chosen]) if (!only.includes(index)) chosen.delete(index);
	}
	return SEARCH_INDEXES.filter((index) => chosen.has(index));
}

const belgianDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' });

/** Today's date in Belgium as end_ts counts days: epoch seconds of that date at 00:00 UTC. */
export function todayTimestamp(now: Date = new Date()): number {
	return Date.parse(`${belgianDay.format(now)}T00:00:00Z`) / 1000;
}

/**
 * Filter expressions (all must hold) for one index; values were checked by parseSearchParams. Activities
 * that have ended and requests past their deadline are left out: people look for something to act on.
 */
export function buildFilters(
	query: SearchQuery,
	index: SearchIndex,
	centre: Centre | null,
	now: Date = new Date()
): string[] {
	const filters = [
		inFilter(
			'type',
			query.types.filter((type) => INDEX_OF_TYPE[type] === index)
		),
		inFilter('province', query.provinces.map(provinceValue)),
		inFilter('municipality_nis', query.municipalities),
		inFilter('domains', query.domains),
		inFilter('format', query.formats),
		inFilter('ages', query.ages),
		inFilter('stem', query.stem),
		inFilter('weekdays', query.days),
		index === 'requests' ? inFilter('kind', query.kinds) : null,
		index === 'activities' ? `end_ts >= ${todayTimestamp(now)}` : null,
		index === 'requests' ? `(deadline_ts IS NULL OR deadline_ts >= ${todayTimestamp(now)})` : null
	].filter((filter): filter is string => filter !== null);
	if (centre && query.radiusKm !== null) {
		filters.push(
			`_geoRadius(${coordinate(centre.lat)}, ${coordinate(centre.lng)}, ${query.radiusKm * 1000})`
		);
	}
	return filters;
}

function coordinate(value: number): string {
	if (!Number.isFinite(value)) throw new Error('not a coordinate');
	return value.toFixed(6);
}

function sortFor(query: SearchQuery, centre: Centre | null): string[] | undefined {
	if (query.sort === 'datum') return ['start_ts:asc'];
	if (query.sort === 'afstand' && centre) {
		return [`_geoPoint(${coordinate(centre.lat)}, ${coordinate(centre.lng)}):asc`];
	}
	return undefined;
}

const RETRIEVE = [
	'id',
	'type',
	'title',
	'description',
	'path',
	'organisation_name',
	'municipality',
	'municipality_nis',
	'province',
	'_geo',
	'start_date',
	'end_date',
	'start_ts',
	'format',
	'kind',
	'status',
	'deadline'
];

const HIGHLIGHT = {
	attributesToHighlight: ['title', 'description'],
	attributesToCrop: ['description'],
	cropLength: 28,
	highlightPreTag: '<mark>',
	highlightPostTag: '</mark>'
};

type IndexQuery = Record<string, unknown> & { indexUid: SearchIndex };

function indexQuery(query: SearchQuery, index: SearchIndex, centre: Centre | null): IndexQuery {
	const filter = buildFilters(query, index, centre);
	const sort = sortFor(query, centre);
	return {
		indexUid: index,
		q: query.q,
		...(filter.length > 0 ? { filter } : {}),
		...(sort ? { sort } : {}),
		attributesToRetrieve: RETRIEVE,
		...HIGHLIGHT
	};
}

/**
 * One HTTP request to Meilisearch:
 * - one index: its search endpoint, with page/hitsPerPage (exact counts);
 * - several, by relevance: a federated multi-search, facets merged;
 * - several, by date or distance: a multi-search of the first pages of every index, merged here by the
 *   sort key (federation merges by relevance only, so a global order needs the merge).
 */
export type SearchPlan =
	| { kind: 'empty' }
	| { kind: 'single'; index: SearchIndex; path: string; body: Record<string, unknown> }
	| {
			kind: 'federated';
			indexes: SearchIndex[];
			path: '/multi-search';
			body: Record<string, unknown>;
	  }
	| {
			kind: 'merged';
			indexes: SearchIndex[];
			path: '/multi-search';
			body: { queries: IndexQuery[] };
			sort: 'datum' | 'afstand';
	  };

export function buildSearchPlan(query: SearchQuery, centre: Centre | null): SearchPlan {
	const indexes = indexesFor(query);
	if (indexes.length === 0) return { kind: 'empty' };
	if ((query.radiusKm !== null || query.sort === 'afstand') && !centre) {
		throw new Error('a geo query needs its centre resolved first');
	}

	if (indexes.length === 1) {
		const index = indexes[0] as SearchIndex;
		const { indexUid: _uid, ...body } = indexQuery(query, index, centre);
		return {
			kind: 'single',
			index,
			path: `/indexes/${index}/search`,
			body: { ...body, page: query.page, hitsPerPage: PAGE_SIZE, facets: FACETS_BY_INDEX[index] }
		};
	}

	if (query.sort === 'relevantie') {
		return {
			kind: 'federated',
			indexes,
			path: '/multi-search',
			body: {
				federation: {
					offset: (query.page - 1) * PAGE_SIZE,
					limit: PAGE_SIZE,
					facetsByIndex: Object.fromEntries(
						indexes.map((index) => [index, FACETS_BY_INDEX[index]])
					),
					mergeFacets: { maxValuesPerFacet: 600 }
				},
				queries: indexes.map((index) => indexQuery(query, index, centre))
			}
		};
	}

	return {
		kind: 'merged',
		indexes,
		path: '/multi-search',
		sort: query.sort,
		body: {
			queries: indexes.map((index) => ({
				...indexQuery(query, index, centre),
				offset: 0,
				limit: query.page * PAGE_SIZE,
				facets: FACETS_BY_INDEX[index]
			}))
		}
	};
}

// ---------------------------------------------------------------------------------------------------
// Results

export type FacetName =
	| 'type'
	| 'province'
	| 'municipality_nis'
	| 'domains'
	| 'format'
	| 'ages'
	| 'stem'
	| 'weekdays'
	| 'kind';
export type FacetCounts = Partial<Record<FacetName, Record<string, number>>>;

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
	start_date?: string | null;
	end_date?: string | null;
	start_ts?: number | null;
	format?: string | null;
	kind?: string | null;
	status?: string | null;
	deadline?: string | null;
};

type RawHit = SearchDocument & {
	_formatted?: Partial<Record<'title' | 'description', string>>;
	_geoDistance?: number;
};

export type SearchHit = {
	id: string;
	type: SearchType;
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
	startDate: string | null;
	endDate: string | null;
	format: string | null;
	kind: string | null;
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

function toHit(raw: RawHit): SearchHit {
	const title = raw._formatted?.title ?? raw.title ?? '';
	const description = raw._formatted?.description ?? '';
	const geo = raw._geo;
	return {
		id: raw.id,
		type: raw.type,
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
		startDate: raw.start_date ?? null,
		endDate: raw.end_date ?? null,
		format: raw.format ?? null,
		kind: raw.kind ?? null,
		distance: typeof raw._geoDistance === 'number' ? raw._geoDistance : null
	};
}

function addCounts(into: FacetCounts, distribution: unknown) {
	if (!distribution || typeof distribution !== 'object') return;
	for (const [facet, counts] of Object.entries(
		distribution as Record<string, Record<string, number>>
	)) {
		const target = (into[facet as FacetName] ??= {});
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

export function mapSearchResponse(
	plan: SearchPlan,
	query: SearchQuery,
	response: unknown
): SearchResults {
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

// ---------------------------------------------------------------------------------------------------
// The HTTP call

export type MeiliConnection = {
	url: string;
	key: string;
	fetch?: typeof fetch;
	timeoutMs?: number;
};

/** POSTs a body to Meilisearch; any failure (down, timeout, error status) is a SearchUnavailableError. */
export async function meiliPost(
	connection: MeiliConnection,
	path: string,
	body: unknown
): Promise<unknown> {
	const doFetch = connection.fetch ?? fetch;
	let response: Response;
	try {
		response = await doFetch(`${connection.url.replace(/\/$/, '')}${path}`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${connection.key}`,
				'content-type': 'application/json',
				// Node's fetch decodes brotli slowly (~40 ms a query); uncompressed is ~4 ms on localhost.
				'accept-encoding': 'identity'
			},
			body: JSON.stringify(body),
			signal: AbortSignal.timeout(connection.timeoutMs ?? 5000)
		});
	} catch (error) {
		throw new SearchUnavailableError(error instanceof Error ? error.message : String(error));
	}
	if (!response.ok) {
		const text = await response.text().catch(() => '');
		throw new SearchUnavailableError(`${response.status} ${text.slice(0, 300)}`);
	}
	try {
		// The body can still time out or break off: the same "unavailable", never a 500.
		return await response.json();
	} catch (error) {
		throw new SearchUnavailableError(error instanceof Error ? error.message : String(error));
	}
}

/** Runs a query: one HTTP call (none when no index can match). */
export async function runSearch(
	connection: MeiliConnection,
	query: SearchQuery,
	centre: Centre | null
): Promise<SearchResults> {
	const plan = buildSearchPlan(query, centre);
	if (plan.kind === 'empty') return mapSearchResponse(plan, query, null);
	return mapSearchResponse(plan, query, await meiliPost(connection, plan.path, plan.body));
}

// ---------------------------------------------------------------------------------------------------
// The header box: the best few of every type

export const SUGGEST_LIMIT = 4;

export type SuggestGroup = {
	type: SearchType;
	hits: {
		id: string;
		title: string;
		titleHtml: string;
		path: string;
		municipality: string | null;
	}[];
};

/** A multi-search (not federated): the top hits of each index, grouped by type afterwards. */
export function buildSuggestRequest(
	query: SearchQuery,
	centre: Centre | null = null
): { queries: IndexQuery[] } {
	return {
		queries: indexesFor(query).map((index) => {
			const filter = buildFilters(query, index, centre);
			return {
				indexUid: index,
				q: query.q,
				...(filter.length > 0 ? { filter } : {}),
				limit: index === 'organisations' ? SUGGEST_LIMIT * 2 : SUGGEST_LIMIT,
				attributesToRetrieve: ['id', 'type', 'title', 'path', 'municipality'],
				attributesToHighlight: ['title'],
				highlightPreTag: '<mark>',
				highlightPostTag: '</mark>'
			};
		})
	};
}

export function mapSuggestResponse(response: unknown): SuggestGroup[] {
	const groups = new Map<SearchType, SuggestGroup>();
	for (const result of (response as MultiResponse).results) {
		for (const raw of result.hits) {
			if (!SEARCH_TYPES.includes(raw.type)) continue;
			const group = groups.get(raw.type) ?? { type: raw.type, hits: [] };
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

export async function runSuggest(
	connection: MeiliConnection,
	query: SearchQuery,
	centre: Centre | null = null
): Promise<SuggestGroup[]> {
	if (query.q === '') return [];
	const body = buildSuggestRequest(query, centre);
	if (body.queries.length === 0) return [];
	return mapSuggestResponse(await meiliPost(connection, '/multi-search', body));
}
