// The search's facets, each declared once: the attribute the documents hold, the URL filter on it (its
// parameter in $lib/search/params), the vocabulary its values must come from, and the words people read.
// Each searchable type (types/) names the facets it counts and the filters its documents can match.
import {
	REQUEST_KINDS,
	WEEKDAYS,
	requestKindLabel,
	weekdayLabel,
	type RequestKind,
	type Weekday
} from '$lib/exchange-vocabulary';
import { m } from '$lib/paraglide/messages';
import { PROVINCES, type ProvinceSlug } from '$lib/public/provinces';
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
import { z } from 'zod';
import type { FacetAttribute, FilterField } from './types/declaration.js';
import { SEARCH_TYPES, typeLabel, type SearchType } from './types/registry.js';

export type { FacetAttribute, FilterField };

export const MAX_AGE = 99;

/** The value of each filter once checked. */
export type FilterValues = {
	types: SearchType;
	provinces: ProvinceSlug;
	municipalities: string;
	domains: Domain;
	formats: Format;
	ages: number;
	stem: StemLetter;
	days: number;
	kinds: RequestKind;
	labels: QualityLabelParam;
};

/** The quality label filter's one URL value (a checkbox); documents hold `quality_label: 'awarded'`. */
const QUALITY_LABEL_PARAMS = ['ja'] as const;
type QualityLabelParam = (typeof QUALITY_LABEL_PARAMS)[number];

/** A municipality's name by NIS code (the request's directory of municipalities). */
export type NameOf = (nis: string) => string | undefined;

export type Facet<F extends FilterField> = {
	attribute: FacetAttribute;
	/** One URL value, checked against the vocabulary. */
	value: z.ZodType<FilterValues[F]>;
	/** The message next to the search field for a value outside the vocabulary. */
	invalid: () => string;
	/** The value as the documents hold it, where that differs from the URL's. */
	toDocument?: (value: FilterValues[F]) => string;
	legend: () => string;
	/** A value as Meilisearch counts it → its URL value; undefined drops it from the list. */
	toParam: (value: string, nameOf: NameOf) => string | undefined;
	label: (param: string, nameOf: NameOf) => string;
	/** Fixed order (a vocabulary); without it: most results first. */
	order?: readonly string[];
};

const WHOLE = /^[0-9]{1,4}$/;
export const NIS = /^[0-9]{5}$/;

/** A whole number from min to max, as a URL writes it. */
export const whole = (min: number, max: number) =>
	z.string().regex(WHOLE).transform(Number).pipe(z.number().int().min(min).max(max));

const known =
	(values: readonly string[]) =>
	(value: string): string | undefined =>
		values.includes(value) ? value : undefined;

/** The province as the documents hold it: `province_nl` without "Provincie ", `Brussel` for Brussels. */
export function provinceValue(slug: ProvinceSlug): string {
	const province = PROVINCES.find((p) => p.slug === slug);
	return province?.provinceNl ? province.provinceNl.replace(/^Provincie\s+/, '') : 'Brussel';
}

/** The URL slug for a document's province value (the facet list links with it). */
export function provinceSlug(value: string): ProvinceSlug | undefined {
	return PROVINCES.find((province) => provinceValue(province.slug) === value)?.slug;
}

const PROVINCE_SLUGS = PROVINCES.map((province) => province.slug) as [
	ProvinceSlug,
	...ProvinceSlug[]
];

/** The facets, in the order the search page lists them and filters are written. */
export const FACETS: { readonly [F in FilterField]: Facet<F> } = {
	types: {
		attribute: 'type',
		value: z.enum(SEARCH_TYPES),
		invalid: m.zk_error_type,
		legend: m.zk_facet_type,
		toParam: known(SEARCH_TYPES),
		label: (value) => typeLabel(value as SearchType),
		order: SEARCH_TYPES
	},
	provinces: {
		attribute: 'province',
		value: z.string().toLowerCase().pipe(z.enum(PROVINCE_SLUGS)),
		invalid: m.zk_error_province,
		toDocument: provinceValue,
		legend: m.zk_facet_province,
		toParam: provinceSlug,
		label: (slug) => PROVINCES.find((province) => province.slug === slug)?.name ?? slug,
		order: PROVINCE_SLUGS
	},
	municipalities: {
		attribute: 'municipality_nis',
		value: z.string().regex(NIS),
		invalid: m.zk_error_municipality,
		legend: m.zk_facet_municipality,
		toParam: (nis, nameOf) => (nameOf(nis) ? nis : undefined),
		label: (nis, nameOf) => nameOf(nis) ?? nis
	},
	domains: {
		attribute: 'domains',
		value: z.enum(DOMAINS),
		invalid: m.zk_error_domain,
		legend: m.zk_facet_domain,
		toParam: known(DOMAINS),
		label: (value) => domainLabel[value as Domain](),
		order: DOMAINS
	},
	formats: {
		attribute: 'format',
		value: z.enum(FORMATS),
		invalid: m.zk_error_format,
		legend: m.zk_facet_format,
		toParam: known(FORMATS),
		label: (value) => formatLabel[value as Format](),
		order: FORMATS
	},
	ages: {
		attribute: 'ages',
		value: whole(0, MAX_AGE),
		invalid: () => m.zk_error_age({ max: MAX_AGE }),
		legend: m.zk_facet_age,
		toParam: (value) => (/^[0-9]{1,2}$/.test(value) ? String(Number(value)) : undefined),
		label: (value) => m.zk_age_value({ age: value }),
		order: Array.from({ length: MAX_AGE + 1 }, (_, age) => String(age))
	},
	stem: {
		attribute: 'stem',
		value: z.string().toUpperCase().pipe(z.enum(STEM_LETTERS)),
		invalid: m.zk_error_stem,
		legend: m.zk_facet_stem,
		toParam: known(STEM_LETTERS),
		label: (value) => stemLetterLabel[value as StemLetter](),
		order: STEM_LETTERS
	},
	days: {
		attribute: 'weekdays',
		value: z.enum(WEEKDAYS).transform(Number),
		invalid: m.zk_error_day,
		legend: m.zk_facet_day,
		toParam: known(WEEKDAYS),
		label: (value) => weekdayLabel[value as Weekday](),
		order: WEEKDAYS
	},
	kinds: {
		attribute: 'kind',
		value: z.enum(REQUEST_KINDS),
		invalid: m.zk_error_kind,
		legend: m.zk_facet_kind,
		toParam: known(REQUEST_KINDS),
		label: (value) => requestKindLabel[value as RequestKind](),
		order: REQUEST_KINDS
	},
	labels: {
		attribute: 'quality_label',
		value: z.string().toLowerCase().pipe(z.enum(QUALITY_LABEL_PARAMS)),
		invalid: m.ql_error_filter,
		toDocument: () => 'awarded',
		legend: m.ql_filter_legend,
		toParam: (value) => (value === 'awarded' ? 'ja' : undefined),
		label: () => m.ql_filter(),
		order: QUALITY_LABEL_PARAMS
	}
};

/** The filters (repeatable URL parameters), in the facets' order. */
export const FILTER_FIELDS = Object.keys(FACETS) as FilterField[];

/** The facet a field filters on, with its value type loosened for code that handles every facet alike. */
export function facetOf(field: FilterField): Facet<FilterField> {
	return FACETS[field] as Facet<FilterField>;
}
