// resolve() from $app/paths, kept by path. It works a path out segment by segment (a few microseconds a
// call), and a card list asks it for two or three links a card on every request: the same paths each time.
// With paths.relative off (svelte.config.js) the answer depends on the path alone; a relative answer
// would depend on the page asking, so one stops it here rather than be kept and shown on other pages.
import { resolve } from '$app/paths';
import type { Pathname, ResolvedPathname } from '$app/types';
import { keptAnswers } from './kept.js';

// One generic for every route, whose arguments depend on the route: with a union of every path it asks
// for arguments no concrete path needs.
const resolvePath = resolve as (path: Pathname) => ResolvedPathname;
const kept = keptAnswers<ResolvedPathname>(5000);

/** resolve(path) for a path without route parameters ("/academies/de-uitvinders"). */
export function resolved(path: Pathname): ResolvedPathname {
	return kept(path, () => {
		const href = resolvePath(path);
		if (!href.startsWith('/')) throw new Error(`resolved() needs paths.relative off (got ${href})`);
		return href;
	});
}
