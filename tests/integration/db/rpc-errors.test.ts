// Every RPC answers a bad call with a 4xx and a stable code, never a 500: unknown ids, other
// organisations' ids and bad enums, from anonymous visitors and signed-in people alike. PostgREST turns the
// SQLSTATE into the status (PTnnn: nnn; 22023, 23514, P0001: 400; 42501: 401 for anonymous, 403 signed
// in); the hint carries the rule's name for the app to map.
import type { SupabaseClient } from '@supabase/supabase-js';
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	anonymousClient,
	daysFromToday,
	serviceRole,
	testPeople,
	type Cast,
	type Person
} from './people.js';
import { asCaller, type Caller as SqlCaller } from './as-caller.js';

const people = testPeople('rpc-fouten');
const unknown = '00000000-0000-4000-8000-00000000dead';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let cast: Cast;
let schoolOwner: Person;
let otherOwner: Person;
let invitee: Person;
let academy: { id: string };
let otherAcademy: { id: string };
let school: { id: string };
let otherSchool: { id: string };
let room: { id: string };
let pausedRoom: { id: string };
let theirRoom: { id: string };
let request: { id: string };
let closedRequest: { id: string };
let theirAgreement: string;
const tokens: Record<'used' | 'revoked' | 'expired' | 'other', string> = {
	used: '',
	revoked: '',
	expired: '',
	other: ''
};

/** An invitation of the academy for `email`, made by its owner; returns the token. */
async function invite(email: string): Promise<string> {
	const { data, error } = await cast.owner.client.rpc('create_invitation', {
		p_organisation_id: academy.id,
		p_email: email,
		p_role: 'member'
	});
	expect(error).toBeNull();
	return data as string;
}

beforeAll(async () => {
	cast = await people.cast();
	[schoolOwner, otherOwner, invitee] = await Promise.all([
		people.signUp('school'),
		people.signUp('ander'),
		people.signUp('uitgenodigd')
	]);
	academy = await people.organisation(
		[
			[cast.owner, 'owner'],
			[cast.admin, 'admin'],
			[cast.member, 'member']
		],
		{ kind: 'academy', name: 'Academie Foutcodes' }
	);
	otherAcademy = await people.organisation([[otherOwner, 'owner']], {
		kind: 'academy',
		name: 'Andere Academie Foutcodes'
	});
	school = await people.organisation([[schoolOwner, 'owner']], { name: 'School Foutcodes' });
	otherSchool = await people.organisation([[otherOwner, 'owner']], { name: 'Andere School' });
	room = await people.offer(school.id);
	pausedRoom = await people.offer(school.id, { status: 'paused' });
	theirRoom = await people.offer(otherSchool.id);
	request = await people.request(academy.id);
	closedRequest = await people.request(otherAcademy.id, { status: 'closed' });
	const theirRequest = await people.request(otherAcademy.id);
	const [agreement] = await people.query<{ id: string }>(
		`insert into public.agreements (request_id, offer_id, academy_id, provider_id, proposed_by_organisation)
		 values ($1, $2, $3, $4, $3) returning id`,
		[theirRequest.id, theirRoom.id, otherAcademy.id, otherSchool.id]
	);
	theirAgreement = agreement!.id;

	tokens.used = await invite(`gebruikt-${randomUUID()}@groeistoot.test`);
	tokens.revoked = await invite(`ingetrokken-${randomUUID()}@groeistoot.test`);
	tokens.expired = await invite(invitee.email);
	await people.query(`update public.invitations set accepted_at = now() where token_hash = $1;`, [
		sha256(tokens.used)
	]);
	await people.query(`update public.invitations set revoked_at = now() where token_hash = $1`, [
		sha256(tokens.revoked)
	]);
	await people.query(
		`update public.invitations set expires_at = now() - interval '1 minute' where token_hash = $1`,
		[sha256(tokens.expired)]
	);
	tokens.other = await invite(`iemand-anders-${randomUUID()}@groeistoot.test`);
});

afterAll(() => people.remove());

type Caller =
	| 'anonymous'
	| 'a member'
	| 'an admin'
	| 'an owner'
	| 'network staff'
	| 'the school'
	| 'the service role';

