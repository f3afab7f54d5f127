// Paging of any list by `?pagina=` in the address: which page was asked for and the links to the others,
// keeping every other parameter (filters, sort) as it was.
export { pageCount, pageRange } from '$lib/public/filters';

export const PAGE_PARAM = 'pagina';
/** A page number beyond this is not a page anyone can reach by following links. */
const MAX_PAGE = 10_000;

/** The page the address asks for: a whole number from 1; anything else means the first page. */
export function requestedPage(params: URLSearchParams): number {
	const value = params.get(PAGE_PARAM)?.trim() ?? '';
	if (!/^[0-9]{1,5}$/.test(value)) return 1;
	const page = Number(value);
	return page >= 1 && page <= MAX_PAGE ? page : 1;
}

/** The address of another page of the same list (page 1 leaves the parameter out). */
export function pageHref(url: URL, page: number): string {
	const params = new URLSearchParams(url.searchParams);
	if (page > 1) params.set(PAGE_PARAM, String(page));
	else params.delete(PAGE_PARAM);
	const search = params.toString();
	return search ? `${url.pathname}?${search}` : url.pathname;
}
