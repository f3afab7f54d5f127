// Invitations by e-mail link: created and accepted through RPCs that keep the token's hash only.
import { m } from '$lib/paraglide/messages';
import type { InvitableRole } from '$lib/vocabulary';
import type { Db } from '$lib/server/supabase';
import type { OrganisationKind } from '$lib/vocabulary';
import { DbFieldError, raiseDbError } from './db-errors';

export type OpenInvitation = {
	id: string;
	email: string;
	role: InvitableRole;
	expiresAt: string;
};

/** Open invitations (not accepted, not revoked), newest first; expired ones are marked by the page. */
export async function listOpenInvitations(
	db: Db,
	organisationId: string
): Promise<OpenInvitation[]> {
	const { data, error } = await db
		.from('invitations')
		.select('id, email, role, expires_at')
		.eq('organisation_id', organisationId)
		.is('accepted_at', null)
		.is('revoked_at', null)
		.order('created_at', { ascending: false });
	if (error) throw error;
	return data.map((row) => ({
		id: row.id,
		email: row.email,
		role: row.role as InvitableRole,
		expiresAt: row.expires_at
	}));
}

/** Returns the token for the link; only its hash stays in the database. */
export async function createInvitation(
	db: Db,
	{ organisationId, email, role }: { organisationId: string; email: string; role: InvitableRole }
): Promise<string> {
	const { data, error } = await db.rpc('create_invitation', {
		p_organisation_id: organisationId,
		p_email: email,
		p_role: role
	});
	if (error) raiseDbError(error);
	return data;
}

/** Revokes an open invitation; throws DbFieldError when it is not (or no longer) there to revoke. */
export async function revokeInvitation(
	db: Db,
	{ organisationId, invitationId }: { organisationId: string; invitationId: string }
): Promise<void> {
	const { data, error } = await db
		.from('invitations')
		.update({ revoked_at: new Date().toISOString() })
		.eq('id', invitationId)
		.eq('organisation_id', organisationId)
		.select('id');
	if (error) throw error;
	if (data.length !== 1) throw new DbFieldError('form', m.app_error_invitation_gone());
}

export type InvitationState = 'open' | 'accepted' | 'revoked' | 'expired';

export type InvitationDetails = {
	organisationName: string;
	slug: string;
	kind: OrganisationKind;
	role: InvitableRole;
	email: string;
	expiresAt: string;
	state: InvitationState;
};

/** What a link is about, for whoever holds it; null for an unknown token. */
export async function getInvitationDetails(
	db: Db,
	token: string
): Promise<InvitationDetails | null> {
	const { data, error } = await db.rpc('invitation_details', { p_token: token });
	if (error) throw error;
	const row = data[0];
	if (!row) return null;
	return {
		organisationName: row.organisation_name,
		slug: row.slug,
		kind: row.kind as OrganisationKind,
		role: row.role as InvitableRole,
		email: row.email,
		expiresAt: row.expires_at,
		state: row.state as InvitationState
	};
}

/** Joins the organisation; throws DbFieldError with the reason (used, revoked, expired, ...) when it cannot. */
export async function acceptInvitation(
	db: Db,
	token: string
): Promise<{ organisationId: string; slug: string; kind: OrganisationKind }> {
	const { data, error } = await db.rpc('accept_invitation', { p_token: token });
	if (error) raiseDbError(error);
	const row = data[0];
	if (!row) throw new DbFieldError('form', m.app_invitation_unknown());
	return {
		organisationId: row.organisation_id,
		slug: row.slug,
		kind: row.kind as OrganisationKind
	};
}
