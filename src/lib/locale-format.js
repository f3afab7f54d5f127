// @ts-check
// Dates, times and numbers written for a reader's language, with the language passed in: the pages reach
// this through $lib/public/format.ts (which passes the current locale), the mail jobs (plain Node) call it
// with the recipient's. One clock format in both languages: 24 hours with a colon, "13:30–16:00".

import { keptAnswers } from './kept.js';

/** @typedef {'nl' | 'en'} Locale */

const TIME_ZONE = 'Europe/Brussels';

/** Dutch as written in Flanders; English as in Britain ("Sat 9 January 2027", "1,250.5"). */
const INTL_LOCALE = /** @type {const} */ ({ nl: 'nl-BE', en: 'en-GB' });

/** @type {Record<Locale, { at: string }>} */
const WORDS = { nl: { at: 'om' }, en: { at: 'at' } };

/** @param {string} locale @returns {Locale} */
export function readerLocale(locale) {
	return locale === 'en' ? 'en' : 'nl';
}

/** @param {Locale} locale */
export function intlLocale(locale) {
	return INTL_LOCALE[readerLocale(locale)];
}

/**
 * Intl formatters by language and options: building one costs far more than formatting with it, and a list
 * page formats a date and a number on every card. The callers pass a handful of option sets.
 * @type {(key: string, make: () => Intl.DateTimeFormat) => Intl.DateTimeFormat}
 */
const dateFormats = keptAnswers(500);

/** @type {(key: string, make: () => Intl.NumberFormat) => Intl.NumberFormat} */
const numberFormats = keptAnswers(500);

/**
 * @param {Locale} locale
 * @param {Intl.DateTimeFormatOptions} options
 */
function dateFormat(locale, options) {
	return dateFormats(
		`${locale}|${JSON.stringify(options)}`,
		() => new Intl.DateTimeFormat(intlLocale(locale), options)
	);
}

/**
 * "weekday day month [year]" from the parts, so both languages read alike and no ICU version adds a comma
 * ("Sat, 9 January") or a period ("za. 9 januari").
 * @param {Locale} locale
 * @param {Date} date
 * @param {{ year?: boolean, weekday?: 'short' | 'long', month?: 'long' | 'short', timeZone: string }} options
 */
function dayText(locale, date, { year = true, weekday = 'short', month = 'long', timeZone }) {
	const parts = dateFormat(locale, {
		weekday,
		day: 'numeric',
		month,
		...(year ? { year: 'numeric' } : {}),
		timeZone
	}).formatToParts(date);
	/** @param {Intl.DateTimeFormatPartTypes} type */
	const part = (type) => parts.find((p) => p.type === type)?.value.replace(/\.$/, '') ?? '';
	return [part('weekday'), part('day'), part('month'), year ? part('year') : '']
		.filter(Boolean)
		.join(' ');
}

/**
 * A Postgres date ("2026-03-04") as a calendar date: noon UTC, formatted in UTC, so no time zone moves it
 * a day.
 * @param {string} date
 */
function calendarDate(date) {
	return new Date(`${date.slice(0, 10)}T12:00:00Z`);
}

/**
 * Text already written, by what was written, language and options: dates, moments and numbers. A list
 * page writes a date or two, a time and a price per card through Intl (microseconds each, a time zone
 * more, together a few percent of rendering a list), and the same values come back on every request.
 * @type {(key: string, write: () => string) => string}
 */
const written = keptAnswers(10_000);

/**
 * The options dayText() reads, as part of a key.
 * @param {{ year?: boolean, weekday?: 'short' | 'long', month?: 'long' | 'short' }} options
 */
function dayKey({ year, weekday, month }) {
	return `${year ?? ''} ${weekday ?? ''} ${month ?? ''}`;
}

/**
 * The date a moment falls on in Belgium, as Postgres writes it: 2026-03-04T23:30:00Z → "2026-03-05".
 * Kept by the hour: Belgium's offsets have been whole hours since 1892, so its days start on a whole
 * UTC hour, and "today" is asked by most loads.
 * @param {Date} moment
 */
export function belgianDateIn(moment) {
	return written(`day ${Math.floor(moment.getTime() / 3_600_000)}`, () =>
		belgianDate.format(moment)
	);
}

