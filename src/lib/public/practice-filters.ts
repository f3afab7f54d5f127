// The library's filters (/goede-praktijken): the public lists' province, domain, format and age, plus a
// STEM letter; read from the URL like the other lists, a wrong value dropped and named.
import { m } from '$lib/paraglide/messages';
import { STEM_LETTERS, isOneOf, type StemLetter } from '$lib/vocabulary';
import { filtersToSearch, parseListFilters, type FilterName, type ListFilters } from './filters';

const FILTER_LABEL: Record<FilterName, () => string> = {
	province: m.pub_filter_province,
	municipality: m.pub_filter_municipality,
	domain: m.pub_filter_domain,
	format: m.pub_filter_format,
	age: m.pub_filter_age,
	label: m.ql_filter_legend,
	page: m.pub_filter_page
};

export const PRACTICE_FILTER_FIELDS = ['province', 'domain', 'format', 'age'] as const;
export const STEM_PARAM = 'letter';

export type PracticeFilters = ListFilters & { stem?: StemLetter };

export function parsePracticeFilters(params: URLSearchParams): {
	filters: PracticeFilters;
	invalidMessage: string | null;
} {
	const { filters, invalid } = parseListFilters(params, { supported: PRACTICE_FILTER_FIELDS });
	const practiceFilters: PracticeFilters = filters;
	const letter = params.get(STEM_PARAM)?.trim().toUpperCase() ?? '';
	let letterInvalid = false;
	if (isOneOf(STEM_LETTERS, letter)) practiceFilters.stem = letter;
	else if (letter !== '') letterInvalid = true;
	const names = invalid.map((name) => FILTER_LABEL[name]().toLowerCase());
	if (letterInvalid) names.push(m.gp_filter_stem().toLowerCase());
	return {
		filters: practiceFilters,
		invalidMessage: names.length > 0 ? m.pub_filter_invalid({ filters: names.join(', ') }) : null
	};
}

/** The library's address with these filters on the given page. */
export function practicesSearch(filters: PracticeFilters, page = filters.page): string {
	const params = new URLSearchParams(filtersToSearch(filters, page).slice(1));
	if (filters.stem) params.set(STEM_PARAM, filters.stem);
	const search = params.toString();
	return search ? `?${search}` : '';
}
