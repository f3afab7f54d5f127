// Data that a page without client-side rendering (`export const csr = false`) shows and never sends.
// SvelteKit still serialises every load's data for the hydration script such a page does not write: on
// /dekking that was a sixth of the page's rendering (devalue over ~900 rows and the map's 304 paths, then
// the garbage of it). Wrapped, the data serialises as a placeholder (the `transport` in src/hooks.ts); the
// page reads `.value` while rendering on the server. It must not reach a browser, and decoding it there
// throws instead of rendering a page without its data.

export class ServerOnly<T> {
	readonly value: T;

	constructor(value: T) {
		this.value = value;
	}
}

/** Wraps what a `csr = false` page's load returns so that SvelteKit does not serialise it. */
export function serverOnly<T>(value: T): ServerOnly<T> {
	return new ServerOnly(value);
}
