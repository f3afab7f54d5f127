// @ts-check
// auth.users / auth.identities queries and GoTrue's JSON shape of a user.
import crypto from 'node:crypto';

export const INSTANCE_ID = '00000000-0000-0000-0000-000000000000';

/** @typedef {import('pg').ClientBase | import('pg').Pool} Db */

/** @param {Date | string | null | undefined} t */
const iso = (t) => (t ? new Date(t).toISOString() : undefined);

/**
 * GoTrue's field order and omission rules (omitempty) for a user object.
 * @param {any} u auth.users row
 * @param {any[]} identities auth.identities rows
 */
export function userJson(u, identities) {
	/** @type {Record<string, unknown>} */
	const out = {
		id: u.id,
		aud: u.aud ?? '',
		role: u.role ?? '',
		email: u.email ?? '',
		email_confirmed_at: iso(u.email_confirmed_at),
		invited_at: iso(u.invited_at),
		phone: u.phone ?? '',
		phone_confirmed_at: iso(u.phone_confirmed_at),
		confirmation_sent_at: iso(u.confirmation_sent_at),
		confirmed_at: iso(u.confirmed_at),
		recovery_sent_at: iso(u.recovery_sent_at),
		new_email: u.email_change || undefined,
		email_change_sent_at: iso(u.email_change_sent_at),
		new_phone: u.phone_change || undefined,
		phone_change_sent_at: iso(u.phone_change_sent_at),
		reauthentication_sent_at: iso(u.reauthentication_sent_at),
		last_sign_in_at: iso(u.last_sign_in_at),
		app_metadata: u.raw_app_meta_data ?? {},
		user_metadata: u.raw_user_meta_data ?? {},
		identities: identities.map(identityJson),
		created_at: iso(u.created_at),
		updated_at: iso(u.updated_at),
		banned_until: iso(u.banned_until),
		deleted_at: iso(u.deleted_at),
		is_anonymous: Boolean(u.is_anonymous)
	};
	for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
	return out;
}

/** @param {any} i */
export function identityJson(i) {
	/** @type {Record<string, unknown>} */
	const out = {
		identity_id: i.id,
		id: i.provider_id,
		user_id: i.user_id,
		identity_data: i.identity_data,
		provider: i.provider,
		last_sign_in_at: iso(i.last_sign_in_at),
		created_at: iso(i.created_at),
		updated_at: iso(i.updated_at),
		email: i.email || undefined
	};
	for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
	return out;
}

/** @param {Db} db @param {string} id */
export async function findUserById(db, id) {
	const { rows } = await db.query('select * from auth.users where id = $1', [id]);
	return rows[0] ?? null;
}

/** @param {Db} db @param {string} email @param {string} aud */
export async function findUserByEmail(db, email, aud) {
	const { rows } = await db.query(
		`select * from auth.users
		 where instance_id = $1 and lower(email) = $2 and aud = $3 and is_sso_user = false`,
		[INSTANCE_ID, email.toLowerCase(), aud]
	);
	return rows[0] ?? null;
}

/** @param {Db} db @param {string} userId */
export async function findIdentities(db, userId) {
	const { rows } = await db.query(
		'select * from auth.identities where user_id = $1 order by created_at, provider',
		[userId]
	);
	return rows;
}

/** @param {Db} db @param {string} userId */
export async function loadUserJson(db, userId) {
	const user = await findUserById(db, userId);
	if (!user) return null;
	return userJson(user, await findIdentities(db, userId));
}

/**
 * Inserts a user with its email identity, the way GoTrue's signup and admin create do. The token
 * columns get '' rather than NULL because GoTrue cannot scan NULL into them.
 * @param {Db} db
 * @param {{ id?: string, email: string, passwordHash: string, aud: string, role: string,
 *   userMetadata?: Record<string, unknown>, appMetadata?: Record<string, unknown>, confirmed: boolean,
 *   bannedUntil?: Date | null }} p
 * @param {() => Error} [taken] the error for an address that has an account already (a unique violation,
 *   e.g. a concurrent sign-up with the same address that won the race)
 */
export async function insertUser(db, p, taken) {
	if (taken) {
		try {
			return await insertUser(db, p);
		} catch (e) {
			if (/** @type {any} */ (e).code === '23505') throw taken();
			throw e;
		}
	}
	const id = p.id ?? crypto.randomUUID();
	const appMetadata = { provider: 'email', providers: ['email'], ...(p.appMetadata ?? {}) };
	const userMetadata = p.userMetadata ?? {};
	await db.query(
		`insert into auth.users (
			instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
			confirmation_token, recovery_token, email_change_token_new, email_change,
			raw_app_meta_data, raw_user_meta_data, is_super_admin, created_at, updated_at,
			phone_change, phone_change_token, email_change_token_current, email_change_confirm_status,
			reauthentication_token, banned_until, is_sso_user, is_anonymous)
		 values ($1, $2, $3, $4, $5, $6, case when $7 then now() end,
			'', '', '', '', $8, $9, null, now(), now(), '', '', '', 0, '', $10, false, false)`,
		[
			INSTANCE_ID,
			id,
			p.aud,
			p.role,
			p.email,
			p.passwordHash,
			p.confirmed,
			JSON.stringify(appMetadata),
			JSON.stringify(userMetadata),
			p.bannedUntil ?? null
		]
	);
	/** @type {Record<string, unknown>} */
	const identityData = {
		sub: id,
		email: p.email,
		email_verified: p.confirmed,
		phone_verified: false
	};
	for (const [k, v] of Object.entries(userMetadata)) if (!(k in identityData)) identityData[k] = v;
	await db.query(
		`insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
		 values ($1, $2, $3, 'email', now(), now(), now())`,
		[id, id, JSON.stringify(identityData)]
	);
	return id;
}

/** Marks the email as confirmed, on the user and on its email identity. @param {Db} db @param {string} userId */
export async function confirmEmail(db, userId) {
	await db.query(
		`update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()), confirmation_token = '',
		 updated_at = now() where id = $1`,
		[userId]
	);
	await db.query(
		`update auth.identities set identity_data = identity_data || '{"email_verified": true}'::jsonb, updated_at = now()
		 where user_id = $1 and provider = 'email'`,
		[userId]
	);
}

/** @param {any} user */
export function isBanned(user) {
	return Boolean(user.banned_until && new Date(user.banned_until).getTime() > Date.now());
}
