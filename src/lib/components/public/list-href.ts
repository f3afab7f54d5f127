// Links within a public list (pages, "clear the filters"), with the filters kept in the query string.
import { resolve } from '$app/paths';
import { filtersToSearch, type ListFilters, type ListPath } from '$lib/public/filters';

export function listHref(path: ListPath, filters?: ListFilters, page?: number) {
	const search = filters ? filtersToSearch(filters, page) : '';
	return search === '' ? resolve(path) : resolve(`${path}?${search.slice(1)}`);
}