// en-CA writes dates as YYYY-MM-DD. Built once: building a formatter costs far more than formatting.
const belgianDate = new Intl.DateTimeFormat('en-CA', {
	timeZone: TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});

/**
 * "2026-03-04" → "wo 4 maart 2026" / "Wed 4 March 2026".
 * @param {string} date
 * @param {Locale} locale
 * @param {{ year?: boolean, weekday?: 'short' | 'long' }} [options]
 */
export function formatDateIn(date, locale, options = {}) {
	const reader = readerLocale(locale);
	return written(`date ${date.slice(0, 10)} ${reader} ${dayKey(options)}`, () =>
		dayText(reader, calendarDate(date), { ...options, timeZone: 'UTC' })
	);
}

/**
 * One day, or "za 7 maart – zo 8 maart 2026"; the year is written once when both dates share it.
 * @param {string} start
 * @param {string} end
 * @param {Locale} locale
 */
export function formatDateRangeIn(start, end, locale) {
	if (start === end) return formatDateIn(start, locale);
	const sameYear = start.slice(0, 4) === end.slice(0, 4);
	const from = formatDateIn(start, locale, { year: !sameYear });
	return `${from} – ${formatDateIn(end, locale)}`;
}

/**
 * A clock time ("13:30:00", "9:05") or a moment (an ISO timestamp, shown in Belgian time) as "13:30".
 * @param {string | Date} value
 */
export function formatTimeIn(value) {
	if (typeof value === 'string') {
		const clock = /^(\d{1,2}):(\d{2})/.exec(value);
		if (clock) return `${(clock[1] ?? '').padStart(2, '0')}:${clock[2]}`;
	}
	const date = new Date(value);
	return written(`time ${date.getTime()}`, () => {
		const parts = dateFormat('nl', {
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23',
			timeZone: TIME_ZONE
		}).formatToParts(date);
		/** @param {Intl.DateTimeFormatPartTypes} type */
		const part = (type) => parts.find((p) => p.type === type)?.value ?? '';
		return `${part('hour')}:${part('minute')}`;
	});
}

/**
 * "13:30:00", "16:00:00" → "13:30–16:00".
 * @param {string | Date} start
 * @param {string | Date} end
 */
export function formatTimeRangeIn(start, end) {
	return `${formatTimeIn(start)}–${formatTimeIn(end)}`;
}

/**
 * A moment in Belgian time: "za 9 januari 2027 om 13:30" / "Sat 9 January 2027 at 13:30".
 * @param {string | Date} moment
 * @param {Locale} locale
 * @param {{ year?: boolean, weekday?: 'short' | 'long', month?: 'long' | 'short' }} [options]
 */
export function formatDateTimeIn(moment, locale, options = {}) {
	const reader = readerLocale(locale);
	const date = new Date(moment);
	return written(`moment ${date.getTime()} ${reader} ${dayKey(options)}`, () => {
		const day = dayText(reader, date, { ...options, timeZone: TIME_ZONE });
		return `${day} ${WORDS[reader].at} ${formatTimeIn(date)}`;
	});
}

/**
 * 1250.5 → "1.250,5" / "1,250.5".
 * @param {number} value
 * @param {Locale} locale
 * @param {Intl.NumberFormatOptions} [options]
 */
export function formatNumberIn(value, locale, options = {}) {
	// A whole number from 0 to 999 without options reads the same in both languages (no separator, no
	// sign); Intl costs a few microseconds a call, and the coverage table formats 608 of them.
	if (
		Number.isInteger(value) &&
		value >= 0 &&
		value < 1000 &&
		!Object.is(value, -0) &&
		plain(options)
	) {
		return String(value);
	}
	const reader = readerLocale(locale);
	const shown = Object.is(value, -0) ? '-0' : value;
	return written(`number ${shown} ${reader} ${JSON.stringify(options)}`, () =>
		numberFormat(reader, options).format(value)
	);
}

/** @param {object} options */
function plain(options) {
	for (const _ in options) return false;
	return true;
}

/**
 * @param {Locale} locale
 * @param {Intl.NumberFormatOptions} options
 */
function numberFormat(locale, options) {
	return numberFormats(
		`${locale}|${JSON.stringify(options)}`,
		() => new Intl.NumberFormat(intlLocale(locale), options)
	);
}
