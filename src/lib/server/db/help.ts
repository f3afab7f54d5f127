// "Ik wil helpen": a person's own agreement with an academy (offer_help()), whether they already have a
// live one for a request, and for the academy's owners and admins whether the person's extract (model 2)
// is recorded. RLS and the RPC decide; refusals come back as AgreementRefusal.
import type { Db } from '$lib/server/supabase';
import { AgreementRefusal, refusalFor } from './agreements';
import { CONFLICT, NOT_FOUND } from './db-errors';

/** A refusal of a second live offer of help, with the live agreement to go to. */
export class AlreadyHelping extends AgreementRefusal {
	constructor(
		message: string,
		readonly agreementId: string | null
	) {
		super(409, 'form', message);
		this.name = 'AlreadyHelping';
	}
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Offers the signed-in person's help with a request; returns the new agreement's id. */
export async function offerHelp(
	db: Db,
	{
		requestId,
		message,
		availability
	}: { requestId: string; message: string; availability: string | null }
): Promise<string> {
	const { data, error } = await db.rpc('offer_help', {
		p_request_id: requestId,
		p_message: message,
		...(availability ? { p_availability: availability } : {})
	});
	if (error) {
		const refusal = refusalFor(error, {
			statuses: { '42501': 403, [NOT_FOUND]: 404, [CONFLICT]: 409, '23514': 400 }
		});
		if (error.hint === 'agreements_one_live_help') {
			throw new AlreadyHelping(refusal.message, UUID.test(error.details) ? error.details : null);
		}
		throw refusal;
	}
	return data;
}

export type HelperCheck = {
	seenOn: string;
	seenByName: string;
	validUntil: string;
	recent: boolean;
};

/**
 * The academy's latest check for a person, by name (case-insensitive, as checks are matched); null when
 * none is recorded. Only the academy's owners and admins read checks: for anyone else this is null too,
 * so callers ask it only for them.
 */
export async function helperCheck(
	db: Db,
	{ academyId, name }: { academyId: string; name: string }
): Promise<HelperCheck | null> {
	const { data, error } = await db
		.from('volunteer_check_status')
		.select('volunteer_name, seen_on, seen_by_name, valid_until, recent')
		.eq('organisation_id', academyId);
	if (error) throw error;
	const key = name.replace(/\s+/g, ' ').trim().toLowerCase();
	const row = data.find((check) => (check.volunteer_name ?? '').toLowerCase() === key);
	if (!row?.seen_on) return null;
	return {
		seenOn: row.seen_on,
		seenByName: row.seen_by_name ?? '',
		validUntil: row.valid_until ?? '',
		recent: row.recent === true
	};
}

/** Whether the person is an owner or admin of the organisation (they keep its safeguarding records). */
export async function isOrganisationAdmin(
	db: Db,
	{ organisationId, userId }: { organisationId: string; userId: string }
): Promise<boolean> {
	const { data, error } = await db
		.from('memberships')
		.select('role')
		.eq('organisation_id', organisationId)
		.eq('user_id', userId)
		.maybeSingle();
	if (error) throw error;
	return data?.role === 'owner' || data?.role === 'admin';
}
