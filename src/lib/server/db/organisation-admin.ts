// Writing organisations: create, edit, private contact and academy profile. RLS decides who may; these
// functions turn the database's refusals into Dutch messages next to the right field.
import { m } from '$lib/paraglide/messages';
import type { AcademyProfileForm, AcademyProfileValues } from '$lib/schemas/academy-profile';
import type { CreateOrganisationForm } from '$lib/schemas/organisation';
import type { Db } from '$lib/server/supabase';
import type {
	MembershipRole,
	OrganisationKind,
	PartnerType,
	QualityLabel,
	VerificationStatus
} from '$lib/vocabulary';
import { error } from '@sveltejs/kit';
import { raiseDbError, type DbErrorRule } from './db-errors';

export type ManagedOrganisation = {
	id: string;
	slug: string;
	name: string;
	kind: OrganisationKind;
	verificationStatus: VerificationStatus;
	municipalityNis: string;
	role: MembershipRole | null;
};

/** An organisation by slug with the signed-in person's role in it (null when they do not belong). */
export async function getManagedOrganisation(
	db: Db,
	slug: string,
	userId: string
): Promise<ManagedOrganisation | null> {
	const { data, error: dbError } = await db
		.from('organisations')
		.select('id, slug, name, kind, verification_status, municipality_nis, memberships(role)')
		.eq('slug', slug)
		.eq('memberships.user_id', userId)
		.maybeSingle();
	if (dbError) throw dbError;
	if (!data) return null;
	return {
		id: data.id,
		slug: data.slug,
		name: data.name,
		kind: data.kind as OrganisationKind,
		verificationStatus: data.verification_status as VerificationStatus,
		municipalityNis: data.municipality_nis,
		role: (data.memberships[0]?.role as MembershipRole | undefined) ?? null
	};
}

export type MyOrganisation = {
	slug: string;
	name: string;
	kind: OrganisationKind;
	verificationStatus: VerificationStatus;
	role: MembershipRole;
};

