// The fixed vocabularies live in src/lib/vocabulary.ts and src/lib/exchange-vocabulary.ts; the database
// checks the same values in its check constraints and has Dutch words for some in private.search_label(),
// for text search. This test reads both from the running database and fails when they disagree with the
// TypeScript vocabularies, or when a value has no message in Dutch or in English.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	AGREEMENT_STATUSES,
	OFFER_KINDS,
	OFFER_STATUSES,
	REQUEST_KINDS,
	REQUEST_STATUSES,
	ROOM_CONDITIONS,
	ROOM_TYPES,
	agreementStatusLabel,
	offerKindLabel,
	offerStatusLabel,
	requestKindLabel,
	requestStatusLabel,
	roomConditionLabel,
	roomTypeLabel
} from '$lib/exchange-vocabulary';
import {
	COMMUNITY_KINDS,
	COMMUNITY_ROLES,
	COMMUNITY_STATUSES,
	CONTENT_STATUSES,
	EVENT_STATUSES,
	MODERATION_ACTIONS,
	PERSON_KINDS,
	POST_KINDS,
	REPORT_STATUSES,
	RSVP_STATUSES,
	communityRoleLabel,
	communityStatusLabel,
	personKindLabel
} from '$lib/community-vocabulary';
import { DELIVERIES, deliveryLabels, notificationKindLabel } from '$lib/notification-labels';
import {
	APPLICATION_STATUSES,
	QUALITY_ACTIONS,
	QUALITY_CRITERIA,
	VERDICTS,
	applicationStatusLabel,
	criterionExplanation,
	criterionLabel,
	qualityActionLabel,
	verdictLabel
} from '$lib/quality-vocabulary';
import { m } from '$lib/paraglide/messages';
import { locales } from '$lib/paraglide/runtime';
import { EVENT_KINDS } from '$lib/schemas/event';
import { STARTER_OFFERS, STARTER_ROLES, STARTER_SHOWN_AS } from '$lib/schemas/starters';
import { COVERAGE_PROVINCES } from '$lib/published-labels';
import { SEARCH_INDEXES } from '$lib/server/search/types/registry';
import {
	ACTIVITY_STATUSES,
	DOMAINS,
	FORMATS,
	INVITABLE_ROLES,
	LANGUAGES,
	MEMBERSHIP_ROLES,
	ORGANISATION_KINDS,
	PARTNER_TYPES,
	PERSONAS,
	QUALITY_LABELS,
	STEM_LETTERS,
	VERIFICATION_STATUSES,
	VISIBILITIES,
	activityStatusLabel,
	domainLabel,
	formatLabel,
	languageLabel,
	organisationKindLabel,
	partnerTypeLabel,
	personaLabel,
	qualityLabelLabel,
	roleLabel,
	stemLetterLabel,
	verificationStatusLabel,
	visibilityLabel
} from '$lib/vocabulary';
import {
	GRADES,
	HELPER_VISIBILITIES,
	INTERESTS,
	SCHOOL_LINK_STATUSES,
	SUBJECTS,
	gradeLabel,
	helperVisibilityLabel,
	interestLabel,
	schoolLinkStatusLabel,
	subjectLabel
} from '$lib/people-vocabulary';
import { testPeople } from './people.js';

type Label = (inputs?: object, options?: { locale?: 'nl' | 'en' }) => string;

type Vocabulary = {
	values: readonly string[];
	/** The words people read for each value; absent for values people never read. */
	labels?: Readonly<Record<string, Label>>;
	/** The check constraints that allow exactly these values. */
	constraints: readonly string[];
	/** The vocabulary's name in private.search_label(), when text search finds its values by their words. */
	searchLabel?: string;
};

