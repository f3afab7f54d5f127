// Data that a page without client-side rendering (`export const csr = false`) shows and never sends.
// SvelteKit still serialises every load's data for the hydration script such a page does not write: on
// /dekking that was a sixth of the page's rendering (devalue over ~900 rows and the map's 304 paths, then
// the garbage of it). Wrapped, the data serialises as a placeholder (the `transport` in src/hooks.ts); the
// page reads `.value` while rendering on the server.
//
// Such a page is still reached by client-side navigation: a link on a page that did hydrate (the header's
// menu, say) makes the router ask the page's `__data.json` and render it in the browser. That answer
// carries the data itself, since the browser renders it; only the server-rendered page leaves it out.

export class ServerOnly<T> {
	readonly value: T;

	constructor(value: T) {
		this.value = value;
	}
}

/**
 * Wraps what a `csr = false` page's load returns so that SvelteKit does not serialise it into the page;
 * for a client-side navigation (`isDataRequest`) it is sent as `{ value }`.
 */
export function serverOnly<T>(
	value: T,
	{ isDataRequest }: { isDataRequest: boolean }
): { readonly value: T } {
	return isDataRequest ? { value } : new ServerOnly(value);
}