/** The organisations the signed-in person belongs to, by name. */
export async function listMyOrganisations(db: Db, userId: string): Promise<MyOrganisation[]> {
	const { data, error: dbError } = await db
		.from('memberships')
		.select('role, organisations(slug, name, kind, verification_status)')
		.eq('user_id', userId);
	if (dbError) throw dbError;
	return data
		.flatMap(({ role, organisations: organisation }) =>
			organisation
				? [
						{
							slug: organisation.slug,
							name: organisation.name,
							kind: organisation.kind as OrganisationKind,
							verificationStatus: organisation.verification_status as VerificationStatus,
							role: role as MembershipRole
						}
					]
				: []
		)
		.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

type OrganisationField = keyof CreateOrganisationForm;

const organisationRules: readonly DbErrorRule<OrganisationField>[] = [
	{ constraint: 'organisations_slug_key', field: 'slug', text: () => m.app_error_slug_taken() },
	{ constraint: 'organisations_slug_format', field: 'slug', text: () => m.app_error_slug_format() },
	{ constraint: 'organisations_kind_known', field: 'kind', text: () => m.app_error_kind() },
	{
		constraint: 'organisations_partner_type_known',
		field: 'partnerType',
		text: () => m.app_error_partner_type()
	},
	{
		constraint: 'organisations_partner_type_only_for_partners',
		field: 'partnerType',
		text: () => m.app_error_partner_type()
	},
	{
		constraint: 'organisations_name_length',
		field: 'name',
		text: () => m.app_error_org_name_length()
	},
	{
		constraint: 'organisations_name_trimmed',
		field: 'name',
		text: () => m.app_error_org_name_length()
	},
	{
		constraint: 'organisations_description_length',
		field: 'description',
		text: () => m.app_error_description_too_long({ max: 5000 })
	},
	{
		constraint: 'organisations_website_format',
		field: 'website',
		text: () => m.app_error_url_invalid()
	},
	{
		constraint: 'organisations_public_email_format',
		field: 'publicEmail',
		text: () => m.error_email_invalid()
	},
	{
		constraint: 'organisations_public_phone_length',
		field: 'publicPhone',
		text: () => m.app_error_phone_too_long()
	},
	{
		constraint: 'organisations_street_address_length',
		field: 'streetAddress',
		text: () => m.app_error_address_too_long()
	},
	{
		constraint: 'organisations_postal_code_format',
		field: 'postalCode',
		text: () => m.app_error_postal_code()
	},
	{
		constraint: 'organisations_municipality_nis_fkey',
		field: 'municipality',
		text: () => m.error_municipality_unknown()
	},
	// Triggers: a municipality that merged into another, and the kind that never changes.
	{ code: '23514', message: /gemeente/i, field: 'municipality' },
	{ code: '23514', message: /soort/i, field: 'kind' },
	{
		constraint: 'organisation_contacts_contact_name_length',
		field: 'contactName',
		text: () => m.app_error_contact_name_too_long()
	},
	{
		constraint: 'organisation_contacts_email_format',
		field: 'contactEmail',
		text: () => m.error_email_invalid()
	},
	{
		constraint: 'organisation_contacts_phone_length',
		field: 'contactPhone',
		text: () => m.app_error_phone_too_long()
	}
];

export type OrganisationChanges = Omit<CreateOrganisationForm, 'municipality'> & {
	municipalityNis: string;
};

/** Left out on purpose: a trigger fills the point with the municipality's centroid. */
const pointFromMunicipality = {} as { lat: number; lng: number };

function organisationRow(form: OrganisationChanges) {
	return {
		partner_type: form.partnerType,
		name: form.name,
		slug: form.slug,
		description: form.description,
		website: form.website,
		public_email: form.publicEmail,
		public_phone: form.publicPhone,
		street_address: form.streetAddress,
		postal_code: form.postalCode,
		municipality_nis: form.municipalityNis
	};
}

async function saveContact(db: Db, organisationId: string, form: OrganisationChanges) {
	const { error: dbError } = await db.from('organisation_contacts').upsert(
		{
			organisation_id: organisationId,
			contact_name: form.contactName,
			email: form.contactEmail,
			phone: form.contactPhone
		},
		{ onConflict: 'organisation_id' }
	);
	if (dbError) raiseDbError(dbError, organisationRules);
}

const hasContact = (form: OrganisationChanges) =>
	form.contactName !== null || form.contactEmail !== null || form.contactPhone !== null;

/**
 * Creates the organisation; the database makes the signed-in person its owner (and an academy gets its
 * profile). Throws DbFieldError for refusals a person can fix, such as a taken slug.
 */
export async function createOrganisation(
	db: Db,
	form: OrganisationChanges
): Promise<{ id: string; slug: string }> {
	const { data, error: dbError } = await db
		.from('organisations')
		.insert({ kind: form.kind, ...organisationRow(form), ...pointFromMunicipality })
		.select('id, slug')
		.single();
	if (dbError) raiseDbError(dbError, organisationRules);
	if (hasContact(form)) await saveContact(db, data.id, form);
	return data;
}

/** Updates the organisation and its private contact; 403 when RLS lets nothing through. */
export async function updateOrganisation(
	db: Db,
	organisationId: string,
	form: OrganisationChanges
): Promise<{ slug: string }> {
	const { data, error: dbError } = await db
		.from('organisations')
		.update(organisationRow(form))
		.eq('id', organisationId)
		.select('slug');
	if (dbError) raiseDbError(dbError, organisationRules);
	// RLS turns an update of someone else's organisation into "0 rows", not an error.
	if (data.length !== 1) error(403, m.app_forbidden_admins_only());
	await saveContact(db, organisationId, form);
	return { slug: data[0]!.slug };
}

export type OrganisationDetails = {
	kind: OrganisationKind;
	partnerType: PartnerType | null;
	name: string;
	slug: string;
	description: string;
	website: string | null;
	publicEmail: string | null;
	publicPhone: string | null;
	streetAddress: string | null;
	postalCode: string | null;
	municipalityNis: string;
	contactName: string | null;
	contactEmail: string | null;
	contactPhone: string | null;
};

/** Everything the edit form shows, including the private contact (readable by members only). */
export async function getOrganisationDetails(
	db: Db,
	organisationId: string
): Promise<OrganisationDetails | null> {
	const { data, error: dbError } = await db
		.from('organisations')
		.select(
			'kind, partner_type, name, slug, description, website, public_email, public_phone, street_address, postal_code, municipality_nis, organisation_contacts(contact_name, email, phone)'
		)
		.eq('id', organisationId)
		.maybeSingle();
	if (dbError) throw dbError;
	if (!data) return null;
	const contact = Array.isArray(data.organisation_contacts)
		? data.organisation_contacts[0]
		: data.organisation_contacts;
	return {
		kind: data.kind as OrganisationKind,
		partnerType: data.partner_type as PartnerType | null,
		name: data.name,
		slug: data.slug,
		description: data.description,
		website: data.website,
		publicEmail: data.public_email,
		publicPhone: data.public_phone,
		streetAddress: data.street_address,
		postalCode: data.postal_code,
		municipalityNis: data.municipality_nis,
		contactName: contact?.contact_name ?? null,
		contactEmail: contact?.email ?? null,
		contactPhone: contact?.phone ?? null
	};
}

export type AcademyProfile = AcademyProfileForm & { qualityLabel: QualityLabel };

export async function getAcademyProfile(
	db: Db,
	organisationId: string
): Promise<AcademyProfile | null> {
	const { data, error: dbError } = await db
		.from('academy_profiles')
		.select(
			'stem_letters, accent_letters, creative_link, domains, age_min, age_max, languages, officially_recognised, quality_label'
		)
		.eq('organisation_id', organisationId)
		.maybeSingle();
	if (dbError) throw dbError;
	if (!data) return null;
	return {
		stemLetters: data.stem_letters as AcademyProfile['stemLetters'],
		accentLetters: data.accent_letters as AcademyProfile['accentLetters'],
		creativeLink: data.creative_link,
		domains: data.domains as AcademyProfile['domains'],
		ageMin: data.age_min,
		ageMax: data.age_max,
		languages: data.languages as AcademyProfile['languages'],
		officiallyRecognised: data.officially_recognised,
		qualityLabel: data.quality_label as QualityLabel
	};
}

const academyProfileRules: readonly DbErrorRule<keyof AcademyProfileValues>[] = [
	{
		constraint: 'academy_profiles_accents_within_stem_letters',
		field: 'accentLetters',
		text: () => m.app_error_accents()
	},
	{
		constraint: 'academy_profiles_ages_both_or_neither',
		field: 'ageMin',
		text: () => m.app_error_ages_both()
	},
	{
		constraint: 'academy_profiles_ages_in_range',
		field: 'ageMax',
		text: () => m.app_error_age_order()
	},
	{
		constraint: 'academy_profiles_stem_letters_known',
		field: 'stemLetters',
		text: () => m.app_error_choice()
	},
	{
		constraint: 'academy_profiles_domains_known',
		field: 'domains',
		text: () => m.app_error_choice()
	},
	{
		constraint: 'academy_profiles_languages_known',
		field: 'languages',
		text: () => m.app_error_choice()
	}
];

export async function updateAcademyProfile(
	db: Db,
	organisationId: string,
	form: AcademyProfileForm
): Promise<void> {
	const { data, error: dbError } = await db
		.from('academy_profiles')
		.update({
			stem_letters: form.stemLetters,
			accent_letters: form.accentLetters,
			creative_link: form.creativeLink,
			domains: form.domains,
			age_min: form.ageMin,
			age_max: form.ageMax,
			languages: form.languages,
			officially_recognised: form.officiallyRecognised
		})
		.eq('organisation_id', organisationId)
		.select('organisation_id');
	if (dbError) raiseDbError(dbError, academyProfileRules);
	if (data.length !== 1) error(403, m.app_forbidden_admins_only());
}
