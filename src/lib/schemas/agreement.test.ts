import { fieldErrors } from '$lib/forms';
import { describe, expect, it } from 'vitest';
import { allowedActions, fulfilSchema, messageSchema, noteSchema, writingSide } from './agreement';

const academy = 'academy';
const provider = 'provider';
const base = { academyId: academy, providerId: provider };

describe('messageSchema', () => {
	it('trims the message and refuses an empty or too long one', () => {
		expect(messageSchema.parse({ body: '  Hallo\r\nschool  ' })).toEqual({ body: 'Hallo\nschool' });
		const empty = messageSchema.safeParse({ body: '   ' });
		expect(empty.success || fieldErrors(empty.error)).toEqual({ body: 'Schrijf een bericht.' });
		const long = messageSchema.safeParse({ body: 'x'.repeat(4001) });
		expect(long.success || fieldErrors(long.error)).toEqual({
			body: 'Een bericht is hoogstens 4000 tekens lang.'
		});
	});
});

describe('fulfilSchema', () => {
	it('takes optional whole numbers and an optional thank-you note', () => {
		expect(
			fulfilSchema.parse({ givenSessions: '12', givenHours: '', givenItems: '0', thankYou: ' ' })
		).toEqual({ givenSessions: 12, givenHours: null, givenItems: 0, thankYou: null });
	});

	it('refuses negative or broken numbers and a long note', () => {
		const result = fulfilSchema.safeParse({
			givenSessions: '-1',
			givenHours: 'twee',
			givenItems: '',
			thankYou: 'x'.repeat(1001)
		});
		expect(result.success).toBe(false);
		if (result.success) return;
		expect(Object.keys(fieldErrors(result.error)).sort()).toEqual([
			'givenHours',
			'givenSessions',
			'thankYou'
		]);
	});
});

describe('allowedActions', () => {
	it('lets the other side accept or decline a proposal and the proposer withdraw it', () => {
		const proposal = { ...base, status: 'proposed' as const, proposedBy: academy };
		expect(allowedActions({ ...proposal, mySides: [provider] })).toEqual(['accept', 'decline']);
		expect(allowedActions({ ...proposal, mySides: [academy] })).toEqual(['withdraw']);
		expect(allowedActions({ ...proposal, mySides: [] })).toEqual([]);
		expect(allowedActions({ ...proposal, proposedBy: provider, mySides: [academy] })).toEqual([
			'accept',
			'decline'
		]);
	});

	it('lets the academy fulfil an accepted agreement and either side withdraw it', () => {
		const accepted = { ...base, status: 'accepted' as const, proposedBy: academy };
		expect(allowedActions({ ...accepted, mySides: [academy] })).toEqual(['fulfil', 'withdraw']);
		expect(allowedActions({ ...accepted, mySides: [provider] })).toEqual(['withdraw']);
	});

	it('offers nothing once declined, withdrawn or fulfilled', () => {
		for (const status of ['declined', 'withdrawn', 'fulfilled'] as const) {
			expect(allowedActions({ ...base, status, proposedBy: academy, mySides: [academy] })).toEqual(
				[]
			);
		}
	});
});

describe('allowedActions on a person agreement ("Ik wil helpen")', () => {
	const person = { academyId: academy, providerId: '', proposedBy: '', helper: { name: 'Sofie' } };
	it('lets the academy answer the proposal and the person withdraw it', () => {
		const proposed = { ...person, status: 'proposed' as const };
		expect(allowedActions({ ...proposed, mySides: [academy] })).toEqual(['accept', 'decline']);
		expect(allowedActions({ ...proposed, mySides: [], isHelper: true })).toEqual(['withdraw']);
		expect(allowedActions({ ...proposed, mySides: [] })).toEqual([]);
	});

	it('lets the academy fulfil an accepted one and either side withdraw it', () => {
		const accepted = { ...person, status: 'accepted' as const };
		expect(allowedActions({ ...accepted, mySides: [academy] })).toEqual(['fulfil', 'withdraw']);
		expect(allowedActions({ ...accepted, mySides: [], isHelper: true })).toEqual(['withdraw']);
	});
});

describe('writingSide', () => {
	it('writes for the academy when the person is on both sides, else for their side', () => {
		expect(writingSide({ ...base, mySides: [provider, academy] })).toBe(academy);
		expect(writingSide({ ...base, mySides: [provider] })).toBe(provider);
		expect(writingSide({ ...base, mySides: [] })).toBeNull();
	});
});

describe('noteSchema', () => {
	it('keeps a trimmed reason and drops an empty one', () => {
		expect(noteSchema.parse({ note: '  Geen plaats meer.  ' }).note).toBe('Geen plaats meer.');
		expect(noteSchema.parse({ note: '' }).note).toBeUndefined();
	});

	it('refuses a reason longer than 1000 characters', () => {
		expect(noteSchema.safeParse({ note: 'x'.repeat(1001) }).success).toBe(false);
		expect(noteSchema.safeParse({ note: 'x'.repeat(1000) }).success).toBe(true);
	});
});