const VOCABULARIES: Record<string, Vocabulary> = {
	domains: {
		values: DOMAINS,
		labels: domainLabel,
		constraints: [
			'academy_profiles_domains_known',
			'activities_domains_known',
			'good_practices_domains_known',
			'offers_domains_known',
			'requests_domains_known'
		],
		searchLabel: 'domain'
	},
	formats: {
		values: FORMATS,
		labels: formatLabel,
		constraints: ['activities_format_known', 'good_practices_format_known'],
		searchLabel: 'format'
	},
	'organisation kinds': {
		values: ORGANISATION_KINDS,
		labels: organisationKindLabel,
		constraints: ['organisations_kind_known'],
		searchLabel: 'organisation_kind'
	},
	'partner types': {
		values: PARTNER_TYPES,
		labels: partnerTypeLabel,
		constraints: ['organisations_partner_type_known'],
		searchLabel: 'partner_type'
	},
	'STEM letters': {
		values: STEM_LETTERS,
		labels: stemLetterLabel,
		constraints: ['academy_profiles_stem_letters_known', 'good_practices_stem_letters_known']
	},
	languages: {
		values: LANGUAGES,
		labels: languageLabel,
		constraints: ['academy_profiles_languages_known']
	},
	'membership roles': {
		values: MEMBERSHIP_ROLES,
		labels: roleLabel,
		constraints: ['memberships_role_known']
	},
	'invitable roles': {
		values: INVITABLE_ROLES,
		labels: roleLabel,
		constraints: ['invitations_role_known']
	},
	personas: { values: PERSONAS, labels: personaLabel, constraints: ['profiles_personas_known'] },
	visibilities: {
		values: VISIBILITIES,
		labels: visibilityLabel,
		constraints: ['profiles_visibility_known']
	},
	'activity statuses': {
		values: ACTIVITY_STATUSES,
		labels: activityStatusLabel,
		constraints: ['activities_status_known']
	},
	'verification statuses': {
		values: VERIFICATION_STATUSES,
		labels: verificationStatusLabel,
		constraints: ['organisations_verification_status_known']
	},
	// The log of verification decisions: every status but the one an organisation starts with.
	'verification decisions': {
		values: VERIFICATION_STATUSES.filter((status) => status !== 'unverified'),
		labels: verificationStatusLabel,
		constraints: ['organisation_verification_events_action_known']
	},
	'quality labels': {
		values: QUALITY_LABELS,
		labels: qualityLabelLabel,
		constraints: ['academy_profiles_quality_label_known']
	},
	'offer kinds': {
		values: OFFER_KINDS,
		labels: offerKindLabel,
		constraints: ['offers_kind_known'],
		searchLabel: 'offer_kind'
	},
	'request kinds': {
		values: REQUEST_KINDS,
		labels: requestKindLabel,
		constraints: ['requests_kind_known'],
		searchLabel: 'request_kind'
	},
	'room types': {
		values: ROOM_TYPES,
		labels: roomTypeLabel,
		constraints: ['offers_room_type_known'],
		searchLabel: 'room_type'
	},
	'room conditions': {
		values: ROOM_CONDITIONS,
		labels: roomConditionLabel,
		constraints: ['offers_conditions_known']
	},
	'offer statuses': {
		values: OFFER_STATUSES,
		labels: offerStatusLabel,
		constraints: ['offers_status_known']
	},
	'request statuses': {
		values: REQUEST_STATUSES,
		labels: requestStatusLabel,
		constraints: ['requests_status_known']
	},
	'agreement statuses': {
		values: AGREEMENT_STATUSES,
		labels: agreementStatusLabel,
		constraints: ['agreements_status_known', 'agreement_events_status_known']
	},
	'notification deliveries': {
		values: DELIVERIES,
		labels: deliveryLabels,
		constraints: [
			'notification_preferences_delivery_known',
			'notification_kinds_admin_default_known',
			'notification_kinds_member_default_known'
		]
	},
	// A notification that was sent went somewhere: every delivery but none.
	'notification deliveries made': {
		values: DELIVERIES.filter((delivery) => delivery !== 'none'),
		labels: deliveryLabels,
		constraints: ['notifications_delivery_known']
	},
	subjects: {
		values: SUBJECTS,
		labels: subjectLabel,
		constraints: ['helper_profiles_subjects_known']
	},
	grades: { values: GRADES, labels: gradeLabel, constraints: ['helper_profiles_grades_known'] },
	interests: {
		values: INTERESTS,
		labels: interestLabel,
		constraints: ['helper_profiles_interests_known']
	},
	'helper profile visibilities': {
		values: HELPER_VISIBILITIES,
		labels: helperVisibilityLabel,
		constraints: ['helper_profiles_visibility_known']
	},
	'school link statuses': {
		values: SCHOOL_LINK_STATUSES,
		labels: schoolLinkStatusLabel,
		constraints: ['helper_school_links_status_known']
	},
	'community kinds': { values: COMMUNITY_KINDS, constraints: ['communities_kind_known'] },
	'community statuses': {
		values: COMMUNITY_STATUSES,
		labels: communityStatusLabel,
		constraints: ['communities_status_known']
	},
	'community roles': {
		values: COMMUNITY_ROLES,
		labels: communityRoleLabel,
		constraints: ['community_members_role_known']
	},
	'person kinds': {
		values: PERSON_KINDS,
		labels: personKindLabel,
		constraints: ['community_members_person_kind_known']
	},
	'post kinds': { values: POST_KINDS, constraints: ['posts_kind_known'] },
	'content statuses': {
		values: CONTENT_STATUSES,
		constraints: ['posts_status_known', 'post_comments_status_known']
	},
	'report statuses': { values: REPORT_STATUSES, constraints: ['post_reports_status_known'] },
	'moderation actions': {
		values: MODERATION_ACTIONS,
		constraints: ['moderation_events_action_known']
	},
	'event kinds': { values: EVENT_KINDS, constraints: ['community_events_kind_known'] },
	'event statuses': { values: EVENT_STATUSES, constraints: ['community_events_status_known'] },
	'RSVP statuses': { values: RSVP_STATUSES, constraints: ['event_rsvps_status_known'] },
	'quality criteria': {
		values: QUALITY_CRITERIA,
		labels: criterionLabel,
		constraints: ['quality_assessments_criterion_known']
	},
	'quality criteria explained': {
		values: QUALITY_CRITERIA,
		labels: criterionExplanation,
		constraints: ['quality_assessments_criterion_known']
	},
	'quality application statuses': {
		values: APPLICATION_STATUSES,
		labels: applicationStatusLabel,
		constraints: ['quality_applications_status_known']
	},
	'quality verdicts': {
		values: VERDICTS,
		labels: verdictLabel,
		constraints: ['quality_assessments_verdict_known']
	},
	'quality history': {
		values: QUALITY_ACTIONS,
		labels: qualityActionLabel,
		constraints: ['quality_events_action_known']
	},
	'starter roles': { values: STARTER_ROLES, constraints: ['starter_interests_role_known'] },
	'what starters bring': {
		values: STARTER_OFFERS,
		constraints: ['starter_interests_offers_known']
	},
	'how starters are shown': {
		values: STARTER_SHOWN_AS,
		constraints: ['starter_interests_shown_as_known']
	},
	// A coaching academy names the provinces it coaches in by the published tables' names.
	'coaching provinces': {
		values: COVERAGE_PROVINCES,
		constraints: ['academy_coaching_offers_provinces_known']
	},
	'search indexes': { values: SEARCH_INDEXES, constraints: ['search_outbox_index_uid_known'] },
	// The languages the interface speaks are the ones a person's mails can be written in.
	locales: { values: locales, constraints: ['account_locales_locale_known'] }
};

