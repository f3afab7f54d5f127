// How the public pages write prices, ages, dates and numbers: Belgian Dutch, one function per kind of value.
import { m } from '$lib/paraglide/messages';

const TIME_ZONE = 'Europe/Brussels';

const euro = new Intl.NumberFormat('nl-BE', { style: 'currency', currency: 'EUR' });

/** 45 → "€ 45,00"; 0 → "gratis". Prices come from Postgres numeric as number or string. */
export function formatPrice(price: number | string): string {
	const value = typeof price === 'string' ? Number(price) : price;
	if (!Number.isFinite(value)) return '';
	return value === 0 ? m.pub_free() : euro.format(value);
}

/** 8–12 → "8 tot 12 jaar", 10–10 → "10 jaar"; no ages → null. */
export function formatAgeRange(min: number | null, max: number | null): string | null {
	if (min === null || max === null) return null;
	return min === max ? m.pub_age_single({ age: min }) : m.pub_age_range({ min, max });
}

/** A Postgres date ("2026-03-04") as a calendar date, without the time zone moving it a day. */
function calendarDate(date: string): Date {
	return new Date(`${date}T12:00:00Z`);
}

const longDate = new Intl.DateTimeFormat('nl-BE', {
	weekday: 'short',
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC'
});
const dayMonth = new Intl.DateTimeFormat('nl-BE', {
	weekday: 'short',
	day: 'numeric',
	month: 'long',
	timeZone: 'UTC'
});

/** "2026-03-04" → "wo 4 maart 2026". */
export function formatDate(date: string): string {
	return longDate.format(calendarDate(date));
}

/** One day, or "za 7 maart – zo 8 maart 2026"; the year is written once when both dates share it. */
export function formatDateRange(start: string, end: string): string {
	if (start === end) return formatDate(start);
	const sameYear = start.slice(0, 4) === end.slice(0, 4);
	const from = sameYear ? dayMonth.format(calendarDate(start)) : formatDate(start);
	return `${from} – ${formatDate(end)}`;
}

/** "1 sessie", "12 sessies". */
export function formatSessions(count: number): string {
	return count === 1 ? m.pub_sessions_one() : m.pub_sessions_other({ count });
}

/** 3.456 km → "3,5 km"; under a kilometre → "< 1 km". */
export function formatDistance(km: number): string {
	if (km < 1) return m.pub_distance_under_one();
	return `${new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 1 }).format(km)} km`;
}

/** Today's date in Belgium as Postgres writes it ("2026-03-04"), for "upcoming" filters. */
export function todayInBelgium(now: Date = new Date()): string {
	// en-CA writes dates as YYYY-MM-DD.
	return new Intl.DateTimeFormat('en-CA', {
		timeZone: TIME_ZONE,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(now);
}
