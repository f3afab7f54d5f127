import { fieldErrors } from '$lib/forms';
import { describe, expect, it } from 'vitest';
import { reachSchema } from './reach';

describe('reachSchema', () => {
	it('accepts counts and leaves unknown target groups empty', () => {
		expect(
			reachSchema.parse({
				participants: '24',
				girls: '7',
				disadvantaged: '',
				nonDutchHomeLanguage: '3',
				specialNeeds: ''
			})
		).toEqual({
			participants: 24,
			girls: 7,
			disadvantaged: null,
			nonDutchHomeLanguage: 3,
			specialNeeds: null
		});
	});

	it('never has more girls or target-group children than participants', () => {
		const result = reachSchema.safeParse({
			participants: '10',
			girls: '11',
			disadvantaged: '12',
			nonDutchHomeLanguage: '',
			specialNeeds: '-1'
		});
		expect(result.success).toBe(false);
		if (result.success) return;
		expect(fieldErrors(result.error)).toEqual({
			specialNeeds: 'Vul een geheel getal in, zonder komma of punt.'
		});
		const second = reachSchema.safeParse({
			participants: '10',
			girls: '11',
			disadvantaged: '12',
			nonDutchHomeLanguage: '',
			specialNeeds: ''
		});
		expect(second.success).toBe(false);
		if (second.success) return;
		expect(fieldErrors(second.error)).toEqual({
			girls: 'Er kunnen niet meer meisjes zijn dan deelnemers.',
			disadvantaged: 'Dit aantal mag niet hoger zijn dan het aantal deelnemers.'
		});
	});

	it('wants the number of participants and girls', () => {
		const result = reachSchema.safeParse({
			participants: '',
			girls: '',
			disadvantaged: '',
			nonDutchHomeLanguage: '',
			specialNeeds: ''
		});
		expect(result.success).toBe(false);
		if (result.success) return;
		expect(fieldErrors(result.error)).toEqual({
			participants: 'Vul het aantal deelnemers in.',
			girls: 'Vul in hoeveel meisjes deelnamen (0 als er geen waren).'
		});
	});
});