function clientOf(who: Caller): SupabaseClient {
	if (who === 'anonymous') return anonymousClient();
	if (who === 'the service role') return serviceRole;
	if (who === 'the school') return schoolOwner.client;
	if (who === 'an owner') return cast.owner.client;
	if (who === 'an admin') return cast.admin.client;
	if (who === 'network staff') return cast.staff.client;
	return cast.member.client;
}

type Case = {
	what: string;
	who: Caller;
	fn: string;
	args: () => Record<string, unknown>;
	status: number;
	code: string;
	hint?: string;
};

const booking = {
	p_booking_weekday: 3,
	p_booking_starts: '14:00',
	p_booking_ends: '16:00',
	p_booking_from: daysFromToday(0),
	p_booking_until: daysFromToday(60)
};
const roomValues = () => ({
	kind: 'room',
	title: 'Labo',
	municipality_nis: '44021',
	radius_km: 20,
	room_type: 'labo_wetenschappen',
	capacity: 20,
	term_start: daysFromToday(0),
	term_end: daysFromToday(100)
});
const requestValues = () => ({ kind: 'venue', title: 'Een labo', municipality_nis: '44021' });

const cases: Case[] = [
	// set_agreement_status
	...(['a member', 'an owner'] as const).map((who): Case => ({
		what: 'an unknown agreement',
		who,
		fn: 'set_agreement_status',
		args: () => ({ p_agreement_id: unknown, p_status: 'accepted' }),
		status: 404,
		code: 'PT404',
		hint: 'agreement_not_found'
	})),
	{
		what: "another academy's agreement",
		who: 'a member',
		fn: 'set_agreement_status',
		args: () => ({ p_agreement_id: theirAgreement, p_status: 'withdrawn' }),
		status: 404,
		code: 'PT404',
		hint: 'agreement_not_found'
	},
	{
		what: 'an unknown status',
		who: 'a member',
		fn: 'set_agreement_status',
		args: () => ({ p_agreement_id: theirAgreement, p_status: 'gekaapt' }),
		status: 400,
		code: '22023',
		hint: 'agreements_status_known'
	},
	{
		what: 'an id that is no uuid',
		who: 'a member',
		fn: 'set_agreement_status',
		args: () => ({ p_agreement_id: 'abc', p_status: 'accepted' }),
		status: 400,
		code: '22P02'
	},
	{
		what: 'a call without signing in',
		who: 'anonymous',
		fn: 'set_agreement_status',
		args: () => ({ p_agreement_id: theirAgreement, p_status: 'accepted' }),
		status: 401,
		code: '42501'
	},
	// propose_agreement
	{
		what: 'an unknown request',
		who: 'a member',
		fn: 'propose_agreement',
		args: () => ({ p_request_id: unknown, p_offer_id: room.id, ...booking }),
		status: 404,
		code: 'PT404',
		hint: 'request_not_found'
	},
	{
		what: 'an unknown offer',
		who: 'a member',
		fn: 'propose_agreement',
		args: () => ({ p_request_id: request.id, p_offer_id: unknown, ...booking }),
		status: 404,
		code: 'PT404',
		hint: 'offer_not_found'
	},
	{
		what: "another academy's closed request",
		who: 'the school',
		fn: 'propose_agreement',
		args: () => ({ p_request_id: closedRequest.id, p_offer_id: room.id, ...booking }),
		status: 404,
		code: 'PT404',
		hint: 'request_not_found'
	},
	{
		what: "another organisation's paused room",
		who: 'a member',
		fn: 'propose_agreement',
		args: () => ({ p_request_id: request.id, p_offer_id: pausedRoom.id, ...booking }),
		status: 404,
		code: 'PT404',
		hint: 'offer_not_found'
	},
	{
		what: 'a weekday 9',
		who: 'a member',
		fn: 'propose_agreement',
		args: () => ({
			p_request_id: request.id,
			p_offer_id: room.id,
			...booking,
			p_booking_weekday: 9
		}),
		status: 400,
		code: '23514',
		hint: 'agreements_booking_weekday_range'
	},
	{
		what: 'a call without signing in',
		who: 'anonymous',
		fn: 'propose_agreement',
		args: () => ({ p_request_id: request.id, p_offer_id: room.id, ...booking }),
		status: 401,
		code: '42501'
	},
	// save_offer
	{
		what: 'an update of an unknown offer',
		who: 'the school',
		fn: 'save_offer',
		args: () => ({ p_id: unknown, p_organisation_id: school.id, p_offer: roomValues() }),
		status: 404,
		code: 'PT404',
		hint: 'offer_not_found'
	},
	{
		what: "an update of another school's offer",
		who: 'the school',
		fn: 'save_offer',
		args: () => ({ p_id: theirRoom.id, p_organisation_id: otherSchool.id, p_offer: roomValues() }),
		status: 404,
		code: 'PT404',
		hint: 'offer_not_found'
	},
	{
		what: "creating with another school's offer id",
		who: 'the school',
		fn: 'save_offer',
		args: () => ({
			p_id: theirRoom.id,
			p_organisation_id: school.id,
			p_offer: roomValues(),
			p_create: true
		}),
		status: 404,
		code: 'PT404',
		hint: 'offer_not_found'
	},
	{
		what: 'an unknown kind',
		who: 'the school',
		fn: 'save_offer',
		args: () => ({
			p_id: randomUUID(),
			p_organisation_id: school.id,
			p_offer: { ...roomValues(), kind: 'kasteel' },
			p_create: true
		}),
		status: 400,
		code: '23514',
		hint: 'offers_kind_for_organisation'
	},
	{
		what: 'more than 50 weekly slots',
		who: 'the school',
		fn: 'save_offer',
		args: () => ({
			p_id: randomUUID(),
			p_organisation_id: school.id,
			p_offer: roomValues(),
			p_slots: Array.from({ length: 51 }, (_, i) => ({
				weekday: (i % 7) + 1,
				starts_at: `${String(8 + Math.floor(i / 7)).padStart(2, '0')}:00`,
				ends_at: `${String(9 + Math.floor(i / 7)).padStart(2, '0')}:00`
			})),
			p_create: true
		}),
		status: 400,
		code: '23514',
		hint: 'offer_slots_at_most_50'
	},
	{
		what: 'more than 1000 days off',
		who: 'the school',
		fn: 'save_offer',
		args: () => ({
			p_id: randomUUID(),
			p_organisation_id: school.id,
			p_offer: roomValues(),
			p_unavailable_dates: Array.from({ length: 1001 }, (_, i) => daysFromToday(i)),
			p_create: true
		}),
		status: 400,
		code: '23514',
		hint: 'offer_unavailable_dates_at_most_1000'
	},
	{
		what: 'a call without signing in',
		who: 'anonymous',
		fn: 'save_offer',
		args: () => ({ p_id: room.id, p_organisation_id: school.id, p_offer: roomValues() }),
		status: 401,
		code: '42501'
	},
	// save_request
	{
		what: 'an update of an unknown request',
		who: 'a member',
		fn: 'save_request',
		args: () => ({ p_id: unknown, p_organisation_id: academy.id, p_request: requestValues() }),
		status: 404,
		code: 'PT404',
		hint: 'request_not_found'
	},
	{
		what: "creating with another academy's request id",
		who: 'a member',
		fn: 'save_request',
		args: () => ({
			p_id: closedRequest.id,
			p_organisation_id: academy.id,
			p_request: requestValues(),
			p_create: true
		}),
		status: 404,
		code: 'PT404',
		hint: 'request_not_found'
	},
	{
		what: 'an unknown kind',
		who: 'a member',
		fn: 'save_request',
		args: () => ({
			p_id: randomUUID(),
			p_organisation_id: academy.id,
			p_request: { ...requestValues(), kind: 'kasteel' },
			p_create: true
		}),
		status: 400,
		code: '23514'
	},
	{
		what: 'more than 50 weekly slots',
		who: 'a member',
		fn: 'save_request',
		args: () => ({
			p_id: randomUUID(),
			p_organisation_id: academy.id,
			p_request: requestValues(),
			p_slots: Array.from({ length: 51 }, () => ({
				weekday: 1,
				starts_at: '09:00',
				ends_at: '10:00'
			})),
			p_create: true
		}),
		status: 400,
		code: '23514',
		hint: 'request_slots_at_most_50'
	},
	{
		what: 'a call without signing in',
		who: 'anonymous',
		fn: 'save_request',
		args: () => ({ p_id: request.id, p_organisation_id: academy.id, p_request: requestValues() }),
		status: 401,
		code: '42501'
	},
	// set_verification, set_quality_label
	{
		what: 'an unknown organisation',
		who: 'network staff',
		fn: 'set_verification',
		args: () => ({ p_organisation_id: unknown, p_verified: true }),
		status: 404,
		code: 'PT404',
		hint: 'organisation_not_found'
	},
	{
		what: 'no decision',
		who: 'network staff',
		fn: 'set_verification',
		args: () => ({ p_organisation_id: academy.id, p_verified: null }),
		status: 400,
		code: '22023',
		hint: 'verification_decision_given'
	},
	{
		what: 'a member who is not staff',
		who: 'an owner',
		fn: 'set_verification',
		args: () => ({ p_organisation_id: academy.id, p_verified: true }),
		status: 403,
		code: '42501',
		hint: 'verification_network_staff_only'
	},
	{
		what: 'a call without signing in',
		who: 'anonymous',
		fn: 'set_verification',
		args: () => ({ p_organisation_id: academy.id, p_verified: true }),
		status: 401,
		code: '42501'
	},
	{
		what: 'an unknown academy',
		who: 'network staff',
		fn: 'set_quality_label',
		args: () => ({ p_organisation_id: unknown, p_label: 'awarded' }),
		status: 404,
		code: 'PT404',
		hint: 'academy_not_found'
	},
	{
		what: 'a school',
		who: 'network staff',
		fn: 'set_quality_label',
		args: () => ({ p_organisation_id: school.id, p_label: 'awarded' }),
		status: 404,
		code: 'PT404',
		hint: 'academy_not_found'
	},
	{
		what: 'an unknown label',
		who: 'network staff',
		fn: 'set_quality_label',
		args: () => ({ p_organisation_id: academy.id, p_label: 'goud' }),
		status: 400,
		code: '22023',
		hint: 'academy_profiles_quality_label_known'
	},
	{
		what: 'a call without signing in',
		who: 'anonymous',
		fn: 'set_quality_label',
		args: () => ({ p_organisation_id: academy.id, p_label: 'awarded' }),
		status: 401,
		code: '42501'
	},
	// create_invitation, accept_invitation
	{
		what: 'a plain member',
		who: 'a member',
		fn: 'create_invitation',
		args: () => ({ p_organisation_id: academy.id, p_email: 'iemand@groeistoot.test' }),
		status: 403,
		code: '42501',
		hint: 'invitation_admins_only'
	},
	{
		what: 'an unknown organisation',
		who: 'an owner',
		fn: 'create_invitation',
		args: () => ({ p_organisation_id: unknown, p_email: 'iemand@groeistoot.test' }),
		status: 403,
		code: '42501',
		hint: 'invitation_admins_only'
	},
	{
		what: 'an unknown role',
		who: 'an admin',
		fn: 'create_invitation',
		args: () => ({
			p_organisation_id: academy.id,
			p_email: 'iemand@groeistoot.test',
			p_role: 'koning'
		}),
		status: 400,
		code: '22023',
		hint: 'invitations_role_known'
	},
	{
		what: 'someone who already belongs to it',
		who: 'an admin',
		fn: 'create_invitation',
		args: () => ({ p_organisation_id: academy.id, p_email: cast.member.email }),
		status: 409,
		code: 'PT409',
		hint: 'invitation_already_member'
	},
	{
		what: 'a call without signing in',
		who: 'anonymous',
		fn: 'create_invitation',
		args: () => ({ p_organisation_id: academy.id, p_email: 'iemand@groeistoot.test' }),
		status: 401,
		code: '42501'
	},
	{
		what: 'an unknown token',
		who: 'a member',
		fn: 'accept_invitation',
		args: () => ({ p_token: 'a'.repeat(64) }),
		status: 404,
		code: 'PT404',
		hint: 'invitation_not_found'
	},
	{
		what: 'an overlong token',
		who: 'a member',
		fn: 'accept_invitation',
		args: () => ({ p_token: 'a'.repeat(100_000) }),
		status: 404,
		code: 'PT404',
		hint: 'invitation_not_found'
	},
	{
		what: 'a used invitation',
		who: 'a member',
		fn: 'accept_invitation',
		args: () => ({ p_token: tokens.used }),
		status: 409,
		code: 'PT409',
		hint: 'invitation_used'
	},
	{
		what: 'a revoked invitation',
		who: 'a member',
		fn: 'accept_invitation',
		args: () => ({ p_token: tokens.revoked }),
		status: 410,
		code: 'PT410',
		hint: 'invitation_revoked'
	},
	{
		what: 'an expired invitation',
		who: 'a member',
		fn: 'accept_invitation',
		args: () => ({ p_token: tokens.expired }),
		status: 410,
		code: 'PT410',
		hint: 'invitation_expired'
	},
	{
		what: "someone else's invitation",
		who: 'a member',
		fn: 'accept_invitation',
		args: () => ({ p_token: tokens.other }),
		status: 403,
		code: 'PT403',
		hint: 'invitation_other_address'
	},
	{
		what: 'a call without signing in',
		who: 'anonymous',
		fn: 'accept_invitation',
		args: () => ({ p_token: tokens.other }),
		status: 401,
		code: '42501'
	},
	{
		what: 'more than 5000 documents a call',
		who: 'the service role',
		fn: 'search_documents',
		args: () => ({ p_index: 'activities', p_limit: 5001 }),
		status: 400,
		code: '22023',
		hint: 'search_documents_at_most_5000'
	},
	{
		what: 'an unknown index',
		who: 'the service role',
		fn: 'search_documents',
		args: () => ({ p_index: 'geheimen', p_limit: 10 }),
		status: 400,
		code: '22023',
		hint: 'search_index_known'
	},
	...(['anonymous', 'a member'] as const).map((who): Case => ({
		what: 'an id that is no uuid',
		who,
		fn: 'suggest_offers',
		args: () => ({ p_request_id: 'geen-uuid' }),
		status: 400,
		code: '22P02'
	}))
];

