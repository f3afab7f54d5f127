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
/**
 * One community's news in a digest, as the database's community_digest() returns it.
 * @typedef {{
 *   id: string, name: string, kind: string, municipality_nis: string | null, slug: string | null,
 *   new_members: number, new_organisations: string[],
 *   posts: { id: string, title: string, kind: string }[],
 *   events: { id: string, title: string, starts_at: string, places_left: number | null }[],
 *   requests: { id: string, title: string, academy: string }[]
 * }} CommunityNews
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

/** @type {Record<string, (inputs?: {}, options?: { locale?: Locale }) => string>} */
const postKindLabels = {
	announcement: m.po_kind_announcement,
	question: m.po_kind_question,
	good_practice: m.po_kind_good_practice
};

/**
 * Where the digest's community news leads (the app's addresses, relative to its origin).
 * @param {CommunityNews} community
 */
export const communityNewsPaths = (community) => ({
	community: community.municipality_nis
		? `/gemeenten/${community.municipality_nis}/community`
		: `/regios/${community.slug ?? ''}`,
	/** @param {{ id: string, kind: string }} post */
	post: (post) =>
		post.kind === 'good_practice' ? `/goede-praktijken/${post.id}` : `/berichten/${post.id}`,
	/** @param {{ id: string }} event */
	event: (event) => `/evenementen/${event.id}`,
	/** @param {{ id: string }} request */
	request: (request) => `/vragen/${request.id}`
});

/**
 * The community part of a digest, as lines per community: its heading and link, then its sections.
 * @param {CommunityNews[]} communities
 * @param {string} origin
 * @param {{ locale: Locale }} inMailLocale
 */
function communitySections(communities, origin, inMailLocale) {
	return communities.map((community) => {
		const paths = communityNewsPaths(community);
		/** @type {{ heading: string, lines: { title: string, note?: string, url: string }[] }[]} */
		const sections = [];
		if (community.posts.length > 0) {
			sections.push({
				heading: m.dg_posts({}, inMailLocale),
				lines: community.posts.map((post) => ({
					title: `${postKindLabels[post.kind]?.({}, inMailLocale) ?? post.kind}: ${post.title}`,
					url: `${origin}${paths.post(post)}`
				}))
			});
		}
		if (community.events.length > 0) {
			sections.push({
				heading: m.dg_events({}, inMailLocale),
				lines: community.events.map((event) => ({
					title: event.title,
					note: [
						formatDateTimeIn(event.starts_at, inMailLocale.locale, { year: false }),
						placesLeft(event.places_left, inMailLocale)
					]
						.filter(Boolean)
						.join(', '),
					url: `${origin}${paths.event(event)}`
				}))
			});
		}
		if (community.requests.length > 0) {
			sections.push({
				heading: m.dg_requests({}, inMailLocale),
				lines: community.requests.map((request) => ({
					title: m.dg_request_by({ title: request.title, academy: request.academy }, inMailLocale),
					url: `${origin}${paths.request(request)}`
				}))
			});
		}
		const members = [
			community.new_members === 1
				? m.dg_new_members_one({}, inMailLocale)
				: community.new_members > 1
					? m.dg_new_members_many({ count: community.new_members }, inMailLocale)
					: '',
			community.new_organisations.length > 0
				? m.dg_new_organisations({ names: community.new_organisations.join(', ') }, inMailLocale)
				: ''
		].filter(Boolean);
		return {
			name: community.name,
			url: `${origin}${paths.community}`,
			members: members.join('. '),
			sections
		};
	});
}

/**
 * @param {number | null} left
 * @param {{ locale: Locale }} inMailLocale
 */
function placesLeft(left, inMailLocale) {
	if (left === null) return '';
	if (left === 0) return m.dg_full({}, inMailLocale);
	return left === 1
		? m.dg_places_left_one({}, inMailLocale)
		: m.dg_places_left_many({ count: left }, inMailLocale);
}

