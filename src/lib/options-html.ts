// Long lists of <option>s that hardly change (the ~300 municipalities), as HTML built once. Svelte renders
// each <option> with a value through two renderers of its own on the server, on every request; these are
// built on the first ask, kept by their content, and put in the page with {@html}. Their callers escape
// everything in them (municipality-groups.ts).

const kept = new Map<string, string>();
/** How many lists are kept: the few that the pages use (each some 10 kB). */
const KEEP = 8;

/** `build()`'s HTML for `key`: built on the first ask, kept for the last few keys. */
export function keptHtml(key: string, build: () => string): string {
	let html = kept.get(key);
	if (html === undefined) {
		html = build();
		if (kept.size >= KEEP) kept.delete(kept.keys().next().value!);
		kept.set(key, html);
	}
	return html;
}
