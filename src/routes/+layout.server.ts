import { getAccountHeader } from '$lib/server/db/account-header';
import type { LayoutServerLoad } from './$types';

export const load = (async ({ locals: { supabase, user } }) => {
	if (!user) return { account: null };

	// One round trip for the header (account_header): the profile's name, staff, the unread count.
	const { displayName: profileName, staff, unread } = await getAccountHeader(supabase);
	const metadataName: unknown = user.user_metadata?.display_name;
	const displayName =
		profileName ?? (typeof metadataName === 'string' ? metadataName : null) ?? user.email ?? '';
	// Staff only decides which links the header shows; the staff pages check again themselves.
	return { account: { displayName, staff, unread } };
}) satisfies LayoutServerLoad;
