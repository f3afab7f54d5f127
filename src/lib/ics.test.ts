import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine, icsDateTime } from './ics';

const now = new Date('2026-12-01T09:00:00Z');
const event = {
	id: '11111111-2222-4333-8444-555555555555',
	title: 'STEM-café; robots, drones & meer',
	description: 'Eerste lijn\nTweede lijn met een \\ teken',
	location: 'Kouter 1, Gent',
	startsAt: '2026-12-10T18:30:00+01:00',
	endsAt: '2026-12-10T21:00:00+01:00',
	url: 'https://groeistoot.test/evenementen/11111111-2222-4333-8444-555555555555'
};

/** Unfolds a calendar (RFC 5545 3.1) into its content lines. */
const unfold = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n').slice(0, -1);

describe('icsDateTime', () => {
	it('writes a moment in UTC without separators', () => {
		expect(icsDateTime('2026-12-10T18:30:00+01:00')).toBe('20261210T173000Z');
		expect(icsDateTime('2026-07-01T10:00:00+02:00')).toBe('20260701T080000Z');
	});

	it('refuses what is not a moment', () => {
		expect(() => icsDateTime('morgen')).toThrow(RangeError);
	});
});

describe('escapeText', () => {
	it('escapes backslash, semicolon, comma and line breaks', () => {
		expect(escapeText('a\\b;c,d\r\ne\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
	});

	it('drops other control characters', () => {
		expect(escapeText('a\u0007b\tc')).toBe('abc');
	});
});

describe('foldLine', () => {
	it('leaves a short line alone', () => {
		expect(foldLine('SUMMARY:kort')).toBe('SUMMARY:kort');
	});

	it('folds at 75 octets, continuations starting with a space', () => {
		const folded = foldLine(`DESCRIPTION:${'x'.repeat(200)}`);
		const lines = folded.split('\r\n');
		expect(lines.length).toBeGreaterThan(2);
		for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
		for (const line of lines.slice(1)) expect(line.startsWith(' ')).toBe(true);
		expect(folded.replace(/\r\n /g, '')).toBe(`DESCRIPTION:${'x'.repeat(200)}`);
	});

	it('never splits a multi-byte character', () => {
		const line = `SUMMARY:${'é€'.repeat(60)}`;
		const folded = foldLine(line);
		for (const part of folded.split('\r\n')) {
			expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
			expect(part).not.toContain('\uFFFD');
		}
		expect(folded.replace(/\r\n /g, '')).toBe(line);
	});
});

describe('buildCalendar', () => {
	const ics = buildCalendar({ events: [event], now, domain: 'groeistoot.test', name: 'Gent' });

	it('ends every line with CRLF and holds no bare line feed', () => {
		expect(ics.endsWith('\r\n')).toBe(true);
		expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
	});

	it('is a calendar with one event carrying UID, DTSTAMP, start and end in UTC', () => {
		const lines = unfold(ics);
		expect(lines[0]).toBe('BEGIN:VCALENDAR');
		expect(lines).toContain('VERSION:2.0');
		expect(lines.at(-1)).toBe('END:VCALENDAR');
		expect(lines).toContain(`UID:${event.id}@groeistoot.test`);
		expect(lines).toContain('DTSTAMP:20261201T090000Z');
		expect(lines).toContain('DTSTART:20261210T173000Z');
		expect(lines).toContain('DTEND:20261210T200000Z');
		expect(lines).toContain('SUMMARY:STEM-café\\; robots\\, drones & meer');
		expect(lines).toContain('DESCRIPTION:Eerste lijn\\nTweede lijn met een \\\\ teken');
		expect(lines).toContain('STATUS:CONFIRMED');
		expect(lines).toContain('X-WR-CALNAME:Gent');
	});

	it('marks a cancelled event', () => {
		const lines = unfold(
			buildCalendar({ events: [{ ...event, cancelled: true }], now, domain: 'groeistoot.test' })
		);
		expect(lines).toContain('STATUS:CANCELLED');
	});

	it('is an empty calendar without events', () => {
		expect(unfold(buildCalendar({ events: [], now, domain: 'd' })).join('|')).toBe(
			'BEGIN:VCALENDAR|VERSION:2.0|PRODID:-//Groeistoot//Evenementen//NL|CALSCALE:GREGORIAN|METHOD:PUBLISH|END:VCALENDAR'
		);
	});
});
