// Every code the database can refuse a person's input with has a field and a message in both languages
// (src/lib/server/db/refusals.ts). The codes are read from the catalog of the running database: the names
// of the public tables' check, unique, exclusion and foreign key constraints (and of unique indexes, which
// Postgres names as the constraint), and the hints the functions raise, literal or built per trigger table.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFUSALS } from '$lib/server/db/refusals';
import { fieldErrorFor } from '$lib/server/db/db-errors';
import { m } from '$lib/paraglide/messages';
import { overwriteGetLocale } from '$lib/paraglide/runtime';
import { testPeople } from './people.js';

const people = testPeople('refusals');

afterAll(() => people.remove());

const foreignKeys = (...columns: string[]) => columns.map((column) => `${column}_fkey`);
const fixedColumns = (...columns: string[]) => columns.map((column) => `${column}_fixed`);

/**
 * Codes no person's input can trigger, so they need no words. Each group says why; a code moves to
 * REFUSALS as soon as a form or an RPC's argument can reach it.
 */
const NO_PERSON_CAN_TRIGGER = new Set<string>([
	// Reference data, loaded by the migrations: nobody writes it through the API.
	'municipalities_arrondissement_nis_check',
	'municipalities_lat_check',
	'municipalities_lng_check',
	'municipalities_name_fr_check',
	'municipalities_name_nl_check',
	'municipalities_nis_check',
	'municipalities_not_merged_into_itself',
	'municipalities_only_former_ones_merge',
	'municipalities_population_2020_check',
	'municipalities_province_matches_region',
	'municipalities_province_nis_check',
	'municipalities_region_check',
	'municipalities_valid_period',
	'municipalities_merged_into_fkey',
	'notification_kinds_admin_default_known',
	'notification_kinds_kind_format',
	'notification_kinds_member_default_known',
	'notification_kinds_position_unique',

	// Written only by the system: the sign-in throttle (the auth hook), the account deletion log, the
	// notifications and digests (triggers and the mail job), the search outbox and documents (the worker).
	'auth_throttle_bucket_check',
	'auth_throttle_hits_check',
	'auth_throttle_buckets_invalid',
	'account_deletions_anonymised_object',
	'account_deletions_removed_object',
	'account_deletions_subject_format',
	'account_deletions_subject_key',
	'account_deletions_append_only',
	'notification_digests_count_not_negative',
	'notification_digests_once',
	'notification_digests_user_id_fkey',
	'notifications_delivery_known',
	'notifications_link_local',
	'notifications_params_object',
	'notifications_title_length',
	'notifications_agreement_id_fkey',
	'notifications_kind_fkey',
	'notifications_user_id_fkey',
	'search_outbox_attempts_not_negative',
	'search_outbox_document_key',
	'search_outbox_index_uid_known',
	'search_outbox_last_error_length',
	'search_documents_at_most_5000',
	'search_index_known',

	// The reading language: /taal writes only a locale the app knows (Paraglide's list), for the signed-in
	// person, and a trigger writes it at sign-up; no field carries it.
	'account_locales_locale_known',
	'account_locales_user_id_fkey',

	// Communities are written only by their functions, which check first: the kind, key and status
	// columns are set by join_community()/propose_region()/decide_region(), a person or an organisation
	// joins once (on conflict do nothing), unknown municipalities, organisations and people are refused
	// before a row is written, and who acted is the signed-in person.
	'communities_kind_known',
	'communities_municipality_always_active',
	'communities_municipality_key',
	'communities_municipality_nis_key',
	'communities_status_known',
	'community_members_directory_for_people',
	'community_members_kind_for_people',
	'community_members_organisation_once',
	'community_members_person_once',
	'community_members_person_or_organisation',
	...foreignKeys(
		'communities_decided_by',
		'communities_municipality_nis',
		'communities_proposed_by',
		'communities_proposed_by_organisation',
		'community_blocks_blocked_by',
		'community_blocks_community_id',
		'community_blocks_user_id',
		'community_members_community_id',
		'community_members_joined_by',
		'community_members_organisation_id',
		'community_members_user_id',
		'community_municipalities_community_id',
		'community_municipalities_municipality_nis'
	),

	// Posts and comments: their status and hiding columns are set only by the moderation functions (the
	// policies let a person write only visible rows and edit only title and body), which check the reason
	// first; reports are handled only by them; the audit trail is written only by them; who wrote, hid,
	// pinned or reported is the signed-in person.
	'posts_status_known',
	'posts_hidden_reason_given',
	'post_comments_status_known',
	'post_comments_hidden_reason_given',
	'post_reports_status_known',
	'post_reports_handled_when',
	'moderation_events_action_known',
	'moderation_events_reason_length',
	...foreignKeys(
		'posts_author_id',
		'posts_hidden_by',
		'post_communities_post_id',
		'post_communities_pinned_by',
		'post_comments_author_id',
		'post_comments_hidden_by',
		'post_reports_reporter_id',
		'post_reports_handled_by',
		'moderation_events_actor_id',
		'moderation_events_comment_id',
		'moderation_events_community_id',
		'moderation_events_post_id',
		'moderation_events_report_id',
		'moderation_events_user_id'
	),

	// The quality label: its tables are written only by its functions, for an academy and an application
	// they found first, by the signed-in person; the award's completeness is set together by the award.
	...foreignKeys(
		'quality_applications_organisation_id',
		'quality_applications_created_by',
		'quality_applications_awarded_by',
		'quality_assessments_application_id',
		'quality_assessments_reviewed_by',
		'quality_events_application_id',
		'quality_events_actor_id'
	),
	'quality_applications_status_known',
	'quality_applications_award_complete',
	'quality_events_action_known',

	// Teacher profiles: the person is always the signed-in one (save_helper_profile() writes auth.uid()),
	// and who decided a school link is set by its trigger.
	...foreignKeys(
		'helper_profiles_user_id',
		'helper_school_links_decided_by',
		'helper_school_links_user_id',
		'helper_slots_user_id'
	),

	// Matching's arguments come from the app's own suggestion code, not from a form.
	'matching_kinds_known',
	'matching_point_in_belgium',

	// A community's places come from the database (community_offer_ids() reads them), never from a form.
	'offer_places_too_many',

	// Filled by the database, never sent by the app: the point (the municipality's centroid), the times
	// and people that go with a status, invitation tokens, the days of a booking's sessions.
	'activities_point_in_belgium',
	'offers_point_in_belgium',
	'organisations_point_in_belgium',
	'requests_point_in_belgium',
	'activities_cancelled_at_with_status',
	'activities_published_at_with_status',
	'organisations_verified_at_with_status',
	'organisations_verification_status_known',
	'organisation_verification_events_action_known',
	'agreement_events_status_known',
	'invitations_accepted_by_with_accepted_at',
	'invitations_accepted_or_revoked',
	'invitations_email_lower_case',
	'invitations_token_hash_format',
	'invitations_token_hash_key',
	'room_bookings_slot_on_day',
	// The booking's days are counted before its sessions: agreements_booking_at_most_400_days speaks first.
	'room_sessions_at_most_400_days',
	// Saved as an upsert on the activity: a second report corrects the first.
	'reach_reports_activity_id_key',

	// Who made or did something: the signed-in person (auth.uid()), never a form field.
	...foreignKeys(
		'activities_created_by',
		'agreement_events_actor',
		'agreement_messages_author',
		'agreement_volunteers_added_by',
		'agreements_created_by',
		'agreements_helper_id',
		'invitations_accepted_by',
		'invitations_invited_by',
		'memberships_user_id',
		'network_staff_granted_by',
		'network_staff_user_id',
		'notification_preferences_user_id',
		'offers_created_by',
		'organisation_verification_events_actor',
		'organisations_created_by',
		'organisations_verified_by',
		'profiles_id',
		'reach_reports_reported_by',
		'requests_created_by',
		'volunteer_checks_recorded_by'
	),

	// The row a page is about (its organisation, offer, request, agreement, activity): the page loaded it
	// first, and row level security or the RPC's own not-found refusal speaks before the foreign key.
	...foreignKeys(
		'academy_profiles_organisation_id',
		'activities_organisation_id',
		'agreement_events_agreement_id',
		'agreement_events_organisation_id',
		'agreements_academy_id',
		'agreements_offer_id',
		'agreements_proposed_by_organisation',
		'agreements_provider_id',
		'agreements_request_id',
		'invitations_organisation_id',
		'memberships_organisation_id',
		'offer_slots_offer_id',
		'offer_unavailable_dates_offer_id',
		'offers_organisation_id',
		'organisation_contacts_organisation_id',
		'organisation_verification_events_organisation_id',
		'reach_reports_activity_id',
		'request_slots_request_id',
		'requests_organisation_id',
		'room_bookings_agreement_id',
		'room_bookings_offer_id',
		'volunteer_checks_organisation_id'
	),
	// ... and the same rows are never moved to another parent: no form sends these columns on an update.
	...fixedColumns(
		'activities_organisation_id',
		'offer_slots_offer_id',
		'offers_organisation_id',
		'organisation_contacts_organisation_id',
		'reach_reports_activity_id',
		'request_slots_request_id',
		'requests_organisation_id',
		'volunteer_checks_organisation_id'
	),

	// Events: RSVPs, feed tokens and reminders are written only by the event functions, for the signed-in
	// person and events that exist (locked first); the organiser is the caller.
	'event_feed_tokens_token_format',
	'event_feed_tokens_token_key',
	'event_rsvps_position_for_waiting',
	'event_rsvps_status_known',
	'notifications_one_event_reminder_idx',
	...foreignKeys(
		'community_events_organiser_id',
		'event_feed_tokens_user_id',
		'event_rsvps_event_id',
		'event_rsvps_user_id',
		'notifications_event_id'
	),

	// Good practices: written only by share_good_practice() together with their post (a fresh id), and
	// featured only by network staff as themselves.
	...foreignKeys('good_practices_featured_by', 'good_practices_post_id'),

	// Exact matching: private.free_windows() is called only by match_suggestions() with the candidate
	// pairs it found (arrays of one length); it is in the private schema, which the API does not expose.
	'free_windows_pairs',

	// The signed-in pages' one-call functions: the app passes its own constant page size.
	'page_size_range',

	// The community page's one call: the app passes exactly one of a municipality's code and a region's
	// slug, from the route it serves.
	'community_page_locator',

	// Coverage rows: written only by their triggers, read by everyone, written by nobody through the API.
	'coverage_activity_counts_activities_check',
	'coverage_nearest_rank_check',
	'coverage_activity_counts_nis_fkey',
	'coverage_nearest_nis_fkey'
]);

