// Outgoing mail from the app over SMTP; locally it lands in the stack's mailbox (http://127.0.0.1:54324).
import { env } from '$env/dynamic/private';
import { m } from '$lib/paraglide/messages';
import type { MembershipRole } from '$lib/vocabulary';
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

/** The role words in a given language (the vocabulary's labels follow the page's language). */
const roleInMail = {
	owner: m.role_owner,
	admin: m.role_admin,
	member: m.role_member
} satisfies Record<MembershipRole, unknown>;

/**
 * The invitation mail: who invites, to what, and the link (which works once and expires). The invitee may
 * have no account yet, so their language is unknown: the mail is in Dutch with the English below it.
 */
export function invitationMail({
	to,
	organisationName,
	inviterName,
	role,
	link
}: {
	to: string;
	organisationName: string;
	inviterName: string;
	role: MembershipRole;
	link: string;
}): Mail {
	const parts = (['nl', 'en'] as const).map((locale) => {
		const options = { locale };
		return {
			intro: m.home_invite_intro(
				{
					inviter: inviterName,
					organisation: organisationName,
					role: roleInMail[role]({}, options).toLocaleLowerCase(locale)
				},
				options
			),
			accept: m.home_invite_accept({}, options),
			view: m.home_invite_view({}, options),
			outro: m.home_invite_outro({}, options)
		};
	});
	const subject = (['nl', 'en'] as const)
		.map((locale) => m.home_invite_subject({ organisation: organisationName }, { locale }))
		.join(' / ');
	return {
		to,
		subject,
		text: parts
			.map((part) => `${part.intro}\n\n${part.accept}\n${link}\n\n${part.outro}\n`)
			.join('\n---\n\n'),
		html: parts
			.map(
				(part) => `<p>${escapeHtml(part.intro)}</p>
<p><a href="${escapeHtml(link)}">${escapeHtml(part.view)}</a></p>
<p>${escapeHtml(part.outro)}</p>`
			)
			.join('\n<hr>\n')
	};
}
