import { fieldErrors } from '$lib/forms';
import { describe, expect, it } from 'vitest';
import {
	prefilledCheckValues,
	recordedName,
	volunteerCheckSchema,
	yearsBefore
} from './volunteer-check';

const today = '2026-11-27';
const schema = volunteerCheckSchema(today);

describe('yearsBefore', () => {
	it('goes back whole years, 29 February becoming 28 February', () => {
		expect(yearsBefore('2026-11-27', 3)).toBe('2023-11-27');
		expect(yearsBefore('2028-02-29', 3)).toBe('2025-02-28');
	});
});

describe('volunteerCheckSchema', () => {
	it('keeps the day seen and the trimmed names, never anything more', () => {
		expect(
			schema.parse({ volunteerName: ' Ann Peeters ', seenOn: '2026-11-01', seenByName: 'Jan' })
		).toEqual({ volunteerName: 'Ann Peeters', seenOn: '2026-11-01', seenByName: 'Jan' });
		expect(
			schema.parse({ volunteerName: 'Ann', seenOn: '2023-11-27', seenByName: 'Jan' }).seenOn
		).toBe('2023-11-27');
	});

	it('collapses inner whitespace in both names, as agreement names are', () => {
		expect(
			schema.parse({
				volunteerName: ' Jan  \t Peeters ',
				seenOn: '2026-11-01',
				seenByName: 'Els\n  Maes'
			})
		).toEqual({ volunteerName: 'Jan Peeters', seenOn: '2026-11-01', seenByName: 'Els Maes' });
	});

	it('refuses a day in the future or more than 3 years ago, and missing names', () => {
		const future = schema.safeParse({
			volunteerName: 'Ann',
			seenOn: '2026-11-28',
			seenByName: 'Jan'
		});
		expect(future.success || fieldErrors(future.error)).toEqual({
			seenOn: 'De datum waarop het uittreksel gezien werd, kan niet in de toekomst liggen.'
		});
		const old = schema.safeParse({ volunteerName: 'A', seenOn: '2023-11-26', seenByName: '' });
		expect(old.success || fieldErrors(old.error)).toEqual({
			volunteerName: 'Geef de naam van de vrijwilliger (2 tot 120 tekens).',
			seenOn: 'Dit uittreksel is ouder dan 3 jaar: vraag een recent uittreksel.',
			seenByName: 'Geef de naam van wie het uittreksel zag (2 tot 120 tekens).'
		});
		const missing = schema.safeParse({ volunteerName: 'Ann', seenOn: '', seenByName: 'Jan' });
		expect(missing.success || fieldErrors(missing.error)).toEqual({
			seenOn: 'Vul de datum in waarop het uittreksel gezien werd.'
		});
	});
});

describe('the record form from "nog geen recent uittreksel"', () => {
	it('prefills the name and the agreement from the link, nothing else', () => {
		const id = '0b6f2a4e-2c1d-4c8e-9a57-6f1f0b1a2c3d';
		expect(
			prefilledCheckValues(new URLSearchParams({ naam: '  Mentor   Een ', afspraak: id }))
		).toEqual({
			volunteerName: 'Mentor Een',
			seenOn: '',
			seenByName: '',
			agreementId: id
		});
		expect(prefilledCheckValues(new URLSearchParams({ afspraak: 'x' })).agreementId).toBe('');
	});

	it('keeps a valid agreement id and refuses a made-up one', () => {
		const id = '0b6f2a4e-2c1d-4c8e-9a57-6f1f0b1a2c3d';
		const values = { volunteerName: 'Ann', seenOn: '2026-11-01', seenByName: 'Jan' };
		expect(schema.parse({ ...values, agreementId: id }).agreementId).toBe(id);
		expect(schema.parse({ ...values, agreementId: '' }).agreementId).toBeNull();
		const bad = schema.safeParse({ ...values, agreementId: 'nope' });
		expect(bad.success || fieldErrors(bad.error)).toEqual({
			agreementId: 'Deze afspraak kennen we niet.'
		});
	});
});

describe('the notice after recording (?genoteerd=…)', () => {
	const listed = ['Mentor Een', 'Ann Peeters'];

	it('names a volunteer whose check is listed, as listed', () => {
		expect(recordedName(new URLSearchParams({ genoteerd: ' mentor   een ' }), listed)).toBe(
			'Mentor Een'
		);
	});

	it('says nothing without the flag or for a name without a check', () => {
		expect(recordedName(new URLSearchParams(), listed)).toBeNull();
		expect(recordedName(new URLSearchParams({ genoteerd: '' }), listed)).toBeNull();
		expect(recordedName(new URLSearchParams({ genoteerd: 'Niet Gezien' }), listed)).toBeNull();
	});
});
