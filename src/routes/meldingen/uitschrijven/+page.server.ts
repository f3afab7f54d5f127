// Reading the page changes nothing (link scanners and previews open it); the button, or a mail client's
// one-click POST (RFC 8058, exempt from the cross-site check in hooks), unsubscribes. The page speaks the
// language of the mail it came from: a browser that has not chosen a language gets the recipient's.
import { cookieMaxAge, cookieName, getLocale } from '$lib/paraglide/runtime';
import { checkUnsubscribeLink, recipientLocale, unsubscribe } from '$lib/server/unsubscribe';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ url, setHeaders, cookies }) => {
	setHeaders({ 'cache-control': 'private, no-store' });
	const link = checkUnsubscribeLink(url);
	if (!cookies.get(cookieName)) {
		const locale = await recipientLocale(link);
		if (locale !== getLocale()) {
			cookies.set(cookieName, locale, {
				path: '/',
				maxAge: cookieMaxAge,
				sameSite: 'lax',
				httpOnly: false
			});
			redirect(303, url.pathname + url.search);
		}
	}
	return { scope: link.scope };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ url }) => {
		await unsubscribe(checkUnsubscribeLink(url));
		return { done: true };
	}
} satisfies Actions;
