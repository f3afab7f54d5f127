import { describe, expect, it } from 'vitest';
import { registerSchema } from './auth';
import { profileSchema } from './profile';
import { refusedFields } from './refused';

describe('registerSchema', () => {
	it('reports every problem at once, in Dutch', () => {
		expect(
			refusedFields(registerSchema, {
				displayName: ' ',
				email: 'geen-adres',
				password: 'kort',
				passwordConfirm: 'anders'
			})
		).toEqual({
			displayName: 'Vul je naam in.',
			email: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.be.',
			password: 'Kies een wachtwoord van minstens 8 tekens.',
			passwordConfirm: 'De wachtwoorden komen niet overeen.'
		});
	});

	it('normalises the e-mail address', () => {
		const result = registerSchema.parse({
			displayName: 'An',
			email: '  An@Voorbeeld.BE ',
			password: 'lang-genoeg',
			passwordConfirm: 'lang-genoeg'
		});
		expect(result.email).toBe('an@voorbeeld.be');
	});
});

describe('profileSchema', () => {
	const valid = {
		displayName: 'Sara',
		personas: ['teacher', 'volunteer', 'teacher'],
		municipality: 'Gent — Oost-Vlaanderen',
		bio: 'Ik geef les.\r\nEn ik help graag.',
		visibility: 'members'
	};

	it('accepts a filled-in profile, without duplicate personas and with plain line breaks', () => {
		const result = profileSchema.parse(valid);
		expect(result.personas).toEqual(['teacher', 'volunteer']);
		expect(result.bio).toBe('Ik geef les.\nEn ik help graag.');
	});

	it('refuses unknown personas and visibilities and a bio over 500 characters', () => {
		expect(
			refusedFields(profileSchema, {
				...valid,
				personas: ['astronaut'],
				bio: 'x'.repeat(501),
				visibility: 'everyone'
			})
		).toEqual({
			personas: 'Kies enkel rollen uit de lijst.',
			bio: 'Je tekst mag maximaal 500 tekens lang zijn.',
			visibility: 'Kies wie je profiel mag zien.'
		});
	});
});
