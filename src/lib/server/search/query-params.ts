// The search page's URL as a query and back: every parameter validated (zod) against its vocabulary and
// limits; bad input is a SearchInputError (400) that names the parameter to drop. Pure.
import { m } from '$lib/paraglide/messages';
import { SEARCH_PARAMS, type SearchField } from '$lib/search/params';
import { z } from 'zod';
import { FACETS, FILTER_FIELDS, NIS, whole, type FilterField, type FilterValues } from './facets';

export { SEARCH_PARAMS, type SearchField };

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

/** `van`: the signed-in person's own municipality, a NIS code, or a municipality as typed in the form. */
export type CentreChoice =
	{ kind: 'me' } | { kind: 'nis'; nis: string } | { kind: 'typed'; text: string };

/** A municipality's centroid: the centre of "binnen X km van" and of sorting by distance. */
export type Centre = { nis: string; name: string; lat: number; lng: number };

/** The chosen values of every filter (none chosen: empty). */
export type SearchFilters = { [F in FilterField]: FilterValues[F][] };

export type SearchQuery = SearchFilters & {
	q: string;
	radiusKm: number | null;
	centre: CentreChoice | null;
	sort: SearchSort;
	page: number;
	view: SearchView;
};

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

const fieldMessages: Record<SearchField, () => string> = {
	q: () => m.zk_error_q_too_long({ max: MAX_QUERY_LENGTH }),
	...(Object.fromEntries(FILTER_FIELDS.map((field) => [field, FACETS[field].invalid])) as Record<
		FilterField,
		() => string
	>),
	radiusKm: () => m.zk_error_radius({ max: MAX_RADIUS_KM }),
	centre: m.zk_error_centre,
	sort: m.zk_error_sort,
	page: () => m.zk_error_page({ max: MAX_PAGE }),
	view: m.zk_error_view
};

const filterSchemas = Object.fromEntries(
	FILTER_FIELDS.map((field) => [field, z.array(FACETS[field].value).max(MAX_VALUES_PER_FILTER)])
) as unknown as { [F in FilterField]: z.ZodType<FilterValues[F][]> };

/** A centre that means the person's own municipality ("van=mij"), which only their session can tell. */
export const isNearMe = (value: string) => value.toLowerCase() === 'mij';

const schema = z.object({
	q: z.string().max(MAX_QUERY_LENGTH).default(''),
	...filterSchemas,
	radiusKm: whole(1, MAX_RADIUS_KM).optional(),
	centre: z
		.string()
		.max(120)
		.transform((value): CentreChoice => {
			if (isNearMe(value)) return { kind: 'me' };
			if (NIS.test(value)) return { kind: 'nis', nis: value };
			return { kind: 'typed', text: value };
		})
		.optional(),
	sort: z.enum(SORTS).default('relevantie'),
	page: whole(1, MAX_PAGE).default(1),
	view: z.enum(VIEWS).default('lijst')
});

const isFilter = (field: SearchField): field is FilterField =>
	(FILTER_FIELDS as readonly string[]).includes(field);

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
		if (isFilter(field)) {
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
	for (const field of FILTER_FIELDS) {
		for (const value of next[field]) params.append(SEARCH_PARAMS[field], String(value));
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
