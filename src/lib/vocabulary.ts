// The platform's fixed vocabularies: the values Postgres checks, and the words people read for them. The
// one place in TypeScript that lists them; tests/integration/db/vocabularies.test.ts fails when the
// database's check constraints, its search labels or the messages disagree with this file.
import { m } from '$lib/paraglide/messages';

export const ORGANISATION_KINDS = ['academy', 'school', 'company', 'partner'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const PARTNER_TYPES = [
	'municipality_service',
	'fablab',
	'library',
	'museum',
	'training_centre',
	'other'
] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

export const DOMAINS = [
	'techniek',
	'programmeren',
	'natuur',
	'sterrenkunde',
	'wiskunde_natuurwetenschappen',
	'life_sciences',
	'andere'
] as const;
export type Domain = (typeof DOMAINS)[number];

export const FORMATS = [
	'losse_activiteit',
	'korte_reeks',
	'lange_reeks_semester',
	'lange_reeks_jaar',
	'kamp_zonder_overnachting',
	'kamp_met_overnachting'
] as const;
export type Format = (typeof FORMATS)[number];

export const STEM_LETTERS = ['S', 'T', 'E', 'M'] as const;
export type StemLetter = (typeof STEM_LETTERS)[number];

export const LANGUAGES = ['nl', 'fr', 'en', 'de', 'andere'] as const;
export type Language = (typeof LANGUAGES)[number];

export const MEMBERSHIP_ROLES = ['owner', 'admin', 'member'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/** Invitations never make someone owner; an owner promotes a member afterwards. */
export const INVITABLE_ROLES = ['admin', 'member'] as const satisfies readonly MembershipRole[];
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

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

export const ACTIVITY_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const VERIFICATION_STATUSES = ['unverified', 'verified', 'withdrawn'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

export const QUALITY_LABELS = ['none', 'candidate', 'awarded'] as const;
export type QualityLabel = (typeof QUALITY_LABELS)[number];

export const organisationKindLabel: Record<OrganisationKind, () => string> = {
	academy: m.kind_academy,
	school: m.kind_school,
	company: m.kind_company,
	partner: m.kind_partner
};

export const partnerTypeLabel: Record<PartnerType, () => string> = {
	municipality_service: m.partner_type_municipality_service,
	fablab: m.partner_type_fablab,
	library: m.partner_type_library,
	museum: m.partner_type_museum,
	training_centre: m.partner_type_training_centre,
	other: m.partner_type_other
};

export const domainLabel: Record<Domain, () => string> = {
	techniek: m.domain_techniek,
	programmeren: m.domain_programmeren,
	natuur: m.domain_natuur,
	sterrenkunde: m.domain_sterrenkunde,
	wiskunde_natuurwetenschappen: m.domain_wiskunde_natuurwetenschappen,
	life_sciences: m.domain_life_sciences,
	andere: m.domain_andere
};

/** The domains as form options: code and the words people read. */
export const domainOptions = () => DOMAINS.map((value) => ({ value, label: domainLabel[value]() }));

export const formatLabel: Record<Format, () => string> = {
	losse_activiteit: m.format_losse_activiteit,
	korte_reeks: m.format_korte_reeks,
	lange_reeks_semester: m.format_lange_reeks_semester,
	lange_reeks_jaar: m.format_lange_reeks_jaar,
	kamp_zonder_overnachting: m.format_kamp_zonder_overnachting,
	kamp_met_overnachting: m.format_kamp_met_overnachting
};

export const stemLetterLabel: Record<StemLetter, () => string> = {
	S: m.stem_s,
	T: m.stem_t,
	E: m.stem_e,
	M: m.stem_m
};

export const languageLabel: Record<Language, () => string> = {
	nl: m.language_name_nl,
	fr: m.language_name_fr,
	en: m.language_name_en,
	de: m.language_name_de,
	andere: m.language_name_other
};

export const roleLabel: Record<MembershipRole, () => string> = {
	owner: m.role_owner,
	admin: m.role_admin,
	member: m.role_member
};

export const personaLabel: Record<Persona, () => string> = {
	teacher: m.persona_teacher,
	volunteer: m.persona_volunteer,
	coordinator: m.persona_coordinator,
	company_rep: m.persona_company_rep,
	school_staff: m.persona_school_staff
};

export const visibilityLabel: Record<Visibility, () => string> = {
	public: m.visibility_public,
	members: m.visibility_members,
	private: m.visibility_private
};

export const activityStatusLabel: Record<ActivityStatus, () => string> = {
	draft: m.activity_status_draft,
	published: m.activity_status_published,
	cancelled: m.activity_status_cancelled
};

export const verificationStatusLabel: Record<VerificationStatus, () => string> = {
	unverified: m.verification_unverified,
	verified: m.verification_verified,
	withdrawn: m.verification_withdrawn
};

export const qualityLabelLabel: Record<QualityLabel, () => string> = {
	none: m.quality_label_none,
	candidate: m.quality_label_candidate,
	awarded: m.quality_label_awarded
};

/** Narrows a string from a form or URL to a vocabulary value. */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
	return typeof value === 'string' && (values as readonly string[]).includes(value);
}
