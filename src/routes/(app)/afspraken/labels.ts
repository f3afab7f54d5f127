// Words for agreements on their pages: status names, weekdays, date-times.
import { weekdayName } from '$lib/exchange-vocabulary';
import { m } from '$lib/paraglide/messages';
import type { AgreementStatus } from '$lib/schemas/agreement';

export const statusLabel: Record<AgreementStatus, () => string> = {
	proposed: m.ag_status_proposed,
	accepted: m.ag_status_accepted,
	declined: m.ag_status_declined,
	withdrawn: m.ag_status_withdrawn,
	fulfilled: m.ag_status_fulfilled
};

/** 1 → "maandag" … 7 → "zondag". */
export function weekdayLabel(weekday: number): string {
	return weekdayName(weekday) || String(weekday);
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
