// E-mail for notifications that have not been mailed yet, through the app's SMTP (the local mailbox in local
// use). Called after the actions that create notifications. Never fails the action: without a service-role
// key, or when the mailbox is down, the notifications simply stay unmailed and in the app.
import { createServiceClient } from '$lib/server/supabase';
import { sendMail, type Mail } from './mail';

/** Only recent notifications are mailed; an old backlog is left to the app's list. */
const MAX_AGE_MS = 24 * 60 * 60 * 1000;
const BATCH = 50;
let warnedNoKey = false;

const escapeHtml = (value: string) =>
	value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The mail about one notification: its Dutch line and a link to the agreement. */
export function notificationMail({
	to,
	title,
	link
}: {
	to: string;
	title: string;
	link: string;
}): Mail {
	const outro = 'Je krijgt deze mail omdat je lid bent van een organisatie in deze afspraak.';
	return {
		to,
		subject: `Groeistoot: ${title}`,
		text: `${title}\n\nBekijk het op Groeistoot:\n${link}\n\n${outro}\n`,
		html: `<p>${escapeHtml(title)}</p>
<p><a href="${escapeHtml(link)}">Bekijk het op Groeistoot</a></p>
<p>${escapeHtml(outro)}</p>`
	};
}

/**
 * Sends the mails for notifications not mailed yet and marks them `emailed_at` (claimed first, so that two
 * requests never mail the same one). Returns how many were sent. Never throws.
 */
export async function sendPendingNotificationMails(origin: string): Promise<number> {
	let sent = 0;
	try {
		const service = createServiceClient();
		const since = new Date(Date.now() - MAX_AGE_MS).toISOString();
		const now = new Date().toISOString();
		const { data: pending, error } = await service
			.from('notifications')
			.select('id')
			.is('emailed_at', null)
			.gte('created_at', since)
			.order('id')
			.limit(BATCH);
		if (error) throw error;
		if (pending.length === 0) return 0;

		const { data: claimed, error: claimError } = await service
			.from('notifications')
			.update({ emailed_at: now })
			.in(
				'id',
				pending.map((row) => row.id)
			)
			.is('emailed_at', null)
			.select('id, user_id, title, link');
		if (claimError) throw claimError;

		const emails = new Map<string, string | null>();
		for (const notification of claimed) {
			try {
				if (!emails.has(notification.user_id)) {
					const { data } = await service.auth.admin.getUserById(notification.user_id);
					emails.set(notification.user_id, data.user?.email ?? null);
				}
				const to = emails.get(notification.user_id);
				if (!to) continue;
				await sendMail(
					notificationMail({ to, title: notification.title, link: `${origin}${notification.link}` })
				);
				sent += 1;
			} catch (caught) {
				console.error('Sending a notification mail failed', caught);
				// Give it back, so that a later action tries again.
				await service.from('notifications').update({ emailed_at: null }).eq('id', notification.id);
			}
		}
	} catch (caught) {
		if (caught instanceof Error && caught.message.includes('SUPABASE_SERVICE_ROLE_KEY')) {
			// Not configured (local use without a .env): say so once, the app works without mail.
			if (!warnedNoKey) console.warn('Notification mails are off: no service-role key is set.');
			warnedNoKey = true;
		} else {
			console.error('Notification mails were not sent', caught);
		}
	}
	return sent;
}
