// Outgoing mail from the app over SMTP; locally it lands in the stack's mailbox (http://127.0.0.1:54324).
import { env } from '$env/dynamic/private';
import nodemailer, { type Transporter } from 'nodemailer';

const LOCAL_SMTP_HOST = '127.0.0.1';
const LOCAL_SMTP_PORT = 54325;
const LOCAL_FROM = 'Groeistoot <no-reply@groeistoot.test>';

let transport: Transporter | undefined;

function smtp(): Transporter {
	transport ??= nodemailer.createTransport({
		host: env.SMTP_HOST || LOCAL_SMTP_HOST,
		port: Number(env.SMTP_PORT || LOCAL_SMTP_PORT),
		secure: env.SMTP_SECURE === 'true',
		auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASS ?? '' } : undefined,
		// The local mailbox speaks plain SMTP; a real relay negotiates TLS itself.
		ignoreTLS: !env.SMTP_HOST
	});
	return transport;
}

export type Mail = { to: string; subject: string; text: string; html: string };

export async function sendMail(mail: Mail): Promise<void> {
	await smtp().sendMail({ from: env.SMTP_FROM || LOCAL_FROM, ...mail });
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
