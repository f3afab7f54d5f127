// How pages write prices, ages, dates, times and numbers: in the reader's language (Belgian Dutch or
// British English), one function per kind of value. The mail jobs use $lib/locale-format.js directly with
// the recipient's language.
import {
	formatDateIn,
	formatDateRangeIn,
	formatDateTimeIn,
	belgianDateIn,
	formatNumberIn,
	formatTimeIn,
	formatTimeRangeIn,
	readerLocale
} from '$lib/locale-format.js';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

const locale = () => readerLocale(getLocale());

/** 45 → "€ 45,00" / "€45.00"; 0 → "gratis" / "free". Prices come from Postgres numeric as number or string. */
export function formatPrice(price: number | string): string {
	const value = typeof price === 'string' ? Number(price) : price;
	if (!Number.isFinite(value)) return '';
	return value === 0
		? m.pub_free()
		: formatNumberIn(value, locale(), { style: 'currency', currency: 'EUR' });
}

/** 8–12 → "8 tot 12 jaar", 10–10 → "10 jaar"; no ages → null. */
export function formatAgeRange(min: number | null, max: number | null): string | null {
	if (min === null || max === null) return null;
	return min === max ? m.pub_age_single({ age: min }) : m.pub_age_range({ min, max });
}

/** "2026-03-04" → "wo 4 maart 2026" / "Wed 4 March 2026"; a calendar date never moves a day. */
export function formatDate(date: string, options: { year?: boolean } = {}): string {
	return formatDateIn(date, locale(), options);
}

/** The day a moment falls on in Belgium: "2027-01-09T23:30:00Z" → "zo 10 januari 2027". */
export function formatDayOf(moment: string | Date): string {
	return formatDate(todayInBelgium(new Date(moment)));
}

/** One day, or "za 7 maart – zo 8 maart 2026"; the year is written once when both dates share it. */
export function formatDateRange(start: string, end: string): string {
	return formatDateRangeIn(start, end, locale());
}

/** A clock time ("13:30:00") or a moment (in Belgian time) as "13:30", in both languages. */
export function formatTime(value: string | Date): string {
	return formatTimeIn(value);
}

/** "13:30:00", "16:00:00" → "13:30–16:00". */
export function formatTimeRange(start: string | Date, end: string | Date): string {
	return formatTimeRangeIn(start, end);
}

/** A moment in Belgian time: "za 9 januari 2027 om 13:30" / "Sat 9 January 2027 at 13:30". */
export function formatDateTime(moment: string | Date): string {
	return formatDateTimeIn(moment, locale());
}

/** 1250.5 → "1.250,5" / "1,250.5". */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
	return formatNumberIn(value, locale(), options);
}

/** "1 sessie", "12 sessies". */
export function formatSessions(count: number): string {
	return count === 1 ? m.pub_sessions_one() : m.pub_sessions_other({ count });
}

/** 3.456 km → "3,5 km"; under a kilometre → "< 1 km". */
export function formatDistance(km: number): string {
	if (km < 1) return m.pub_distance_under_one();
	// Rounded here to what shows, so that the written texts are kept by a tenth of a kilometre, not by
	// every distance between two places.
	return `${formatNumber(Math.round(km * 10) / 10, { maximumFractionDigits: 1 })} km`;
}

/** Today's date in Belgium as Postgres writes it ("2026-03-04"), for "upcoming" filters. */
export function todayInBelgium(now: Date = new Date()): string {
	return belgianDateIn(now);
}
