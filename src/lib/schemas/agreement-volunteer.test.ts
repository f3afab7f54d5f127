import { fieldErrors } from '$lib/forms';
import { describe, expect, it } from 'vitest';
import {
	bringsPeople,
	firstSessionSchema,
	stillToCheck,
	volunteerNameSchema,
	type SessionCheck
} from './agreement-volunteer';

describe('volunteerNameSchema', () => {
	it('trims and collapses the spaces of a name', () => {
		expect(volunteerNameSchema.parse({ name: '  Mentor \t Een ' })).toEqual({ name: 'Mentor Een' });
	});

	it('refuses a name that is too short or too long, in Dutch', () => {
		for (const name of [' A ', 'x'.repeat(121)]) {
			const parsed = volunteerNameSchema.safeParse({ name });
			expect(parsed.success || fieldErrors(parsed.error)).toEqual({
				name: 'Een naam is 2 tot 120 tekens lang.'
			});
		}
	});
});

describe('firstSessionSchema', () => {
	it('takes a calendar day or nothing (to clear it)', () => {
		expect(firstSessionSchema.parse({ firstSessionOn: '2027-01-13' }).firstSessionOn).toBe(
			'2027-01-13'
		);
		expect(firstSessionSchema.parse({ firstSessionOn: ' ' }).firstSessionOn).toBeNull();
		const bad = firstSessionSchema.safeParse({ firstSessionOn: '2027-02-30' });
		expect(bad.success).toBe(false);
	});
});

describe('bringsPeople', () => {
	it('is true for volunteers, expertise and visits only', () => {
		expect(
			['volunteers', 'expertise', 'visit', 'room', 'materials', 'funding'].map(bringsPeople)
		).toEqual([true, true, true, false, false, false]);
	});
});

describe('stillToCheck', () => {
	const check = (
		volunteerName: string,
		state: SessionCheck['state'],
		firstSessionOn: string | null
	) => ({
		id: volunteerName,
		agreementId: 'a',
		volunteerName,
		firstSessionOn,
		seenOn: null,
		validUntil: null,
		state
	});

	it('leaves out who is in order and puts the soonest first session first, unknown dates last', () => {
		const list = stillToCheck([
			check('Zoë', 'missing', null),
			check('Bart', 'ok', '2027-01-01'),
			check('Ann', 'expired', '2027-03-01'),
			check('Cas', 'expires_before_session', '2027-01-10'),
			check('Bo', 'missing', '2027-03-01')
		]);
		expect(list.map((row) => row.volunteerName)).toEqual(['Cas', 'Ann', 'Bo', 'Zoë']);
	});
});
