// iCalendar (RFC 5545) for events: "add to calendar" files and calendar feeds. Pure: the caller passes the
// events and the moment the file is made. Times are written in UTC (DTSTART:…Z), which every calendar shows
// in its reader's own zone, so no VTIMEZONE block is needed.

export type CalendarEvent = {
	/** Stable identifier; the UID is `<id>@<domain>`. */
	id: string;
	title: string;
	description?: string;
	location?: string;
	startsAt: string | Date;
	endsAt: string | Date;
	url?: string;
	cancelled?: boolean;
	/** When the event last changed (LAST-MODIFIED). */
	updatedAt?: string | Date;
};

export type Calendar = {
	/** The calendar's name (X-WR-CALNAME), for feeds. */
	name?: string;
	events: readonly CalendarEvent[];
	/** When the file is made (DTSTAMP). */
	now: Date;
	/** The domain that makes the UIDs globally unique. */
	domain: string;
};

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** A moment as an RFC 5545 UTC date-time: 20261210T173000Z. */
export function icsDateTime(moment: string | Date): string {
	const date = typeof moment === 'string' ? new Date(moment) : moment;
	if (Number.isNaN(date.getTime())) throw new RangeError(`not a moment: ${String(moment)}`);
	return date
		.toISOString()
		.replace(/\.\d{3}Z$/, 'Z')
		.replace(/[-:]/g, '');
}

/** A TEXT value: backslash, semicolon and comma escaped, line breaks as \n, other controls dropped. */
export function escapeText(value: string): string {
	return (
		value
			.replace(/\r\n?/g, '\n')
			.replace(/\\/g, '\\\\')
			.replace(/;/g, '\\;')
			.replace(/,/g, '\\,')
			.replace(/\n/g, '\\n')
			// eslint-disable-next-line no-control-regex -- dropping control characters is the point
			.replace(/[\u0000-\u001f\u007f]/g, '')
	);
}

/**
 * One content line folded to at most 75 octets per line (continuations start with a space), never
 * splitting a UTF-8 character.
 */
export function foldLine(line: string): string {
	const encoder = new TextEncoder();
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	for (const char of line) {
		const size = encoder.encode(char).length;
		// The first line may hold 75 octets; a continuation's leading space counts towards its 75.
		const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
		if (octets + size > limit) {
			parts.push(current);
			current = '';
			octets = 0;
		}
		current += char;
		octets += size;
	}
	parts.push(current);
	return parts.join(`${CRLF} `);
}

function eventLines(event: CalendarEvent, { now, domain }: Pick<Calendar, 'now' | 'domain'>) {
	const lines = [
		'BEGIN:VEVENT',
		`UID:${event.id}@${domain}`,
		`DTSTAMP:${icsDateTime(now)}`,
		`DTSTART:${icsDateTime(event.startsAt)}`,
		`DTEND:${icsDateTime(event.endsAt)}`,
		`SUMMARY:${escapeText(event.title)}`
	];
	if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
	if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
	if (event.url) lines.push(`URL:${event.url}`);
	if (event.updatedAt) lines.push(`LAST-MODIFIED:${icsDateTime(event.updatedAt)}`);
	lines.push(`STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`, 'END:VEVENT');
	return lines;
}

/** A whole VCALENDAR: lines folded, each ending in CRLF. */
export function buildCalendar(calendar: Calendar): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Groeistoot//Evenementen//NL',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH'
	];
	if (calendar.name) lines.push(`X-WR-CALNAME:${escapeText(calendar.name)}`);
	for (const event of calendar.events) lines.push(...eventLines(event, calendar));
	lines.push('END:VCALENDAR');
	return lines.map((line) => foldLine(line) + CRLF).join('');
}

/** The headers of a calendar download (a feed is read inline; a single event is offered as a file). */
export function calendarHeaders(fileName: string, { download }: { download: boolean }) {
	return {
		'content-type': 'text/calendar; charset=utf-8',
		'content-disposition': `${download ? 'attachment' : 'inline'}; filename="${fileName}"`,
		'cache-control': 'private, no-store'
	};
}
