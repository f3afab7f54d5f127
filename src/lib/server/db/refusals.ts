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

/** Weekly slots: the same rules for an offer's and a request's (the trigger names them per table). */
const slotRefusals = (table: 'offer_slots' | 'request_slots'): Refusals => ({
	[`${table}_weekday_range`]: { field: 'slotDay0', message: m.dberr_weekday_range },
	[`${table}_ends_after_start`]: { field: 'slotEnd0', message: m.ex_error_slot_order },
	[`${table}_no_duplicates`]: { field: 'slotDay0', message: m.ex_error_slot_duplicate }
});

/** A place: the municipality is chosen, exists and is still a municipality (not merged into another). */
const municipalityRefusals = (table: string): Refusals => ({
	[`${table}_municipality_nis_given`]: {
		field: 'municipality',
		message: m.app_error_municipality_required
	},
	[`${table}_municipality_nis_fkey`]: {
		field: 'municipality',
		message: m.error_municipality_unknown
	}
});

export const REFUSALS: Refusals = {
	// Shared rules
	municipality_current: { field: 'municipality', message: m.dberr_municipality_current },

	// profiles
	profiles_display_name_length: { field: 'displayName', message: m.dberr_display_name_length },
	profiles_display_name_trimmed: { field: 'displayName', message: m.dberr_display_name_length },
	profiles_bio_length: { field: 'bio', message: m.error_bio_too_long },
	profiles_personas_known: { field: 'personas', message: m.error_persona_invalid },
	profiles_personas_distinct: { field: 'personas', message: m.error_persona_invalid },
	profiles_visibility_known: { field: 'visibility', message: m.error_visibility_invalid },
	profiles_municipality_nis_fkey: { field: 'municipality', message: m.error_municipality_unknown },

	// organisations and their private contact
	organisations_slug_key: { field: 'slug', message: m.app_error_slug_taken },
	organisations_slug_format: { field: 'slug', message: m.app_error_slug_format },
	organisations_kind_known: { field: 'kind', message: m.app_error_kind },
	organisations_kind_fixed: { field: 'kind', message: m.dberr_organisations_kind_fixed },
	organisations_partner_type_known: { field: 'partnerType', message: m.app_error_partner_type },
	organisations_partner_type_only_for_partners: {
		field: 'partnerType',
		message: m.app_error_partner_type
	},
	organisations_name_length: { field: 'name', message: m.app_error_org_name_length },
	organisations_name_trimmed: { field: 'name', message: m.app_error_org_name_length },
	organisations_description_length: {
		field: 'description',
		message: m.app_error_description_too_long,
		inputs: DESCRIPTION
	},
	organisations_website_format: { field: 'website', message: m.app_error_url_invalid },
	organisations_public_email_format: { field: 'publicEmail', message: m.error_email_invalid },
	organisations_public_phone_length: { field: 'publicPhone', message: m.app_error_phone_too_long },
	organisations_street_address_length: {
		field: 'streetAddress',
		message: m.app_error_address_too_long
	},
	organisations_postal_code_format: { field: 'postalCode', message: m.app_error_postal_code },
	...municipalityRefusals('organisations'),
	organisation_contacts_contact_name_length: {
		field: 'contactName',
		message: m.app_error_contact_name_too_long
	},
	organisation_contacts_email_format: { field: 'contactEmail', message: m.error_email_invalid },
	organisation_contacts_phone_length: {
		field: 'contactPhone',
		message: m.app_error_phone_too_long
	},

	// memberships and invitations
	memberships_keep_an_owner: { field: 'form', message: m.dberr_memberships_keep_an_owner },
	memberships_role_known: { field: 'role', message: m.app_error_role },
	invitation_admins_only: { field: 'form', message: m.dberr_invitation_admins_only },
	invitations_role_known: { field: 'role', message: m.app_error_invite_role },
	invitations_email_format: { field: 'email', message: m.error_email_invalid },
	invitation_already_member: { field: 'email', message: m.dberr_invitation_already_member },
	invitations_one_open_per_email: {
		field: 'email',
		message: m.dberr_invitations_one_open_per_email
	},
	invitation_sign_in: { field: 'form', message: m.dberr_sign_in },
	invitation_not_found: { field: 'form', message: m.app_invitation_unknown },
	invitation_used: { field: 'form', message: m.dberr_invitation_used },
	invitation_revoked: { field: 'form', message: m.dberr_invitation_revoked },
	invitation_expired: { field: 'form', message: m.dberr_invitation_expired },
	invitation_other_address: { field: 'form', message: m.dberr_invitation_other_address },

	// verification and the quality label (network staff)
	verification_network_staff_only: { field: 'form', message: m.dberr_network_staff_only },
	quality_label_network_staff_only: { field: 'form', message: m.dberr_network_staff_only },
	verification_decision_given: { field: 'form', message: m.dberr_verification_decision_given },
	organisation_verification_events_note_length: {
		field: 'note',
		message: m.app_error_note_too_long,
		inputs: { max: 500 }
	},
	organisation_not_found: { field: 'form', message: m.app_organisation_not_found },
	academy_not_found: { field: 'form', message: m.pub_academy_not_found },
	academy_profiles_quality_label_known: { field: 'form', message: m.dberr_quality_label_known },

	// academy profiles
	academy_profiles_organisation_is_academy: {
		field: 'form',
		message: m.dberr_academy_profiles_organisation_is_academy
	},
	academy_profiles_stem_letters_known: { field: 'stemLetters', message: m.app_error_choice },
	academy_profiles_stem_letters_distinct: { field: 'stemLetters', message: m.app_error_choice },
	academy_profiles_accent_letters_distinct: { field: 'accentLetters', message: m.app_error_choice },
	academy_profiles_accents_within_stem_letters: {
		field: 'accentLetters',
		message: m.app_error_accents
	},
	academy_profiles_domains_known: { field: 'domains', message: m.app_error_choice },
	academy_profiles_domains_distinct: { field: 'domains', message: m.app_error_choice },
	academy_profiles_languages_known: { field: 'languages', message: m.app_error_choice },
	academy_profiles_languages_distinct: { field: 'languages', message: m.app_error_choice },
	academy_profiles_ages_both_or_neither: { field: 'ageMin', message: m.app_error_ages_both },
	academy_profiles_ages_in_range: { field: 'ageMax', message: m.app_error_age_order },

	// activities
	activities_organisation_is_academy: {
		field: 'form',
		message: m.dberr_activities_organisation_is_academy
	},
	activities_title_length: { field: 'title', message: m.app_error_title_length, inputs: TITLE },
	activities_title_trimmed: { field: 'title', message: m.app_error_title_length, inputs: TITLE },
	activities_description_length: {
		field: 'description',
		message: m.app_error_description_too_long,
		inputs: DESCRIPTION
	},
	activities_domains_known: { field: 'domains', message: m.app_error_choice },
	activities_domains_distinct: { field: 'domains', message: m.app_error_choice },
	activities_domains_not_empty: { field: 'domains', message: m.app_error_domains_required },
	activities_format_known: { field: 'format', message: m.app_error_format },
	activities_ages_in_range: { field: 'ageMax', message: m.app_error_age_order },
	activities_end_not_before_start: { field: 'endDate', message: m.app_error_end_before_start },
	activities_session_count_range: {
		field: 'sessionCount',
		message: m.app_error_number_max,
		inputs: { max: 400 }
	},
	activities_venue_name_length: { field: 'venueName', message: m.app_error_venue_name_too_long },
	activities_venue_address_length: {
		field: 'venueAddress',
		message: m.app_error_address_too_long
	},
	activities_capacity_positive: {
		field: 'capacity',
		message: m.app_error_number_min,
		inputs: { min: 1 }
	},
	activities_price_not_negative: { field: 'priceEur', message: m.app_error_amount },
	activities_reduced_price_not_negative: { field: 'reducedPriceEur', message: m.app_error_amount },
	activities_reduced_price_not_above_price: {
		field: 'reducedPriceEur',
		message: m.app_error_reduced_price
	},
	activities_registration_url_format: {
		field: 'registrationUrl',
		message: m.app_error_url_invalid
	},
	activities_status_known: { field: 'form', message: m.dberr_status_known },
	activities_status_transition: { field: 'form', message: m.dberr_activities_status_transition },
	...municipalityRefusals('activities'),

	// reach reports
	reach_reports_activity_reportable: {
		field: 'form',
		message: m.dberr_reach_reports_activity_reportable
	},
	reach_reports_participants_not_negative: {
		field: 'participants',
		message: m.app_error_number_min,
		inputs: { min: 0 }
	},
	reach_reports_girls_not_negative: {
		field: 'girls',
		message: m.app_error_number_min,
		inputs: { min: 0 }
	},
	reach_reports_girls_not_more_than_participants: {
		field: 'girls',
		message: m.app_error_girls_too_many
	},
	reach_reports_disadvantaged_not_negative: {
		field: 'disadvantaged',
		message: m.app_error_number_min,
		inputs: { min: 0 }
	},
	reach_reports_disadvantaged_not_more_than_participants: {
		field: 'disadvantaged',
		message: m.app_error_group_too_many
	},
	reach_reports_home_language_not_negative: {
		field: 'nonDutchHomeLanguage',
		message: m.app_error_number_min,
		inputs: { min: 0 }
	},
	reach_reports_home_language_not_more_than_participants: {
		field: 'nonDutchHomeLanguage',
		message: m.app_error_group_too_many
	},
	reach_reports_special_needs_not_negative: {
		field: 'specialNeeds',
		message: m.app_error_number_min,
		inputs: { min: 0 }
	},
	reach_reports_special_needs_not_more_than_participants: {
		field: 'specialNeeds',
		message: m.app_error_group_too_many
	},

	// offers, their weekly slots and days off
	offer_not_found: { field: 'form', message: m.ex_offer_not_found },
	offers_kind_known: { field: 'kind', message: m.ex_error_kind },
	offers_kind_for_organisation: { field: 'kind', message: m.dberr_offers_kind_for_organisation },
	offers_kind_fixed: { field: 'kind', message: m.dberr_offers_kind_fixed },
	offers_title_length: { field: 'title', message: m.app_error_title_length, inputs: TITLE },
	offers_title_trimmed: { field: 'title', message: m.app_error_title_length, inputs: TITLE },
	offers_description_length: {
		field: 'description',
		message: m.app_error_description_too_long,
		inputs: DESCRIPTION
	},
	offers_status_known: { field: 'form', message: m.dberr_status_known },
	offers_radius_range: { field: 'radiusKm', message: m.ex_error_radius },
	offers_area_given: { field: 'radiusKm', message: m.vw_error_area_required },
	offers_area_municipalities_distinct: {
		field: 'areaMunicipalities',
		message: m.dberr_area_municipalities_distinct
	},
	offers_area_municipalities_current: {
		field: 'areaMunicipalities',
		message: m.dberr_area_municipalities_current
	},
	offers_domains_known: { field: 'domains', message: m.app_error_choice },
	offers_domains_distinct: { field: 'domains', message: m.app_error_choice },
	offers_ages_in_range: { field: 'ageMax', message: m.dberr_ages_in_range },
	offers_room_type_known: { field: 'roomType', message: m.ex_error_room_type },
	offers_capacity_positive: { field: 'capacity', message: m.ex_error_capacity_positive },
	offers_equipment_length: {
		field: 'equipment',
		message: m.ex_error_text_too_long,
		inputs: { max: 1000 }
	},
	offers_conditions_known: { field: 'conditions', message: m.app_error_choice },
	offers_conditions_distinct: { field: 'conditions', message: m.app_error_choice },
	offers_fee_not_negative: { field: 'feeEur', message: m.ex_error_fee_negative },
	offers_term_end_not_before_start: { field: 'termEnd', message: m.ex_error_until_before_from },
	offers_room_complete: { field: 'form', message: m.dberr_offers_room_complete },
	offers_room_fields_only_for_rooms: {
		field: 'form',
		message: m.dberr_offers_room_fields_only_for_rooms
	},
	offers_pledge_fields_not_for_rooms: {
		field: 'form',
		message: m.dberr_offers_pledge_fields_not_for_rooms
	},
	offers_volunteers_complete: { field: 'people', message: m.ex_error_people_required },
	offers_people_positive: { field: 'people', message: m.ex_error_positive },
	offers_hours_per_year_positive: { field: 'hoursPerYear', message: m.ex_error_positive },
	offers_materials_complete: { field: 'materials', message: m.ex_error_materials_required },
	offers_materials_length: {
		field: 'materials',
		message: m.ex_error_text_too_long,
		inputs: { max: 1000 }
	},
	offers_quantity_positive: { field: 'quantity', message: m.ex_error_positive },
	offers_funding_complete: { field: 'amountEur', message: m.ex_error_amount_required },
	offers_amount_positive: { field: 'amountEur', message: m.ex_error_amount_positive },
	...municipalityRefusals('offers'),
	offer_slots_at_most_50: { field: 'slotDay0', message: m.dberr_slots_at_most_50 },
	...slotRefusals('offer_slots'),
	offer_unavailable_dates_at_most_1000: {
		field: 'unavailableDates',
		message: m.dberr_offer_unavailable_dates_at_most_1000
	},

	// requests and their weekly slots
	request_not_found: { field: 'form', message: m.ex_request_not_found },
	requests_organisation_is_academy: {
		field: 'form',
		message: m.dberr_requests_organisation_is_academy
	},
	requests_kind_known: { field: 'kind', message: m.ex_error_kind },
	requests_kind_fixed: { field: 'kind', message: m.dberr_requests_kind_fixed },
	requests_title_length: { field: 'title', message: m.app_error_title_length, inputs: TITLE },
	requests_title_trimmed: { field: 'title', message: m.app_error_title_length, inputs: TITLE },
	requests_description_length: {
		field: 'description',
		message: m.app_error_description_too_long,
		inputs: DESCRIPTION
	},
	requests_status_known: { field: 'form', message: m.dberr_status_known },
	requests_status_transition: { field: 'form', message: m.dberr_requests_status_transition },
	requests_quantity_length: {
		field: 'quantity',
		message: m.ex_error_text_too_long,
		inputs: { max: 200 }
	},
	requests_people_positive: { field: 'people', message: m.ex_error_positive },
	requests_amount_positive: { field: 'amountEur', message: m.ex_error_amount_positive },
	requests_domains_known: { field: 'domains', message: m.app_error_choice },
	requests_domains_distinct: { field: 'domains', message: m.app_error_choice },
	requests_ages_in_range: { field: 'ageMax', message: m.dberr_ages_in_range },
	requests_needed_until_not_before_from: {
		field: 'neededUntil',
		message: m.ex_error_until_before_from
	},
	...municipalityRefusals('requests'),
	request_slots_at_most_50: { field: 'slotDay0', message: m.dberr_slots_at_most_50 },
	...slotRefusals('request_slots'),

	// agreements: proposing, answering, booking a room, the thread
	agreement_sign_in: { field: 'form', message: m.dberr_sign_in },
	agreement_not_found: { field: 'form', message: m.ag_not_found },
	agreements_proposer_is_a_party: {
		field: 'form',
		message: m.dberr_agreements_proposer_is_a_party
	},
	agreements_request_open: { field: 'form', message: m.dberr_agreements_request_open },
	agreements_offer_active: { field: 'form', message: m.dberr_agreements_offer_active },
	agreements_kinds_match: { field: 'form', message: m.dberr_agreements_kinds_match },
	agreements_one_live_per_pair: { field: 'form', message: m.dberr_agreements_one_live_per_pair },
	agreements_booking_only_for_rooms: {
		field: 'form',
		message: m.dberr_agreements_booking_only_for_rooms
	},
	agreements_booking_all_or_nothing: {
		field: 'form',
		message: m.dberr_agreements_booking_all_or_nothing
	},
	agreements_booking_weekday_range: { field: 'form', message: m.dberr_weekday_range },
	agreements_booking_ends_after_start: { field: 'form', message: m.ex_error_slot_order },
	agreements_booking_until_not_before_from: {
		field: 'form',
		message: m.ex_error_until_before_from
	},
	agreements_booking_at_most_400_days: {
		field: 'form',
		message: m.dberr_agreements_booking_at_most_400_days
	},
	agreements_booking_within_term: {
		field: 'form',
		message: m.dberr_agreements_booking_within_term
	},
	agreements_booking_within_slot: {
		field: 'form',
		message: m.dberr_agreements_booking_within_slot
	},
	agreements_booking_has_sessions: {
		field: 'form',
		message: m.dberr_agreements_booking_has_sessions
	},
	room_bookings_no_overlap: { field: 'form', message: m.dberr_room_bookings_no_overlap },
	agreements_status_known: { field: 'form', message: m.dberr_agreements_status_known },
	agreements_status_transition: {
		field: 'form',
		message: m.dberr_agreements_status_transition
	},
	agreements_answered_by_the_other_side: {
		field: 'form',
		message: m.dberr_agreements_answered_by_the_other_side
	},
	agreements_withdrawn_by_the_proposer: {
		field: 'form',
		message: m.dberr_agreements_withdrawn_by_the_proposer
	},
	agreements_fulfilled_by_the_academy: {
		field: 'form',
		message: m.dberr_agreements_fulfilled_by_the_academy
	},
	agreement_events_note_length: {
		field: 'note',
		message: m.ag_error_note_too_long,
		inputs: { max: 1000 }
	},
	agreements_given_not_negative: {
		field: 'form',
		message: m.dberr_agreements_given_not_negative
	},
	agreements_thank_you_length: {
		field: 'thankYou',
		message: m.ag_error_thank_you_too_long,
		inputs: { max: 1000 }
	},
	agreement_messages_body_length: {
		field: 'body',
		message: m.dberr_agreement_messages_body_length
	},
	agreement_messages_organisation_is_a_party: {
		field: 'form',
		message: m.dberr_agreement_messages_organisation_is_a_party
	},
	agreement_messages_agreement_id_fkey: { field: 'form', message: m.ag_not_found },
	agreement_messages_organisation_id_fkey: { field: 'form', message: m.ag_not_found },

	// who comes: first session, names, volunteer checks
	agreements_first_session_people: {
		field: 'firstSessionOn',
		message: m.dberr_agreements_first_session_people
	},
	agreements_first_session_recent: {
		field: 'firstSessionOn',
		message: m.dberr_agreements_first_session_recent
	},
	agreement_volunteers_name_length: { field: 'name', message: m.vw_error_name, inputs: NAME },
	agreement_volunteers_name_trimmed: { field: 'name', message: m.vw_error_name, inputs: NAME },
	agreement_volunteers_name_once: {
		field: 'name',
		message: m.dberr_agreement_volunteers_name_once
	},
	agreement_volunteers_offer_kind: {
		field: 'form',
		message: m.dberr_agreement_volunteers_offer_kind
	},
	agreement_volunteers_agreement_accepted: {
		field: 'form',
		message: m.dberr_agreement_volunteers_agreement_accepted
	},
	agreement_volunteers_agreement_id_fkey: { field: 'form', message: m.ag_not_found },
	volunteer_checks_organisation_is_academy: {
		field: 'form',
		message: m.dberr_volunteer_checks_organisation_is_academy
	},
	volunteer_checks_volunteer_name_length: {
		field: 'volunteerName',
		message: m.ag_error_volunteer_name,
		inputs: NAME
	},
	volunteer_checks_volunteer_name_trimmed: {
		field: 'volunteerName',
		message: m.ag_error_volunteer_name,
		inputs: NAME
	},
	volunteer_checks_seen_by_name_length: {
		field: 'seenByName',
		message: m.ag_error_seen_by,
		inputs: NAME
	},
	volunteer_checks_seen_by_name_trimmed: {
		field: 'seenByName',
		message: m.ag_error_seen_by,
		inputs: NAME
	},
	volunteer_checks_seen_on_not_future: { field: 'seenOn', message: m.ag_error_seen_on_future },
	volunteer_checks_seen_on_recent: { field: 'seenOn', message: m.ag_error_seen_on_old },
	volunteer_checks_agreement_of_academy: {
		field: 'form',
		message: m.dberr_volunteer_checks_agreement_of_academy
	},
	volunteer_checks_agreement_id_fkey: {
		field: 'form',
		message: m.dberr_volunteer_checks_agreement_of_academy
	},

	// notification choices
	notification_preferences_signed_in: { field: 'form', message: m.dberr_sign_in },
	notification_preferences_choices_object: {
		field: 'form',
		message: m.dberr_notification_preferences_choices
	},
	notification_preferences_delivery_known: {
		field: 'form',
		message: m.dberr_notification_preferences_choices
	},
	notification_preferences_kind_fkey: {
		field: 'form',
		message: m.dberr_notification_preferences_choices
	},

	// one's own data and account
	account_signed_in_only: { field: 'form', message: m.dberr_sign_in },
	account_last_owner: { field: 'form', message: m.data_error_last_owner }
};