/** Constraint kinds: c check, f foreign key, u unique, x exclusion. */
type Constraint = { name: string; kind: 'c' | 'f' | 'u' | 'x' };

let constraints: Constraint[];
let functions: { name: string; source: string }[];
let triggers: { fn: string; table: string; argument: string | null }[];

beforeAll(async () => {
	constraints = await people.query<Constraint>(`
		select c.conname as name, c.contype as kind
		from pg_constraint c
		join pg_class t on t.oid = c.conrelid
		join pg_namespace n on n.oid = t.relnamespace
		where n.nspname = 'public' and c.contype in ('c', 'f', 'u', 'x')
		union
		select i.relname, 'u'
		from pg_index x
		join pg_class i on i.oid = x.indexrelid
		join pg_class t on t.oid = x.indrelid
		join pg_namespace n on n.oid = t.relnamespace
		where n.nspname = 'public' and x.indisunique and not x.indisprimary
			and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
	`);
	functions = await people.query(`
		select p.proname as name, p.prosrc as source
		from pg_proc p
		join pg_namespace n on n.oid = p.pronamespace
		where n.nspname in ('public', 'private')
			and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
	`);
	triggers = await people.query(`
		select p.proname as fn, c.relname as table,
			nullif(split_part(encode(t.tgargs, 'escape'), '\\000', 1), '') as argument
		from pg_trigger t
		join pg_proc p on p.oid = t.tgfoid
		join pg_class c on c.oid = t.tgrelid
		join pg_namespace n on n.oid = c.relnamespace
		where n.nspname = 'public' and not t.tgisinternal
	`);
});

