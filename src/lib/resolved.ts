// resolve() from $app/paths, remembered for concrete paths. It works a path out segment by segment (a few
// microseconds a call), and a card list asks it for two or three links a card on every request: the same
// few thousand paths each time. The answer depends on the path alone (paths.relative is off, base fixed).
import { resolve } from '$app/paths';
import type { Pathname, ResolvedPathname } from '$app/types';

// Typed for one path at a time; a union of every path is too wide for its overloads, and a concrete path
// needs no parameters.
const resolvePath = resolve as (path: Pathname) => ResolvedPathname;
const kept = new Map<string, ResolvedPathname>();
const KEPT = 5000;

/** resolve(path) for a path without route parameters ("/academies/de-uitvinders"). Emptied when full. */
export function resolved(path: Pathname): ResolvedPathname {
	let href = kept.get(path);
	if (href === undefined) {
		if (kept.size >= KEPT) kept.clear();
		href = resolvePath(path);
		kept.set(path, href);
	}
	return href;
}
