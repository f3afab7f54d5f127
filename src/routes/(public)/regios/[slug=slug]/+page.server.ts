import { communityActions, loadCommunityPage } from '$lib/server/community-page';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) =>
	loadCommunityPage(event, { slug: event.params.slug })) satisfies PageServerLoad;

export const actions = communityActions((params) => ({
	slug: params.slug ?? ''
})) satisfies Actions;
