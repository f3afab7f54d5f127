import { loadOrganisationPage } from '../../organisation-list.server';
import type { PageServerLoad } from './$types';

export const load = (({ locals, params }) =>
	loadOrganisationPage(locals.supabase, params.slug, 'company')) satisfies PageServerLoad;
