// The teacher or volunteer profile form (/profiel/leerkracht): subjects, grades, interests, a note, who
// may see it, the school (an id from the list the page offers) and the weekly slots (parsed by parseSlots).
import { m } from '$lib/paraglide/messages';
import { GRADES, HELPER_VISIBILITIES, INTERESTS, SUBJECTS } from '$lib/people-vocabulary';
import { z } from 'zod';

export const ABOUT_MAX = 500;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const choices = <T extends string>(values: readonly [T, ...T[]]) =>
	z
		.array(z.enum(values, { error: () => m.app_error_choice() }))
		.transform((chosen) => [...new Set(chosen)]);

export const teacherProfileSchema = z.object({
	school: z
		.string()
		.trim()
		.refine((value) => value === '' || UUID.test(value), { error: () => m.tp_error_school() })
		.transform((value) => (value === '' ? null : value.toLowerCase())),
	subjects: choices(SUBJECTS),
	grades: choices(GRADES),
	interests: choices(INTERESTS),
	about: z
		.string()
		// Browsers send textarea line breaks as CRLF; count them as one character, like Postgres will.
		.transform((about) => about.replace(/\r\n?/g, '\n').trim())
		.pipe(z.string().max(ABOUT_MAX, { error: () => m.tp_error_about_too_long() })),
	visibility: z.enum(HELPER_VISIBILITIES, { error: () => m.error_visibility_invalid() })
});

/** The form's values as sent (and shown again after an error). */
export type TeacherProfileValues = {
	school: string;
	subjects: string[];
	grades: string[];
	interests: string[];
	about: string;
	visibility: string;
};
export type TeacherProfileForm = z.output<typeof teacherProfileSchema>;
