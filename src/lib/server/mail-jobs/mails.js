// @ts-check
// The e-mails about notifications: one at once, and the weekly digest. Each carries a signed one-click
// unsubscribe link, also in the List-Unsubscribe headers (RFC 8058). Dutch for everyone for now
// (MAIL_LOCALE: the reader's language is not known yet); every text goes through Paraglide so that a later
// change can pass the reader's locale.
import { notificationKindLabel } from '../../notification-labels.js';
import { m } from '../../paraglide/messages.js';

/** @typedef {import('./smtp.js').Mail} Mail */
/** @typedef {{ id: number, kind: string, title: string, link: string, created_at: string }} DigestItem */

/** @type {'nl' | 'en'} */
export const MAIL_LOCALE = 'nl';
const TIME_ZONE = 'Europe/Brussels';
/** Explicit, so that a mail sent during someone else's request is not in that person's language. */
const inMailLocale = { locale: MAIL_LOCALE };

/** @param {string} value */
const escapeHtml = (value) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * The headers that let a mail client offer "unsubscribe" and do it with one POST (RFC 2369, RFC 8058).
 * @param {string} url
 */
export function unsubscribeHeaders(url) {
	return {
		'List-Unsubscribe': `<${url}>`,
		'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
	};
}

/**
 * The footer every notification mail ends with: why, where to choose, and how to stop.
 * @param {{ reason: string, preferencesUrl: string, unsubscribeUrl: string, unsubscribeLabel: string }} parts
 */
function footer({ reason, preferencesUrl, unsubscribeUrl, unsubscribeLabel }) {
	const preferences = m.notif_mail_preferences({}, inMailLocale);
	return {
		text: `--\n${reason}\n${preferences}: ${preferencesUrl}\n${unsubscribeLabel}: ${unsubscribeUrl}\n`,
		html: `<hr>
<p>${escapeHtml(reason)}</p>
<p><a href="${escapeHtml(preferencesUrl)}">${escapeHtml(preferences)}</a> · <a href="${escapeHtml(unsubscribeUrl)}">${escapeHtml(unsubscribeLabel)}</a></p>`
	};
}

/**
 * The mail about one notification: its Dutch line and a link to it.
 * @param {{ to: string, title: string, link: string, preferencesUrl: string, unsubscribeUrl: string }} input
 * @returns {Mail}
 */
export function notificationMail({ to, title, link, preferencesUrl, unsubscribeUrl }) {
	const view = m.notif_mail_view({}, inMailLocale);
	const end = footer({
		reason: m.notif_mail_reason({}, inMailLocale),
		preferencesUrl,
		unsubscribeUrl,
		unsubscribeLabel: m.notif_mail_unsubscribe({}, inMailLocale)
	});
	return {
		to,
		subject: m.notif_mail_subject({ title }, inMailLocale),
		text: `${title}\n\n${view}:\n${link}\n\n${end.text}`,
		html: `<p>${escapeHtml(title)}</p>
<p><a href="${escapeHtml(link)}">${escapeHtml(view)}</a></p>
${end.html}`,
		headers: unsubscribeHeaders(unsubscribeUrl)
	};
}

const dayFormat = new Intl.DateTimeFormat('nl-BE', {
	weekday: 'long',
	day: 'numeric',
	month: 'long',
	timeZone: TIME_ZONE
});
const momentFormat = new Intl.DateTimeFormat('nl-BE', {
	weekday: 'short',
	day: 'numeric',
	month: 'short',
	hour: '2-digit',
	minute: '2-digit',
	timeZone: TIME_ZONE
});

/**
 * The notifications of a digest by kind, in the order the kinds first occur; each kind oldest first.
 * @param {DigestItem[]} items
 * @returns {{ kind: string, items: DigestItem[] }[]}
 */
export function groupByKind(items) {
	/** @type {Map<string, DigestItem[]>} */
	const groups = new Map();
	for (const item of items) {
		const group = groups.get(item.kind) ?? [];
		group.push(item);
		groups.set(item.kind, group);
	}
	return [...groups].map(([kind, list]) => ({ kind, items: list }));
}

/**
 * The weekly digest: the week's notifications grouped by kind, each with its link.
 * @param {{
 *   to: string, origin: string, periodStart: string, periodEnd: string, items: DigestItem[],
 *   preferencesUrl: string, unsubscribeUrl: string
 * }} input
 * @returns {Mail}
 */
export function digestMail({
	to,
	origin,
	periodStart,
	periodEnd,
	items,
	preferencesUrl,
	unsubscribeUrl
}) {
	const subject =
		items.length === 1
			? m.notif_digest_subject_one({}, inMailLocale)
			: m.notif_digest_subject_many({ count: items.length }, inMailLocale);
	const intro = m.notif_digest_intro(
		{
			from: dayFormat.format(new Date(periodStart)),
			until: dayFormat.format(new Date(periodEnd))
		},
		inMailLocale
	);
	const groups = groupByKind(items).map(({ kind, items: list }) => ({
		heading: notificationKindLabel(kind, inMailLocale),
		lines: list.map((item) => ({
			title: item.title,
			when: momentFormat.format(new Date(item.created_at)),
			url: `${origin}${item.link}`
		}))
	}));
	const end = footer({
		reason: m.notif_digest_reason({}, inMailLocale),
		preferencesUrl,
		unsubscribeUrl,
		unsubscribeLabel: m.notif_digest_unsubscribe({}, inMailLocale)
	});

	const text = groups
		.map(
			({ heading, lines }) =>
				`${heading}\n${lines.map((line) => `- ${line.title} (${line.when})\n  ${line.url}`).join('\n')}`
		)
		.join('\n\n');
	const html = groups
		.map(
			({ heading, lines }) => `<h2>${escapeHtml(heading)}</h2>
<ul>
${lines
	.map(
		(line) =>
			`<li><a href="${escapeHtml(line.url)}">${escapeHtml(line.title)}</a> (${escapeHtml(line.when)})</li>`
	)
	.join('\n')}
</ul>`
		)
		.join('\n');
	return {
		to,
		subject,
		text: `${intro}\n\n${text}\n\n${end.text}`,
		html: `<p>${escapeHtml(intro)}</p>
${html}
${end.html}`,
		headers: unsubscribeHeaders(unsubscribeUrl)
	};
}
