// Words for agreements on their pages: status names, weekdays, date-times.
import { weekdayName } from '$lib/exchange-vocabulary';

export { agreementStatusLabel as statusLabel } from '$lib/exchange-vocabulary';

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