/** Check constraints with a list of allowed values that are not a vocabulary of the app's, and why. */
const NOT_A_VOCABULARY: Record<string, string> = {
	municipalities_region_check:
		'reference data: Belgium’s regions, loaded by a migration, never chosen'
};

const people = testPeople('vocabularies');

afterAll(() => people.remove());

let allowed: Map<string, string[]>;
let searchLabels: Record<string, Record<string, string>>;

beforeAll(async () => {
	const constraints = await people.query<{ name: string; definition: string }>(`
		select c.conname as name, pg_get_constraintdef(c.oid) as definition
		from pg_constraint c
		join pg_class t on t.oid = c.conrelid
		join pg_namespace n on n.oid = t.relnamespace
		where n.nspname = 'public' and c.contype = 'c'
	`);
	// `kind = ANY (ARRAY['room'::text, ...])` or `domains <@ ARRAY['techniek'::text, ...]`.
	allowed = new Map(
		constraints.flatMap(({ name, definition }) => {
			const list = /ARRAY\[('[^\]]*'::text)\]/.exec(definition)?.[1];
			const values = list
				? [...list.matchAll(/'([^']*)'::text/g)].map(([, value = '']) => value)
				: [];
			return list ? [[name, values] as const] : [];
		})
	);
	const [searchLabel] = await people.query<{ source: string }>(`
		select p.prosrc as source
		from pg_proc p
		join pg_namespace n on n.oid = p.pronamespace
		where n.nspname = 'private' and p.proname = 'search_label'
	`);
	const json = /'(\{[\s\S]*\})'::jsonb/.exec(searchLabel?.source ?? '')?.[1] ?? 'null';
	searchLabels = JSON.parse(json.replaceAll("''", "'"));
});

