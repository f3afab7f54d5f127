// @ts-check
// Outgoing auth mail over SMTP (locally: the mailbox in stack/mailbox, as GoTrue sends to Inbucket/Mailpit).
import nodemailer from 'nodemailer';

/** @param {string} s */
const esc = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The mails in both languages of the app. The language is the one the person registered in (the app sends
 * it as user_metadata.locale, and /taal keeps it current); a hosted project does the same in its templates
 * with `{{ if eq .Data.locale "en" }}`. Anything else reads Dutch.
 * @typedef {{ subject: string, title: string, intro: string, action: string }} Template
 * @type {Record<'nl' | 'en', Record<'recovery' | 'signup' | 'magiclink' | 'invite', Template> & { code: string, expiry: (minutes: number) => string }>}
 */
const TEMPLATES = {
	nl: {
		recovery: {
			subject: 'Stel je wachtwoord opnieuw in',
			title: 'Nieuw wachtwoord kiezen',
			intro:
				'Iemand vroeg een nieuw wachtwoord aan voor je Groeistoot-account. Was jij dat? Kies dan via deze link een nieuw wachtwoord.',
			action: 'Nieuw wachtwoord kiezen'
		},
		signup: {
			subject: 'Bevestig je registratie',
			title: 'Bevestig je e-mailadres',
			intro: 'Welkom bij Groeistoot. Bevestig je e-mailadres via deze link.',
			action: 'E-mailadres bevestigen'
		},
		magiclink: {
			subject: 'Je aanmeldlink',
			title: 'Aanmelden bij Groeistoot',
			intro: 'Meld je aan via deze link. Hij werkt één keer en verloopt snel.',
			action: 'Aanmelden'
		},
		invite: {
			subject: 'Je bent uitgenodigd',
			title: 'Welkom bij Groeistoot',
			intro: 'Je bent uitgenodigd voor Groeistoot. Aanvaard de uitnodiging via deze link.',
			action: 'Uitnodiging aanvaarden'
		},
		code: 'Of gebruik deze code:',
		expiry: (minutes) =>
			`De link en de code verlopen na ${minutes} minuten. Heb je niets aangevraagd? Dan mag je deze mail negeren.`
	},
	en: {
		recovery: {
			subject: 'Reset your password',
			title: 'Choose a new password',
			intro:
				'Someone asked for a new password for your Groeistoot account. Was it you? Then choose a new password through this link.',
			action: 'Choose a new password'
		},
		signup: {
			subject: 'Confirm your registration',
			title: 'Confirm your e-mail address',
			intro: 'Welcome to Groeistoot. Confirm your e-mail address through this link.',
			action: 'Confirm e-mail address'
		},
		magiclink: {
			subject: 'Your sign-in link',
			title: 'Sign in to Groeistoot',
			intro: 'Sign in through this link. It works once and expires soon.',
			action: 'Sign in'
		},
		invite: {
			subject: 'You have been invited',
			title: 'Welcome to Groeistoot',
			intro: 'You have been invited to Groeistoot. Accept the invitation through this link.',
			action: 'Accept the invitation'
		},
		code: 'Or use this code:',
		expiry: (minutes) =>
			`The link and the code expire after ${minutes} minutes. Did you not ask for this? Then you can ignore this mail.`
	}
};

/** The language of a person's auth mails, from their user_metadata (a preference, never used to authorise). */
export function mailLocale(/** @type {unknown} */ metadata) {
	const locale = /** @type {{ locale?: unknown } | null} */ (metadata)?.locale;
	return locale === 'en' ? 'en' : 'nl';
}

/**
 * @param {{ host: string, port: number, adminEmail: string, senderName: string }} smtp
 */
export function createMailer(smtp) {
	const transport = nodemailer.createTransport({
		host: smtp.host,
		port: smtp.port,
		secure: false,
		ignoreTLS: true,
		// The local mailbox needs no auth; a real relay would be configured through GoTrue's SMTP_USER/PASS.
		tls: { rejectUnauthorized: false }
	});
	const from = smtp.senderName
		? { name: smtp.senderName, address: smtp.adminEmail }
		: smtp.adminEmail;
	// How long the last mails took to send, for probe() to take as long as a typical one (the median:
	// a slow first connection or a hiccup does not count).
	/** @type {number[]} */
	const sendTimes = [];
	const typicalSendMs = () => [...sendTimes].sort((a, b) => a - b)[sendTimes.length >> 1] ?? 0;

	return {
		/**
		 * @param {'recovery' | 'signup' | 'magiclink' | 'invite'} kind
		 * @param {{ to: string, link: string, otp: string, expiresInMinutes: number, locale?: 'nl' | 'en' }} p
		 */
		async send(kind, p) {
			const words = TEMPLATES[p.locale ?? 'nl'];
			const t = words[kind];
			const expiry = words.expiry(p.expiresInMinutes);
			const text = `${t.title}\n\n${t.intro}\n\n${p.link}\n\n${words.code} ${p.otp}\n\n${expiry}\n`;
			const html = `<h2>${esc(t.title)}</h2>
<p>${esc(t.intro)}</p>
<p><a href="${esc(p.link)}">${esc(t.action)}</a></p>
<p>${esc(words.code)} <strong>${esc(p.otp)}</strong></p>
<p>${esc(expiry)}</p>`;
			const started = performance.now();
			await transport.sendMail({ from, to: p.to, subject: t.subject, text, html });
			sendTimes.push(performance.now() - started);
			if (sendTimes.length > 21) sendTimes.shift();
		},
		/**
		 * A mail whose text the caller wrote (the reauthentication code of stack/auth/mfa.js).
		 * @param {{ to: string, subject: string, text: string, html: string }} m
		 */
		async sendMessage(m) {
			await transport.sendMail({ from, ...m });
		},
		/**
		 * Opens a conversation with the mail server and ends it without sending, then waits out the rest
		 * of what a mail typically takes (the message itself): for answers that must not reveal that no
		 * mail went out.
		 */
		async probe() {
			const started = performance.now();
			await transport.verify();
			const left = typicalSendMs() - (performance.now() - started);
			if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
		},
		close() {
			transport.close();
		}
	};
}
