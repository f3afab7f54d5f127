// The people in an organisation: list them, change a role, remove someone, leave. RLS and the last-owner
// trigger decide; a refusal comes back as a Dutch message, never as a silent success.
import { m } from '$lib/paraglide/messages';
import type { Db } from '$lib/server/supabase';
import type { MembershipRole } from '$lib/vocabulary';
import { DbFieldError, RLS_DENIED, raiseDbError, type Refusals } from './db-errors';

export type Member = {
	userId: string;
	/** Null when the person keeps their profile private. */
	displayName: string | null;
	role: MembershipRole;
	since: string;
};

const ROLE_ORDER: Record<MembershipRole, number> = { owner: 0, admin: 1, member: 2 };

/** Members with their roles (owners first), and the names their profiles let us show. */
export async function listMembers(db: Db, organisationId: string): Promise<Member[]> {
	const { data, error } = await db
		.from('memberships')
		.select('user_id, role, created_at')
		.eq('organisation_id', organisationId);
	if (error) throw error;

	const ids = data.map((row) => row.user_id);
	const names = new Map<string, string>();
	if (ids.length > 0) {
		const profiles = await db.from('profiles').select('id, display_name').in('id', ids);
		if (profiles.error) throw profiles.error;
		for (const profile of profiles.data) names.set(profile.id, profile.display_name);
	}

	return data
		.map((row) => ({
			userId: row.user_id,
			displayName: names.get(row.user_id) ?? null,
			role: row.role as MembershipRole,
			since: row.created_at
		}))
		.sort(
			(a, b) =>
				ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
				(a.displayName ?? '\uffff').localeCompare(b.displayName ?? '\uffff', 'nl')
		);
}

/** What RLS refusing a change means here; the last-owner rule comes from the table of all (./refusals). */
const MEMBERSHIP_REFUSALS: Refusals = {
	[RLS_DENIED]: { field: 'form', message: m.app_error_role_not_allowed }
};

/** Changes a role; throws DbFieldError when the last-owner rule or RLS refuses. */
export async function changeRole(
	db: Db,
	{ organisationId, userId, role }: { organisationId: string; userId: string; role: MembershipRole }
): Promise<void> {
	const { data, error } = await db
		.from('memberships')
		.update({ role })
		.eq('organisation_id', organisationId)
		.eq('user_id', userId)
		.select('user_id');
	if (error) raiseDbError(error, MEMBERSHIP_REFUSALS);
	if (data.length !== 1) throw new DbFieldError('form', m.app_error_role_not_allowed());
}

/** Removes someone (or, with one's own id, leaves); throws DbFieldError when refused. */
export async function removeMember(
	db: Db,
	{ organisationId, userId }: { organisationId: string; userId: string }
): Promise<void> {
	const { data, error } = await db
		.from('memberships')
		.delete()
		.eq('organisation_id', organisationId)
		.eq('user_id', userId)
		.select('user_id');
	if (error) raiseDbError(error, MEMBERSHIP_REFUSALS);
	if (data.length !== 1) throw new DbFieldError('form', m.app_error_remove_not_allowed());
}
