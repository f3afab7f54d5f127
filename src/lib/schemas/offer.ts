// The offer form: a school's room (type, capacity, conditions, term, weekly slots, days off) or a company's
// pledge (people, hours, materials, money, a visit, expertise), and the area it serves.
import { m } from '$lib/paraglide/messages';
import {
	OFFER_KINDS,
	ROOM_CONDITIONS,
	ROOM_TYPES,
	WEEKDAYS,
	type OfferKind
} from '$lib/exchange-vocabulary';
import { DOMAINS } from '$lib/vocabulary';
import { z } from 'zod';
import { AGE_MAX, AGE_MIN } from './academy-profile';
import { choices, optionalText, optionalWholeNumber, plainText } from './fields';

export const TITLE_MIN = 3;
export const TITLE_MAX = 140;
export const DESCRIPTION_MAX = 5000;
export const EQUIPMENT_MAX = 1000;
export const MATERIALS_MAX = 1000;
export const RADIUS_MAX = 200;
/** How many weekly-slot rows a form shows at least (empty rows are ignored). */
export const SLOT_ROWS = 4;
/** How many rows "nog een moment toevoegen" can grow to. */
export const MAX_SLOT_ROWS = 14;
/** How many municipalities an offer's area may list. */
export const AREA_MUNICIPALITIES_MAX = 60;

export type SlotField = `slot${'Day' | 'Start' | 'End'}${number}`;
export const slotFields = (rows: number): SlotField[] =>
	Array.from({ length: rows }, (_, i) => [
		`slotDay${i}` as const,
		`slotStart${i}` as const,
		`slotEnd${i}` as const
	]).flat();
export const SLOT_FIELDS: SlotField[] = slotFields(SLOT_ROWS);

const SLOT_KEY = /^slot(?:Day|Start|End)(\d{1,2})$/;

/** How many slot rows these values hold: at least SLOT_ROWS, at most MAX_SLOT_ROWS. */
export function slotRowCount(values: object): number {
	let rows = SLOT_ROWS;
	for (const key of Object.keys(values)) {
		const index = SLOT_KEY.exec(key)?.[1];
		if (index !== undefined) rows = Math.max(rows, Number(index) + 1);
	}
	return Math.min(rows, MAX_SLOT_ROWS);
}

/**
 * The number of slot rows a submitted form asks for: what its hidden count says (clamped), plus one when
 * "nog een moment toevoegen" was pressed.
 */
export function requestedSlotRows(count: string, addOne: boolean): number {
	const shown = /^\d{1,2}$/.test(count.trim()) ? Number(count) : SLOT_ROWS;
	const clamped = Math.min(Math.max(shown, SLOT_ROWS), MAX_SLOT_ROWS);
	return Math.min(clamped + (addOne ? 1 : 0), MAX_SLOT_ROWS);
}

export type WeeklySlot = { weekday: number; startsAt: string; endsAt: string };