describe('RPC refusals', () => {
	it.each(cases.map((c) => [c.fn, c.what, c.who, c] as const))(
		'%s refuses %s (%s) with a 4xx and a stable code',
		async (_, __, who, c) => {
			const { error, status } = await clientOf(who).rpc(c.fn, c.args());
			expect(status).toBeLessThan(500);
			expect({ status, code: error?.code }).toEqual({ status: c.status, code: c.code });
			if (c.hint) expect(error?.hint).toBe(c.hint);
			expect(error?.message).toBeTruthy();
		}
	);

	it('search_documents still gives the service role a page of 5000', async () => {
		const { error, status } = await serviceRole.rpc('search_documents', {
			p_index: 'activities',
			p_limit: 5000
		});
		expect({ status, error }).toEqual({ status: 200, error: null });
	});

	it.each([
		['an unknown request', () => ({ p_request_id: unknown })],
		["another academy's closed request", () => ({ p_request_id: closedRequest.id })]
	])('suggest_offers answers %s with no rows, not an error', async (_, args) => {
		for (const who of ['anonymous', 'a member'] as const) {
			const { data, error, status } = await clientOf(who).rpc('suggest_offers', args());
			expect({ status, error }).toEqual({ status: 200, error: null });
			expect(data).toEqual([]);
		}
	});

	it("every raise in the database's functions (RPCs and the helpers they call) names a SQLSTATE PostgREST answers with a 4xx, and a hint", async () => {
		// 42501 is 401/403, PTnnn is nnn, the other classes here are 400 or 409; P0002-P0004, 57014 and
		// the like would be a 500.
		const fourXX =
			/^(PT4\d\d|P0001|42501|22001|22023|23502|23503|23514|23P01|check_violation|not_null_violation|foreign_key_violation|invalid_parameter_value)$/;
		const functions = await people.query<{ name: string; source: string }>(
			`select n.nspname || '.' || p.proname as name, p.prosrc as source
			from pg_proc p join pg_namespace n on n.oid = p.pronamespace join pg_language l on l.oid = p.prolang
			where n.nspname in ('public', 'private') and l.lanname = 'plpgsql'`
		);
		const wrong: string[] = [];
		for (const { name, source } of functions) {
			// Up to the statement's end: a semicolon inside a quoted message does not end it.
			for (const statement of source.match(/\braise\s+exception\b(?:[^;']|'(?:[^']|'')*')*;/gi) ??
				[]) {
				const code = /errcode\s*=\s*'([^']+)'/i.exec(statement)?.[1];
				if (!code || !fourXX.test(code) || !/\bhint\s*=/i.test(statement)) {
					wrong.push(`${name}: ${statement.replace(/\s+/g, ' ').slice(0, 100)}`);
				}
			}
		}
		expect(wrong).toEqual([]);
	});

	it('invitation_details answers an unknown or overlong token with no rows', async () => {
		for (const token of ['b'.repeat(64), 'c'.repeat(100_000)]) {
			const { data, error, status } = await anonymousClient().rpc('invitation_details', {
				p_token: token
			});
			expect({ status, error }).toEqual({ status: 200, error: null });
			expect(data).toEqual([]);
		}
	});
});

// Helpers the app never calls directly live in schema private, which the API does not expose; the RPCs
// and policies call them as the person asking, so they refuse bad input the same way.
describe('helpers in schema private', () => {
	const roomSessions = {
		p_offer_id: '',
		p_weekday: 3,
		p_starts: '14:00',
		p_ends: '16:00',
		p_from: daysFromToday(0),
		p_until: daysFromToday(30)
	};
	const reaching = (kinds: string[], lat = 51.05, lng = 3.72) => ({
		p_lat: lat,
		p_lng: lng,
		p_municipality_nis: '44021',
		p_kinds: kinds
	});
	const tooManyKinds = Array.from({ length: 50 }, (_, i) => `soort-${i}`);

	it.each([
		['room_sessions', () => ({ ...roomSessions, p_offer_id: room.id })],
		['active_offers_reaching', () => reaching(['room'])]
	])('%s is no RPC: the API answers 404 to anyone', async (fn, args) => {
		for (const who of ['anonymous', 'a member', 'the service role'] as const) {
			const { error, status } = await clientOf(who).rpc(fn, args());
			expect({ status, code: error?.code }).toEqual({ status: 404, code: 'PGRST202' });
		}
	});

	it.each([
		['anonymous', (): SqlCaller => 'anon'],
		['a member', (): SqlCaller => cast.member]
	] as const)('room_sessions refuses a call from outside (%s) with 42501', async (_, caller) => {
		const { error } = await asCaller(
			caller(),
			`select * from private.room_sessions($1, 3, '14:00', '16:00', $2, $3)`,
			[room.id, daysFromToday(0), daysFromToday(30)]
		);
		expect(error?.code).toBe('42501');
	});

	it.each([
		[
			'more kinds than exist',
			'anonymous',
			(): SqlCaller => 'anon',
			tooManyKinds,
			51.05,
			3.72,
			'matching_kinds_known'
		],
		[
			'more kinds than exist',
			'a member',
			(): SqlCaller => cast.member,
			tooManyKinds,
			51.05,
			3.72,
			'matching_kinds_known'
		],
		[
			'a point outside Belgium',
			'anonymous',
			(): SqlCaller => 'anon',
			['room'],
			0,
			0,
			'matching_point_in_belgium'
		]
	] as const)(
		'active_offers_reaching refuses %s (%s) with 22023 and a stable code',
		async (_, __, caller, kinds, lat, lng, hint) => {
			const { error } = await asCaller(
				caller(),
				`select * from private.active_offers_reaching($1, $2, '44021', $3)`,
				[lat, lng, kinds]
			);
			expect({ code: error?.code, hint: error?.hint }).toEqual({ code: '22023', hint });
			expect(error?.message).toBeTruthy();
		}
	);
});
