// Activities belong to academies; any member of the academy manages them (RLS says the same).
import { m } from '$lib/paraglide/messages';
import { MEMBER_ROLES, requireOrganisationRole } from '$lib/server/auth/require-org-role';
import { error } from '@sveltejs/kit';

export async function requireAcademyMember(locals: App.Locals, url: URL, slug: string) {
	const organisation = await requireOrganisationRole(locals, url, slug, MEMBER_ROLES);
	if (organisation.kind !== 'academy') error(404, m.app_academy_only());
	return organisation;
}
