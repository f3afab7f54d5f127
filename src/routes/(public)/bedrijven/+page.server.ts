import { loadOrganisationList } from '../organisation-list.server';
import type { PageServerLoad } from './$types';

export const load = (({ locals, url }) =>
	loadOrganisationList(locals.supabase, url, 'company')) satisfies PageServerLoad;
