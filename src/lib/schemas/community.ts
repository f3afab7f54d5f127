// Forms of the community pages: joining (as whom, in the directory or not), an organisation joining or
// leaving, the description hosts edit, a host's role change, a region proposal and staff's decision.
import { COMMUNITY_ROLES, PERSON_KINDS } from '$lib/community-vocabulary';
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';
import { plainText, uuid } from './fields';

export const DESCRIPTION_MAX = 2000;
export const NOTE_MAX = 500;
export const REGION_PLACES_MAX = 60;

/** A checkbox: sent as "on" when ticked, absent otherwise. */
const checkbox = z
	.string()
	.optional()
	.transform((value) => value === 'on' || value === 'true');

export const joinSchema = z.object({
	personKind: z.enum(PERSON_KINDS, { error: () => m.cm_error_person_kind() }),
	inDirectory: checkbox
});

export const organisationSchema = z.object({ organisationId: uuid() });

export const descriptionSchema = z.object({
	description: plainText(DESCRIPTION_MAX, () =>
		m.cm_error_description_length({ max: DESCRIPTION_MAX })
	)
});

export const roleSchema = z.object({
	memberId: uuid(),
	role: z.enum(COMMUNITY_ROLES, { error: () => m.app_error_choice() })
});

export const regionSchema = z.object({
	name: z
		.string()
		.trim()
		.min(2, { error: () => m.cm_error_name_length({ min: 2, max: 80 }) })
		.max(80, { error: () => m.cm_error_name_length({ min: 2, max: 80 }) }),
	slug: z
		.string()
		.trim()
		.toLowerCase()
		.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: () => m.cm_error_slug_format() })
		.min(3, { error: () => m.cm_error_slug_format() })
		.max(80, { error: () => m.cm_error_slug_format() }),
	description: plainText(DESCRIPTION_MAX, () =>
		m.cm_error_description_length({ max: DESCRIPTION_MAX })
	)
});

export const decisionSchema = z
	.object({
		communityId: uuid(),
		decision: z.enum(['approve', 'decline'], { error: () => m.app_error_choice() }),
		note: plainText(NOTE_MAX, () => m.cm_error_note_length({ max: NOTE_MAX }))
	})
	.refine((value) => value.decision === 'approve' || value.note.length >= 3, {
		path: ['note'],
		error: () => m.cm_error_decline_reason()
	});
