// The "Mijn profiel" form; the municipality is resolved to a NIS code on the server after parsing.
import { m } from '$lib/paraglide/messages';
import { PERSONAS, VISIBILITIES } from '$lib/vocabulary';
import { z } from 'zod';
import { displayNameField } from './auth';

// The page reads the vocabularies from here with the rest of the form.
export { PERSONAS, VISIBILITIES, type Persona, type Visibility } from '$lib/vocabulary';

export const BIO_MAX = 500;

export const profileSchema = z.object({
	displayName: displayNameField,
	personas: z
		.array(z.enum(PERSONAS, { error: () => m.error_persona_invalid() }))
		.transform((personas) => [...new Set(personas)]),
	municipality: z.string().trim().max(200),
	bio: z
		.string()
		// Browsers send textarea line breaks as CRLF; count them as one character, like Postgres will.
		.transform((bio) => bio.replace(/\r\n?/g, '\n').trim())
		.pipe(z.string().max(BIO_MAX, { error: () => m.error_bio_too_long() })),
	visibility: z.enum(VISIBILITIES, { error: () => m.error_visibility_invalid() })
});

export type ProfileForm = z.infer<typeof profileSchema>;