/**
 * The weekly digest: the week's notifications grouped by kind, each with its link, then the news of the
 * person's communities (new members, posts, events, open requests nearby), in the recipient's language.
 * @param {{
 *   to: string, locale?: string | null, origin: string, periodStart: string, periodEnd: string,
 *   items: DigestItem[], community?: CommunityNews[], preferencesUrl: string, unsubscribeUrl: string
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
	community = [],
	preferencesUrl,
	unsubscribeUrl
}) {
	const inMailLocale = mailLocale(locale);
	const subject =
		items.length === 0
			? m.dg_subject({}, inMailLocale)
			: items.length === 1
				? m.notif_digest_subject_one({}, inMailLocale)
				: m.notif_digest_subject_many({ count: items.length }, inMailLocale);
	const period = {
		from: periodDay(periodStart, inMailLocale.locale),
		until: periodDay(periodEnd, inMailLocale.locale)
	};
	const intro = [
		items.length > 0 ? m.notif_digest_intro(period, inMailLocale) : '',
		community.length > 0 ? m.dg_intro(period, inMailLocale) : ''
	]
		.filter(Boolean)
		.join(' ');
	const groups = groupByKind(items).map(({ kind, items: list }) => ({
		heading: notificationKindLabel(kind, inMailLocale),
		lines: list.map((item) => ({
			title: notificationText(item, inMailLocale),
			when: formatDateTimeIn(item.created_at, inMailLocale.locale, { year: false }),
			url: `${origin}${item.link}`
		}))
	}));
	const communities = communitySections(community, origin, inMailLocale);
	const end = footer({
		inMailLocale,
		reason:
			items.length === 0 ? m.dg_reason({}, inMailLocale) : m.notif_digest_reason({}, inMailLocale),
		preferencesUrl,
		unsubscribeUrl,
		unsubscribeLabel: m.notif_digest_unsubscribe({}, inMailLocale)
	});

	const notificationsText = groups
		.map(
			({ heading, lines }) =>
				`${heading}\n${lines.map((line) => `- ${line.title} (${line.when})\n  ${line.url}`).join('\n')}`
		)
		.join('\n\n');
	const notificationsHtml = groups
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
	const communityHeading = m.dg_heading({}, inMailLocale);
	const communityLink = m.dg_community_link({}, inMailLocale);
	/** @param {{ title: string, note?: string }} line */
	const lineText = (line) => (line.note ? `${line.title} (${line.note})` : line.title);
	const communityText =
		communities.length === 0
			? ''
			: `${communityHeading}\n\n${communities
					.map(({ name, url, members, sections }) =>
						[
							`${name}\n${communityLink}: ${url}`,
							...(members ? [members] : []),
							...sections.map(
								({ heading, lines }) =>
									`${heading}:\n${lines.map((line) => `- ${lineText(line)}\n  ${line.url}`).join('\n')}`
							)
						].join('\n')
					)
					.join('\n\n')}`;
	const communityHtml =
		communities.length === 0
			? ''
			: `<h2>${escapeHtml(communityHeading)}</h2>
${communities
	.map(
		({
			name,
			url,
			members,
			sections
		}) => `<h3><a href="${escapeHtml(url)}">${escapeHtml(name)}</a></h3>
${members ? `<p>${escapeHtml(members)}</p>\n` : ''}${sections
			.map(
				({ heading, lines }) => `<h4>${escapeHtml(heading)}</h4>
<ul>
${lines
	.map(
		(line) =>
			`<li><a href="${escapeHtml(line.url)}">${escapeHtml(line.title)}</a>${line.note ? ` (${escapeHtml(line.note)})` : ''}</li>`
	)
	.join('\n')}
</ul>`
			)
			.join('\n')}`
	)
	.join('\n')}`;
	const text = [intro, notificationsText, communityText, end.text].filter(Boolean).join('\n\n');
	const html = [`<p>${escapeHtml(intro)}</p>`, notificationsHtml, communityHtml, end.html]
		.filter(Boolean)
		.join('\n');
	return { to, subject, text, html, headers: unsubscribeHeaders(unsubscribeUrl) };
}
