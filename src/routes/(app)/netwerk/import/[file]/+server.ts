// The network's import template (sjabloon.csv or sjabloon.xlsx, with the academy column), in the reader's
// language.
import { requireStaff } from '$lib/server/auth/require-staff';
import { templateResponse } from '$lib/server/import-form';
import type { RequestHandler } from './$types';

export const GET = (async ({ locals, url, params }) => {
	await requireStaff(locals, url);
	return templateResponse(params.file, 'network');
}) satisfies RequestHandler;
