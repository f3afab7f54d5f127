// What the notification suites share: the mail jobs wired as the app wires them (service role, SMTP to the
// stack's mailbox, the local link secret) and reading the mailbox's JSON API.
import type { Db } from '$lib/server/mail-jobs/instant.js';
import { emailLinkSecret } from '$lib/server/mail-jobs/links.js';
import { createSmtpSender } from '$lib/server/mail-jobs/smtp.js';
import { apiUrl, mailboxUrl, ports, serviceRoleKey } from '../../../stack/config.js';
import { serviceClient } from '../support/supabase.js';

export const origin = 'http://127.0.0.1:4173';
export const linkSecret = emailLinkSecret({ supabaseUrl: apiUrl, serviceRoleKey });
export const smtp = createSmtpSender({}, { port: ports.mailboxSmtp });

/** The options every job takes: a service-role client of its own, as each app instance has. */
export const job = () => ({
	db: serviceClient() as unknown as Db,
	origin,
	linkSecret,
	send: smtp.send
});

/**
 * A suite's digest runs claim the digest of anyone with news that week, the seed's people too. Called before
 * the runs, with a query as the database's owner; the function it returns removes every digest claimed
 * since, so that the developer's own `npm run digest:send` still sends those weeks afterwards.
 */
export async function digestClaimsFromNow(
	query: (text: string, values?: unknown[]) => Promise<Array<Record<string, unknown>>>
) {
	const [row] = await query('select now()::text as now');
	return async () => {
		await query('delete from public.notification_digests where claimed_at >= $1', [row?.now]);
	};
}

type Summary = { ID: string; Subject: string; Created: string };
export type Mail = Summary & { Text: string; HTML: string };

/** Every mail the mailbox holds for this address, newest first. */
export async function mailsTo(address: string): Promise<Mail[]> {
	const query = new URLSearchParams({ query: `to:${address}`, limit: '200' });
	const list = (await (await fetch(`${mailboxUrl}/api/v1/messages?${query}`)).json()) as {
		messages: Summary[];
	};
	return Promise.all(
		list.messages.map(
			async (summary) =>
				(await (await fetch(`${mailboxUrl}/api/v1/message/${summary.ID}`)).json()) as Mail
		)
	);
}

/** The headers of a mail, as sent. */
export async function headersOf(mail: Mail): Promise<Record<string, string[]>> {
	return (await (await fetch(`${mailboxUrl}/api/v1/message/${mail.ID}/headers`)).json()) as Record<
		string,
		string[]
	>;
}
