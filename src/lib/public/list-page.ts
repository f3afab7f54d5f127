// What every public list page loads: filters from the URL and one page of rows. The municipality filter is
// the same type-ahead as every municipality field (municipality-combobox.svelte): the address holds what was
// typed ("Gent — Oost-Vlaanderen", "gent") or, from a link, a NIS code; either names one current municipality.
import {
	municipalityLabel,
	resolveMunicipality,
	type MunicipalityOption
} from '$lib/municipalities';
import {
	FILTER_PARAMS,
	invalidFiltersMessage,
	NIS,
	pageCount,
	parseListFilters,
	type FilterName,
	type ListFilters
} from './filters';
import type { Paged } from './types';

export async function loadListPage<Row>({
	params,
	fields,
	pageSize,
	listMunicipalities,
	list
}: {
	params: URLSearchParams;
	fields: readonly Exclude<FilterName, 'page'>[];
	pageSize: number;
	/** The current municipalities (kept in the process: asked first, they cost a wait only when it reads). */
	listMunicipalities: () => Promise<MunicipalityOption[]>;
	list: (filters: ListFilters) => Promise<Paged<Row>>;
}) {
	const municipalities = await listMunicipalities();
	const typed = params.get(FILTER_PARAMS.municipality)?.trim() ?? '';
	let search = params;
	if (typed !== '' && !NIS.test(typed)) {
		// A typed name becomes its NIS code; one that names no municipality is left as it is, and the
		// filters below drop it and say so.
		const nis = resolveMunicipality(municipalities, typed);
		if (nis) {
			search = new URLSearchParams(params);
			search.set(FILTER_PARAMS.municipality, nis);
		}
	}
	const { filters, invalid } = parseListFilters(search, {
		supported: fields,
		knownMunicipality: (nis) => municipalities.some((option) => option.nis === nis)
	});
	const page = await list(filters);
	const chosen = filters.municipality
		? municipalities.find((option) => option.nis === filters.municipality)
		: undefined;

	// A typed name that names no municipality is said at the field; the note above the list is for a link's
	// values (a NIS code of no current municipality among them).
	const municipalityUnknown = invalid.includes('municipality');
	const noted = NIS.test(typed) ? invalid : invalid.filter((name) => name !== 'municipality');

	return {
		fields,
		filters,
		invalidMessage: invalidFiltersMessage(noted),
		/** What the municipality field shows: the chosen municipality's label, else what was typed. */
		municipalityText: chosen ? municipalityLabel(chosen) : typed,
		municipalityUnknown,
		rows: page.rows,
		total: page.total,
		pageCount: pageCount(page.total, pageSize)
	};
}
