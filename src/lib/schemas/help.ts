// "Ik wil helpen": what a person writes when they offer to help with an academy's request.
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';
import { plainText } from './fields';

export const HELP_MESSAGE_MAX = 4000;
export const HELP_AVAILABILITY_MAX = 300;

/** The request kinds a person can answer themselves (the rest need an organisation's offer). */
export const HELP_REQUEST_KINDS: readonly string[] = ['volunteers', 'expertise'];

export const helpSchema = z.object({
	message: plainText(HELP_MESSAGE_MAX, () =>
		m.ag_error_message_too_long({ max: HELP_MESSAGE_MAX })
	).refine((body) => body.length > 0, { error: () => m.hp_error_message_required() }),
	availability: plainText(HELP_AVAILABILITY_MAX, () =>
		m.hp_error_availability_too_long({ max: HELP_AVAILABILITY_MAX })
	).transform((value) => (value === '' ? null : value.replace(/\s+/g, ' ')))
});

export type HelpValues = Record<'message' | 'availability', string>;
