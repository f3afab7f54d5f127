import { layoutHeader } from '$lib/server/page-header';
import type { LayoutServerLoad } from './$types';

export const load = (async ({
	locals: { supabase, user },
	request,
	route,
	isDataRequest,
	untrack
}) => {
	if (!user) return { account: null };

	// The header (account_header: the profile's name, staff, the unread count) in one round trip, or in
	// the page's own where its page function answers it too (src/lib/server/page-header.ts). The route is
	// read untracked: the header is loaded again only when everything is, as before.
	const routeId = untrack(() => route.id);
	const {
		displayName: profileName,
		staff,
		unread
	} = await layoutHeader(supabase, { routeId, method: request.method, isDataRequest });
	const metadataName: unknown = user.user_metadata?.display_name;
	const displayName =
		profileName ?? (typeof metadataName === 'string' ? metadataName : null) ?? user.email ?? '';
	// Staff only decides which links the header shows; the staff pages check again themselves.
	return { account: { displayName, staff, unread } };
}) satisfies LayoutServerLoad;
