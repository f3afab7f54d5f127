// Forms for creating and editing an organisation, and for network staff's verification decision.
import { m } from '$lib/paraglide/messages';
import { ORGANISATION_KINDS, PARTNER_TYPES } from '$lib/vocabulary';
import { text } from '$lib/forms';
import { z } from 'zod';
import { optionalEmail, optionalText, optionalUrl, plainText, uuid } from './fields';

export const SLUG_MIN = 3;
export const SLUG_MAX = 80;
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const DESCRIPTION_MAX = 5000;

/** "STEM-academie Sint-Niklaas & Co" → "stem-academie-sint-niklaas-en-co", at most 80 characters. */
export function slugify(name: string): string {
	const slug = name
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase()
		.replace(/&/g, ' en ')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	if (slug.length <= SLUG_MAX) return slug;
	// Cut at a word boundary when there is one, so the address does not end in half a word.
	const cut = slug.slice(0, SLUG_MAX + 1);
	const lastDash = cut.lastIndexOf('-');
	return (lastDash >= SLUG_MIN ? cut.slice(0, lastDash) : slug.slice(0, SLUG_MAX)).replace(
		/-+$/,
		''
	);
}

export const slugField = z
	.string()
	.trim()
	.toLowerCase()
	.min(1, { error: () => m.app_error_slug_required() })
	.pipe(
		z
			.string()
			.min(SLUG_MIN, { error: () => m.app_error_slug_length({ min: SLUG_MIN, max: SLUG_MAX }) })
			.max(SLUG_MAX, { error: () => m.app_error_slug_length({ min: SLUG_MIN, max: SLUG_MAX }) })
			.regex(SLUG_PATTERN, { error: () => m.app_error_slug_format() })
	);

const organisationFields = {
	name: z
		.string()
		.trim()
		.min(2, { error: () => m.app_error_org_name_length() })
		.max(120, { error: () => m.app_error_org_name_length() }),
	slug: slugField,
	description: plainText(DESCRIPTION_MAX, () =>
		m.app_error_description_too_long({ max: DESCRIPTION_MAX })
	),
	website: optionalUrl(300),
	publicEmail: optionalEmail(),
	publicPhone: optionalText(40, () => m.app_error_phone_too_long()).refine(
		(phone) => phone === null || /^[0-9+()./\s-]+$/.test(phone),
		{ error: () => m.app_error_phone_invalid() }
	),
	streetAddress: optionalText(200, () => m.app_error_address_too_long()),
	postalCode: z
		.string()
		.trim()
		.refine((code) => code === '' || /^[0-9]{4}$/.test(code), {
			error: () => m.app_error_postal_code()
		})
		.transform((code) => (code === '' ? null : code)),
	municipality: z
		.string()
		.trim()
		.min(1, { error: () => m.app_error_municipality_required() })
		.max(200),
	contactName: optionalText(120, () => m.app_error_contact_name_too_long()),
	contactEmail: optionalEmail(),
	contactPhone: optionalText(40, () => m.app_error_phone_too_long())
};

/** Creating: the kind is chosen once and decides what else the organisation has (an academy profile). */
export const createOrganisationSchema = z
	.object({
		kind: z.enum(ORGANISATION_KINDS, { error: () => m.app_error_kind() }),
		partnerType: z.string(),
		...organisationFields
	})
	.superRefine((form, ctx) => {
		if (
			form.kind === 'partner' &&
			!(PARTNER_TYPES as readonly string[]).includes(form.partnerType)
		) {
			ctx.addIssue({ code: 'custom', path: ['partnerType'], message: m.app_error_partner_type() });
		}
	})
	.transform(({ partnerType, ...form }) => ({
		...form,
		partnerType: form.kind === 'partner' ? (partnerType as (typeof PARTNER_TYPES)[number]) : null
	}));

export type CreateOrganisationForm = z.infer<typeof createOrganisationSchema>;

/** Editing: the kind stays what it is (it is passed in from the stored organisation, not from the form). */
export const editOrganisationSchema = createOrganisationSchema;

/** The text fields of the organisation form, as typed; what a failed submit sends back. */
export type OrganisationValues = Record<
	| 'kind'
	| 'partnerType'
	| 'name'
	| 'slug'
	| 'description'
	| 'website'
	| 'publicEmail'
	| 'publicPhone'
	| 'streetAddress'
	| 'postalCode'
	| 'municipality'
	| 'contactName'
	| 'contactEmail'
	| 'contactPhone',
	string
>;

export const ORGANISATION_FIELDS = [
	'kind',
	'partnerType',
	'name',
	'slug',
	'description',
	'website',
	'publicEmail',
	'publicPhone',
	'streetAddress',
	'postalCode',
	'municipality',
	'contactName',
	'contactEmail',
	'contactPhone'
] as const satisfies readonly (keyof OrganisationValues)[];

/** The slug someone typed, or one suggested from the name when they left it empty. */
export function withSuggestedSlug(values: OrganisationValues): OrganisationValues {
	return values.slug.trim() === '' ? { ...values, slug: slugify(values.name) } : values;
}

export const NOTE_MAX = 500;

/** Network staff verify an organisation or withdraw its verification, with an optional note. */
export const verificationSchema = z.object({
	organisationId: uuid(),
	decision: z.enum(['verify', 'withdraw'], { error: () => m.app_error_unknown_item() }),
	note: plainText(NOTE_MAX, () => m.app_error_note_too_long({ max: NOTE_MAX })).transform((note) =>
		note === '' ? null : note
	)
});

/** The organisation form's fields as typed, from a submitted form. */
export function organisationValues(form: FormData): OrganisationValues {
	const values = {} as OrganisationValues;
	for (const field of ORGANISATION_FIELDS) values[field] = text(form, field);
	return values;
}
