import { loadMembers, memberActions } from '$lib/server/community-page';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) =>
	loadMembers(event, { slug: event.params.slug })) satisfies PageServerLoad;

export const actions = memberActions((params) => ({ slug: params.slug ?? '' })) satisfies Actions;
