// Safeguarding: an academy's volunteers and whether they showed a recent extract (model 2). Only "seen on
// DATE by NAME" is stored, never the document. RLS: the academy's members read and write.
import type { VolunteerCheckForm } from '$lib/schemas/volunteer-check';
import type { Db } from '$lib/server/supabase';
import { MEMBERS_ONLY, raiseDbError } from './db-errors';

export type VolunteerStatus = {
	volunteerName: string;
	seenOn: string;
	seenByName: string;
	validUntil: string;
	recent: boolean;
};

/** Per volunteer the latest check and whether it is still recent; those that are not come first. */
export async function listVolunteerStatus(
	db: Db,
	organisationId: string
): Promise<VolunteerStatus[]> {
	const { data, error } = await db
		.from('volunteer_check_status')
		.select('volunteer_name, seen_on, seen_by_name, valid_until, recent')
		.eq('organisation_id', organisationId);
	if (error) throw error;
	return data
		.map((row) => ({
			volunteerName: row.volunteer_name ?? '',
			seenOn: row.seen_on ?? '',
			seenByName: row.seen_by_name ?? '',
			validUntil: row.valid_until ?? '',
			recent: row.recent === true
		}))
		.sort(
			(a, b) =>
				Number(a.recent) - Number(b.recent) || a.volunteerName.localeCompare(b.volunteerName, 'nl')
		);
}

/** Records that the academy saw a volunteer's extract; refusals come back as DbFieldError. */
export async function recordVolunteerCheck(
	db: Db,
	{ organisationId, form }: { organisationId: string; form: VolunteerCheckForm }
): Promise<void> {
	const { error } = await db.from('volunteer_checks').insert({
		organisation_id: organisationId,
		volunteer_name: form.volunteerName,
		seen_on: form.seenOn,
		seen_by_name: form.seenByName,
		agreement_id: form.agreementId ?? null
	});
	if (error) raiseDbError(error, MEMBERS_ONLY);
}
