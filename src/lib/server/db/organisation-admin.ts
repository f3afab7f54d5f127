// Writing organisations: create, edit, private contact and academy profile. RLS decides who may; these
// functions turn the database's refusals into Dutch messages next to the right field.
import { m } from '$lib/paraglide/messages';
import type { AcademyProfileForm } from '$lib/schemas/academy-profile';
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
import { raiseDbError } from './db-errors';

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
	if (dbError) raiseDbError(dbError);
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
	if (dbError) raiseDbError(dbError);
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
	if (dbError) raiseDbError(dbError);
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
	if (dbError) raiseDbError(dbError);
	if (data.length !== 1) error(403, m.app_forbidden_admins_only());
}
