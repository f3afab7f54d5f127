// @ts-check
// The day-before event reminders: the database writes one `event_reminder` notification per person going to
// an event that starts tomorrow in Belgium (queue_event_reminders, service role, idempotent), then the
// instant mailer sends those whose delivery is `email`, as it sends every other notification.
import { sendInstantMails } from './instant.js';

/** @typedef {import('./instant.js').Db} Db */
/** @typedef {import('./smtp.js').Mail} Mail */

/**
 * Writes the reminders that are due at `at` (default: now) and mails them. Throws only when the database
 * cannot be reached.
 * @param {{
 *   db: Db, origin: string, linkSecret: string, send: (mail: Mail) => Promise<void>,
 *   at?: Date, log?: (line: string, error?: unknown) => void
 * }} options
 * @returns {Promise<{ queued: number, sent: number, failed: number }>}
 */
export async function sendEventReminders({ at, ...mailer }) {
	const { data: queued, error } = await mailer.db.rpc(
		'queue_event_reminders',
		at ? { p_at: at.toISOString() } : {}
	);
	if (error) throw error;
	const { sent, failed } = await sendInstantMails(mailer);
	return { queued: queued ?? 0, sent, failed };
}
