// Forms on the members page: invite by e-mail, change a role, remove a member, revoke an invitation.
import { m } from '$lib/paraglide/messages';
import { INVITABLE_ROLES, MEMBERSHIP_ROLES } from '$lib/vocabulary';
import { z } from 'zod';
import { uuid } from './fields';

// The pages read the roles from here with the rest of the form.
export { INVITABLE_ROLES, type InvitableRole } from '$lib/vocabulary';

export const inviteSchema = z.object({
	email: z
		.string()
		.trim()
		.toLowerCase()
		.pipe(
			z
				.email({ error: () => m.error_email_invalid() })
				.max(254, { error: () => m.app_error_email_too_long() })
		),
	role: z.enum(INVITABLE_ROLES, { error: () => m.app_error_invite_role() })
});

export const changeRoleSchema = z.object({
	userId: uuid(),
	role: z.enum(MEMBERSHIP_ROLES, { error: () => m.app_error_role() })
});

export const memberSchema = z.object({ userId: uuid() });

export const invitationSchema = z.object({ invitationId: uuid() });
