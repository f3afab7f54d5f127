// The resource exchange's fixed vocabularies: the values Postgres checks, and the words people read for them.
// Like ./vocabulary.ts, the one place in TypeScript that lists them (checked against the database by
// tests/integration/db/vocabularies.test.ts).
import { m } from '$lib/paraglide/messages';

export const OFFER_KINDS = [
	'room',
	'volunteers',
	'materials',
	'funding',
	'visit',
	'expertise'
] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];
/** What a company (or partner) pledges: every offer kind but a room. */
export const PLEDGE_KINDS = ['volunteers', 'materials', 'funding', 'visit', 'expertise'] as const;

export const REQUEST_KINDS = ['venue', 'volunteers', 'materials', 'funding', 'expertise'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const ROOM_TYPES = [
	'klaslokaal',
	'labo_wetenschappen',
	'ict_lokaal',
	'werkplaats_makerspace',
	'sporthal',
	'aula',
	'andere'
] as const;
export type RoomType = (typeof ROOM_TYPES)[number];

export const ROOM_CONDITIONS = ['gratis', 'vergoeding', 'verzekering_nodig'] as const;
export type RoomCondition = (typeof ROOM_CONDITIONS)[number];

/** ISO weekdays, as form values: '1' maandag … '7' zondag. */
export const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const OFFER_STATUSES = ['active', 'paused', 'withdrawn'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const REQUEST_STATUSES = ['open', 'in_progress', 'fulfilled', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const offerKindLabel: Record<OfferKind, () => string> = {
	room: m.ex_kind_room,
	volunteers: m.ex_kind_volunteers,
	materials: m.ex_kind_materials,
	funding: m.ex_kind_funding,
	visit: m.ex_kind_visit,
	expertise: m.ex_kind_expertise
};

export const requestKindLabel: Record<RequestKind, () => string> = {
	venue: m.ex_kind_venue,
	volunteers: m.ex_kind_volunteers,
	materials: m.ex_kind_materials,
	funding: m.ex_kind_funding,
	expertise: m.ex_kind_expertise
};

export const roomTypeLabel: Record<RoomType, () => string> = {
	klaslokaal: m.ex_room_klaslokaal,
	labo_wetenschappen: m.ex_room_labo_wetenschappen,
	ict_lokaal: m.ex_room_ict_lokaal,
	werkplaats_makerspace: m.ex_room_werkplaats_makerspace,
	sporthal: m.ex_room_sporthal,
	aula: m.ex_room_aula,
	andere: m.ex_room_andere
};

export const roomConditionLabel: Record<RoomCondition, () => string> = {
	gratis: m.ex_condition_gratis,
	vergoeding: m.ex_condition_vergoeding,
	verzekering_nodig: m.ex_condition_verzekering_nodig
};

export const weekdayLabel: Record<Weekday, () => string> = {
	'1': m.ex_weekday_1,
	'2': m.ex_weekday_2,
	'3': m.ex_weekday_3,
	'4': m.ex_weekday_4,
	'5': m.ex_weekday_5,
	'6': m.ex_weekday_6,
	'7': m.ex_weekday_7
};

export const offerStatusLabel: Record<OfferStatus, () => string> = {
	active: m.ex_offer_status_active,
	paused: m.ex_offer_status_paused,
	withdrawn: m.ex_offer_status_withdrawn
};

export const requestStatusLabel: Record<RequestStatus, () => string> = {
	open: m.ex_request_status_open,
	in_progress: m.ex_request_status_in_progress,
	fulfilled: m.ex_request_status_fulfilled,
	closed: m.ex_request_status_closed
};

export const AGREEMENT_STATUSES = [
	'proposed',
	'accepted',
	'declined',
	'withdrawn',
	'fulfilled'
] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const agreementStatusLabel: Record<AgreementStatus, () => string> = {
	proposed: m.ag_status_proposed,
	accepted: m.ag_status_accepted,
	declined: m.ag_status_declined,
	withdrawn: m.ag_status_withdrawn,
	fulfilled: m.ag_status_fulfilled
};

/** 3 → "woensdag"; '' for a day outside 1..7. */
export function weekdayName(weekday: number): string {
	const key = String(weekday);
	return key in weekdayLabel ? weekdayLabel[key as Weekday]() : '';
}

/** A label for a value that may not be in the vocabulary (data from the database): the value itself then. */
export function labelOf<T extends string>(labels: Record<T, () => string>, value: string): string {
	return value in labels ? labels[value as T]() : value;
}
