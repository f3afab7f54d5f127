// The event form: what kind, what, when (a date and two times in Belgian local time), where and how many.
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';
import { isoDate, optionalWholeNumber, plainText } from './fields';

export const EVENT_KINDS = ['meetup', 'info_session', 'open_school_day', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_TITLE_MIN = 3;
export const EVENT_TITLE_MAX = 140;
export const EVENT_DESCRIPTION_MAX = 5000;
export const EVENT_ADDRESS_MAX = 300;
export const EVENT_CAPACITY_MAX = 10000;

/** The text fields of the form, as the page and the action read them. */
export const EVENT_FIELDS = [
	'kind',
	'title',
	'description',
	'address',
	'municipality',
	'date',
	'startsAt',
	'endsAt',
	'capacity',
	'organisation'
] as const;
export type EventValues = Record<(typeof EVENT_FIELDS)[number], string>;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const time = () =>
	z
		.string()
		.trim()
		.regex(TIME, { error: () => m.ev_error_time() });

const titleError = () => m.ev_error_title({ min: EVENT_TITLE_MIN, max: EVENT_TITLE_MAX });

export const eventSchema = z
	.object({
		kind: z.enum(EVENT_KINDS, { error: () => m.ev_error_kind() }),
		title: z
			.string()
			.trim()
			.min(EVENT_TITLE_MIN, { error: titleError })
			.max(EVENT_TITLE_MAX, { error: titleError }),
		description: plainText(EVENT_DESCRIPTION_MAX, () =>
			m.ev_error_description({ max: EVENT_DESCRIPTION_MAX })
		),
		address: z
			.string()
			.trim()
			.min(3, { error: () => m.ev_error_address() })
			.max(EVENT_ADDRESS_MAX, { error: () => m.ev_error_address() }),
		municipality: z.string().regex(/^\d{5}$/, { error: () => m.ev_error_municipality() }),
		date: isoDate(() => m.ev_error_date()),
		startsAt: time(),
		endsAt: time(),
		capacity: optionalWholeNumber({ min: 1, max: EVENT_CAPACITY_MAX }),
		organisation: z.union([z.literal(''), z.uuid({ error: () => m.ev_error_organisation() })])
	})
	.refine((event) => event.endsAt > event.startsAt, {
		path: ['endsAt'],
		error: () => m.ev_error_ends_after_start()
	});

export type EventInput = z.infer<typeof eventSchema>;

/** An empty form; `municipality` is the community's only place when it has one. */
export function emptyEventValues(municipality = ''): EventValues {
	return {
		kind: 'meetup',
		title: '',
		description: '',
		address: '',
		municipality,
		date: '',
		startsAt: '',
		endsAt: '',
		capacity: '',
		organisation: ''
	};
}
