// The "Mijn profiel" form; the municipality is resolved to a NIS code on the server after parsing.
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';
import { displayNameField } from './auth';

export const PERSONAS = [
	'teacher',
	'volunteer',
	'coordinator',
	'company_rep',
	'school_staff'
] as const;
export type Persona = (typeof PERSONAS)[number];

export const VISIBILITIES = ['public', 'members', 'private'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

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
