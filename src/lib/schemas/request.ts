// The request form: what an academy asks for (a venue, volunteers, materials, funding, expertise), how
// much, when (dates and weekly slots), where, for which ages and domains, and by when it needs an answer.
import { REQUEST_KINDS, type RequestKind } from '$lib/exchange-vocabulary';
import { m } from '$lib/paraglide/messages';
import { DOMAINS } from '$lib/vocabulary';
import { z } from 'zod';
import { AGE_MAX, AGE_MIN } from './academy-profile';
import { choices, optionalText, optionalWholeNumber, plainText } from './fields';
import {
	DESCRIPTION_MAX,
	SLOT_FIELDS,
	emptyTexts,
	euro,
	isCalendarDate,
	mergeIssues,
	optionalDate,
	parseSlots,
	positiveWholeNumber,
	title,
	type Issue,
	type SlotField
} from './offer';

export const QUANTITY_MAX = 200;

export const REQUEST_TEXT_FIELDS = [
	'kind',
	'title',
	'description',
	'quantity',
	'people',
	'amountEur',
	'municipality',
	'ageMin',
	'ageMax',
	'neededFrom',
	'neededUntil',
	'deadline',
	...SLOT_FIELDS
] as const;

export type RequestValues = Record<(typeof REQUEST_TEXT_FIELDS)[number], string> & {
	domains: string[];
};

const slotShape = Object.fromEntries(SLOT_FIELDS.map((field) => [field, z.string()])) as Record<
	SlotField,
	z.ZodString
>;

export const requestSchema = z
	.object({
		kind: z.enum(REQUEST_KINDS, { error: () => m.ex_error_kind() }),
		title: title(),
		description: plainText(DESCRIPTION_MAX, () =>
			m.app_error_description_too_long({ max: DESCRIPTION_MAX })
		),
		quantity: optionalText(QUANTITY_MAX, () => m.ex_error_text_too_long({ max: QUANTITY_MAX })),
		people: positiveWholeNumber(() => m.ex_error_positive(), 10_000),
		amountEur: euro({
			min: 0.01,
			tooLow: () => m.ex_error_amount_positive(),
			max: 99_999_999.99
		}),
		municipality: z
			.string()
			.trim()
			.min(1, { error: () => m.app_error_municipality_required() })
			.max(200),
		domains: choices(DOMAINS, () => m.app_error_choice()),
		ageMin: optionalWholeNumber({ min: AGE_MIN, max: AGE_MAX }),
		ageMax: optionalWholeNumber({ min: AGE_MIN, max: AGE_MAX }),
		neededFrom: optionalDate(),
		neededUntil: optionalDate(),
		deadline: optionalDate(),
		...slotShape
	})
	// Rows beyond the first SLOT_ROWS ("nog een moment toevoegen") are kept for parseSlots.
	.loose()
	.transform((form) => {
		const { slots } = parseSlots(form as Partial<Record<SlotField, string>>);
		const kind: RequestKind = form.kind;
		return {
			kind,
			title: form.title,
			description: form.description,
			quantity: form.quantity,
			people: form.people,
			amountEur: form.amountEur,
			municipality: form.municipality,
			domains: form.domains,
			ageMin: form.ageMin,
			ageMax: form.ageMax,
			neededFrom: form.neededFrom,
			neededUntil: form.neededUntil,
			deadline: form.deadline,
			slots
		};
	});

export type RequestForm = z.output<typeof requestSchema>;

/** The rules between fields, on what was typed (shown together with the fields' own messages). */
export function requestCrossIssues(values: RequestValues): Issue[] {
	const issues: Issue[] = parseSlots(values).issues;
	const [minAge, maxAge] = [values.ageMin.trim(), values.ageMax.trim()];
	if (/^\d+$/.test(minAge) && /^\d+$/.test(maxAge) && Number(minAge) > Number(maxAge)) {
		issues.push({ path: 'ageMax', message: m.app_error_age_order() });
	}
	const [from, until] = [values.neededFrom.trim(), values.neededUntil.trim()];
	if (isCalendarDate(from) && isCalendarDate(until) && until < from) {
		issues.push({ path: 'neededUntil', message: m.ex_error_until_before_from() });
	}
	return issues;
}

/** Parses the request form: the data, or a message per field (all at once). */
export function parseRequest(
	values: RequestValues
): { success: true; data: RequestForm } | { success: false; errors: Record<string, string> } {
	const parsed = requestSchema.safeParse(values);
	const cross = requestCrossIssues(values);
	if (parsed.success && cross.length === 0) return { success: true, data: parsed.data };
	return { success: false, errors: mergeIssues(parsed.success ? [] : parsed.error.issues, cross) };
}

export function emptyRequestValues(municipality: string): RequestValues {
	return { ...emptyTexts(REQUEST_TEXT_FIELDS), municipality, domains: [] };
}

export type Booking = {
	weekday: number;
	starts: string;
	ends: string;
	from: string;
	until: string;
};

const addDays = (day: string, days: number) => {
	const date = new Date(`${day}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
};

/** ISO weekday (1 maandag … 7 zondag) of a calendar date. */
export function isoWeekday(day: string): number {
	const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
	return weekday === 0 ? 7 : weekday;
}

/**
 * The weekly booking to propose for a room: the common slot, from the latest of today, the room's first
 * day and the day it is needed, until the earliest of the room's last day and the last day it is needed.
 * Null when there is no common slot or no such weekday in that period.
 */
export function proposedBooking(
	c: {
		overlap: { weekday: number; starts: string; ends: string } | null;
		termStart: string | null;
		termEnd: string | null;
		neededFrom: string | null;
		neededUntil: string | null;
	},
	today: string
): Booking | null {
	if (!c.overlap || !c.termEnd) return null;
	const from = [today, c.termStart, c.neededFrom]
		.filter((day): day is string => day !== null)
		.reduce((a, b) => (a > b ? a : b));
	const until = [c.termEnd, c.neededUntil]
		.filter((day): day is string => day !== null)
		.reduce((a, b) => (a < b ? a : b));
	const first = addDays(from, (c.overlap.weekday - isoWeekday(from) + 7) % 7);
	if (first > until) return null;
	return {
		weekday: c.overlap.weekday,
		starts: c.overlap.starts.slice(0, 5),
		ends: c.overlap.ends.slice(0, 5),
		from,
		until
	};
}
