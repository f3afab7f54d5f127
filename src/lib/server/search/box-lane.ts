// The header box's searches in the built app, answered before SvelteKit: adapter-node's server hands each
// request to this lane first (svelte.config.js adds it to the built index.js; hooks.server.ts registers it at
// start). A search as you type asks for no session, no page and no cookie but the language, and SvelteKit's
// work around an endpoint (a Web Request and Response for every request, the route lookup, the handles)
// cost more than the lane's own work: in `npm run bench:search` the app took ~2 ms longer than a bare Node
// server passing the same query to Meilisearch (docs/benchmarks.md). The answer is the route's
// (suggest-answer.ts), with the headers the handles give every JSON response (security-headers.ts). A search
// around "mij" needs the person and goes to SvelteKit's route, as do other methods and every other path.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { env as privateEnv } from '$env/dynamic/private';
import { localeOfCookies, withLocale } from '$lib/server/locale';
import { createSessionlessClient, type Db } from '$lib/server/supabase';
import { NON_PAGE_POLICY, SECURITY_HEADERS } from '$lib/server/security-headers';
import { isNearMe, SEARCH_PARAMS } from './query-params';
import { centreFor } from './search-service';
import { suggestAnswer } from './suggest-answer';

const PATH = '/api/search';

/** Where the built server finds the lane (svelte.config.js). */
export const LANE_KEY = Symbol.for('groeistoot.lane');

const HEADERS: Readonly<Record<string, string>> = {
	...SECURITY_HEADERS,
	'content-security-policy': NON_PAGE_POLICY,
	'content-type': 'application/json',
	'cache-control': 'no-store'
};

// For the municipality list behind a geo query's centre (read once per process): no session, no auth call.
let db: Db | undefined;

/** Takes a header box search (true) and answers it; anything else is left to SvelteKit (false). */
export function boxLane(request: IncomingMessage, response: ServerResponse): boolean {
	const url = request.url ?? '';
	const query = url.indexOf('?');
	const path = query === -1 ? url : url.slice(0, query);
	if (request.method !== 'GET' || path !== PATH) return false;
	const params = new URLSearchParams(query === -1 ? '' : url.slice(query + 1));
	if (params.getAll(SEARCH_PARAMS.centre).some(isNearMe)) return false;
	const locale = localeOfCookies(request.headers.cookie);
	withLocale(locale, privateEnv.ORIGIN || 'http://localhost', () => answer(response, params)).catch(
		(error: unknown) => {
			// suggestAnswer() answers every failure of a search itself: this is the response failing.
			console.error('search suggestions failed', error);
			response.destroy();
		}
	);
	return true;
}

async function answer(response: ServerResponse, params: URLSearchParams): Promise<void> {
	const { status, body } = await suggestAnswer(params, (query) => {
		db ??= createSessionlessClient();
		return centreFor(db, null, query);
	});
	const text = JSON.stringify(body);
	response.writeHead(status, { ...HEADERS, 'content-length': String(Buffer.byteLength(text)) });
	response.end(text);
}
