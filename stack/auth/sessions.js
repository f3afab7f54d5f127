// @ts-check
// Sessions, refresh tokens and the access-token/session response GoTrue returns.
import crypto from 'node:crypto';
import { signAccessToken } from './jwt.js';
import { randomToken } from './tokens.js';
import { INSTANCE_ID } from './users.js';
import { AAL2_METHODS, userJsonWithFactors } from './mfa.js';

/** @typedef {import('pg').ClientBase} Client */

/**
 * Starts a session with one refresh token and records how the user authenticated (amr).
 * @param {Client} db @param {string} userId
 * @param {{ method: string, ip: string, userAgent: string }} ctx
 */
export async function createSession(db, userId, ctx) {
	const sessionId = crypto.randomUUID();
	await db.query(
		`insert into auth.sessions (id, user_id, created_at, updated_at, aal, user_agent, ip)
		 values ($1, $2, now(), now(), 'aal1', $3, $4)`,
		[sessionId, userId, ctx.userAgent || null, normaliseIp(ctx.ip)]
	);
	await db.query(
		`insert into auth.mfa_amr_claims (id, session_id, created_at, updated_at, authentication_method)
		 values ($1, $2, now(), now(), $3)`,
		[crypto.randomUUID(), sessionId, ctx.method]
	);
	const refreshToken = await insertRefreshToken(db, userId, sessionId, null);
	await db.query(
		'update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1',
		[userId]
	);
	await db.query(
		`update auth.identities set last_sign_in_at = now() where user_id = $1 and provider = 'email'`,
		[userId]
	);
	return { sessionId, refreshToken };
}

/** @param {string} ip */
function normaliseIp(ip) {
	const v = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
	return /^[0-9a-fA-F:.]+$/.test(v) ? v : null;
}

/** @param {Client} db @param {string} userId @param {string} sessionId @param {string | null} parent */
export async function insertRefreshToken(db, userId, sessionId, parent) {
	const token = randomToken(12);
	await db.query(
		`insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
		 values ($1, $2, $3, false, now(), now(), $4, $5)`,
		[INSTANCE_ID, token, userId, parent, sessionId]
	);
	return token;
}

/**
 * Signs the access token and builds GoTrue's session response.
 * @param {Client} db
 * @param {{ jwtKeys: import('./jwt.js').JwtKeySet, jwtExp: number, jwtIssuer: string }} opts
 * @param {string} userId @param {string} sessionId @param {string} refreshToken
 */
export async function sessionResponse(db, opts, userId, sessionId, refreshToken) {
	const { rows } = await db.query('select * from auth.users where id = $1', [userId]);
	const user = rows[0];
	const { rows: amrRows } = await db.query(
		`select authentication_method, updated_at from auth.mfa_amr_claims where session_id = $1 order by updated_at desc`,
		[sessionId]
	);
	const iat = Math.floor(Date.now() / 1000);
	const exp = iat + opts.jwtExp;
	// Claim order follows GoTrue's token so decoded tokens look the same.
	const claims = {
		iss: opts.jwtIssuer,
		sub: user.id,
		aud: user.aud,
		exp,
		iat,
		email: user.email ?? '',
		phone: user.phone ?? '',
		app_metadata: user.raw_app_meta_data ?? {},
		user_metadata: user.raw_user_meta_data ?? {},
		role: user.role,
		aal: amrRows.some((/** @type {any} */ r) => AAL2_METHODS.includes(r.authentication_method))
			? 'aal2'
			: 'aal1',
		amr: amrRows.map((/** @type {any} */ r) => ({
			method: r.authentication_method,
			timestamp: Math.floor(new Date(r.updated_at).getTime() / 1000)
		})),
		session_id: sessionId,
		is_anonymous: Boolean(user.is_anonymous)
	};
	return {
		access_token: signAccessToken(claims, opts.jwtKeys),
		token_type: 'bearer',
		expires_in: opts.jwtExp,
		expires_at: exp,
		refresh_token: refreshToken,
		user: await userJsonWithFactors(db, user)
	};
}

/** Ends all, one, or all-but-one of a user's sessions; refresh tokens go with them (cascade). */
export const logout = {
	/** @param {Client} db @param {string} userId */
	global: (db, userId) => db.query('delete from auth.sessions where user_id = $1', [userId]),
	/** @param {Client} db @param {string} sessionId */
	local: (db, sessionId) => db.query('delete from auth.sessions where id = $1', [sessionId]),
	/** @param {Client} db @param {string} userId @param {string} sessionId */
	others: (db, userId, sessionId) =>
		db.query('delete from auth.sessions where user_id = $1 and id <> $2', [userId, sessionId])
};
