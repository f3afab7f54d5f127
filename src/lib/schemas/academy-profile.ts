// The academy profile form: S/T/E/M letters and accents, domains, ages, languages, recognition.
import { m } from '$lib/paraglide/messages';
import { DOMAINS, LANGUAGES, STEM_LETTERS } from '$lib/vocabulary';
import { z } from 'zod';
import { choices, optionalWholeNumber } from './fields';

export const AGE_MIN = 2;
export const AGE_MAX = 25;

export const academyProfileSchema = z
	.object({
		stemLetters: choices(STEM_LETTERS, () => m.app_error_choice()),
		accentLetters: choices(STEM_LETTERS, () => m.app_error_choice()),
		creativeLink: z.boolean(),
		domains: choices(DOMAINS, () => m.app_error_choice()),
		ageMin: optionalWholeNumber({ min: AGE_MIN, max: AGE_MAX }),
		ageMax: optionalWholeNumber({ min: AGE_MIN, max: AGE_MAX }),
		languages: choices(LANGUAGES, () => m.app_error_choice()).refine(
			(languages) => languages.length > 0,
			{ error: () => m.app_error_languages_required() }
		),
		officiallyRecognised: z.boolean()
	})
	.superRefine((form, ctx) => {
		if (form.accentLetters.some((letter) => !form.stemLetters.includes(letter))) {
			ctx.addIssue({ code: 'custom', path: ['accentLetters'], message: m.app_error_accents() });
		}
		if ((form.ageMin === null) !== (form.ageMax === null)) {
			const path = form.ageMin === null ? 'ageMin' : 'ageMax';
			ctx.addIssue({ code: 'custom', path: [path], message: m.app_error_ages_both() });
		} else if (form.ageMin !== null && form.ageMax !== null && form.ageMin > form.ageMax) {
			ctx.addIssue({ code: 'custom', path: ['ageMax'], message: m.app_error_age_order() });
		}
	});

export type AcademyProfileForm = z.infer<typeof academyProfileSchema>;

export type AcademyProfileValues = {
	stemLetters: string[];
	accentLetters: string[];
	creativeLink: boolean;
	domains: string[];
	ageMin: string;
	ageMax: string;
	languages: string[];
	officiallyRecognised: boolean;
};
