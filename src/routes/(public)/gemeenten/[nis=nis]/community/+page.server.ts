import { communityActions, loadCommunityPage } from '$lib/server/community-page';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) =>
	loadCommunityPage(event, { nis: event.params.nis })) satisfies PageServerLoad;

export const actions = communityActions((params) => ({ nis: params.nis ?? '' })) satisfies Actions;
