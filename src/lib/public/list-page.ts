// What every public list page loads: filters from the URL, the municipalities for the filter, and one page
// of rows — the two queries side by side, whatever the filters.
import {
	invalidFiltersMessage,
	pageCount,
	parseListFilters,
	type FilterName,
	type ListFilters
} from './filters';
import { groupMunicipalities, type MunicipalityChoice } from './municipality-groups';
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
	listMunicipalities: () => Promise<MunicipalityChoice[]>;
	list: (filters: ListFilters) => Promise<Paged<Row>>;
}) {
	const { filters, invalid } = parseListFilters(params, { supported: fields });
	const [municipalities, firstPage] = await Promise.all([listMunicipalities(), list(filters)]);
	let page = firstPage;
	// Only a well-formed NIS code of no current municipality costs a second list query.
	if (filters.municipality && !municipalities.some(({ nis }) => nis === filters.municipality)) {
		delete filters.municipality;
		invalid.push('municipality');
		page = await list(filters);
	}

	return {
		fields,
		filters,
		invalidMessage: invalidFiltersMessage(invalid),
		municipalityGroups: groupMunicipalities(municipalities),
		rows: page.rows,
		total: page.total,
		pageCount: pageCount(page.total, pageSize)
	};
}
