import { loadDirectory } from '$lib/server/community-page';
import type { PageServerLoad } from './$types';

export const load = (async (event) =>
	loadDirectory(event, { nis: event.params.nis })) satisfies PageServerLoad;
