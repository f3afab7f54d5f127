import { m } from '$lib/paraglide/messages';
import { requireUser } from '$lib/server/auth/require-user';
import { DbFieldError } from '$lib/server/db/db-errors';
import { acceptInvitation, getInvitationDetails } from '$lib/server/db/invitations';
import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const invitation = await getInvitationDetails(locals.supabase, params.token);
	if (!invitation) error(404, m.app_invitation_unknown());
	return {
		invitation: {
			organisationName: invitation.organisationName,
			kind: invitation.kind,
			role: invitation.role,
			state: invitation.state,
			expiresAt: invitation.expiresAt,
			// Whether the link is for this account; the invited address itself is not shown to others.
			forThisAccount: invitation.email === user.email?.toLowerCase()
		}
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ locals, url, params }) => {
		requireUser(locals, url);
		let joined: { slug: string };
		try {
			joined = await acceptInvitation(locals.supabase, params.token);
		} catch (caught) {
			if (caught instanceof DbFieldError) return fail(400, { message: caught.message });
			throw caught;
		}
		redirect(303, `/organisaties/${joined.slug}?lid-geworden`);
	}
} satisfies Actions;