/** What stands after `hint =` or as raise_rule's first argument, up to the next comma or semicolon. */
const HINT = /(?:\bhint\s*=|\braise_rule\()\s*([^,;]+?)\s*(?:[,;]|\)\s*;)/gi;

/**
 * The codes one function's raises name: a literal ('invitation_used'), or built from the table the
 * trigger fires on (tg_table_name || '_weekday_range'), with keep_column_unchanged's column argument.
 * A hint in any other form is returned as `unreadable: …`, so that the test cannot miss it.
 */
function hintCodes(fn: { name: string; source: string }): string[] {
	const codes: string[] = [];
	const firedOn = triggers.filter((trigger) => trigger.fn === fn.name);
	for (const [, expression = ''] of fn.source.matchAll(HINT)) {
		const literal = /^'([a-z0-9_]+)'$/.exec(expression)?.[1];
		const perTable = /^tg_table_name \|\| '([a-z0-9_]+)'$/.exec(expression)?.[1];
		const perColumn = /^tg_table_name \|\| '_' \|\| column_name \|\| '([a-z0-9_]+)'$/.exec(
			expression
		)?.[1];
		if (literal) codes.push(literal);
		else if (perTable) codes.push(...firedOn.map((trigger) => trigger.table + perTable));
		else if (perColumn)
			codes.push(...firedOn.map((trigger) => `${trigger.table}_${trigger.argument}${perColumn}`));
		// raise_rule itself passes its argument on; its callers are read above.
		else if (!(fn.name === 'raise_rule' && expression === 'p_constraint'))
			codes.push(`unreadable: ${fn.name}: ${expression}`);
	}
	return codes;
}

