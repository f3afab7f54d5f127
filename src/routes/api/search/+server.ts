// Search as you type, for the header box: the best few results of every type. JSON; 400 with a Dutch
// message on bad input, 503 when Meilisearch is down, never a 500.
import { m } from '$lib/paraglide/messages';
import { parseSearchParams, SearchInputError } from '$lib/server/search/query-params';
import { SearchUnavailableError } from '$lib/server/search/run-search';
import { centreFor, suggest } from '$lib/server/search/search-service';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

const NO_STORE = { 'cache-control': 'no-store' };

export const GET = (async ({ url, locals }) => {
	try {
		const query = parseSearchParams(url.searchParams);
		// A sessionless route (hooks.server.ts): the person is asked only for a search around "mij".
		const user = query.centre?.kind === 'me' ? (await locals.safeGetSession()).user : null;
		const centre = query.centre ? await centreFor(locals.supabase, user, query) : null;
		const groups = await suggest(query, centre);
		return json({ q: query.q, groups }, { headers: NO_STORE });
	} catch (error) {
		if (error instanceof SearchInputError) {
			return json(
				{ message: error.message, field: error.field },
				{ status: 400, headers: NO_STORE }
			);
		}
		// Meilisearch down or not set up, or anything else on the way: the box says so and the page still
		// works.
		if (error instanceof SearchUnavailableError) {
			console.error('search suggestions unavailable:', error.detail);
			return json({ message: error.message }, { status: 503, headers: NO_STORE });
		}
		console.error('search suggestions failed', error);
		return json({ message: m.zk_error_unavailable() }, { status: 503, headers: NO_STORE });
	}
}) satisfies RequestHandler;
