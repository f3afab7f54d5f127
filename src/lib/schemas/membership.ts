// Forms on the members page: invite by e-mail, change a role, remove a member, revoke an invitation.
import { m } from '$lib/paraglide/messages';
import { MEMBERSHIP_ROLES } from '$lib/vocabulary';
import { z } from 'zod';
import { uuid } from './fields';

/** Invitations never make someone owner; an owner promotes a member afterwards. */
export const INVITABLE_ROLES = ['admin', 'member'] as const;
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

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
