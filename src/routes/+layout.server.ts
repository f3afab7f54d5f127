import { getDisplayName } from '$lib/server/db/profiles';
import type { LayoutServerLoad } from './$types';

export const load = (async ({ locals: { supabase, user } }) => {
	if (!user) return { account: null };

	const metadataName: unknown = user.user_metadata?.display_name;
	const displayName =
		(await getDisplayName(supabase, user.id)) ??
		(typeof metadataName === 'string' ? metadataName : null) ??
		user.email ??
		'';
	return { account: { displayName } };
}) satisfies LayoutServerLoad;
