// Every refusal the database can give a person's input, by its stable code (the rule a raise names in its
// hint, or the constraint's name): the form field it belongs next to and its message in Dutch and English.
// tests/integration/db/refusals.test.ts fails when a code the database can raise has no entry here.
import { m } from '$lib/paraglide/messages';

export type Refusal = {
	/** The form field the message goes next to; 'form' for the form as a whole. */
	field: string;
	/** A Paraglide message (a test checks it exists in messages/nl.json and messages/en.json). */
	message: (inputs: never) => string;
	/** The message's inputs, for the messages that take some (a length, a maximum). */
	inputs?: object;
};

export type Refusals = Readonly<Record<string, Refusal>>;

const TITLE = { min: 3, max: 140 };
const DESCRIPTION = { max: 5000 };
const NAME = { min: 2, max: 120 };
const POST_TITLE = { min: 3, max: 140 };
const POST_BODY_MAX = 10000;
const COMMENT_MAX = 4000;
const REASON = { min: 3, max: 500 };

const refuse = (field: string, message: Refusal['message'], inputs?: object): Refusal => ({
	field,
	message,
	inputs
});

/** A refusal about the form as a whole (who may do it, what state the row is in). */
const onForm = (message: Refusal['message']): Refusal => refuse('form', message);

/** A text column's two checks, `<table>_<column>_length` and `_trimmed`, with one message. */
const textRefusals = (
	table: string,
	column: string,
	field: string,
	message: Refusal['message'],
	inputs?: object
): Refusals => ({
	[`${table}_${column}_length`]: refuse(field, message, inputs),
	[`${table}_${column}_trimmed`]: refuse(field, message, inputs)
});

/** A column of choices from a vocabulary, `<table>_<column>_known` and `_distinct`. */
const choiceRefusals = (
	table: string,
	column: string,
	field: string,
	message: Refusal['message'] = m.app_error_choice
): Refusals => ({
	[`${table}_${column}_known`]: refuse(field, message),
	[`${table}_${column}_distinct`]: refuse(field, message)
});

/** What activities, offers and requests share: a title, a description and domains. */
const listingRefusals = (table: 'activities' | 'offers' | 'requests'): Refusals => ({
	...textRefusals(table, 'title', 'title', m.app_error_title_length, TITLE),
	[`${table}_description_length`]: refuse(
		'description',
		m.app_error_description_too_long,
		DESCRIPTION
	),
	...choiceRefusals(table, 'domains', 'domains')
});

/** Weekly slots: the same rules for an offer's and a request's (the trigger names them per table). */
const slotRefusals = (table: 'offer_slots' | 'request_slots' | 'helper_slots'): Refusals => ({
	[`${table}_at_most_50`]: refuse('slotDay0', m.dberr_slots_at_most_50),
	[`${table}_weekday_range`]: refuse('slotDay0', m.dberr_weekday_range),
	[`${table}_ends_after_start`]: refuse('slotEnd0', m.ex_error_slot_order),
	[`${table}_no_duplicates`]: refuse('slotDay0', m.ex_error_slot_duplicate)
});

/** A place: the municipality is chosen, exists and is still a municipality (not merged into another). */
const municipalityRefusals = (table: string): Refusals => ({
	[`${table}_municipality_nis_given`]: refuse('municipality', m.app_error_municipality_required),
	[`${table}_municipality_nis_fkey`]: refuse('municipality', m.error_municipality_unknown)
});

