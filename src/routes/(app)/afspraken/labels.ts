// Words for agreements on their pages: status names, weekdays, date-times.
import { m } from '$lib/paraglide/messages';
import type { AgreementStatus } from '$lib/schemas/agreement';

export const statusLabel: Record<AgreementStatus, () => string> = {
	proposed: m.ag_status_proposed,
	accepted: m.ag_status_accepted,
	declined: m.ag_status_declined,
	withdrawn: m.ag_status_withdrawn,
	fulfilled: m.ag_status_fulfilled
};

const weekdays = [
	m.ag_weekday_1,
	m.ag_weekday_2,
	m.ag_weekday_3,
	m.ag_weekday_4,
	m.ag_weekday_5,
	m.ag_weekday_6,
	m.ag_weekday_7
];

/** 1 → "maandag" … 7 → "zondag". */
export function weekdayLabel(weekday: number): string {
	return weekdays[weekday - 1]?.() ?? String(weekday);
}

const dateTime = new Intl.DateTimeFormat('nl-BE', {
	dateStyle: 'long',
	timeStyle: 'short',
	timeZone: 'Europe/Brussels'
});

/** A moment as "4 maart 2026 om 14:05" in Belgian time. */
export function formatMoment(iso: string): string {
	return dateTime.format(new Date(iso));
}
