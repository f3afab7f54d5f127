// @ts-check
// The weekly digest: one e-mail per person with the week's notifications they get as a digest (grouped by
// kind, with links) and the news of their communities (community_digest: new members, posts, events, open
// requests nearby); nobody gets an empty one. Each person's digest of a week is claimed by one job only (a
// unique key per person and week, claim_notification_digests), then sent and completed; a failed send is
// given back at the end of the run, so two app instances, or the app and `npm run digest:send`, never send
// one twice.
import { DIGEST_SCOPE, PREFERENCES_PATH, unsubscribeUrl } from './links.js';
import { digestMail } from './mails.js';

/** @typedef {import('./instant.js').Db} Db */
/** @typedef {import('./smtp.js').Mail} Mail */
/** @typedef {import('./mails.js').DigestItem} DigestItem */
/** @typedef {import('./mails.js').CommunityNews} CommunityNews */

/**
 * Sends the digests due at `at` (default: now, the week that ended last Monday 08:00 in Brussels).
 * Throws only when the database cannot be reached.
 * @param {{
 *   db: Db, origin: string, linkSecret: string, send: (mail: Mail) => Promise<void>,
 *   at?: Date, batch?: number, log?: (line: string, error?: unknown) => void
 * }} options
 * @returns {Promise<{ claimed: number, sent: number, failed: number, notifications: number }>}
 */
export async function sendWeeklyDigests({
	db,
	origin,
	linkSecret,
	send,
	at,
	batch = 100,
	log = console.error
}) {
	const result = { claimed: 0, sent: 0, failed: 0, notifications: 0 };
	/** @type {number[]} */
	const failed = [];
	try {
		for (;;) {
			const { data: digests, error } = await db.rpc('claim_notification_digests', {
				p_limit: batch,
				...(at ? { p_at: at.toISOString() } : {})
			});
			if (error) throw error;
			result.claimed += digests.length;
			for (const digest of digests) {
				const items = /** @type {DigestItem[]} */ (digest.notifications ?? []);
				const community = /** @type {CommunityNews[]} */ (digest.community ?? []);
				try {
					if (digest.email && (items.length > 0 || community.length > 0)) {
						await send(
							digestMail({
								to: digest.email,
								locale: digest.locale,
								origin,
								periodStart: digest.period_start,
								periodEnd: digest.period_end,
								items,
								community,
								preferencesUrl: `${origin}${PREFERENCES_PATH}`,
								unsubscribeUrl: unsubscribeUrl({
									origin,
									userId: digest.user_id,
									scope: DIGEST_SCOPE,
									secret: linkSecret
								})
							})
						);
					}
				} catch (caught) {
					log('Sending a weekly digest failed', caught);
					failed.push(digest.digest_id);
					continue;
				}
				const { error: completeError } = await db.rpc('complete_notification_digest', {
					p_digest_id: digest.digest_id,
					p_notification_ids: items.map((item) => item.id)
				});
				// Sent but not marked: the claim runs out after 30 minutes and the digest may go twice.
				if (completeError) log('Marking a weekly digest sent failed', completeError);
				result.sent += 1;
				result.notifications += items.length;
			}
			if (digests.length < batch) break;
		}
	} finally {
		result.failed = failed.length;
		// Given back only now, so that this run does not claim them again; the next run retries.
		for (const id of failed) {
			const { error } = await db.rpc('release_notification_digest', { p_digest_id: id });
			if (error) log('Giving back an unsent weekly digest failed', error);
		}
	}
	return result;
}

/**
 * When the next weekly digest is due, as the database's schedule says.
 * @param {Db} db
 * @returns {Promise<Date>}
 */
export async function nextDigestAt(db) {
	const { data, error } = await db.rpc('notification_digest_period').single();
	if (error) throw error;
	return new Date(data.next_at);
}
