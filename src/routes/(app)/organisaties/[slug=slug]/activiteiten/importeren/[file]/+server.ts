// The academy's import template (sjabloon.csv or sjabloon.xlsx), in the reader's language.
import { templateResponse } from '$lib/server/import-form';
import { requireAcademyMember } from '../../activity-access';
import type { RequestHandler } from './$types';

export const GET = (async ({ locals, url, params }) => {
	await requireAcademyMember(locals, url, params.slug);
	return templateResponse(params.file, 'academy');
}) satisfies RequestHandler;
