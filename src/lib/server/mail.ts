// Outgoing mail from the app over SMTP; locally it lands in the stack's mailbox (http://127.0.0.1:54324).
import { env } from '$env/dynamic/private';
import { createSmtpSender, type Mail } from './mail-jobs/smtp.js';

export type { Mail };

let sender: ReturnType<typeof createSmtpSender> | undefined;

/** Sends one mail; `headers` carry e.g. List-Unsubscribe. */
export async function sendMail(mail: Mail): Promise<void> {
	sender ??= createSmtpSender(env);
	await sender.send(mail);
}

const escapeHtml = (value: string) =>
	value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The invitation mail: who invites, to what, and the link (which works once and expires). */
export function invitationMail({
	to,
	organisationName,
	inviterName,
	roleLabel,
	link
}: {
	to: string;
	organisationName: string;
	inviterName: string;
	roleLabel: string;
	link: string;
}): Mail {
	const intro = `${inviterName} nodigt je uit om als ${roleLabel.toLowerCase()} mee te werken aan ${organisationName} op Groeistoot.`;
	const outro =
		'De link werkt één keer, enkel voor dit e-mailadres, en verloopt na 7 dagen. Verwachtte je deze uitnodiging niet? Dan mag je deze mail negeren.';
	return {
		to,
		subject: `Uitnodiging voor ${organisationName} op Groeistoot`,
		text: `${intro}\n\nAanvaard de uitnodiging via deze link:\n${link}\n\n${outro}\n`,
		html: `<p>${escapeHtml(intro)}</p>
<p><a href="${escapeHtml(link)}">Uitnodiging bekijken en aanvaarden</a></p>
<p>${escapeHtml(outro)}</p>`
	};
}
