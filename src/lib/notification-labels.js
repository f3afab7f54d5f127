// @ts-check
// What people read about the kinds of notification and the ways they arrive (the preferences page, the
// unsubscribe page, the mails). A new kind is a row in notification_kinds and a label here.
import { m } from './paraglide/messages.js';
import { getLocale } from './paraglide/runtime.js';

/** @typedef {'app' | 'email' | 'digest' | 'none'} Delivery */
/** @typedef {{ locale?: 'nl' | 'en' }} LabelOptions */

/** The ways a notification can reach a person, in the order the preferences page offers them. */
export const DELIVERIES = /** @type {const} */ (['app', 'email', 'digest', 'none']);

/**
 * Kinds that exist only as part of the weekly digest: a person gets them there, or sees them only in the
 * app (the community's own pages).
 * @type {Record<string, readonly Delivery[]>}
 */
const digestOnly = { community_digest: ['digest', 'app'] };

/**
 * The ways a kind can reach a person, as the preferences page offers them.
 * @param {string} kind
 * @returns {readonly Delivery[]}
 */
export const deliveriesFor = (kind) => digestOnly[kind] ?? DELIVERIES;

/** @type {Record<string, (inputs?: {}, options?: LabelOptions) => string>} */
const kindLabels = {
	agreement_proposed: m.notif_kind_agreement_proposed,
	agreement_status: m.notif_kind_agreement_status,
	agreement_message: m.notif_kind_agreement_message,
	post_comment: m.po_notif_kind_post_comment,
	post_hidden: m.po_notif_kind_post_hidden,
	post_report: m.po_notif_kind_post_report,
	event_promoted: m.ev_notif_kind_promoted,
	event_reminder: m.ev_notif_kind_reminder,
	starter_academy_founded: m.sa_notif_kind_founded,
	quality_submitted: m.ql_notif_kind_submitted,
	quality_changes_requested: m.ql_notif_kind_changes,
	quality_awarded: m.ql_notif_kind_awarded,
	community_digest: m.dg_notif_kind_community_digest
};

/** @type {Record<Delivery, (inputs?: {}, options?: LabelOptions) => string>} */
export const deliveryLabels = {
	app: m.notif_delivery_app,
	email: m.notif_delivery_email,
	digest: m.notif_delivery_digest,
	none: m.notif_delivery_none
};

/** @type {Record<Delivery, (inputs?: {}, options?: LabelOptions) => string>} */
const deliveryShortLabels = {
	app: m.notif_delivery_short_app,
	email: m.notif_delivery_short_email,
	digest: m.notif_delivery_short_digest,
	none: m.notif_delivery_short_none
};

/**
 * @param {unknown} value
 * @returns {value is Delivery}
 */
export function isDelivery(value) {
	return typeof value === 'string' && DELIVERIES.includes(/** @type {Delivery} */ (value));
}

/** @type {Record<string, (inputs: { organisation: string, request: string }, options?: LabelOptions) => string>} */
const statusTexts = {
	accepted: m.home_notif_status_accepted,
	declined: m.home_notif_status_declined,
	withdrawn: m.home_notif_status_withdrawn,
	fulfilled: m.home_notif_status_fulfilled
};

/**
 * @param {Record<string, unknown>} params
 * @param {string} key
 */
const param = (params, key) => (typeof params[key] === 'string' ? params[key] : '');

/**
 * A notification's line in the reader's language, from its kind and parameters. Rows written before
 * notifications had parameters keep their (Dutch) title, which is shown when the parameters fall short.
 * @param {{ kind: string, params?: unknown, title?: string | null }} notification
 * @param {LabelOptions} [options]
 */
export function notificationText({ kind, params, title }, options) {
	const values =
		params && typeof params === 'object' && !Array.isArray(params)
			? /** @type {Record<string, unknown>} */ (params)
			: {};
	const event = param(values, 'event');
	if (kind === 'event_promoted' && event) return m.ev_notif_promoted({ event }, options);
	if (kind === 'event_reminder' && event) return m.ev_notif_reminder({ event }, options);
	const founded = param(values, 'academy');
	const place = param(values, 'municipality');
	if (kind === 'starter_academy_founded' && founded && place) {
		return m.sa_notif_founded({ academy: founded, municipality: place }, options);
	}
	const academy = param(values, 'organisation');
	if (kind === 'quality_submitted' && academy) {
		return m.ql_notif_submitted({ organisation: academy }, options);
	}
	if (kind === 'quality_changes_requested' && academy) {
		return m.ql_notif_changes({ organisation: academy }, options);
	}
	if (kind === 'quality_awarded' && academy) {
		return m.ql_notif_awarded({ organisation: academy }, options);
	}
	const post = param(values, 'post');
	if (kind === 'post_comment' && post) {
		const person = param(values, 'person');
		return person
			? m.po_notif_comment({ person, post }, options)
			: m.po_notif_comment_someone({ post }, options);
	}
	if (kind === 'post_hidden' && post) {
		const reason = param(values, 'reason');
		return param(values, 'what') === 'comment'
			? m.po_notif_hidden_comment({ post, reason }, options)
			: m.po_notif_hidden_post({ post, reason }, options);
	}
	if (kind === 'post_report' && post) return m.po_notif_report({ post }, options);
	const request = param(values, 'request');
	const organisation = param(values, 'organisation');
	if (!organisation && title) {
		// An old row: its Dutch sentence for Dutch readers, what is known of it for the others.
		const locale = options?.locale ?? getLocale();
		return locale === 'nl' || !request ? title : m.home_notif_about({ request }, options);
	}
	const who = organisation || m.home_notif_other_party({}, options);
	const person = param(values, 'person');
	if (kind === 'agreement_proposed' && request && person) {
		return m.hp_notif_proposed({ person, request }, options);
	}
	if (kind === 'agreement_proposed' && request) {
		return m.home_notif_proposed(
			{ organisation: who, offer: param(values, 'offer'), request },
			options
		);
	}
	if (kind === 'agreement_status' && request) {
		const text = statusTexts[param(values, 'status')] ?? m.home_notif_status_other;
		return text({ organisation: who, request }, options);
	}
	if (kind === 'agreement_message' && request) {
		return m.home_notif_message({ organisation: who, request }, options);
	}
	if (request) return m.home_notif_about({ request }, options);
	return title ?? notificationKindLabel(kind, options);
}

/**
 * The label of a kind; a kind the app has no label for yet shows its name.
 * @param {string} kind
 * @param {LabelOptions} [options]
 */
export function notificationKindLabel(kind, options) {
	return kindLabels[kind]?.({}, options) ?? kind;
}

/**
 * @param {Delivery} delivery
 * @param {LabelOptions} [options]
 */
export function deliveryLabel(delivery, options) {
	return deliveryLabels[delivery]({}, options);
}

/**
 * What "default" means for a kind: one delivery for everyone, or one for owners and admins and another
 * for everyone else.
 * @param {{ adminDefault: Delivery, memberDefault: Delivery }} defaults
 * @param {LabelOptions} [options]
 */
export function defaultDeliveryLabel({ adminDefault, memberDefault }, options) {
	if (adminDefault === memberDefault) {
		return m.notif_delivery_default_same(
			{ delivery: deliveryShortLabels[adminDefault]({}, options) },
			options
		);
	}
	return m.notif_delivery_default_by_role(
		{
			admins: deliveryShortLabels[adminDefault]({}, options),
			members: deliveryShortLabels[memberDefault]({}, options)
		},
		options
	);
}
