// Management pages of one organisation: who may open them. RLS still decides every read and write; this
// only turns "not yours" into a clear 403 page instead of an empty form.
import { m } from '$lib/paraglide/messages';
import {
	getManagedOrganisation,
	type ManagedOrganisation
} from '$lib/server/db/organisation-admin';
import { MEMBERSHIP_ROLES, type MembershipRole } from '$lib/vocabulary';
import { error } from '@sveltejs/kit';
import { requireUser } from './require-user';

export const ADMIN_ROLES: readonly MembershipRole[] = ['owner', 'admin'];
export const MEMBER_ROLES: readonly MembershipRole[] = MEMBERSHIP_ROLES;

/** The organisation at `slug` when the signed-in person has one of `roles` in it; else 404 or 403. */
export async function requireOrganisationRole(
	locals: App.Locals,
	url: URL,
	slug: string,
	roles: readonly MembershipRole[]
): Promise<ManagedOrganisation & { role: MembershipRole }> {
	const user = requireUser(locals, url);
	const organisation = await getManagedOrganisation(locals.supabase, slug, user.id);
	if (!organisation) error(404, m.app_organisation_not_found());
	const { role } = organisation;
	if (!role || !roles.includes(role)) {
		error(403, role ? m.app_forbidden_admins_only() : m.app_forbidden_not_member());
	}
	return { ...organisation, role };
}
