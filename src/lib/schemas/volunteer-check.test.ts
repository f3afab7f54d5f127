import { fieldErrors } from '$lib/forms';
import { describe, expect, it } from 'vitest';
import { volunteerCheckSchema, yearsBefore } from './volunteer-check';

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
