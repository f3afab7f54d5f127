// "Mijn gegevens downloaden": everything the platform holds about the signed-in person, as one JSON file.
import { m } from '$lib/paraglide/messages';
import { exportFileName, exportPersonalData } from '$lib/server/db/account';
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	// The hooks already send anonymous visitors to the sign-in page; this is the second line.
	if (!locals.user) error(401, m.data_error_not_signed_in());
	// The account as the auth server holds it now: its dates are not in the access token.
	const {
		data: { user },
		error: authError
	} = await locals.supabase.auth.getUser();
	if (authError || !user || user.id !== locals.user.id) error(401, m.data_error_not_signed_in());

	const now = new Date();
	const data = await exportPersonalData(locals.supabase, user, now);
	return new Response(JSON.stringify(data, null, '\t'), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="${exportFileName(now)}"`,
			'cache-control': 'no-store'
		}
	});
};