const known = (code: string) => Object.hasOwn(REFUSALS, code) || NO_PERSON_CAN_TRIGGER.has(code);

describe('the refusals the database can give', () => {
	it('finds the codes in the catalog', () => {
		// A guard against a catalog query that silently finds nothing.
		expect(constraints.length).toBeGreaterThan(100);
		expect(functions.flatMap(hintCodes)).toContain('offer_slots_offer_id_fixed');
		expect(functions.flatMap(hintCodes)).toContain('invitation_used');
	});

	it('reads every hint the functions raise', () => {
		const unreadable = functions.flatMap(hintCodes).filter((code) => code.startsWith('unreadable'));
		expect(unreadable).toEqual([]);
	});

	it('has a field and a message for every check, unique and exclusion constraint', () => {
		const missing = constraints
			.filter((constraint) => constraint.kind !== 'f')
			.map((constraint) => constraint.name)
			.filter((name) => !known(name));
		expect(missing.sort()).toEqual([]);
	});

	it('has a field and a message for every foreign key a form can name, or says why none can', () => {
		const missing = constraints
			.filter((constraint) => constraint.kind === 'f')
			.map((constraint) => constraint.name)
			.filter((name) => !known(name));
		expect(missing.sort()).toEqual([]);
	});

	it('has a field and a message for every hint a function raises', () => {
		const missing = [...new Set(functions.flatMap(hintCodes))].filter((code) => !known(code));
		expect(missing.sort()).toEqual([]);
	});

	it('lists no code as beyond a person’s reach that a refusal also has words for, nor one the database lacks', () => {
		const raised = new Set([
			...constraints.map((constraint) => constraint.name),
			...functions.flatMap(hintCodes)
		]);
		expect([...NO_PERSON_CAN_TRIGGER].filter((code) => Object.hasOwn(REFUSALS, code))).toEqual([]);
		expect([...NO_PERSON_CAN_TRIGGER].filter((code) => !raised.has(code))).toEqual([]);
	});

	it('has no refusal for a code the database no longer raises', () => {
		const raised = new Set([
			...constraints.map((constraint) => constraint.name),
			...functions.flatMap(hintCodes)
		]);
		expect(Object.keys(REFUSALS).filter((code) => !raised.has(code))).toEqual([]);
	});
});

describe('the words for each refusal', () => {
	const messages = {
		nl: JSON.parse(readFileSync('messages/nl.json', 'utf8')) as Record<string, unknown>,
		en: JSON.parse(readFileSync('messages/en.json', 'utf8')) as Record<string, unknown>
	};
	const keyOf = new Map(Object.entries(m).map(([key, message]) => [message as unknown, key]));

	it('names a message that exists in Dutch and in English', () => {
		const missing = Object.entries(REFUSALS).flatMap(([code, refusal]) => {
			const key = keyOf.get(refusal.message);
			if (!key) return [`${code}: not a message`];
			return (['nl', 'en'] as const)
				.filter((locale) => typeof messages[locale][key] !== 'string')
				.map((locale) => `${code}: ${key} missing in ${locale}`);
		});
		expect(missing).toEqual([]);
	});

	it('shows the English words in the English interface, never the database’s Dutch message', () => {
		const dutch = 'Een Nederlandse zin van de databank.';
		try {
			overwriteGetLocale(() => 'en');
			for (const [code, refusal] of Object.entries(REFUSALS)) {
				const key = keyOf.get(refusal.message) as string;
				const mapped = fieldErrorFor({ code: '23514', message: dutch, details: '', hint: code });
				expect(mapped?.message, code).not.toBe(dutch);
				expect(mapped?.message, code).toBe(
					(refusal.message as (inputs?: object, options?: object) => string)(refusal.inputs, {
						locale: 'en'
					})
				);
				expect(messages.en[key], code).toBeTypeOf('string');
			}
		} finally {
			overwriteGetLocale(() => 'nl');
		}
	});
});
