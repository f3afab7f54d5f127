import { isNetworkStaff } from '$lib/server/auth/require-staff';
import { countUnread } from '$lib/server/db/notifications';
import { getDisplayName } from '$lib/server/db/profiles';
import type { LayoutServerLoad } from './$types';

export const load = (async ({ locals: { supabase, user } }) => {
	if (!user) return { account: null };

	const [profileName, staff, unread] = await Promise.all([
		getDisplayName(supabase, user.id),
		isNetworkStaff(supabase),
		countUnread(supabase, user.id)
	]);
	const metadataName: unknown = user.user_metadata?.display_name;
	const displayName =
		profileName ?? (typeof metadataName === 'string' ? metadataName : null) ?? user.email ?? '';
	// Staff only decides which links the header shows; the staff pages check again themselves.
	return { account: { displayName, staff, unread } };
}) satisfies LayoutServerLoad;
