// Who comes: the names on an accepted agreement about volunteers, expertise or a visit (either side adds
// and removes them), its first session (set by the academy), and for the academy which named volunteers
// still lack a recent extract before that session. RLS decides; refusals come back as AgreementRefusal.
import { m } from '$lib/paraglide/messages';
import { isCheckState, type SessionCheck } from '$lib/schemas/agreement-volunteer';
import type { Db } from '$lib/server/supabase';
import { AgreementRefusal, refusalFor } from './agreements';
import { RLS_DENIED } from './db-errors';
import { isUuid } from './rows';

export type AgreementVolunteer = { id: string; name: string };

/** The names on an agreement, alphabetically (empty when the caller may not read them). */
export async function listAgreementVolunteers(
	db: Db,
	agreementId: string
): Promise<AgreementVolunteer[]> {
	const { data, error } = await db
		.from('agreement_volunteers')
		.select('id, name')
		.eq('agreement_id', agreementId);
	if (error) throw error;
	return data.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/** Adds a name to an accepted agreement; refused when not a party, not accepted, or named twice. */
export async function addAgreementVolunteer(
	db: Db,
	{ agreementId, name }: { agreementId: string; name: string }
): Promise<void> {
	const { error } = await db
		.from('agreement_volunteers')
		.insert({ agreement_id: agreementId, name });
	if (error) {
		throw refusalFor(error, {
			overrides: {
				[RLS_DENIED]: { field: 'form', message: m.vw_not_allowed },
				agreement_volunteers_name_once: {
					field: 'name',
					message: () => m.vw_error_name_twice({ name })
				}
			},
			statuses: { '42501': 403, '23505': 409, '23514': 409, '23503': 404 }
		});
	}
}

/**
 * Removes a name from an accepted agreement; nothing removed means the caller may not. The id comes
 * from the form, not the path, so no matcher has checked its shape.
 */
export async function removeAgreementVolunteer(
	db: Db,
	{ agreementId, id }: { agreementId: string; id: string }
): Promise<void> {
	if (!isUuid(id)) throw new AgreementRefusal(404, 'form', m.vw_name_not_found());
	const { data, error } = await db
		.from('agreement_volunteers')
		.delete()
		.eq('id', id)
		.eq('agreement_id', agreementId)
		.select('id');
	if (error) throw error;
	if (data.length === 0) throw new AgreementRefusal(403, 'form', m.vw_not_allowed());
}

/** Sets (or clears) the first session; only the academy's members, only while accepted. */
export async function setFirstSession(
	db: Db,
	{ agreementId, day }: { agreementId: string; day: string | null }
): Promise<void> {
	const { data, error } = await db
		.from('agreements')
		.update({ first_session_on: day })
		.eq('id', agreementId)
		.select('id');
	if (error) {
		throw refusalFor(error, {
			overrides: { [RLS_DENIED]: { field: 'form', message: m.vw_first_session_academy } },
			statuses: { '23514': 400, '42501': 403 }
		});
	}
	if (data.length === 0) throw new AgreementRefusal(403, 'form', m.vw_first_session_academy());
}

export type SessionCheckRow = SessionCheck & {
	requestTitle: string;
	providerName: string;
};

/** For an academy: every named volunteer of its accepted agreements with the state of their extract. */
export async function listSessionChecks(db: Db, academyId: string): Promise<SessionCheckRow[]> {
	const { data, error } = await db
		.from('volunteer_session_checks')
		.select('id, agreement_id, volunteer_name, first_session_on, seen_on, valid_until, state')
		.eq('organisation_id', academyId);
	if (error) throw error;
	const agreementIds = [...new Set(data.map((row) => row.agreement_id ?? ''))].filter(Boolean);
	const titles = new Map<string, { request: string; provider: string }>();
	if (agreementIds.length > 0) {
		const agreements = await db
			.from('agreements')
			.select(
				`id, request:requests!agreements_request_id_fkey(title),
				provider:organisations!agreements_provider_id_fkey(name)`
			)
			.in('id', agreementIds);
		if (agreements.error) throw agreements.error;
		for (const row of agreements.data) {
			titles.set(row.id, {
				request: row.request?.title ?? '?',
				provider: row.provider?.name ?? '?'
			});
		}
	}
	return data.map((row) => ({
		id: row.id ?? '',
		agreementId: row.agreement_id ?? '',
		volunteerName: row.volunteer_name ?? '',
		firstSessionOn: row.first_session_on,
		seenOn: row.seen_on,
		validUntil: row.valid_until,
		state: isCheckState(row.state) ? row.state : 'missing',
		requestTitle: titles.get(row.agreement_id ?? '')?.request ?? '?',
		providerName: titles.get(row.agreement_id ?? '')?.provider ?? '?'
	}));
}
