// E-mail at once for notifications whose delivery is `email` (the person's choice or their role's default),
// through the app's SMTP (the local mailbox in local use). Called after the actions that create
// notifications. Never fails the action: without a service-role key or link secret, or when the mailbox is
// down, the notifications simply stay unmailed and in the app.
import { sendMail } from './mail';
import { sendInstantMails } from './mail-jobs/instant.js';
import { mailLinkSecret } from './mail-settings';
import { createServiceClient } from './supabase';

let warnedNotConfigured = false;

/** Sends the mails that are due (claimed first, so two requests never mail one twice). Never throws. */
export async function sendPendingNotificationMails(origin: string): Promise<number> {
	let settings;
	try {
		settings = { db: createServiceClient(), linkSecret: mailLinkSecret() };
	} catch (caught) {
		// Not configured (a deployment without the secrets): say so once, the app works without mail.
		if (!warnedNotConfigured) console.warn(`Notification mails are off: ${String(caught)}`);
		warnedNotConfigured = true;
		return 0;
	}
	try {
		const { sent } = await sendInstantMails({ ...settings, origin, send: sendMail });
		return sent;
	} catch (caught) {
		console.error('Notification mails were not sent', caught);
		return 0;
	}
}
