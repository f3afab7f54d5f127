// Reading the page changes nothing (link scanners and previews open it); the button, or a mail client's
// one-click POST (RFC 8058, exempt from the cross-site check in hooks), unsubscribes.
import { checkUnsubscribeLink, unsubscribe } from '$lib/server/unsubscribe';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ url, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store' });
	const { scope } = checkUnsubscribeLink(url);
	return { scope };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ url }) => {
		await unsubscribe(checkUnsubscribeLink(url));
		return { done: true };
	}
} satisfies Actions;
