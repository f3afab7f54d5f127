import { describe, expect, it } from 'vitest';
import {
	emptyRequestValues,
	isoWeekday,
	parseRequest,
	proposedBooking,
	requestSchema
} from './request';

const venue = {
	...emptyRequestValues('Lo-Reninge'),
	kind: 'venue',
	title: 'Een labo op woensdag',
	slotDay0: '3',
	slotStart0: '13:30',
	slotEnd0: '16:00'
};

describe('requestSchema', () => {
	it('accepts a venue request with a weekly slot', () => {
		const result = requestSchema.parse(venue);
		expect(result.slots).toEqual([{ weekday: 3, startsAt: '13:30', endsAt: '16:00' }]);
		expect(result.people).toBeNull();
	});

	it('refuses impossible times, dates out of order and a zero amount', () => {
		const result = parseRequest({
			...venue,
			slotEnd0: '13:00',
			neededFrom: '2027-03-01',
			neededUntil: '2027-02-01',
			amountEur: '0'
		});
		expect(result.success).toBe(false);
		const fields = result.success ? [] : Object.keys(result.errors).sort();
		expect(fields).toEqual(['amountEur', 'neededUntil', 'slotEnd0']);
	});

	it('refuses an unknown kind', () => {
		expect(requestSchema.safeParse({ ...venue, kind: 'room' }).success).toBe(false);
	});
});

describe('proposedBooking', () => {
	const candidate = {
		overlap: { weekday: 3, starts: '13:30:00', ends: '16:00:00' },
		termStart: '2027-01-04',
		termEnd: '2027-06-30',
		neededFrom: null,
		neededUntil: '2027-05-31'
	};

	it('books the common slot from the latest start to the earliest end', () => {
		expect(proposedBooking(candidate, '2027-02-10')).toEqual({
			weekday: 3,
			starts: '13:30',
			ends: '16:00',
			from: '2027-02-10',
			until: '2027-05-31'
		});
	});

	it('is null without a common slot or without that weekday in the period', () => {
		expect(proposedBooking({ ...candidate, overlap: null }, '2027-02-10')).toBeNull();
		expect(proposedBooking({ ...candidate, neededUntil: '2027-05-28' }, '2027-05-27')).toBeNull();
	});

	it('knows ISO weekdays', () => {
		expect(isoWeekday('2027-02-10')).toBe(3);
		expect(isoWeekday('2027-02-14')).toBe(7);
	});
});
