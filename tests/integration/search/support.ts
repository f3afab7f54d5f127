// Helpers for the search suites: a worker in this process against a stack, waiting until the outbox is
// worked off, and reading what the database says an index should hold next to what it holds.
import {
	createMeiliClient,
	getDocumentOrNull,
	type MeiliClient
} from '../../../src/lib/server/search/meili.js';
import { createSearchWorker, type WorkerConfig } from '../../../src/lib/server/search/worker.js';

export type Stack = { apiUrl: string; serviceRoleKey: string; meiliUrl: string; meiliKey: string };
export type Doc = Record<string, unknown> & { id: string };

export function worker(stack: Stack, options: Partial<WorkerConfig> = {}) {
	return createSearchWorker({
		supabaseUrl: stack.apiUrl,
		serviceRoleKey: stack.serviceRoleKey,
		meiliUrl: stack.meiliUrl,
		meiliKey: stack.meiliKey,
		...options
	});
}

export const meiliOf = (stack: Stack): MeiliClient =>
	createMeiliClient({ url: stack.meiliUrl, key: stack.meiliKey });

/** A document of an index, or null when the index does not hold it. */
export const documentOf = (meili: MeiliClient, index: string, id: string) =>
	getDocumentOrNull(meili, index, id) as Promise<Doc | null>;

/** Calls a service-role RPC through the API. */
export async function rpc<T>(
	stack: Stack,
	name: string,
	args: Record<string, unknown>
): Promise<T> {
	const response = await fetch(`${stack.apiUrl}/rest/v1/rpc/${name}`, {
		method: 'POST',
		headers: {
			apikey: stack.serviceRoleKey,
			authorization: `Bearer ${stack.serviceRoleKey}`,
			'content-type': 'application/json',
			'accept-encoding': 'identity'
		},
		body: JSON.stringify(args)
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`${name}: ${response.status} ${text}`);
	return JSON.parse(text) as T;
}

type Query = <Row = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<Row[]>;

/**
 * Drains until no row is left that is or soon will be claimable: also rows another worker (an app server
 * on the same stack) holds must be completed first, so that what Meilisearch holds can be checked. Rows
 * in a long backoff (a document that keeps failing) are not waited for.
 */
export async function settle(searchWorker: ReturnType<typeof worker>, query: Query) {
	// A worker of an app server that was killed mid-batch holds its rows until the lease (30 s) runs out.
	const deadline = Date.now() + 90_000;
	while (Date.now() < deadline) {
		await searchWorker.drain();
		const [row] = await query<{ waiting: number }>(
			`select count(*)::int as waiting from public.search_outbox
			 where processed_at is null
			   and (attempts = 0 or next_attempt_at < now() + interval '5 seconds')`
		);
		if (row?.waiting === 0) return;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	throw new Error('the search outbox did not empty');
}

/** Every document search_documents() builds for an index, in id order. */
export async function databaseDocuments(stack: Stack, index: string): Promise<Doc[]> {
	const all: Doc[] = [];
	let after: string | null = null;
	for (;;) {
		const page: Doc[] = await rpc<Doc[]>(stack, 'search_documents', {
			p_index: index,
			p_after: after,
			p_limit: 2000
		});
		// Until an empty page: the API caps a page at its max-rows (1 000), whatever p_limit says.
		if (page.length === 0) return all;
		all.push(...page);
		after = page[page.length - 1]!.id;
	}
}

/** Every document in a Meilisearch index, in id order. */
export async function indexDocuments(meili: MeiliClient, index: string): Promise<Doc[]> {
	const all: Doc[] = [];
	for (let offset = 0; ; offset += 1000) {
		const { results } = await meili.index(index).getDocuments({ offset, limit: 1000 });
		all.push(...(results as Doc[]));
		if (results.length < 1000) break;
	}
	return all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
