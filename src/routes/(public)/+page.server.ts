// The home page: for visitors what Groeistoot is (cached, see page-cache.ts); for signed-in people what
// waits for them across their organisations.
import { notificationText } from '$lib/notification-labels.js';
import { getHomeOverview } from '$lib/server/db/home';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals: { supabase, user } }) => {
	if (!user) return { overview: null };
	const overview = await getHomeOverview(supabase);
	return {
		overview: {
			...overview,
			unread: {
				count: overview.unread.count,
				items: overview.unread.items.map((n) => ({
					id: n.id,
					link: n.link,
					createdAt: n.created_at,
					text: notificationText(n)
				}))
			}
		}
	};
}) satisfies PageServerLoad;
