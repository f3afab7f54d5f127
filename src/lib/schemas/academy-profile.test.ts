import { fieldErrors } from '$lib/forms';
import { describe, expect, it } from 'vitest';
import { academyProfileSchema } from './academy-profile';
import { refusedFields } from './refused';

const valid = {
	stemLetters: ['T', 'S', 'T'],
	accentLetters: ['T'],
	creativeLink: true,
	domains: ['programmeren', 'techniek'],
	ageMin: '8',
	ageMax: '14',
	languages: ['nl', 'fr'],
	officiallyRecognised: false
};

describe('academyProfileSchema', () => {
	it('orders letters and domains as the vocabulary does and turns ages into numbers', () => {
		expect(academyProfileSchema.parse(valid)).toEqual({
			...valid,
			stemLetters: ['S', 'T'],
			domains: ['techniek', 'programmeren'],
			ageMin: 8,
			ageMax: 14
		});
	});

	it('allows no ages at all, but not only one', () => {
		expect(academyProfileSchema.parse({ ...valid, ageMin: '', ageMax: '' }).ageMin).toBeNull();
		const result = academyProfileSchema.safeParse({ ...valid, ageMin: '', ageMax: '12' });
		expect(result.success).toBe(false);
		if (!result.success) {
			expect(fieldErrors(result.error)).toEqual({
				ageMin: 'Vul zowel de jongste als de oudste leeftijd in, of laat beide leeg.'
			});
		}
	});

	it('wants accents among the letters, ages in order and at least one language', () => {
		expect(
			refusedFields(academyProfileSchema, {
				...valid,
				accentLetters: ['M'],
				ageMin: '16',
				ageMax: '10',
				languages: []
			})
		).toEqual({
			accentLetters: 'Een accent moet ook bij de letters die je academie aanbiedt aangevinkt zijn.',
			ageMax: 'De oudste leeftijd mag niet lager zijn dan de jongste.',
			languages: 'Kies minstens één taal.'
		});
	});

	it('refuses ages outside 2 to 25 and letters outside S, T, E, M', () => {
		expect(
			refusedFields(academyProfileSchema, {
				...valid,
				stemLetters: ['X'],
				ageMin: '1',
				ageMax: '8,5'
			})
		).toEqual({
			stemLetters: 'Kies enkel uit de lijst.',
			ageMin: 'Vul een getal van minstens 2 in.',
			ageMax: 'Vul een geheel getal in, zonder komma of punt.'
		});
	});
});
