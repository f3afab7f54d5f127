// @ts-check
// The e-mails about notifications: one at once, and the weekly digest. Each carries a signed one-click
// unsubscribe link, also in the List-Unsubscribe headers (RFC 8058). Written in the recipient's language
// (account_locales, returned by the claims), passed explicitly to every text, so that a mail sent during
// someone else's request is never in that person's language.
import { formatDateIn, formatDateTimeIn, readerLocale } from '../../locale-format.js';
import { notificationKindLabel, notificationText } from '../../notification-labels.js';
import { m } from '../../paraglide/messages.js';

/** @typedef {import('./smtp.js').Mail} Mail */
/** @typedef {import('../../locale-format.js').Locale} Locale */
/**
 * @typedef {{
 *   id: number, kind: string, title?: string | null, params?: unknown, link: string, created_at: string
 * }} DigestItem
 */

/** The language of a mail: the recipient's, Dutch when it is not known. */
export const DEFAULT_MAIL_LOCALE = 'nl';

/**
 * @param {string | null | undefined} locale
 * @returns {{ locale: Locale }}
 */
const mailLocale = (locale) => ({ locale: readerLocale(locale ?? DEFAULT_MAIL_LOCALE) });

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
 * @param {{
 *   reason: string, preferencesUrl: string, unsubscribeUrl: string, unsubscribeLabel: string,
 *   inMailLocale: { locale: Locale }
 * }} parts
 */
function footer({ reason, preferencesUrl, unsubscribeUrl, unsubscribeLabel, inMailLocale }) {
	const preferences = m.notif_mail_preferences({}, inMailLocale);
	return {
		text: `--\n${reason}\n${preferences}: ${preferencesUrl}\n${unsubscribeLabel}: ${unsubscribeUrl}\n`,
		html: `<hr>
<p>${escapeHtml(reason)}</p>
<p><a href="${escapeHtml(preferencesUrl)}">${escapeHtml(preferences)}</a> · <a href="${escapeHtml(unsubscribeUrl)}">${escapeHtml(unsubscribeLabel)}</a></p>`
	};
}

/**
 * The mail about one notification: its line in the recipient's language and a link to it.
 * @param {{
 *   to: string, locale?: string | null, notification: { kind: string, params?: unknown, title?: string | null },
 *   link: string, preferencesUrl: string, unsubscribeUrl: string
 * }} input
 * @returns {Mail}
 */
export function notificationMail({
	to,
	locale,
	notification,
	link,
	preferencesUrl,
	unsubscribeUrl
}) {
	const inMailLocale = mailLocale(locale);
	const title = notificationText(notification, inMailLocale);
	const view = m.notif_mail_view({}, inMailLocale);
	const end = footer({
		inMailLocale,
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
 * The day a digest's week starts or ends, in Brussels: "maandag 23 november" / "Monday 23 November".
 * @param {string} moment
 * @param {Locale} locale
 */
function periodDay(moment, locale) {
	const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(
		new Date(moment)
	);
	return formatDateIn(day, locale, { weekday: 'long', year: false });
}

/**
 * The weekly digest: the week's notifications grouped by kind, each with its link, in the recipient's
 * language.
 * @param {{
 *   to: string, locale?: string | null, origin: string, periodStart: string, periodEnd: string,
 *   items: DigestItem[], preferencesUrl: string, unsubscribeUrl: string
 * }} input
 * @returns {Mail}
 */
export function digestMail({
	to,
	locale,
	origin,
	periodStart,
	periodEnd,
	items,
	preferencesUrl,
	unsubscribeUrl
}) {
	const inMailLocale = mailLocale(locale);
	const subject =
		items.length === 1
			? m.notif_digest_subject_one({}, inMailLocale)
			: m.notif_digest_subject_many({ count: items.length }, inMailLocale);
	const intro = m.notif_digest_intro(
		{
			from: periodDay(periodStart, inMailLocale.locale),
			until: periodDay(periodEnd, inMailLocale.locale)
		},
		inMailLocale
	);
	const groups = groupByKind(items).map(({ kind, items: list }) => ({
		heading: notificationKindLabel(kind, inMailLocale),
		lines: list.map((item) => ({
			title: notificationText(item, inMailLocale),
			when: formatDateTimeIn(item.created_at, inMailLocale.locale, { year: false }),
			url: `${origin}${item.link}`
		}))
	}));
	const end = footer({
		inMailLocale,
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
