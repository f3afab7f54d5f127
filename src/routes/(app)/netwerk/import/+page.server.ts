import { requireStaff } from '$lib/server/auth/require-staff';
import { importColumns, importFormAction, importMaxSize } from '$lib/server/import-form';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	await requireStaff(locals, url);
	return { columns: importColumns('network'), maxSize: importMaxSize() };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, url }) => {
		await requireStaff(locals, url);
		return importFormAction(locals.supabase, request, { kind: 'network' });
	}
} satisfies Actions;
