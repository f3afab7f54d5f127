// @ts-check
// Dates, times and numbers written for a reader's language, with the language passed in: the pages reach
// this through $lib/public/format.ts (which passes the current locale), the mail jobs (plain Node) call it
// with the recipient's. One clock format in both languages: 24 hours with a colon, "13:30–16:00".

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

/** @type {Map<string, Intl.DateTimeFormat>} */
const dateFormats = new Map();

/**
 * @param {Locale} locale
 * @param {Intl.DateTimeFormatOptions} options
 */
function dateFormat(locale, options) {
	const key = `${locale}|${JSON.stringify(options)}`;
	let format = dateFormats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(intlLocale(locale), options);
		dateFormats.set(key, format);
	}
	return format;
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
 * Calendar dates already written, by date, language and options. A list page writes one or two dates per
 * card through formatToParts (~5 µs each, a few percent of rendering /activiteiten), and the same few
 * hundred dates come back on every request. Emptied when full, so it never grows past this.
 * @type {Map<string, string>}
 */
const writtenDates = new Map();
const WRITTEN_DATES_KEPT = 5000;

/**
 * "2026-03-04" → "wo 4 maart 2026" / "Wed 4 March 2026".
 * @param {string} date
 * @param {Locale} locale
 * @param {{ year?: boolean, weekday?: 'short' | 'long' }} [options]
 */
export function formatDateIn(date, locale, options = {}) {
	const reader = readerLocale(locale);
	const key = `${date.slice(0, 10)} ${reader} ${options.year ?? ''} ${options.weekday ?? ''}`;
	let text = writtenDates.get(key);
	if (text === undefined) {
		if (writtenDates.size >= WRITTEN_DATES_KEPT) writtenDates.clear();
		text = dayText(reader, calendarDate(date), { ...options, timeZone: 'UTC' });
		writtenDates.set(key, text);
	}
	return text;
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
	const parts = dateFormat('nl', {
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
		timeZone: TIME_ZONE
	}).formatToParts(new Date(value));
	/** @param {Intl.DateTimeFormatPartTypes} type */
	const part = (type) => parts.find((p) => p.type === type)?.value ?? '';
	return `${part('hour')}:${part('minute')}`;
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
	const day = dayText(reader, date, { ...options, timeZone: TIME_ZONE });
	return `${day} ${WORDS[reader].at} ${formatTimeIn(date)}`;
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
	return numberFormat(readerLocale(locale), options).format(value);
}

/** @param {object} options */
function plain(options) {
	for (const _ in options) return false;
	return true;
}

/** @type {Map<string, Intl.NumberFormat>} */
const numberFormats = new Map();

/**
 * One formatter per language and options, kept (as dateFormat's): building an Intl.NumberFormat costs far
 * more than formatting, and a list page formats a number on every card.
 * @param {Locale} locale
 * @param {Intl.NumberFormatOptions} options
 */
function numberFormat(locale, options) {
	const key = `${locale}|${JSON.stringify(options)}`;
	let format = numberFormats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(intlLocale(locale), options);
		numberFormats.set(key, format);
	}
	return format;
}
