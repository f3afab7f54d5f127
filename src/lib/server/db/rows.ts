// Small pieces every query module needs when it turns rows into what a page shows.
import type { WeeklySlot } from '$lib/schemas/offer';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a path parameter can be a row id; anything else is "not found" without asking Postgres. */
export const isUuid = (value: string): boolean => UUID.test(value);

/** A number as a form shows it: '' for none. */
export const formNumber = (value: number | null): string => (value === null ? '' : String(value));

/** An amount in euro as a form shows it, with a decimal comma: '' for none. */
export const formEuro = (value: number | null): string => formNumber(value).replace('.', ',');

/** Weekly slots as save_offer and save_request take them. */
export function slotRows(slots: readonly WeeklySlot[]) {
	return slots.map((slot) => ({
		weekday: slot.weekday,
		starts_at: slot.startsAt,
		ends_at: slot.endsAt
	}));
}

/** Weekly slot rows (offer_slots, request_slots) in week order, as the forms and pages use them. */
export function weeklySlots(
	rows: readonly { weekday: number; starts_at: string; ends_at: string }[]
): WeeklySlot[] {
	return rows
		.map((slot) => ({ weekday: slot.weekday, startsAt: slot.starts_at, endsAt: slot.ends_at }))
		.sort((a, b) => a.weekday - b.weekday || a.startsAt.localeCompare(b.startsAt));
}
