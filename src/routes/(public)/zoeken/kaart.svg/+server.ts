// The base map of the search page's map view: the Flemish and Brussels municipalities, built once per
// process and cached by browsers for a day (it changes only with a new release).
import { baseMapSvg } from '$lib/server/search/search-map';
import type { RequestHandler } from './$types';

export const GET = (() =>
	new Response(baseMapSvg(), {
		headers: {
			'content-type': 'image/svg+xml; charset=utf-8',
			'cache-control': 'public, max-age=86400'
		}
	})) satisfies RequestHandler;