const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDate(value: string): boolean {
	if (!ISO_DATE.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const title = () =>
	z
		.string()
		.trim()
		.min(TITLE_MIN, { error: () => m.app_error_title_length({ min: TITLE_MIN, max: TITLE_MAX }) })
		.max(TITLE_MAX, { error: () => m.app_error_title_length({ min: TITLE_MIN, max: TITLE_MAX }) });

/** An optional date (YYYY-MM-DD as the date input sends it); empty becomes null. */
export const optionalDate = () =>
	z
		.string()
		.trim()
		.refine((value) => value === '' || isCalendarDate(value), {
			error: () => m.app_error_date_invalid()
		})
		.transform((value) => (value === '' ? null : value));

/** An optional whole number above 0; empty becomes null; 0 or less gets `notPositive`. */
export const positiveWholeNumber = (notPositive: () => string, max = 1_000_000) =>
	z
		.string()
		.trim()
		.refine((value) => value === '' || /^-?\d+$/.test(value), {
			error: () => m.app_error_whole_number(),
			abort: true
		})
		.transform((value) => (value === '' ? null : Number(value)))
		.pipe(
			z
				.number()
				.min(1, { error: notPositive })
				.max(max, { error: () => m.app_error_number_max({ max }) })
				.nullable()
		);

/** An optional amount in euro (comma or point, two decimals); empty becomes null; below `min` gets `tooLow`. */
export const euro = ({ min, tooLow, max }: { min: number; tooLow: () => string; max: number }) =>
	z
		.string()
		.trim()
		.refine((value) => value === '' || /^-?\d{1,8}([.,]\d{1,2})?$/.test(value), {
			error: () => m.app_error_amount(),
			abort: true
		})
		.transform((value) => (value === '' ? null : Number(value.replace(',', '.'))))
		.pipe(
			z
				.number()
				.refine((value) => value >= min, { error: tooLow })
				.refine((value) => value <= max, { error: () => m.app_error_number_max({ max }) })
				.nullable()
		);

/** "13:00" → "13:00"; the time input may send seconds. */
const normaliseTime = (value: string) => value.slice(0, 5);

/**
 * The weekly slots of a form: rows with nothing filled are skipped; a started row needs a day, a start and
 * an end after the start. Issues land on the row's own field.
 */
export type Issue = { path: string; message: string };

export function parseSlots(values: Partial<Record<SlotField, string>>): {
	slots: WeeklySlot[];
	issues: Issue[];
} {
	const slots: WeeklySlot[] = [];
	const issues: Issue[] = [];
	const ctx = {
		addIssue: ({ path, message }: { code: 'custom'; path: string[]; message: string }) =>
			issues.push({ path: path[0] ?? 'form', message })
	};
	for (let i = 0; i < slotRowCount(values); i++) {
		const day = (values[`slotDay${i}`] ?? '').trim();
		const start = (values[`slotStart${i}`] ?? '').trim();
		const end = (values[`slotEnd${i}`] ?? '').trim();
		if (day === '' && start === '' && end === '') continue;
		let ok = true;
		if (!(WEEKDAYS as readonly string[]).includes(day)) {
			ctx.addIssue({ code: 'custom', path: [`slotDay${i}`], message: m.ex_error_slot_day() });
			ok = false;
		}
		if (!TIME.test(start)) {
			ctx.addIssue({ code: 'custom', path: [`slotStart${i}`], message: m.ex_error_slot_time() });
			ok = false;
		}
		if (!TIME.test(end)) {
			ctx.addIssue({ code: 'custom', path: [`slotEnd${i}`], message: m.ex_error_slot_time() });
			ok = false;
		}
		if (!ok) continue;
		const startsAt = normaliseTime(start);
		const endsAt = normaliseTime(end);
		if (endsAt <= startsAt) {
			ctx.addIssue({ code: 'custom', path: [`slotEnd${i}`], message: m.ex_error_slot_order() });
			continue;
		}
		const weekday = Number(day);
		if (slots.some((slot) => slot.weekday === weekday && slot.startsAt === startsAt)) {
			ctx.addIssue({
				code: 'custom',
				path: [`slotDay${i}`],
				message: m.ex_error_slot_duplicate()
			});
			continue;
		}
		slots.push({ weekday, startsAt, endsAt });
	}
	return { slots, issues };
}

/** Slots as form rows, padded with empty rows. */
export function slotValues(slots: readonly WeeklySlot[]): Record<SlotField, string> {
	const values = {} as Record<SlotField, string>;
	const rows = Math.min(Math.max(SLOT_ROWS, slots.length), MAX_SLOT_ROWS);
	for (let i = 0; i < rows; i++) {
		const slot = slots[i];
		values[`slotDay${i}`] = slot ? String(slot.weekday) : '';
		values[`slotStart${i}`] = slot ? slot.startsAt.slice(0, 5) : '';
		values[`slotEnd${i}`] = slot ? slot.endsAt.slice(0, 5) : '';
	}
	return values;
}

const slotShape = Object.fromEntries(SLOT_FIELDS.map((field) => [field, z.string()])) as Record<
	SlotField,
	z.ZodString
>;

export const OFFER_TEXT_FIELDS = [
	'kind',
	'title',
	'description',
	'municipality',
	'radiusKm',
	'areaMunicipalities',
	'ageMin',
	'ageMax',
	'roomType',
	'capacity',
	'equipment',
	'accessible',
	'feeEur',
	'termStart',
	'termEnd',
	'people',
	'hoursPerYear',
	'materials',
	'quantity',
	'amountEur',
	'unavailableDates',
	...SLOT_FIELDS
] as const;

export type OfferValues = Record<(typeof OFFER_TEXT_FIELDS)[number], string> & {
	domains: string[];
	conditions: string[];
};

export const offerSchema = z
	.object({
		kind: z.enum(OFFER_KINDS, { error: () => m.ex_error_kind() }),
		title: title(),
		description: plainText(DESCRIPTION_MAX, () =>
			m.app_error_description_too_long({ max: DESCRIPTION_MAX })
		),
		municipality: z
			.string()
			.trim()
			.min(1, { error: () => m.app_error_municipality_required() })
			.max(200),
		radiusKm: z
			.string()
			.trim()
			.refine((value) => value === '' || /^\d+$/.test(value), {
				error: () => m.ex_error_radius(),
				abort: true
			})
			.transform((value) => (value === '' ? null : Number(value)))
			.pipe(
				z
					.number()
					.min(1, { error: () => m.ex_error_radius() })
					.max(RADIUS_MAX, { error: () => m.ex_error_radius() })
					.nullable()
			),
		areaMunicipalities: z.string().max(10_000, { error: () => m.vw_error_area_too_long() }),
		domains: choices(DOMAINS, () => m.app_error_choice()),
		ageMin: optionalWholeNumber({ min: AGE_MIN, max: AGE_MAX }),
		ageMax: optionalWholeNumber({ min: AGE_MIN, max: AGE_MAX }),
		roomType: z.string().trim(),
		capacity: positiveWholeNumber(() => m.ex_error_capacity_positive(), 100_000),
		equipment: optionalText(EQUIPMENT_MAX, () => m.ex_error_text_too_long({ max: EQUIPMENT_MAX })),
		accessible: z.string(),
		conditions: choices(ROOM_CONDITIONS, () => m.app_error_choice()),
		feeEur: euro({ min: 0, tooLow: () => m.ex_error_fee_negative(), max: 999_999.99 }),
		termStart: optionalDate(),
		termEnd: optionalDate(),
		people: positiveWholeNumber(() => m.ex_error_positive(), 10_000),
		hoursPerYear: positiveWholeNumber(() => m.ex_error_positive(), 100_000),
		materials: optionalText(MATERIALS_MAX, () => m.ex_error_text_too_long({ max: MATERIALS_MAX })),
		quantity: positiveWholeNumber(() => m.ex_error_positive(), 1_000_000),
		amountEur: euro({
			min: 0.01,
			tooLow: () => m.ex_error_amount_positive(),
			max: 99_999_999.99
		}),
		unavailableDates: z.string(),
		...slotShape
	})
	// Rows beyond the first SLOT_ROWS ("nog een moment toevoegen") are kept for parseSlots.
	.loose()
	.transform((form) => {
		const isRoom = form.kind === 'room';
		const { slots } = parseSlots(form as Partial<Record<SlotField, string>>);
		const unavailableDates = splitDates(form.unavailableDates);
		const kind: OfferKind = form.kind;
		return {
			kind,
			title: form.title,
			description: form.description,
			municipality: form.municipality,
			radiusKm: form.radiusKm,
			areaMunicipalities: form.areaMunicipalities,
			domains: form.domains,
			ageMin: form.ageMin,
			ageMax: form.ageMax,
			// Room fields only for rooms, pledge fields only for the others: the database insists.
			room: isRoom
				? {
						roomType: form.roomType,
						capacity: form.capacity,
						equipment: form.equipment,
						accessible: form.accessible === 'on',
						conditions: form.conditions,
						feeEur: form.feeEur,
						termStart: form.termStart,
						termEnd: form.termEnd
					}
				: null,
			pledge: isRoom
				? null
				: {
						people: form.people,
						hoursPerYear: form.hoursPerYear,
						materials: form.materials,
						quantity: form.quantity,
						amountEur: form.amountEur
					},
			slots: isRoom ? slots : [],
			unavailableDates: isRoom ? unavailableDates : []
		};
	});

export type OfferForm = z.output<typeof offerSchema>;

/** "2027-02-17\n2027-02-17 2027-03-01" → the distinct dates, sorted. */
function splitDates(text: string): string[] {
	return [
		...new Set(
			text
				.split(/[\s,;]+/)
				.map((value) => value.trim())
				.filter(Boolean)
		)
	].sort();
}

const WHOLE = /^\d+$/;

/**
 * The rules between fields, checked on what was typed so that they show together with the fields' own
 * messages (a schema's refinements only run once every field is valid).
 */
export function offerCrossIssues(values: OfferValues): Issue[] {
	const issues: Issue[] = [];
	const issue = (path: string, message: string) => issues.push({ path, message });
	const filled = (value: string) => value.trim() !== '';
	if (!filled(values.radiusKm) && splitMunicipalityList(values.areaMunicipalities).length === 0) {
		issue('radiusKm', m.vw_error_area_required());
	}
	if (
		WHOLE.test(values.ageMin.trim()) &&
		WHOLE.test(values.ageMax.trim()) &&
		Number(values.ageMin) > Number(values.ageMax)
	) {
		issue('ageMax', m.app_error_age_order());
	}
	if (values.kind === 'room') {
		const { slots, issues: slotIssues } = parseSlots(values);
		issues.push(...slotIssues);
		if (slots.length === 0 && slotIssues.length === 0)
			issue('slotDay0', m.ex_error_slots_required());
		if (splitDates(values.unavailableDates).some((day) => !isCalendarDate(day))) {
			issue('unavailableDates', m.ex_error_dates());
		}
		if (!(ROOM_TYPES as readonly string[]).includes(values.roomType)) {
			issue('roomType', m.ex_error_room_type());
		}
		if (!filled(values.capacity)) issue('capacity', m.ex_error_capacity_required());
		if (!filled(values.termStart)) issue('termStart', m.ex_error_term_required());
		if (!filled(values.termEnd)) issue('termEnd', m.ex_error_term_required());
		const [from, until] = [values.termStart.trim(), values.termEnd.trim()];
		if (isCalendarDate(from) && isCalendarDate(until) && until < from) {
			issue('termEnd', m.ex_error_until_before_from());
		}
	} else {
		if (values.kind === 'volunteers' && !filled(values.people)) {
			issue('people', m.ex_error_people_required());
		}
		if (values.kind === 'materials' && !filled(values.materials)) {
			issue('materials', m.ex_error_materials_required());
		}
		if (values.kind === 'funding' && !filled(values.amountEur)) {
			issue('amountEur', m.ex_error_amount_required());
		}
	}
	return issues;
}

/** First message per field: each field's own, then the rules between fields. */
export function mergeIssues(
	zodIssues: readonly { path: PropertyKey[]; message: string }[],
	cross: readonly Issue[]
): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of zodIssues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
	for (const issue of cross) errors[issue.path] ??= issue.message;
	return errors;
}

/** Parses the offer form: the data, or a message per field (all at once). */
export function parseOffer(
	values: OfferValues
): { success: true; data: OfferForm } | { success: false; errors: Record<string, string> } {
	const parsed = offerSchema.safeParse(values);
	const cross = offerCrossIssues(values);
	if (parsed.success && cross.length === 0) return { success: true, data: parsed.data };
	return { success: false, errors: mergeIssues(parsed.success ? [] : parsed.error.issues, cross) };
}

/** Every text field of a form, empty. */
export function emptyTexts<Field extends string>(fields: readonly Field[]): Record<Field, string> {
	return Object.fromEntries(fields.map((field) => [field, ''])) as Record<Field, string>;
}

/** Empty values for a new offer. */
export function emptyOfferValues(kind: OfferKind | '', municipality: string): OfferValues {
	return {
		...emptyTexts(OFFER_TEXT_FIELDS),
		kind,
		municipality,
		radiusKm: '10',
		domains: [],
		conditions: []
	};
}

/** "Gent\nMerelbeke; Melle" → the distinct municipalities typed, one per line (or ; or ,). */
export function splitMunicipalityList(text: string): string[] {
	const seen = new Set<string>();
	const names: string[] = [];
	for (const part of text.split(/[\n;,]+/)) {
		const name = part.replace(/\s+/g, ' ').trim();
		if (name === '' || seen.has(name.toLowerCase())) continue;
		seen.add(name.toLowerCase());
		names.push(name);
	}
	return names;
}

/**
 * The NIS codes of the municipalities typed for an offer's area, or what could not be matched to one
 * current municipality (shown next to the field). `resolve` turns one typed name into a code (undefined
 * when unknown).
 */
export function resolveMunicipalityList(
	text: string,
	resolve: (typed: string) => string | null | undefined
): { nis: string[]; unknown: string[]; tooMany: boolean } {
	const names = splitMunicipalityList(text);
	const nis: string[] = [];
	const unknown: string[] = [];
	for (const name of names) {
		const code = resolve(name);
		if (!code) unknown.push(name);
		else if (!nis.includes(code)) nis.push(code);
	}
	return { nis, unknown, tooMany: nis.length > AREA_MUNICIPALITIES_MAX };
}