export const REFUSALS: Refusals = {
	// Shared rules
	municipality_current: refuse('municipality', m.dberr_municipality_current),

	// profiles
	...textRefusals('profiles', 'display_name', 'displayName', m.dberr_display_name_length),
	profiles_bio_length: refuse('bio', m.error_bio_too_long),
	...choiceRefusals('profiles', 'personas', 'personas', m.error_persona_invalid),
	profiles_visibility_known: refuse('visibility', m.error_visibility_invalid),
	profiles_municipality_nis_fkey: refuse('municipality', m.error_municipality_unknown),

	// organisations and their private contact
	organisations_slug_key: refuse('slug', m.app_error_slug_taken),
	organisations_slug_format: refuse('slug', m.app_error_slug_format),
	organisations_kind_known: refuse('kind', m.app_error_kind),
	organisations_kind_fixed: refuse('kind', m.dberr_organisations_kind_fixed),
	organisations_partner_type_known: refuse('partnerType', m.app_error_partner_type),
	organisations_partner_type_only_for_partners: refuse('partnerType', m.app_error_partner_type),
	...textRefusals('organisations', 'name', 'name', m.app_error_org_name_length),
	organisations_description_length: refuse(
		'description',
		m.app_error_description_too_long,
		DESCRIPTION
	),
	organisations_website_format: refuse('website', m.app_error_url_invalid),
	organisations_public_email_format: refuse('publicEmail', m.error_email_invalid),
	organisations_public_phone_length: refuse('publicPhone', m.app_error_phone_too_long),
	organisations_street_address_length: refuse('streetAddress', m.app_error_address_too_long),
	organisations_postal_code_format: refuse('postalCode', m.app_error_postal_code),
	organisations_logo_path_format: refuse('file', m.img_error_path),
	...municipalityRefusals('organisations'),
	organisation_contacts_contact_name_length: refuse(
		'contactName',
		m.app_error_contact_name_too_long
	),
	organisation_contacts_email_format: refuse('contactEmail', m.error_email_invalid),
	organisation_contacts_phone_length: refuse('contactPhone', m.app_error_phone_too_long),

	// memberships and invitations
	memberships_keep_an_owner: onForm(m.dberr_memberships_keep_an_owner),
	memberships_role_known: refuse('role', m.app_error_role),
	invitation_admins_only: onForm(m.dberr_invitation_admins_only),
	invitations_role_known: refuse('role', m.app_error_invite_role),
	invitations_email_format: refuse('email', m.error_email_invalid),
	invitation_already_member: refuse('email', m.dberr_invitation_already_member),
	invitations_one_open_per_email: refuse('email', m.dberr_invitations_one_open_per_email),
	invitation_sign_in: onForm(m.dberr_sign_in),
	invitation_not_found: onForm(m.app_invitation_unknown),
	invitation_used: onForm(m.dberr_invitation_used),
	invitation_revoked: onForm(m.dberr_invitation_revoked),
	invitation_expired: onForm(m.dberr_invitation_expired),
	invitation_other_address: onForm(m.dberr_invitation_other_address),

	// verification and the quality label (network staff)
	verification_network_staff_only: onForm(m.dberr_network_staff_only),
	quality_label_network_staff_only: onForm(m.dberr_network_staff_only),
	verification_decision_given: onForm(m.dberr_verification_decision_given),
	organisation_verification_events_note_length: refuse('note', m.app_error_note_too_long, {
		max: 500
	}),
	organisation_not_found: onForm(m.app_organisation_not_found),
	academy_not_found: onForm(m.pub_academy_not_found),
	academy_profiles_quality_label_known: onForm(m.dberr_quality_label_known),

	// academy profiles
	academy_profiles_organisation_is_academy: onForm(
		m.dberr_academy_profiles_organisation_is_academy
	),
	...choiceRefusals('academy_profiles', 'stem_letters', 'stemLetters'),
	academy_profiles_accent_letters_distinct: refuse('accentLetters', m.app_error_choice),
	academy_profiles_accents_within_stem_letters: refuse('accentLetters', m.app_error_accents),
	...choiceRefusals('academy_profiles', 'domains', 'domains'),
	...choiceRefusals('academy_profiles', 'languages', 'languages'),
	academy_profiles_ages_both_or_neither: refuse('ageMin', m.app_error_ages_both),
	academy_profiles_ages_in_range: refuse('ageMax', m.app_error_age_order),

	// activities
	activities_organisation_is_academy: onForm(m.dberr_activities_organisation_is_academy),
	...listingRefusals('activities'),
	activities_domains_not_empty: refuse('domains', m.app_error_domains_required),
	activities_format_known: refuse('format', m.app_error_format),
	activities_ages_in_range: refuse('ageMax', m.app_error_age_order),
	activities_end_not_before_start: refuse('endDate', m.app_error_end_before_start),
	activities_session_count_range: refuse('sessionCount', m.app_error_number_max, { max: 400 }),
	activities_venue_name_length: refuse('venueName', m.app_error_venue_name_too_long),
	activities_venue_address_length: refuse('venueAddress', m.app_error_address_too_long),
	activities_capacity_positive: refuse('capacity', m.app_error_number_min, { min: 1 }),
	activities_price_not_negative: refuse('priceEur', m.app_error_amount),
	activities_reduced_price_not_negative: refuse('reducedPriceEur', m.app_error_amount),
	activities_reduced_price_not_above_price: refuse('reducedPriceEur', m.app_error_reduced_price),
	activities_registration_url_format: refuse('registrationUrl', m.app_error_url_invalid),
	activities_photo_path_format: refuse('file', m.img_error_path),
	...textRefusals('activities', 'photo_alt', 'photoAlt', m.img_error_alt_length),
	activities_status_known: onForm(m.dberr_status_known),
	activities_status_transition: onForm(m.dberr_activities_status_transition),
	...municipalityRefusals('activities'),

	// bulk import (import_activities(); its row errors come back as data, src/lib/server/import)
	import_not_allowed: onForm(m.im_refusal_not_allowed),
	import_network_staff_only: onForm(m.im_refusal_network_staff_only),
	import_academy_not_found: onForm(m.im_refusal_academy_not_found),
	import_rows_array: onForm(m.im_refusal_rows),
	import_too_many_rows: refuse('form', m.im_too_many_rows, { max: 10000 }),
	activities_import_id_length: refuse('form', m.im_import_id_length),
	activities_import_id_trimmed: refuse('form', m.im_import_id_length),
	activities_import_id_key: refuse('form', m.im_import_id_taken),

	// reach reports
	reach_reports_activity_reportable: onForm(m.dberr_reach_reports_activity_reportable),
	reach_reports_participants_not_negative: refuse('participants', m.app_error_number_min, {
		min: 0
	}),
	reach_reports_girls_not_negative: refuse('girls', m.app_error_number_min, { min: 0 }),
	reach_reports_girls_not_more_than_participants: refuse('girls', m.app_error_girls_too_many),
	reach_reports_disadvantaged_not_negative: refuse('disadvantaged', m.app_error_number_min, {
		min: 0
	}),
	reach_reports_disadvantaged_not_more_than_participants: refuse(
		'disadvantaged',
		m.app_error_group_too_many
	),
	reach_reports_home_language_not_negative: refuse('nonDutchHomeLanguage', m.app_error_number_min, {
		min: 0
	}),
	reach_reports_home_language_not_more_than_participants: refuse(
		'nonDutchHomeLanguage',
		m.app_error_group_too_many
	),
	reach_reports_special_needs_not_negative: refuse('specialNeeds', m.app_error_number_min, {
		min: 0
	}),
	reach_reports_special_needs_not_more_than_participants: refuse(
		'specialNeeds',
		m.app_error_group_too_many
	),

	// offers, their weekly slots and days off
	offer_not_found: onForm(m.ex_offer_not_found),
	offers_kind_known: refuse('kind', m.ex_error_kind),
	offers_kind_for_organisation: refuse('kind', m.dberr_offers_kind_for_organisation),
	offers_kind_fixed: refuse('kind', m.dberr_offers_kind_fixed),
	...listingRefusals('offers'),
	offers_status_known: onForm(m.dberr_status_known),
	offers_radius_range: refuse('radiusKm', m.ex_error_radius),
	offers_area_given: refuse('radiusKm', m.vw_error_area_required),
	offers_area_municipalities_distinct: refuse(
		'areaMunicipalities',
		m.dberr_area_municipalities_distinct
	),
	offers_area_municipalities_current: refuse(
		'areaMunicipalities',
		m.dberr_area_municipalities_current
	),
	offers_ages_in_range: refuse('ageMax', m.dberr_ages_in_range),
	offers_room_type_known: refuse('roomType', m.ex_error_room_type),
	offers_capacity_positive: refuse('capacity', m.ex_error_capacity_positive),
	offers_equipment_length: refuse('equipment', m.ex_error_text_too_long, { max: 1000 }),
	...choiceRefusals('offers', 'conditions', 'conditions'),
	offers_fee_not_negative: refuse('feeEur', m.ex_error_fee_negative),
	offers_term_end_not_before_start: refuse('termEnd', m.ex_error_until_before_from),
	offers_room_complete: onForm(m.dberr_offers_room_complete),
	offers_room_fields_only_for_rooms: onForm(m.dberr_offers_room_fields_only_for_rooms),
	offers_pledge_fields_not_for_rooms: onForm(m.dberr_offers_pledge_fields_not_for_rooms),
	offers_volunteers_complete: refuse('people', m.ex_error_people_required),
	offers_people_positive: refuse('people', m.ex_error_positive),
	offers_hours_per_year_positive: refuse('hoursPerYear', m.ex_error_positive),
	offers_materials_complete: refuse('materials', m.ex_error_materials_required),
	offers_materials_length: refuse('materials', m.ex_error_text_too_long, { max: 1000 }),
	offers_quantity_positive: refuse('quantity', m.ex_error_positive),
	offers_funding_complete: refuse('amountEur', m.ex_error_amount_required),
	offers_amount_positive: refuse('amountEur', m.ex_error_amount_positive),
	...municipalityRefusals('offers'),
	...slotRefusals('offer_slots'),
	offer_unavailable_dates_at_most_1000: refuse(
		'unavailableDates',
		m.dberr_offer_unavailable_dates_at_most_1000
	),

	// requests and their weekly slots
	request_not_found: onForm(m.ex_request_not_found),
	requests_organisation_is_academy: onForm(m.dberr_requests_organisation_is_academy),
	requests_kind_known: refuse('kind', m.ex_error_kind),
	requests_kind_fixed: refuse('kind', m.dberr_requests_kind_fixed),
	...listingRefusals('requests'),
	requests_status_known: onForm(m.dberr_status_known),
	requests_status_transition: onForm(m.dberr_requests_status_transition),
	requests_quantity_length: refuse('quantity', m.ex_error_text_too_long, { max: 200 }),
	requests_people_positive: refuse('people', m.ex_error_positive),
	requests_amount_positive: refuse('amountEur', m.ex_error_amount_positive),
	requests_ages_in_range: refuse('ageMax', m.dberr_ages_in_range),
	requests_needed_until_not_before_from: refuse('neededUntil', m.ex_error_until_before_from),
	...municipalityRefusals('requests'),
	...slotRefusals('request_slots'),

	// agreements: proposing, answering, booking a room, the thread
	agreement_sign_in: onForm(m.dberr_sign_in),
	agreement_not_found: onForm(m.ag_not_found),
	agreements_proposer_is_a_party: onForm(m.dberr_agreements_proposer_is_a_party),
	agreements_request_open: onForm(m.dberr_agreements_request_open),
	agreements_offer_active: onForm(m.dberr_agreements_offer_active),
	agreements_kinds_match: onForm(m.dberr_agreements_kinds_match),
	agreements_one_live_per_pair: onForm(m.dberr_agreements_one_live_per_pair),
	agreements_booking_only_for_rooms: onForm(m.dberr_agreements_booking_only_for_rooms),
	agreements_booking_all_or_nothing: onForm(m.dberr_agreements_booking_all_or_nothing),
	agreements_booking_weekday_range: onForm(m.dberr_weekday_range),
	agreements_booking_ends_after_start: onForm(m.ex_error_slot_order),
	agreements_booking_until_not_before_from: onForm(m.ex_error_until_before_from),
	agreements_booking_at_most_400_days: onForm(m.dberr_agreements_booking_at_most_400_days),
	agreements_booking_within_term: onForm(m.dberr_agreements_booking_within_term),
	agreements_booking_within_slot: onForm(m.dberr_agreements_booking_within_slot),
	agreements_booking_has_sessions: onForm(m.dberr_agreements_booking_has_sessions),
	room_bookings_no_overlap: onForm(m.dberr_room_bookings_no_overlap),
	agreements_status_known: onForm(m.dberr_agreements_status_known),
	agreements_status_transition: onForm(m.dberr_agreements_status_transition),
	agreements_answered_by_the_other_side: onForm(m.dberr_agreements_answered_by_the_other_side),
	agreements_withdrawn_by_the_proposer: onForm(m.dberr_agreements_withdrawn_by_the_proposer),
	agreements_fulfilled_by_the_academy: onForm(m.dberr_agreements_fulfilled_by_the_academy),
	agreement_events_note_length: refuse('note', m.ag_error_note_too_long, { max: 1000 }),
	agreements_given_not_negative: onForm(m.dberr_agreements_given_not_negative),
	agreements_thank_you_length: refuse('thankYou', m.ag_error_thank_you_too_long, { max: 1000 }),
	agreement_messages_body_length: refuse('body', m.dberr_agreement_messages_body_length),
	agreement_messages_organisation_is_a_party: onForm(
		m.dberr_agreement_messages_organisation_is_a_party
	),
	agreement_messages_agreement_id_fkey: onForm(m.ag_not_found),
	agreement_messages_organisation_id_fkey: onForm(m.ag_not_found),

	// who comes: first session, names, volunteer checks
	agreements_first_session_people: refuse(
		'firstSessionOn',
		m.dberr_agreements_first_session_people
	),
	agreements_first_session_recent: refuse(
		'firstSessionOn',
		m.dberr_agreements_first_session_recent
	),

	// "Ik wil helpen": a person's own agreement with an academy
	agreements_help_not_own_academy: onForm(m.hp_dberr_not_own_academy),
	agreements_help_request_kind: onForm(m.hp_dberr_request_kind),
	agreements_one_live_help: onForm(m.hp_dberr_one_live),
	agreements_helper_availability_length: refuse('availability', m.hp_error_availability_too_long, {
		max: 300
	}),
	agreements_helper_availability_only_for_people: onForm(m.hp_dberr_other_side),
	agreements_other_side: onForm(m.hp_dberr_other_side),
	agreements_first_session_check: refuse('firstSessionOn', m.hp_dberr_first_session_check),
	...textRefusals('agreement_volunteers', 'name', 'name', m.vw_error_name, NAME),
	agreement_volunteers_name_once: refuse('name', m.dberr_agreement_volunteers_name_once),
	agreement_volunteers_offer_kind: onForm(m.dberr_agreement_volunteers_offer_kind),
	agreement_volunteers_agreement_accepted: onForm(m.dberr_agreement_volunteers_agreement_accepted),
	agreement_volunteers_agreement_id_fkey: onForm(m.ag_not_found),
	volunteer_checks_organisation_is_academy: onForm(
		m.dberr_volunteer_checks_organisation_is_academy
	),
	...textRefusals(
		'volunteer_checks',
		'volunteer_name',
		'volunteerName',
		m.ag_error_volunteer_name,
		NAME
	),
	...textRefusals('volunteer_checks', 'seen_by_name', 'seenByName', m.ag_error_seen_by, NAME),
	volunteer_checks_seen_on_not_future: refuse('seenOn', m.ag_error_seen_on_future),
	volunteer_checks_seen_on_recent: refuse('seenOn', m.ag_error_seen_on_old),
	volunteer_checks_agreement_of_academy: onForm(m.dberr_volunteer_checks_agreement_of_academy),
	volunteer_checks_agreement_id_fkey: onForm(m.dberr_volunteer_checks_agreement_of_academy),

	// notification choices
	notification_preferences_signed_in: onForm(m.dberr_sign_in),
	notification_preferences_choices_object: onForm(m.dberr_notification_preferences_choices),
	notification_preferences_delivery_known: onForm(m.dberr_notification_preferences_choices),
	notification_preferences_kind_fkey: onForm(m.dberr_notification_preferences_choices),

	// one's own data and account
	account_signed_in_only: onForm(m.dberr_sign_in),
	account_last_owner: onForm(m.data_error_last_owner),

	// community posts, comments, reports and moderation (rate limits: PT429)
	posts_kind_known: refuse('kind', m.po_error_kind),
	...textRefusals('posts', 'title', 'title', m.po_error_title_length, POST_TITLE),
	posts_body_length: refuse('body', m.po_error_body_length, { max: POST_BODY_MAX }),
	post_communities_given: refuse('communities', m.po_error_communities_given),
	post_communities_at_most_20: refuse('communities', m.po_error_communities_at_most, { max: 20 }),
	post_communities_community_id_fkey: refuse('communities', m.po_error_community_choice),
	post_sign_in: onForm(m.po_error_sign_in),
	post_blocked: onForm(m.po_error_blocked),
	post_members_only: onForm(m.po_error_members_only),
	post_announcement_hosts_only: refuse('kind', m.po_error_announcement_hosts_only),
	post_rate_new_account: onForm(m.po_error_rate_new_account),
	post_rate: onForm(m.po_error_rate),
	post_comment_rate_new_account: refuse('body', m.po_error_comment_rate_new_account),
	post_comment_rate: refuse('body', m.po_error_comment_rate),
	post_comments_body_length: refuse('body', m.po_error_comment_length, { max: COMMENT_MAX }),
	post_comments_post_id_fkey: onForm(m.po_error_not_found),
	post_reports_reason_length: refuse('reason', m.po_error_reason_length, REASON),
	post_reports_open_once: refuse('reason', m.po_error_report_once),
	post_reports_post_id_fkey: onForm(m.po_error_not_found),
	post_reports_comment_id_fkey: onForm(m.po_error_not_found),
	moderation_reason_length: refuse('reason', m.po_error_reason_length, REASON),
	post_host_only: onForm(m.po_error_host_only),
	post_not_found: onForm(m.po_error_not_found),
	post_comment_not_found: onForm(m.po_error_not_found),
	moderation_block_self: onForm(m.po_error_block_self),
	moderation_person_not_found: onForm(m.po_error_person_not_found),
	moderation_block_not_found: onForm(m.po_error_block_not_found),

	// local communities: joining, leaving, hosts, regions
	community_not_found: onForm(m.cm_error_not_found),
	community_sign_in: onForm(m.dberr_sign_in),
	community_organisation_admin: onForm(m.cm_error_organisation_admin),
	community_blocked: onForm(m.cm_error_blocked),
	community_members_person_kind_known: refuse('personKind', m.cm_error_person_kind),
	community_host_only: onForm(m.cm_error_host_only),
	community_members_role_known: refuse('role', m.app_error_choice),
	community_staff_only: onForm(m.app_staff_only),
	community_region_academy: onForm(m.cm_error_region_academy),
	community_region_places: refuse('municipalities', m.cm_error_region_places),
	communities_slug_key: refuse('slug', m.cm_error_slug_taken),
	communities_slug_format: refuse('slug', m.cm_error_slug_format),
	communities_region_key: refuse('slug', m.cm_error_slug_format),
	...textRefusals('communities', 'name', 'name', m.cm_error_name_length, { min: 2, max: 80 }),
	communities_description_length: refuse('description', m.cm_error_description_length, {
		max: 2000
	}),
	communities_decision_note_length: refuse('note', m.cm_error_note_length, { max: 500 }),
	community_region_decided: onForm(m.cm_error_region_decided),
	community_region_decline_reason: refuse('note', m.cm_error_decline_reason),
	community_blocks_reason_length: refuse('reason', m.cm_error_block_reason),

	// community events and RSVPs
	event_sign_in: onForm(m.dberr_sign_in),
	event_community_not_found: onForm(m.ev_community_not_found),
	event_blocked: onForm(m.ev_refusal_blocked),
	event_members_only: onForm(m.ev_refusal_members_only),
	event_organisation_not_yours: refuse('organisation', m.ev_refusal_organisation_not_yours),
	event_open_school_day_school: refuse('organisation', m.ev_refusal_open_school_day),
	event_starts_in_future: refuse('startsAt', m.ev_error_starts_in_future),
	event_not_found: onForm(m.ev_refusal_not_found),
	event_cancelled: onForm(m.ev_refusal_cancelled),
	event_past: onForm(m.ev_refusal_past),
	community_events_kind_known: refuse('kind', m.ev_error_kind),
	...textRefusals('community_events', 'title', 'title', m.ev_error_title, { min: 3, max: 140 }),
	community_events_description_length: refuse('description', m.ev_error_description, {
		max: 5000
	}),
	...textRefusals('community_events', 'address', 'address', m.ev_error_address),
	community_events_ends_after_start: refuse('endsAt', m.ev_error_ends_after_start),
	community_events_at_most_two_weeks: refuse('endsAt', m.ev_error_two_weeks),
	community_events_capacity_range: refuse('capacity', m.ev_error_capacity),
	community_events_status_known: onForm(m.ev_refusal_system),
	community_events_municipality_nis_fkey: refuse('municipality', m.ev_error_municipality),
	community_events_community_id_fkey: onForm(m.ev_community_not_found),
	community_events_organisation_id_fkey: refuse('organisation', m.ev_error_organisation),

	// good practices (the post's own checks are the posts' refusals above)
	good_practice_sign_in: onForm(m.dberr_sign_in),
	good_practice_community_required: refuse('communities', m.gp_error_communities),
	good_practice_community_member: refuse('communities', m.gp_error_community_member),
	good_practice_not_found: onForm(m.gp_error_not_found),
	good_practice_author_only: onForm(m.gp_error_author_only),
	good_practice_hidden: onForm(m.gp_error_hidden),
	good_practice_staff_only: onForm(m.app_staff_only),
	...choiceRefusals('good_practices', 'stem_letters', 'stemLetters'),
	...choiceRefusals('good_practices', 'domains', 'domains'),
	good_practices_domains_not_empty: refuse('domains', m.app_error_domains_required),
	good_practices_format_known: refuse('format', m.app_error_format),
	good_practices_ages_in_range: refuse('ageMax', m.app_error_age_order),
	good_practices_what_worked_length: refuse('whatWorked', m.gp_error_what_worked, { max: 3000 }),
	good_practices_materials_length: refuse('materials', m.gp_error_materials, { max: 2000 }),
	good_practices_links_at_most_5: refuse('links', m.gp_error_links),
	good_practices_links_format: refuse('links', m.gp_error_links),
	// the quality label
	quality_academy_not_found: onForm(m.ql_error_academy_not_found),
	quality_academy_admin_only: onForm(m.ql_error_admin_only),
	quality_application_not_found: onForm(m.ql_error_not_found),
	quality_application_under_review: onForm(m.ql_error_under_review),
	quality_application_not_open: onForm(m.ql_error_not_open),
	quality_application_incomplete: onForm(m.ql_error_incomplete),
	quality_applications_one_open: onForm(m.ql_error_one_open),
	quality_staff_only: onForm(m.app_staff_only),
	quality_application_not_submitted: onForm(m.ql_error_not_submitted),
	quality_decision_known: refuse('decision', m.ql_error_decision),
	quality_review_incomplete: onForm(m.ql_error_verdict),
	quality_award_needs_all_ok: onForm(m.ql_error_all_ok),
	quality_award_expiry_range: refuse('expiresOn', m.ql_error_expiry),
	quality_changes_need_work: onForm(m.ql_error_needs_work),
	quality_assessments_criterion_known: onForm(m.app_error_choice),
	quality_assessments_self_assessment_length: onForm(m.ql_error_self_assessment_length),
	quality_assessments_links_at_most_5: onForm(m.ql_error_links),
	quality_assessments_links_format: onForm(m.ql_error_links),
	quality_assessments_verdict_known: onForm(m.ql_error_verdict),
	quality_assessments_review_comment_length: onForm(m.ql_error_comment_length),
	good_practices_participants_range: refuse('participants', m.gp_error_participants),
	good_practices_featured_by_with_featured_at: onForm(m.app_staff_only),
	// starting an academy in a white spot, and coaching (part Z of issue 13)
	starter_sign_in: onForm(m.sa_error_sign_in),
	starter_municipality_not_found: onForm(m.sa_error_municipality),
	starter_not_white_spot: onForm(m.sa_error_not_white_spot),
	starter_organisation_admin_only: refuse('registrant', m.sa_error_organisation_admin),
	starter_interest_not_found: onForm(m.sa_error_not_found),
	starter_staff_only: onForm(m.sa_error_staff_only),
	starter_coach_not_offering: refuse('academy', m.sa_error_coach_not_offering),
	coaching_admin_only: onForm(m.sa_error_coaching_admin),
	coaching_verified_academy_only: onForm(m.sa_error_coaching_verified),
	starter_interests_one_registrant: refuse('registrant', m.sa_error_registrant),
	starter_interests_role_known: refuse('role', m.sa_error_role),
	starter_interests_role_fits: refuse('role', m.sa_error_role_fits),
	starter_interests_offers_known: refuse('offers', m.sa_error_offers),
	starter_interests_note_length: refuse('note', m.sa_error_note, { max: 500 }),
	starter_interests_shown_as_known: refuse('shownAs', m.sa_error_shown_as),
	starter_interests_shown_as_fits: refuse('shownAs', m.sa_error_shown_as_fits),
	starter_interests_person_once: onForm(m.sa_error_twice),
	starter_interests_organisation_once: onForm(m.sa_error_twice),
	starter_interests_municipality_nis_fkey: onForm(m.sa_error_municipality),
	starter_interests_organisation_id_fkey: refuse('registrant', m.sa_error_registrant),
	starter_interests_user_id_fkey: onForm(m.sa_error_system),
	starter_interests_registered_by_fkey: onForm(m.sa_error_system),
	starter_interests_closed_by_academy_id_fkey: onForm(m.sa_error_system),
	starter_connections_note_length: refuse('note', m.sa_error_note, { max: 1000 }),
	starter_connections_interest_id_fkey: onForm(m.sa_error_not_found),
	starter_connections_connected_by_fkey: onForm(m.sa_error_system),
	academy_coaching_offers_provinces_known: refuse('provinces', m.sa_error_provinces),
	academy_coaching_offers_note_length: refuse('note', m.sa_error_note, { max: 500 }),
	academy_coaching_offers_organisation_id_fkey: onForm(m.sa_error_coaching_verified),
	academy_coaching_offers_created_by_fkey: onForm(m.sa_error_system),
	starter_coaches_municipality_nis_fkey: onForm(m.sa_error_municipality),
	starter_coaches_academy_id_fkey: refuse('academy', m.sa_error_coach_not_offering),
	starter_coaches_linked_by_fkey: onForm(m.sa_error_system),
	starter_coaches_once: onForm(m.sa_error_coach_linked),
	// teacher and volunteer profiles (helper_profiles, their weekly slots and school link)
	...choiceRefusals('helper_profiles', 'subjects', 'subjects'),
	...choiceRefusals('helper_profiles', 'grades', 'grades'),
	...choiceRefusals('helper_profiles', 'interests', 'interests'),
	helper_profiles_about_length: refuse('about', m.tp_error_about_too_long),
	helper_profiles_visibility_known: refuse('visibility', m.error_visibility_invalid),
	helper_profiles_sign_in: onForm(m.tp_error_sign_in),
	...slotRefusals('helper_slots'),
	helper_school_links_school_is_school: refuse('school', m.tp_error_school),
	helper_school_links_school_id_fkey: refuse('school', m.tp_error_school),
	helper_school_links_school_by_person: onForm(m.tp_error_school_by_person),
	helper_school_links_decided_by_school: onForm(m.tp_error_decided_by_school),
	helper_school_links_status_known: onForm(m.dberr_status_known),
	// coverage (public.coverage_provinces)
	coverage_basis_known: refuse('basis', m.app_error_choice),
	// inclusion: the incentive rule and the period of the figures
	inclusion_rules_min_girls_pct_range: refuse('minGirlsPct', m.in_error_girls_pct),
	inclusion_rules_min_participants_range: refuse('minParticipants', m.in_error_participants),
	inclusion_rules_valid_from_range: refuse('validFrom', m.in_error_valid_from),
	inclusion_period_invalid: refuse('van', m.in_error_period)
};
