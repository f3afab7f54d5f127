// One page of a list with the number of rows in all, for any query. A page past the end (a hand-typed or
// outdated `?pagina=`) shows the last page instead of an error.
import { pageCount, pageRange } from '$lib/paging';
import type { PostgrestError } from '@supabase/supabase-js';

/** How many rows one page of an organisation's own lists shows (offers, requests, activities, members). */
export const OWN_LIST_PAGE_SIZE = 20;

export type Page<Row> = { rows: Row[]; total: number; page: number; pageCount: number };

type Result<Row> = PromiseLike<{
	data: Row[] | null;
	error: PostgrestError | null;
	count: number | null;
}>;

/**
 * `run(range)` builds the filtered, ordered query with `{ count: 'exact' }` and applies the range. PostgREST
 * answers a range past the end with PGRST103 and no count; then the count is asked with an empty range
 * at row 0 and the last page is fetched.
 */
export async function fetchPage<Row>(
	page: number,
	pageSize: number,
	run: (range: { from: number; to: number }) => Result<Row>
): Promise<Page<Row>> {
	const first = await run(pageRange(page, pageSize));
	if (first.error?.code !== 'PGRST103') {
		if (first.error) throw first.error;
		const total = first.count ?? first.data?.length ?? 0;
		return { rows: first.data ?? [], total, page, pageCount: pageCount(total, pageSize) };
	}
	const counted = await run({ from: 0, to: 0 });
	if (counted.error) throw counted.error;
	const total = counted.count ?? 0;
	const last = pageCount(total, pageSize);
	const lastPage = await run(pageRange(last, pageSize));
	if (lastPage.error) throw lastPage.error;
	return { rows: lastPage.data ?? [], total, page: last, pageCount: last };
}

/** The same for a list already in memory (small lists read whole, e.g. through an RPC). */
export function slicePage<Row>(rows: readonly Row[], page: number, pageSize: number): Page<Row> {
	const count = pageCount(rows.length, pageSize);
	const shown = Math.min(page, count);
	const { from, to } = pageRange(shown, pageSize);
	return { rows: rows.slice(from, to + 1), total: rows.length, page: shown, pageCount: count };
}

/** What a list's page function answers (active_offers_page(), live_requests_page()). */
export type ListPageAnswer<Row> = { rows: Row[]; total: number; all: number; page: number };

/** That answer as a page of the list, each row mapped, with how many there are in all. */
export function listPage<Row, Out>(
	answer: ListPageAnswer<Row>,
	pageSize: number,
	map: (row: Row) => Out
): Page<Out> & { all: number } {
	return {
		rows: answer.rows.map(map),
		total: answer.total,
		page: answer.page,
		pageCount: pageCount(answer.total, pageSize),
		all: answer.all
	};
}
