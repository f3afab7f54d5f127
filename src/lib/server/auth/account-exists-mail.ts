// The mail to the owner of an address someone tried to register again. The register page answers the same
// for a new and an existing address ("check your mailbox"), so only the owner learns that the address is
// taken: here, with the way back in. Dutch first, then English: we do not know the owner's language.
import { sendMail, type Mail } from '$lib/server/mail';

const escapeHtml = (value: string) =>
	value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export function accountExistsMail({ to, origin }: { to: string; origin: string }): Mail {
	const signIn = `${origin}/aanmelden`;
	const reset = `${origin}/wachtwoord-vergeten`;
	const nl = {
		intro: `Iemand probeerde op Groeistoot een account te maken met dit e-mailadres (${to}). Er bestaat al een account met dit adres, dus er is niets veranderd.`,
		signIn: 'Was jij het? Meld je dan aan:',
		reset: 'Weet je je wachtwoord niet meer? Kies een nieuw:',
		outro: 'Was jij het niet? Dan mag je deze mail negeren; je account blijft zoals het was.'
	};
	const en = {
		intro: `Someone tried to create a Groeistoot account with this e-mail address (${to}). An account with this address already exists, so nothing changed.`,
		signIn: 'Was it you? Sign in:',
		reset: 'Forgot your password? Choose a new one:',
		outro: 'Was it not you? Then you may ignore this mail; your account stays as it was.'
	};
	const textPart = (t: typeof nl) =>
		`${t.intro}\n\n${t.signIn}\n${signIn}\n\n${t.reset}\n${reset}\n\n${t.outro}\n`;
	const htmlPart = (t: typeof nl, lang: string) => `<div lang="${lang}">
<p>${escapeHtml(t.intro)}</p>
<p>${escapeHtml(t.signIn)} <a href="${escapeHtml(signIn)}">${escapeHtml(signIn)}</a></p>
<p>${escapeHtml(t.reset)} <a href="${escapeHtml(reset)}">${escapeHtml(reset)}</a></p>
<p>${escapeHtml(t.outro)}</p>
</div>`;
	return {
		to,
		subject: 'Je hebt al een account op Groeistoot / You already have a Groeistoot account',
		text: `${textPart(nl)}\n---\n\n${textPart(en)}`,
		html: `${htmlPart(nl, 'nl')}\n<hr>\n${htmlPart(en, 'en')}`
	};
}

/**
 * Sends it in the background: the register page must answer as fast as for a new address, and a mail
 * that fails must not show (it would tell the address is taken).
 */
export function notifyAccountOwner(to: string, origin: string): void {
	sendMail(accountExistsMail({ to, origin })).catch((error: unknown) =>
		console.error('Mail to the owner of an existing account failed', error)
	);
}
