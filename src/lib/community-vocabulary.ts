// The words of local communities: who a person joins as, who is here by kind, a region's status. The
// values are the ones the database checks (20261203000000_communities.sql).
import { m } from '$lib/paraglide/messages';
import type { OrganisationKind } from '$lib/vocabulary';

export const PERSON_KINDS = ['teacher', 'volunteer', 'parent', 'officer', 'other'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

/** One person of this kind: "Leerkracht". */
export const personKindLabel: Record<PersonKind, () => string> = {
	teacher: m.cm_person_teacher,
	volunteer: m.cm_person_volunteer,
	parent: m.cm_person_parent,
	officer: m.cm_person_officer,
	other: m.cm_person_other
};

/** People of this kind, as a heading: "Leerkrachten". */
export const peopleKindLabel: Record<PersonKind, () => string> = {
	teacher: m.cm_people_teacher,
	volunteer: m.cm_people_volunteer,
	parent: m.cm_people_parent,
	officer: m.cm_people_officer,
	other: m.cm_people_other
};

/** Organisations of this kind, as a heading: "Academies". */
export const organisationKindPlural: Record<OrganisationKind, () => string> = {
	academy: m.cm_kind_academy,
	school: m.cm_kind_school,
	company: m.cm_kind_company,
	partner: m.cm_kind_partner
};

export const COMMUNITY_ROLES = ['member', 'host'] as const;
export type CommunityRole = (typeof COMMUNITY_ROLES)[number];

export const communityRoleLabel: Record<CommunityRole, () => string> = {
	member: m.cm_role_member,
	host: m.cm_role_host
};

export const COMMUNITY_STATUSES = ['proposed', 'active', 'declined'] as const;
export type CommunityStatus = (typeof COMMUNITY_STATUSES)[number];

export const communityStatusLabel: Record<CommunityStatus, () => string> = {
	proposed: m.cm_status_proposed,
	active: m.cm_status_active,
	declined: m.cm_status_declined
};

export const COMMUNITY_KINDS = ['municipality', 'region'] as const;

// Posts, comments, reports and the moderation log (20261203003000_posts.sql).
export const POST_KINDS = ['announcement', 'question', 'good_practice'] as const;
/** A post's or a comment's state: hidden ones reach only their author and the moderators. */
export const CONTENT_STATUSES = ['visible', 'hidden'] as const;
export const REPORT_STATUSES = ['open', 'handled'] as const;
export const MODERATION_ACTIONS = [
	'hide',
	'restore',
	'block',
	'unblock',
	'dismiss_report',
	'pin',
	'unpin'
] as const;

// Events and their RSVPs (20261203005000_community_events.sql); the kinds are EVENT_KINDS in schemas/event.ts.
export const EVENT_STATUSES = ['scheduled', 'cancelled'] as const;
export const RSVP_STATUSES = ['going', 'waiting', 'cancelled'] as const;
