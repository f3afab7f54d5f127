import { text } from '$lib/forms';
import { m } from '$lib/paraglide/messages';
import {
	ADMIN_ROLES,
	MEMBER_ROLES,
	requireOrganisationRole
} from '$lib/server/auth/require-org-role';
import { DbFieldError } from '$lib/server/db/db-errors';
import { decideSchoolLink, listSchoolLinks } from '$lib/server/db/teacher-profiles';
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Teacher links belong to schools; every member opens the page, only owners and admins decide. */
async function requireSchool(
	locals: App.Locals,
	url: URL,
	slug: string,
	roles: typeof MEMBER_ROLES = MEMBER_ROLES
) {
	const organisation = await requireOrganisationRole(locals, url, slug, roles);
	if (organisation.kind !== 'school') error(404, m.tp_school_only());
	return organisation;
}

export const load = (async ({ locals, url, params }) => {
	const organisation = await requireSchool(locals, url, params.slug);
	const decides = ADMIN_ROLES.includes(organisation.role);
	return {
		organisation,
		decides,
		links: decides ? await listSchoolLinks(locals.supabase, organisation.id) : []
	};
}) satisfies PageServerLoad;

async function decide(
	{ request, locals, url, params }: Parameters<Actions[string]>[0],
	confirm: boolean
) {
	const organisation = await requireSchool(locals, url, params.slug ?? '', ADMIN_ROLES);
	const form = await request.formData();
	const userId = text(form, 'userId');
	if (!UUID.test(userId)) return fail(404, { error: m.tp_error_link_gone() });
	try {
		const decided = await decideSchoolLink(locals.supabase, {
			schoolId: organisation.id,
			userId,
			confirm
		});
		if (!decided) return fail(404, { error: m.tp_error_link_gone() });
	} catch (caught) {
		if (caught instanceof DbFieldError) return fail(403, { error: caught.message });
		throw caught;
	}
	const links = await listSchoolLinks(locals.supabase, organisation.id);
	const name = links.find((link) => link.userId === userId)?.displayName ?? '';
	return {
		decided: confirm ? m.tp_decided_confirmed({ name }) : m.tp_decided_refused({ name })
	};
}

export const actions = {
	confirm: (event) => decide(event, true),
	refuse: (event) => decide(event, false)
} satisfies Actions;
