import { describe, expect, it } from 'vitest';
import { reachSchema } from './reach';
import { refusedFields } from './refused';

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
		expect(
			refusedFields(reachSchema, {
				participants: '10',
				girls: '11',
				disadvantaged: '12',
				nonDutchHomeLanguage: '',
				specialNeeds: '-1'
			})
		).toEqual({
			specialNeeds: 'Vul een geheel getal in, zonder komma of punt.'
		});
		expect(
			refusedFields(reachSchema, {
				participants: '10',
				girls: '11',
				disadvantaged: '12',
				nonDutchHomeLanguage: '',
				specialNeeds: ''
			})
		).toEqual({
			girls: 'Er kunnen niet meer meisjes zijn dan deelnemers.',
			disadvantaged: 'Dit aantal mag niet hoger zijn dan het aantal deelnemers.'
		});
	});

	it('wants the number of participants and girls', () => {
		expect(
			refusedFields(reachSchema, {
				participants: '',
				girls: '',
				disadvantaged: '',
				nonDutchHomeLanguage: '',
				specialNeeds: ''
			})
		).toEqual({
			participants: 'Vul het aantal deelnemers in.',
			girls: 'Vul in hoeveel meisjes deelnamen (0 als er geen waren).'
		});
	});
});
