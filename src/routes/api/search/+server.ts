// Search as you type, for the header box: the best few results of every type (suggest-answer.ts). The
// built app answers plain GETs of this path before SvelteKit (box-lane.ts); this route serves what the lane
// passes on (a search around "mij", HEAD, an encoded path) and every search under `npm run dev` and
// `vite preview`.
import { centreFor } from '$lib/server/search/search-service';
import { suggestAnswer } from '$lib/server/search/suggest-answer';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET = (async ({ url, locals }) => {
	const { status, body } = await suggestAnswer(url.searchParams, async (query) => {
		// A sessionless route (hooks.server.ts): the person is asked only for a search around "mij".
		const user = query.centre?.kind === 'me' ? (await locals.safeGetSession()).user : null;
		return centreFor(locals.supabase, user, query);
	});
	return json(body, { status, headers: { 'cache-control': 'no-store' } });
}) satisfies RequestHandler;
