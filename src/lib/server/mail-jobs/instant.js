// @ts-check
// E-mail at once for notifications whose delivery is `email`: claimed and marked in one statement
// (claim_notification_mails, FOR UPDATE SKIP LOCKED), then sent, so that two requests never mail one
// notification twice. A failed send gives its notification back at the end, for the next run.
import { PREFERENCES_PATH, unsubscribeUrl } from './links.js';
import { notificationMail } from './mails.js';

/** @typedef {import('@supabase/supabase-js').SupabaseClient<import('../../types/database').Database>} Db */
/** @typedef {import('./smtp.js').Mail} Mail */

/** Runs of claims per call: enough for any burst one action causes; the rest waits for the next call. */
const MAX_BATCHES = 10;

/**
 * Sends the e-mails that are due. Throws only when the database cannot be reached.
 * @param {{
 *   db: Db, origin: string, linkSecret: string, send: (mail: Mail) => Promise<void>,
 *   batch?: number, log?: (line: string, error?: unknown) => void
 * }} options
 * @returns {Promise<{ claimed: number, sent: number, failed: number }>}
 */
export async function sendInstantMails({
	db,
	origin,
	linkSecret,
	send,
	batch = 50,
	log = console.error
}) {
	const result = { claimed: 0, sent: 0, failed: 0 };
	/** @type {number[]} */
	const failed = [];
	try {
		for (let round = 0; round < MAX_BATCHES; round += 1) {
			const { data: claimed, error } = await db.rpc('claim_notification_mails', { p_limit: batch });
			if (error) throw error;
			result.claimed += claimed.length;
			for (const notification of claimed) {
				// An account without an address has nothing to mail; it stays marked.
				if (!notification.email) continue;
				try {
					await send(
						notificationMail({
							to: notification.email,
							locale: notification.locale,
							notification,
							link: `${origin}${notification.link}`,
							preferencesUrl: `${origin}${PREFERENCES_PATH}`,
							unsubscribeUrl: unsubscribeUrl({
								origin,
								userId: notification.user_id,
								scope: notification.kind,
								secret: linkSecret
							})
						})
					);
					result.sent += 1;
				} catch (caught) {
					log('Sending a notification mail failed', caught);
					failed.push(notification.id);
				}
			}
			if (claimed.length < batch) break;
		}
	} finally {
		if (failed.length > 0) {
			result.failed = failed.length;
			// Given back only now, so that this run does not claim them again.
			const { error } = await db
				.from('notifications')
				.update({ emailed_at: null })
				.in('id', failed);
			if (error) log('Giving back unsent notification mails failed', error);
		}
	}
	return result;
}
