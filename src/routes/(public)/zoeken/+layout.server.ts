import { municipalityDirectory } from '$lib/server/search/municipality-centroids';
import type { LayoutServerLoad } from './$types';

// The places the form's "van" field offers (some 330 labels, 11 kB of the page's data): the same for every
// search, so they come with the first view of /zoeken and not again with each change of a filter. This load
// reads no URL, so SvelteKit does not run it again when a client-side navigation changes the query; the
// page's own load reads the search. Without the municipalities the page answers 503 itself (its load asks
// the same directory), so here a failure only leaves the field without suggestions.
export const load = (async ({ locals }) => {
	try {
		return { municipalityLabels: (await municipalityDirectory(locals.supabase)).labels };
	} catch {
		return { municipalityLabels: [] as readonly string[] };
	}
}) satisfies LayoutServerLoad;