const sorted = (values: readonly string[]) => [...values].sort();

describe('the vocabularies', () => {
	it('finds the lists of allowed values in the catalog', () => {
		// A guard against a catalog query that silently finds nothing.
		expect(allowed.get('offers_kind_known')).toContain('room');
		expect(Object.keys(searchLabels)).toContain('domain');
	});

	it('have a vocabulary in TypeScript for every check constraint with a list of allowed values', () => {
		const checked = new Set(Object.values(VOCABULARIES).flatMap((v) => v.constraints));
		const unknown = [...allowed.keys()].filter(
			(name) => !checked.has(name) && !Object.hasOwn(NOT_A_VOCABULARY, name)
		);
		expect(unknown.sort()).toEqual([]);
	});

	for (const [name, vocabulary] of Object.entries(VOCABULARIES)) {
		it(`allow the same ${name} in the database as in TypeScript`, () => {
			for (const constraint of vocabulary.constraints) {
				expect(allowed.get(constraint), constraint).toBeDefined();
				expect(sorted(allowed.get(constraint)!), constraint).toEqual(sorted(vocabulary.values));
			}
		});
	}
});

describe('the words for each value', () => {
	const messages = {
		nl: JSON.parse(readFileSync('messages/nl.json', 'utf8')) as Record<string, unknown>,
		en: JSON.parse(readFileSync('messages/en.json', 'utf8')) as Record<string, unknown>
	};
	const keyOf = new Map(Object.entries(m).map(([key, message]) => [message as unknown, key]));
	const labelled = Object.entries(VOCABULARIES).filter(([, vocabulary]) => vocabulary.labels);

	for (const [name, { values, labels }] of labelled) {
		it(`are messages in Dutch and English for every one of the ${name}`, () => {
			const missing = values.flatMap((value) => {
				const key = labels && Object.hasOwn(labels, value) ? keyOf.get(labels[value]) : undefined;
				if (!key) return [`${value}: no message`];
				return (['nl', 'en'] as const)
					.filter((locale) => typeof messages[locale][key] !== 'string')
					.map((locale) => `${value}: ${key} missing in ${locale}`);
			});
			expect(missing).toEqual([]);
		});
	}

	it('are, for text search, the Dutch messages of exactly the vocabularies search_label() knows', () => {
		const searched = Object.values(VOCABULARIES).flatMap((v) => v.searchLabel ?? []);
		expect(sorted(Object.keys(searchLabels))).toEqual(sorted(searched));
	});

	for (const [name, vocabulary] of Object.entries(VOCABULARIES)) {
		if (!vocabulary.searchLabel) continue;
		const { values, labels, searchLabel } = vocabulary;
		it(`are the same Dutch words in search_label() as in the messages for the ${name}`, () => {
			const inDatabase = searchLabels[searchLabel] ?? {};
			expect(sorted(Object.keys(inDatabase))).toEqual(sorted(values));
			const dutch = Object.fromEntries(
				values.map((value) => [value, labels?.[value]?.({}, { locale: 'nl' })])
			);
			expect(inDatabase).toEqual(dutch);
		});
	}
});

describe('the kinds of notification', () => {
	// A kind is a row in notification_kinds, no check constraint: without a label the preferences page
	// showed the row's key (quality_submitted) as the question.
	it('each have words of their own in Dutch and English', async () => {
		const kinds = await people.query<{ kind: string }>(
			'select kind from public.notification_kinds order by kind'
		);
		expect(kinds.length).toBeGreaterThan(0);
		const missing = kinds.flatMap(({ kind }) =>
			(['nl', 'en'] as const)
				.filter((locale) => notificationKindLabel(kind, { locale }) === kind)
				.map((locale) => `${kind} (${locale})`)
		);
		expect(missing).toEqual([]);
	});
});
