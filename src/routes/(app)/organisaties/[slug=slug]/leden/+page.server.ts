import { fieldErrors, text, type FormErrors } from '$lib/forms';
import { requestedPage } from '$lib/paging';
import { m } from '$lib/paraglide/messages';
import {
	changeRoleSchema,
	invitationSchema,
	inviteSchema,
	memberSchema
} from '$lib/schemas/membership';
import {
	ADMIN_ROLES,
	MEMBER_ROLES,
	requireOrganisationRole
} from '$lib/server/auth/require-org-role';
import { DbFieldError } from '$lib/server/db/db-errors';
import {
	createInvitation,
	listOpenInvitations,
	revokeInvitation
} from '$lib/server/db/invitations';
import { changeRole, listMembers, removeMember } from '$lib/server/db/memberships';
import { OWN_LIST_PAGE_SIZE, slicePage } from '$lib/server/db/paging';
import { getDisplayName } from '$lib/server/db/profiles';
import { invitationMail, sendMail } from '$lib/server/mail';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url, params }) => {
	const organisation = await requireOrganisationRole(locals, url, params.slug, MEMBER_ROLES);
	const isAdmin = ADMIN_ROLES.includes(organisation.role);
	const [members, invitations] = await Promise.all([
		listMembers(locals.supabase, organisation.id),
		isAdmin ? listOpenInvitations(locals.supabase, organisation.id) : Promise.resolve([])
	]);
	const { rows, ...paging } = slicePage(
		members,
		requestedPage(url.searchParams),
		OWN_LIST_PAGE_SIZE
	);
	return {
		organisation,
		members: rows,
		paging,
		invitations,
		userId: locals.user!.id,
		now: new Date().toISOString()
	};
}) satisfies PageServerLoad;

type InviteField = 'email' | 'role';

/** A refusal of a row's action (role change, removal), shown next to that row. */
function rowFailure(status: number, userId: string, message: string) {
	return fail(status, { row: { userId, message } });
}

export const actions = {
	invite: async ({ request, locals, url, params }) => {
		const organisation = await requireOrganisationRole(locals, url, params.slug, ADMIN_ROLES);
		const form = await request.formData();
		const values = { email: text(form, 'email'), role: text(form, 'role') };
		const parsed = inviteSchema.safeParse(values);
		if (!parsed.success) {
			return fail(400, { invite: { values, errors: fieldErrors<InviteField>(parsed.error) } });
		}

		let token: string;
		try {
			token = await createInvitation(locals.supabase, {
				organisationId: organisation.id,
				...parsed.data
			});
		} catch (caught) {
			if (caught instanceof DbFieldError) {
				const errors: FormErrors<InviteField> = { [caught.field]: caught.message };
				return fail(400, { invite: { values, errors } });
			}
			throw caught;
		}

		const link = `${url.origin}/uitnodiging/${token}`;
		let mailed = true;
		try {
			const inviterName =
				(await getDisplayName(locals.supabase, locals.user!.id)) ?? locals.user!.email ?? '';
			await sendMail(
				invitationMail({
					to: parsed.data.email,
					organisationName: organisation.name,
					inviterName,
					role: parsed.data.role,
					link
				})
			);
		} catch (caught) {
			// The invitation exists; the inviter can still pass the link on themselves.
			console.error('Sending the invitation mail failed', caught);
			mailed = false;
		}
		return { invited: { email: parsed.data.email, link, mailed } };
	},

	revoke: async ({ request, locals, url, params }) => {
		const organisation = await requireOrganisationRole(locals, url, params.slug, ADMIN_ROLES);
		const parsed = invitationSchema.safeParse({
			invitationId: text(await request.formData(), 'invitationId')
		});
		if (!parsed.success) return fail(400, { message: m.app_error_unknown_item() });
		try {
			await revokeInvitation(locals.supabase, {
				organisationId: organisation.id,
				invitationId: parsed.data.invitationId
			});
		} catch (caught) {
			if (caught instanceof DbFieldError) return fail(404, { message: caught.message });
			throw caught;
		}
		return { done: m.app_invitation_revoked() };
	},

	role: async ({ request, locals, url, params }) => {
		const organisation = await requireOrganisationRole(locals, url, params.slug, ADMIN_ROLES);
		const form = await request.formData();
		const parsed = changeRoleSchema.safeParse({
			userId: text(form, 'userId'),
			role: text(form, 'role')
		});
		if (!parsed.success) {
			return rowFailure(
				400,
				text(form, 'userId'),
				fieldErrors(parsed.error).role ?? m.app_error_role()
			);
		}
		try {
			await changeRole(locals.supabase, { organisationId: organisation.id, ...parsed.data });
		} catch (caught) {
			if (caught instanceof DbFieldError) {
				return rowFailure(403, parsed.data.userId, caught.message);
			}
			throw caught;
		}
		return { done: m.app_member_role_changed() };
	},

	remove: async ({ request, locals, url, params }) => {
		const organisation = await requireOrganisationRole(locals, url, params.slug, ADMIN_ROLES);
		const form = await request.formData();
		const parsed = memberSchema.safeParse({ userId: text(form, 'userId') });
		if (!parsed.success) return fail(400, { message: m.app_error_unknown_item() });
		try {
			await removeMember(locals.supabase, {
				organisationId: organisation.id,
				userId: parsed.data.userId
			});
		} catch (caught) {
			if (caught instanceof DbFieldError) {
				return rowFailure(403, parsed.data.userId, caught.message);
			}
			throw caught;
		}
		return { done: m.app_member_removed() };
	},

	leave: async ({ locals, url, params }) => {
		const organisation = await requireOrganisationRole(locals, url, params.slug, MEMBER_ROLES);
		try {
			await removeMember(locals.supabase, {
				organisationId: organisation.id,
				userId: locals.user!.id
			});
		} catch (caught) {
			if (caught instanceof DbFieldError) return fail(400, { leaveError: caught.message });
			throw caught;
		}
		redirect(303, '/mijn-organisaties?verlaten');
	}
} satisfies Actions;
