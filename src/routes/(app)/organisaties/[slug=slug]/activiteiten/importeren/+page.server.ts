import { importColumns, importFormAction, importMaxSize } from '$lib/server/import-form';
import { requireAcademyMember } from '../activity-access';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url, params }) => {
	const organisation = await requireAcademyMember(locals, url, params.slug);
	return {
		organisation,
		columns: importColumns('academy'),
		maxSize: importMaxSize()
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, url, params }) => {
		const organisation = await requireAcademyMember(locals, url, params.slug);
		return importFormAction(locals.supabase, request, {
			kind: 'academy',
			organisationId: organisation.id
		});
	}
} satisfies Actions;
