// Words for agreements on their pages: status names, weekdays, date-times.
import { weekdayName } from '$lib/exchange-vocabulary';
import { formatDateTime } from '$lib/public/format';

export { agreementStatusLabel as statusLabel } from '$lib/exchange-vocabulary';

/** 1 → "maandag" … 7 → "zondag". */
export function weekdayLabel(weekday: number): string {
	return weekdayName(weekday) || String(weekday);
}

/** A moment in Belgian time, in the reader's language: "wo 4 maart 2026 om 14:05". */
export function formatMoment(iso: string): string {
	return formatDateTime(iso);
}
