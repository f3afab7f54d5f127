import { loadMembers, memberActions } from '$lib/server/community-page';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) =>
	loadMembers(event, { nis: event.params.nis })) satisfies PageServerLoad;

export const actions = memberActions((params) => ({ nis: params.nis ?? '' })) satisfies Actions;
