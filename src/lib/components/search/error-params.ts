// The search's error page keeps the visitor's other filters (as hidden inputs) and drops only the one the
// 400 is about (the server names it in the error), so correcting it does not mean starting over.
import { SEARCH_PARAMS } from '$lib/search/params';

/** The search page's URL parameters other than `q` (the visible field) and `pagina` (a new search). */
export const FILTER_PARAMS: readonly string[] = Object.values(SEARCH_PARAMS).filter(
	(name) => name !== SEARCH_PARAMS.q && name !== SEARCH_PARAMS.page
);

/**
 * The filters to carry over from a failed search's URL: every known parameter except the bad one. A 400
 * that names no parameter keeps none (we cannot tell which one is wrong); a 503 keeps them all.
 */
export function keptFilters(
	params: URLSearchParams,
	status: number,
	badParam: string | undefined
): [string, string][] {
	if (status === 400 && badParam === undefined) return [];
	return [...params].filter(
		([name, value]) =>
			name !== badParam &&
			value.trim() !== '' &&
			FILTER_PARAMS.includes(name) &&
			value.length <= 120
	);
}
