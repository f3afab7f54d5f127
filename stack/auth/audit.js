// @ts-check
// auth.audit_log_entries rows, with GoTrue's payload shape so its dashboard/queries read them.
import crypto from 'node:crypto';

/** @type {Record<string, string>} */
const LOG_TYPES = {
	login: 'account',
	logout: 'account',
	invite_accepted: 'account',
	user_signedup: 'team',
	user_invited: 'team',
	user_deleted: 'team',
	user_modified: 'user',
	user_recovery_requested: 'user',
	user_confirmation_requested: 'user',
	user_repeated_signup: 'user',
	user_updated_password: 'user',
	token_revoked: 'token',
	token_refreshed: 'token'
};

/**
 * @param {import('pg').ClientBase | import('pg').Pool} db
 * @param {{ id: string, email?: string | null, phone?: string | null, raw_user_meta_data?: any, is_sso_user?: boolean }} actor
 * @param {string} action
 * @param {string} ip
 * @param {Record<string, unknown>} [traits]
 */
export async function audit(db, actor, action, ip, traits) {
	/** @type {Record<string, unknown>} */
	const payload = {
		actor_id: actor.id,
		actor_via_sso: Boolean(actor.is_sso_user),
		actor_username: actor.email || actor.phone || '',
		action,
		log_type: LOG_TYPES[action] ?? 'user'
	};
	const name = actor.raw_user_meta_data?.full_name;
	if (name) payload.actor_name = name;
	if (traits) payload.traits = traits;
	await db.query(
		`insert into auth.audit_log_entries (instance_id, id, payload, created_at, ip_address)
		 values ('00000000-0000-0000-0000-000000000000', $1, $2, now(), $3)`,
		[crypto.randomUUID(), JSON.stringify(payload), ip.slice(0, 64)]
	);
}
