// Filters of the public lists, read from the URL: every value is checked, and a wrong one is dropped and
// named, so a hand-edited or outdated link shows a message instead of an error page.
import { m } from '$lib/paraglide/messages';
import { DOMAINS, FORMATS, isOneOf, type Domain, type Format } from '$lib/vocabulary';
import { PROVINCES, type ProvinceSlug } from './provinces';

/** The URL parameters, in Dutch because people see and share them. */
export const FILTER_PARAMS = {
	province: 'provincie',
	municipality: 'gemeente',
	domain: 'domein',
	format: 'formaat',
	age: 'leeftijd',
	label: 'kwaliteitslabel',
	page: 'pagina'
} as const;

/** The value of the quality label filter in the URL (a checkbox "met kwaliteitslabel"). */
export const LABEL_VALUE = 'ja';

export type FilterName = keyof typeof FILTER_PARAMS;

export type ListFilters = {
	province?: ProvinceSlug;
	municipality?: string;
	domain?: Domain;
	format?: Format;
	age?: number;
	/** Only academies that hold a valid quality label. */
	label?: boolean;
	page: number;
};

export type ParsedFilters = {
	filters: ListFilters;
	/** Filters that were in the URL but not valid; they were ignored. */
	invalid: FilterName[];
};

export const AGE_MIN = 2;
export const AGE_MAX = 25;
export const MAX_PAGE = 10_000;

/** A well-formed NIS code (five digits). */
export const NIS = /^[0-9]{5}$/;
const WHOLE_NUMBER = /^[0-9]{1,5}$/;

/**
 * Reads the filters a list supports from the URL. Empty values mean "no filter"; `knownMunicipality`
 * tells whether a well-formed NIS code exists (a current municipality).
 */
export function parseListFilters(
	params: URLSearchParams,
	{
		supported,
		knownMunicipality = () => true
	}: {
		supported: readonly Exclude<FilterName, 'page'>[];
		knownMunicipality?: (nis: string) => boolean;
	}
): ParsedFilters {
	const filters: ListFilters = { page: 1 };
	const invalid: FilterName[] = [];
	const read = (name: FilterName) => params.get(FILTER_PARAMS[name])?.trim() ?? '';

	for (const name of supported) {
		const value = read(name);
		if (value === '') continue;
		switch (name) {
			case 'province': {
				const province = PROVINCES.find((p) => p.slug === value.toLowerCase());
				if (province) filters.province = province.slug;
				else invalid.push(name);
				break;
			}
			case 'municipality':
				if (NIS.test(value) && knownMunicipality(value)) filters.municipality = value;
				else invalid.push(name);
				break;
			case 'domain':
				if (isOneOf(DOMAINS, value)) filters.domain = value;
				else invalid.push(name);
				break;
			case 'format':
				if (isOneOf(FORMATS, value)) filters.format = value;
				else invalid.push(name);
				break;
			case 'age': {
				const age = WHOLE_NUMBER.test(value) ? Number(value) : NaN;
				if (age >= AGE_MIN && age <= AGE_MAX) filters.age = age;
				else invalid.push(name);
				break;
			}
			case 'label':
				if (value === LABEL_VALUE) filters.label = true;
				else invalid.push(name);
				break;
		}
	}

	const page = read('page');
	if (page !== '') {
		const number = WHOLE_NUMBER.test(page) ? Number(page) : NaN;
		if (number >= 1 && number <= MAX_PAGE) filters.page = number;
		else invalid.push('page');
	}

	return { filters, invalid };
}

/** The URL search string for these filters (page 1 is left out), e.g. for pagination links. */
export function filtersToSearch(filters: ListFilters, page = filters.page): string {
	const params = new URLSearchParams();
	if (filters.province) params.set(FILTER_PARAMS.province, filters.province);
	if (filters.municipality) params.set(FILTER_PARAMS.municipality, filters.municipality);
	if (filters.domain) params.set(FILTER_PARAMS.domain, filters.domain);
	if (filters.format) params.set(FILTER_PARAMS.format, filters.format);
	if (filters.age !== undefined) params.set(FILTER_PARAMS.age, String(filters.age));
	if (filters.label) params.set(FILTER_PARAMS.label, LABEL_VALUE);
	if (page > 1) params.set(FILTER_PARAMS.page, String(page));
	const search = params.toString();
	return search ? `?${search}` : '';
}

/** The public lists that take these filters. */
export type ListPath =
	'/academies' | '/activiteiten' | '/scholen' | '/bedrijven' | '/partners' | '/goede-praktijken';

/** Whether any filter (other than the page) is set. */
export function hasActiveFilters(filters: ListFilters): boolean {
	return (
		filters.province !== undefined ||
		filters.municipality !== undefined ||
		filters.domain !== undefined ||
		filters.format !== undefined ||
		filters.age !== undefined ||
		filters.label === true
	);
}

/** The zero-based, inclusive row range to fetch for a page. */
export function pageRange(page: number, pageSize: number): { from: number; to: number } {
	const from = (page - 1) * pageSize;
	return { from, to: from + pageSize - 1 };
}

/** How many pages `total` rows make; at least one, so "page 1 of 1" reads well for an empty list. */
export function pageCount(total: number, pageSize: number): number {
	return Math.max(1, Math.ceil(total / pageSize));
}

const filterLabel: Record<FilterName, () => string> = {
	province: m.pub_filter_province,
	municipality: m.pub_filter_municipality,
	domain: m.pub_filter_domain,
	format: m.pub_filter_format,
	age: m.pub_filter_age,
	label: m.ql_filter_legend,
	page: m.pub_filter_page
};

/** "Niet elke filter in deze link klopte. We negeerden: provincie, leeftijd." — or null when all were fine. */
export function invalidFiltersMessage(invalid: readonly FilterName[]): string | null {
	if (invalid.length === 0) return null;
	const names = invalid.map((name) => filterLabel[name]().toLowerCase()).join(', ');
	return m.pub_filter_invalid({ filters: names });
}
