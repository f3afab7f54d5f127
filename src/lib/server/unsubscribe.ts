// The one-click unsubscribe of a mailed link: the signed link is the authorisation (no sign-in), so the
// change is made with the service role after the signature and expiry are checked.
import { m } from '$lib/paraglide/messages';
import { error } from '@sveltejs/kit';
import { verifyUnsubscribe } from './mail-jobs/links.js';
import { mailLinkSecret } from './mail-settings';
import { createServiceClient } from './supabase';

export type UnsubscribeLink = { userId: string; scope: string };

/** The link's person and kind (or `digest`); a tampered or expired link is a 400 with a Dutch message. */
export function checkUnsubscribeLink(url: URL): UnsubscribeLink {
	let secret: string;
	try {
		secret = mailLinkSecret();
	} catch (cause) {
		// A deployment without EMAIL_LINK_SECRET sends no such mails; an older link gets a way out, not a 500.
		console.error('unsubscribe link not checked:', cause instanceof Error ? cause.message : cause);
		error(503, m.notif_unsub_unavailable());
	}
	const verified = verifyUnsubscribe(url.searchParams, secret);
	if (!verified.ok) {
		error(400, verified.reason === 'expired' ? m.notif_unsub_expired() : m.notif_unsub_invalid());
	}
	return { userId: verified.userId, scope: verified.scope };
}

/** From now on the kind (or every digest kind) reaches the person only in the app. */
export async function unsubscribe({ userId, scope }: UnsubscribeLink): Promise<void> {
	const { error: rpcError } = await createServiceClient().rpc('unsubscribe_notifications', {
		p_user_id: userId,
		p_scope: scope
	});
	if (rpcError) throw rpcError;
}

/** The language the person reads their mails in (account_locales): the page about their mail uses it. */
export async function recipientLocale({ userId }: UnsubscribeLink): Promise<'nl' | 'en'> {
	const { data, error: readError } = await createServiceClient()
		.from('account_locales')
		.select('locale')
		.eq('user_id', userId)
		.maybeSingle();
	if (readError) throw readError;
	return data?.locale === 'en' ? 'en' : 'nl';
}
