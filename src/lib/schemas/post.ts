// Community posts: the new post form, the comment form, reports and a moderator's reason.
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';
import { plainText } from './fields';

export const POST_TITLE = { min: 3, max: 140 };
export const POST_BODY_MAX = 10000;
export const COMMENT_MAX = 4000;
export const REASON = { min: 3, max: 500 };
/** The communities one post may be shared to (the database refuses more). */
export const SHARE_MAX = 20;

/** The kinds the generic form offers; a good practice has its own form (/goede-praktijken/nieuw). */
export const POST_FORM_KINDS = ['question', 'announcement'] as const;
export type PostFormKind = (typeof POST_FORM_KINDS)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const required = (max: number, message: () => string) =>
	plainText(max, message).refine((value) => value.length > 0, { error: message });

export const postSchema = z.object({
	kind: z.enum(POST_FORM_KINDS, { error: () => m.po_error_kind() }),
	title: plainText(POST_TITLE.max, () => m.po_error_title_length(POST_TITLE))
		.transform((value) => value.replace(/\s+/g, ' '))
		.refine((value) => value.length >= POST_TITLE.min, {
			error: () => m.po_error_title_length(POST_TITLE)
		}),
	body: required(POST_BODY_MAX, () => m.po_error_body_length({ max: POST_BODY_MAX })),
	communities: z
		.array(z.string().regex(UUID, { error: () => m.po_error_community_choice() }))
		.min(1, { error: () => m.po_error_communities_given() })
		.max(SHARE_MAX, { error: () => m.po_error_communities_at_most({ max: SHARE_MAX }) })
		.transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))])
});

export type PostValues = { kind: string; title: string; body: string; communities: string[] };

export const commentSchema = z.object({
	body: required(COMMENT_MAX, () => m.po_error_comment_length({ max: COMMENT_MAX }))
});

const reason = () =>
	plainText(REASON.max, () => m.po_error_reason_length(REASON)).refine(
		(value) => value.length >= REASON.min,
		{ error: () => m.po_error_reason_length(REASON) }
	);

/** A report's reason, and a moderator's reason to hide or block: the author or reporter reads it. */
export const reasonSchema = z.object({ reason: reason() });

/** Closing a report without hiding: the note is optional. */
export const dismissSchema = z.object({
	reason: plainText(REASON.max, () => m.po_error_reason_length(REASON)).refine(
		(value) => value.length === 0 || value.length >= REASON.min,
		{ error: () => m.po_error_reason_length(REASON) }
	)
});

/** An id a form sends back (a comment, a community, a report), or null when it is not one. */
export function formId(value: string): string | null {
	return UUID.test(value) ? value.toLowerCase() : null;
}
