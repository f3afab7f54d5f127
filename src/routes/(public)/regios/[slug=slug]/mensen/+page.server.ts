import { loadDirectory } from '$lib/server/community-page';
import type { PageServerLoad } from './$types';

export const load = (async (event) =>
	loadDirectory(event, { slug: event.params.slug })) satisfies PageServerLoad;
