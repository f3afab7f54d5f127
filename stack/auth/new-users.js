// @ts-check
// Users that do not start with an email address: phone sign-ups and anonymous sign-ins, stored the way
// GoTrue stores them (token columns '' rather than NULL, one identity per provider).
import crypto from 'node:crypto';
import { INSTANCE_ID } from './users.js';

/**
 * Inserts a user without an email address. With `phone`, the user gets a phone identity and the
 * phone provider in app_metadata; without, it is an anonymous user with no identity.
 * @param {import('pg').ClientBase} db
 * @param {{ id?: string, phone?: string, passwordHash?: string, aud: string,
 *   userMetadata: Record<string, unknown>, phoneConfirmed?: boolean }} p
 * @returns {Promise<string>} the new user's id
 */
export async function insertUserWithoutEmail(db, p) {
	const id = p.id ?? crypto.randomUUID();
	const anonymous = !p.phone;
	const appMetadata = anonymous ? {} : { provider: 'phone', providers: ['phone'] };
	await db.query(
		`insert into auth.users (
			instance_id, id, aud, role, email, phone, encrypted_password, phone_confirmed_at,
			confirmation_token, recovery_token, email_change_token_new, email_change,
			raw_app_meta_data, raw_user_meta_data, is_super_admin, created_at, updated_at,
			phone_change, phone_change_token, email_change_token_current, email_change_confirm_status,
			reauthentication_token, is_sso_user, is_anonymous)
		 values ($1, $2, $3, 'authenticated', null, $4, $5, case when $6 then now() end,
			'', '', '', '', $7, $8, null, now(), now(), '', '', '', 0, '', false, $9)`,
		[
			INSTANCE_ID,
			id,
			p.aud,
			p.phone || null,
			p.passwordHash ?? '',
			Boolean(p.phoneConfirmed),
			JSON.stringify(appMetadata),
			JSON.stringify(p.userMetadata),
			anonymous
		]
	);
	if (!anonymous) {
		/** @type {Record<string, unknown>} */
		const identityData = {
			sub: id,
			phone: p.phone,
			email_verified: false,
			phone_verified: Boolean(p.phoneConfirmed)
		};
		for (const [k, v] of Object.entries(p.userMetadata))
			if (!(k in identityData)) identityData[k] = v;
		await db.query(
			`insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
			 values ($1, $2, $3, 'phone', now(), now(), now())`,
			[id, id, JSON.stringify(identityData)]
		);
	}
	return id;
}

/**
 * GoTrue's UpdateAppMetaDataProviders: app_metadata.providers lists the user's identities' providers
 * and app_metadata.provider is the first of them.
 * @param {import('pg').ClientBase} db @param {string} userId
 */
export async function refreshProviders(db, userId) {
	const { rows } = await db.query(
		`select provider from auth.identities where user_id = $1 group by provider order by min(created_at), provider`,
		[userId]
	);
	const providers = rows.map((/** @type {any} */ r) => r.provider);
	/** @type {Record<string, unknown>} */
	const patch = { providers };
	if (providers.length) patch.provider = providers[0];
	await db.query(
		`update auth.users set raw_app_meta_data = coalesce(raw_app_meta_data, '{}'::jsonb) || $2::jsonb,
		 updated_at = now() where id = $1`,
		[userId, JSON.stringify(patch)]
	);
}

/**
 * Gives a user with an email address a phone number too, with its phone identity (an admin-created
 * user with both).
 * @param {import('pg').ClientBase} db @param {string} userId @param {string} phone @param {boolean} confirmed
 */
export async function attachPhone(db, userId, phone, confirmed) {
	await db.query(
		`update auth.users set phone = $2, phone_confirmed_at = case when $3 then now() end, updated_at = now()
		 where id = $1`,
		[userId, phone, confirmed]
	);
	await db.query(
		`insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
		 values ($1::text, $1::uuid, $2, 'phone', now(), now(), now())`,
		[
			userId,
			JSON.stringify({ sub: userId, phone, email_verified: false, phone_verified: confirmed })
		]
	);
	await refreshProviders(db, userId);
}
