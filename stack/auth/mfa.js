// @ts-check
// Multi-factor authentication with TOTP as GoTrue offers it: /factors (enroll, challenge, verify,
// unenroll), the admin factors API, and /reauthenticate (a code by mail for sensitive changes).
// Status codes, error codes and messages are GoTrue's, since supabase-js and apps depend on them.
import crypto from 'node:crypto';
import {
	AuthError,
	badRequest,
	forbidden,
	notFound,
	tooManyRequests,
	unprocessable
} from './errors.js';
import { readBody, sendJson, transaction, str, UUID_RE } from './http.js';
import { authenticate } from './routes.js';
import { requireAdmin } from './admin.js';
import { audit } from './audit.js';
import { insertRefreshToken, sessionResponse } from './sessions.js';
import { findUserById, findIdentities, userJson } from './users.js';
import { generateOtp, tokenHash } from './tokens.js';
import { generateSecret, otpauthUri, qrSvg, verifyTotp } from './totp.js';
import { mailLocale } from './mail.js';
import { rateLimitKey } from './rate-limit.js';
import { forwarding } from './routes.js';

/** @typedef {import('./routes.js').Ctx} Ctx */
/** @typedef {import('pg').ClientBase | import('pg').Pool} Db */

// GoTrue's defaults (GOTRUE_MFA_*): they are not configurable here.
const CHALLENGE_EXPIRY_S = 300;
const FACTOR_EXPIRY_S = 300;
const MAX_ENROLLED_FACTORS = 10;
const MAX_VERIFIED_FACTORS = 10;
const CHALLENGE_AND_VERIFY_PER_MINUTE = 15;

/** Authentication methods that make a session aal2 (GoTrue's IsAAL2Claim). */
export const AAL2_METHODS = ['totp', 'mfa/phone', 'mfa/webauthn'];

/** @param {Date | string | null | undefined} t */
const iso = (t) => (t ? new Date(t).toISOString() : null);

/** GoTrue's JSON of a factor (the secret never leaves the server). @param {any} f */
export function factorJson(f) {
	/** @type {Record<string, unknown>} */
	const out = {
		id: f.id,
		created_at: iso(f.created_at),
		updated_at: iso(f.updated_at),
		status: f.status,
		friendly_name: f.friendly_name || undefined,
		factor_type: f.factor_type,
		phone: f.phone ?? '',
		last_challenged_at: iso(f.last_challenged_at)
	};
	if (out.friendly_name === undefined) delete out.friendly_name;
	return out;
}

/** @param {Db} db @param {string} userId */
export async function findFactors(db, userId) {
	const { rows } = await db.query(
		'select * from auth.mfa_factors where user_id = $1 order by created_at, id',
		[userId]
	);
	return rows;
}

/**
 * A user's JSON with its factors after the identities, as GoTrue's /user answers (omitted when none).
 * @param {Db} db @param {any} user auth.users row
 */
export async function userJsonWithFactors(db, user) {
	const base = userJson(user, await findIdentities(db, user.id));
	const factors = (await findFactors(db, user.id)).map(factorJson);
	if (factors.length === 0) return base;
	/** @type {Record<string, unknown>} */
	const out = {};
	for (const [k, v] of Object.entries(base)) {
		out[k] = v;
		if (k === 'identities') out.factors = factors;
	}
	return out;
}

/** @param {string} ip */
const inetOrZero = (ip) => {
	const v = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
	return /^[0-9a-fA-F:.]+$/.test(v) && v.length > 0 ? v : '0.0.0.0';
};

/** GoTrue's limit on challenges and verifications (per client, when the service knows the client). @param {Ctx} ctx @param {string} bucket */
function limitFactorRequests(ctx, bucket) {
	const key = rateLimitKey(ctx.req, forwarding(ctx.opts), ctx.opts.log);
	if (key === null) return;
	if (
		!ctx.limiter.allow(`${bucket}:${key}`, {
			events: CHALLENGE_AND_VERIFY_PER_MINUTE,
			windowMs: 60_000
		})
	) {
		throw tooManyRequests('over_request_rate_limit', 'Request rate limit reached');
	}
}

/** GoTrue's requireAuthentication + requireNotAnonymous for /factors. @param {Ctx} ctx */
async function authenticateForFactors(ctx) {
	const a = await authenticate(ctx);
	if (a.claims.is_anonymous === true)
		throw forbidden('no_authorization', 'Anonymous user not allowed to perform these actions');
	return a;
}

/** GoTrue's loadFactor: only a factor the user owns. @param {Db} db @param {any} user @param {string} id */
async function loadFactor(db, user, id) {
	if (!UUID_RE.test(id)) throw notFound('validation_failed', 'factor_id must be an UUID');
	const { rows } = await db.query('select * from auth.mfa_factors where id = $1 and user_id = $2', [
		id,
		user.id
	]);
	if (!rows[0]) throw notFound('mfa_factor_not_found', 'Factor not found');
	return rows[0];
}

/** @param {any} session */
const isAal2 = (session) => session?.aal === 'aal2';

/**
 * Sets a session's level from a factor removal: GoTrue's DowngradeSessionsToAAL1.
 * @param {Db} db @param {any} factor
 */
async function downgradeSessions(db, factor) {
	const method = factor.factor_type === 'totp' ? 'totp' : `mfa/${factor.factor_type}`;
	await db.query(
		`delete from auth.mfa_amr_claims where authentication_method = $2
		 and session_id in (select id from auth.sessions where factor_id = $1)`,
		[factor.id, method]
	);
	await db.query(
		`update auth.sessions set aal = 'aal1', factor_id = null, updated_at = now()
		 where user_id = $1 and factor_id = $2`,
		[factor.user_id, factor.id]
	);
}

// --- /factors ---------------------------------------------------------------------------------------

/** POST /factors @param {Ctx} ctx */
async function enroll(ctx) {
	const { user, session } = await authenticateForFactors(ctx);
	if (!session) {
		throw new AuthError(
			500,
			'unexpected_failure',
			'A valid session and a registered user are required to enroll a factor'
		);
	}
	const body = await readBody(ctx.req);
	const factorType = str(body.factor_type);
	const friendlyName = str(body.friendly_name);
	if (factorType === 'phone')
		throw unprocessable('mfa_phone_enroll_not_enabled', 'MFA enroll is disabled for Phone');
	if (factorType === 'webauthn')
		throw unprocessable('mfa_webauthn_enroll_not_enabled', 'MFA enroll is disabled for WebAuthn');
	if (factorType !== 'totp')
		throw badRequest('validation_failed', 'factor_type needs to be totp, phone, or webauthn');

	let issuer = str(body.issuer);
	if (!issuer) {
		try {
			issuer = new URL(ctx.opts.siteUrl).host;
		} catch {
			throw new AuthError(500, 'unexpected_failure', 'site url is improperly formatted');
		}
	}
	const secret = generateSecret();
	const uri = otpauthUri({ issuer, account: user.email ?? '', secret });
	const qr = qrSvg(uri);

	const factor = await transaction(ctx.pool, async (client) => {
		// Serialises enrolments of one person, so the limits below hold under concurrent requests.
		await client.query('select id from auth.users where id = $1 for update', [user.id]);
		await client.query(
			`delete from auth.mfa_factors f where status <> 'verified'
			 and not exists (select 1 from auth.mfa_challenges c where c.factor_id = f.id)
			 and created_at + make_interval(secs => $1) < now()`,
			[FACTOR_EXPIRY_S]
		);
		const factors = await findFactors(client, user.id);
		let verified = 0;
		for (const f of factors) {
			if ((f.friendly_name ?? '') === friendlyName) {
				throw unprocessable(
					'mfa_factor_name_conflict',
					`A factor with the friendly name ${JSON.stringify(friendlyName)} for this user already exists`
				);
			}
			if (f.status === 'verified') verified++;
		}
		if (factors.length >= MAX_ENROLLED_FACTORS || verified >= MAX_VERIFIED_FACTORS) {
			throw unprocessable(
				'too_many_enrolled_mfa_factors',
				'Maximum number of verified factors reached, unenroll to continue'
			);
		}
		if (verified > 0 && !isAal2(session))
			throw forbidden('insufficient_aal', 'AAL2 required to enroll a new factor');
		const { rows } = await client.query(
			`insert into auth.mfa_factors (id, user_id, friendly_name, factor_type, status, created_at, updated_at, secret)
			 values (gen_random_uuid(), $1, $2, 'totp', 'unverified', now(), now(), $3) returning *`,
			[user.id, friendlyName, secret]
		);
		await audit(client, user, 'factor_in_progress', ctx.ip, { factor_id: rows[0].id });
		return rows[0];
	});
	sendJson(ctx.res, 200, {
		id: factor.id,
		type: 'totp',
		friendly_name: factor.friendly_name ?? '',
		totp: { qr_code: qr, secret, uri }
	});
}

/** POST /factors/{id}/challenge @param {Ctx} ctx @param {string} factorId */
async function challenge(ctx, factorId) {
	const { user } = await authenticateForFactors(ctx);
	const factor = await loadFactor(ctx.pool, user, factorId);
	limitFactorRequests(ctx, 'factorChallenge');
	if (factor.factor_type !== 'totp') {
		throw unprocessable(
			`mfa_${factor.factor_type}_verify_not_enabled`,
			`MFA verification is disabled for ${factor.factor_type === 'phone' ? 'Phone' : 'WebAuthn'}`
		);
	}
	const row = await transaction(ctx.pool, async (client) => {
		const { rows } = await client.query(
			`insert into auth.mfa_challenges (id, factor_id, created_at, ip_address)
			 values (gen_random_uuid(), $1, now(), $2) returning *`,
			[factor.id, inetOrZero(ctx.ip)]
		);
		await audit(client, user, 'challenge_created', ctx.ip, {
			factor_id: factor.id,
			factor_status: factor.status
		});
		return rows[0];
	});
	sendJson(ctx.res, 200, {
		id: row.id,
		type: factor.factor_type,
		expires_at: Math.floor(new Date(row.created_at).getTime() / 1000) + CHALLENGE_EXPIRY_S
	});
}

/** POST /factors/{id}/verify @param {Ctx} ctx @param {string} factorId */
async function verify(ctx, factorId) {
	const { user, session, claims } = await authenticateForFactors(ctx);
	const factor = await loadFactor(ctx.pool, user, factorId);
	limitFactorRequests(ctx, 'factorVerify');
	const body = await readBody(ctx.req);
	const challengeId = body.challenge_id;
	if (challengeId !== undefined && challengeId !== null && typeof challengeId !== 'string') {
		throw badRequest(
			'bad_json',
			'Could not parse request body as JSON: challenge_id must be a UUID'
		);
	}
	if (typeof challengeId === 'string' && challengeId !== '' && !UUID_RE.test(challengeId)) {
		throw badRequest(
			'bad_json',
			'Could not parse request body as JSON: challenge_id must be a UUID'
		);
	}
	const code = str(body.code);
	if (!code) throw badRequest('validation_failed', 'Code needs to be non-empty');
	if (factor.factor_type !== 'totp') {
		throw unprocessable(
			`mfa_${factor.factor_type}_verify_not_enabled`,
			`MFA verification is disabled for ${factor.factor_type === 'phone' ? 'Phone' : 'WebAuthn'}`
		);
	}
	const { rows } = await ctx.pool.query(
		'select * from auth.mfa_challenges where id = $1 and factor_id = $2',
		[
			UUID_RE.test(challengeId ?? '') ? challengeId : '00000000-0000-0000-0000-000000000000',
			factor.id
		]
	);
	const ch = rows[0];
	if (!ch) {
		throw unprocessable(
			'mfa_factor_not_found',
			'MFA factor with the provided challenge ID not found'
		);
	}
	if (ch.verified_at || String(ch.ip_address) !== inetOrZero(ctx.ip)) {
		throw unprocessable('mfa_ip_address_mismatch', 'Challenge and verify IP addresses mismatch.');
	}
	if (new Date(ch.created_at).getTime() + CHALLENGE_EXPIRY_S * 1000 < Date.now()) {
		await ctx.pool.query('delete from auth.mfa_challenges where id = $1', [ch.id]);
		throw unprocessable(
			'mfa_challenge_expired',
			`MFA challenge ${ch.id} has expired, verify against another challenge or create a new challenge.`
		);
	}
	if (!verifyTotp(code, factor.secret ?? '')) {
		throw unprocessable('mfa_verification_failed', 'Invalid TOTP code entered');
	}
	if (!session) {
		throw new AuthError(500, 'unexpected_failure', 'Cannot read SessionId claim as UUID');
	}
	const response = await transaction(ctx.pool, async (client) => {
		// One verification per challenge, even when two arrive at once.
		const { rowCount } = await client.query(
			'update auth.mfa_challenges set verified_at = now() where id = $1 and verified_at is null',
			[ch.id]
		);
		if (!rowCount)
			throw unprocessable('mfa_ip_address_mismatch', 'Challenge and verify IP addresses mismatch.');
		await audit(client, user, 'verification_attempted', ctx.ip, {
			factor_id: factor.id,
			challenge_id: ch.id,
			factor_type: factor.factor_type
		});
		if (factor.status !== 'verified') {
			await client.query(
				`update auth.mfa_factors set status = 'verified', updated_at = now() where id = $1`,
				[factor.id]
			);
		}
		await client.query(
			`insert into auth.mfa_amr_claims (id, session_id, created_at, updated_at, authentication_method)
			 values (gen_random_uuid(), $1, now(), now(), 'totp')
			 on conflict (session_id, authentication_method) do update set updated_at = now()`,
			[session.id]
		);
		await client.query(
			`update auth.sessions set aal = 'aal2', factor_id = $2, updated_at = now() where id = $1`,
			[session.id, factor.id]
		);
		// A new refresh token: the ones handed out at aal1 can no longer lead to this session's aal2.
		const { rows: current } = await client.query(
			`update auth.refresh_tokens set revoked = true, updated_at = now()
			 where session_id = $1 and revoked = false returning token`,
			[session.id]
		);
		const refreshToken = await insertRefreshToken(
			client,
			user.id,
			session.id,
			current.at(-1)?.token ?? null
		);
		// GoTrue ends the person's other sessions that are below aal2.
		await client.query(
			`delete from auth.sessions where user_id = $1 and id <> $2 and (aal is null or aal < 'aal2')`,
			[user.id, session.id]
		);
		await client.query(
			`delete from auth.mfa_factors where user_id = $1 and status = 'unverified' and factor_type = $2`,
			[user.id, factor.factor_type]
		);
		return sessionResponse(client, ctx.opts, user.id, session.id, refreshToken);
	});
	void claims;
	sendJson(ctx.res, 200, response);
}

/** DELETE /factors/{id} @param {Ctx} ctx @param {string} factorId */
async function unenroll(ctx, factorId) {
	const { user, session } = await authenticateForFactors(ctx);
	const factor = await loadFactor(ctx.pool, user, factorId);
	if (!session) {
		throw new AuthError(
			500,
			'unexpected_failure',
			'A valid session and factor are required to unenroll a factor'
		);
	}
	if (factor.status === 'verified' && !isAal2(session))
		throw unprocessable('insufficient_aal', 'AAL2 required to unenroll verified factor');
	await transaction(ctx.pool, async (client) => {
		await client.query('delete from auth.mfa_factors where id = $1', [factor.id]);
		await audit(client, user, 'factor_unenrolled', ctx.ip, {
			factor_id: factor.id,
			factor_status: factor.status,
			session_id: session.id
		});
		await downgradeSessions(client, factor);
	});
	sendJson(ctx.res, 200, { id: factor.id });
}

// --- /admin/users/{id}/factors ----------------------------------------------------------------------

/** @param {Ctx} ctx @param {string} userId */
async function adminUser(ctx, userId) {
	const admin = requireAdmin(ctx);
	if (!UUID_RE.test(userId)) throw notFound('validation_failed', 'user_id must be an UUID');
	const user = await findUserById(ctx.pool, userId);
	if (!user) throw notFound('user_not_found', 'User not found');
	return { admin, user };
}

/** GET /admin/users/{id}/factors @param {Ctx} ctx @param {string} userId */
async function adminListFactors(ctx, userId) {
	const { user } = await adminUser(ctx, userId);
	sendJson(ctx.res, 200, (await findFactors(ctx.pool, user.id)).map(factorJson));
}

/** PUT /admin/users/{id}/factors/{factorId} @param {Ctx} ctx @param {string} userId @param {string} factorId */
async function adminUpdateFactor(ctx, userId, factorId) {
	const { admin, user } = await adminUser(ctx, userId);
	const factor = await loadFactor(ctx.pool, user, factorId);
	const body = await readBody(ctx.req);
	const friendlyName = str(body.friendly_name);
	const updated = await transaction(ctx.pool, async (client) => {
		let row = factor;
		if (friendlyName) {
			try {
				const { rows } = await client.query(
					`update auth.mfa_factors set friendly_name = $2, updated_at = now() where id = $1 returning *`,
					[factor.id, friendlyName]
				);
				row = rows[0];
			} catch (e) {
				if (/** @type {any} */ (e).code === '23505') {
					throw unprocessable(
						'mfa_factor_name_conflict',
						`A factor with the friendly name ${JSON.stringify(friendlyName)} for this user already exists`
					);
				}
				throw e;
			}
		}
		await audit(client, admin, 'factor_updated', '', {
			user_id: user.id,
			factor_id: factor.id,
			factor_type: factor.factor_type
		});
		return row;
	});
	sendJson(ctx.res, 200, factorJson(updated));
}

/** DELETE /admin/users/{id}/factors/{factorId} @param {Ctx} ctx @param {string} userId @param {string} factorId */
async function adminDeleteFactor(ctx, userId, factorId) {
	const { user } = await adminUser(ctx, userId);
	const factor = await loadFactor(ctx.pool, user, factorId);
	await transaction(ctx.pool, async (client) => {
		await audit(client, user, 'factor_deleted', ctx.ip, { user_id: user.id, factor_id: factor.id });
		await client.query('delete from auth.mfa_factors where id = $1', [factor.id]);
		await downgradeSessions(client, factor);
	});
	sendJson(ctx.res, 200, factorJson(factor));
}

// --- /reauthenticate --------------------------------------------------------------------------------

const REAUTH_MAIL = {
	nl: {
		subject: 'Je bevestigingscode',
		intro: 'Gebruik deze code om te bevestigen dat jij het bent:',
		expiry: (/** @type {number} */ m) =>
			`De code verloopt na ${m} minuten. Heb je niets aangevraagd? Dan mag je deze mail negeren.`
	},
	en: {
		subject: 'Your confirmation code',
		intro: 'Use this code to confirm that it is you:',
		expiry: (/** @type {number} */ m) =>
			`The code expires after ${m} minutes. Did you not ask for this? Then you can ignore this mail.`
	}
};

/** GET /reauthenticate: mails the signed-in person a code (a nonce) for a sensitive change. @param {Ctx} ctx */
async function reauthenticate(ctx) {
	const o = ctx.opts;
	const { user } = await authenticate(ctx);
	const email = user.email ?? '';
	const phone = user.phone ?? '';
	if (!email && !phone) {
		throw badRequest(
			'validation_failed',
			'Reauthentication requires the user to have an email or a phone number'
		);
	}
	if (email) {
		if (!user.email_confirmed_at)
			throw unprocessable('email_not_confirmed', 'Please verify your email first.');
	} else {
		if (!user.phone_confirmed_at)
			throw unprocessable('phone_not_confirmed', 'Please verify your phone first.');
		// No SMS provider is configured here; GoTrue fails the same way without one.
		throw new AuthError(500, 'unexpected_failure', 'Unable to get SMS provider');
	}
	const sentAt = user.reauthentication_sent_at;
	if (sentAt && new Date(sentAt).getTime() + o.smtp.maxFrequencyMs > Date.now()) {
		const left = new Date(sentAt).getTime() + o.smtp.maxFrequencyMs - Date.now();
		throw tooManyRequests(
			'over_email_send_rate_limit',
			`For security purposes, you can only request this after ${Math.floor(left / 1000)} seconds.`
		);
	}
	if (!ctx.limiter.allow('email', o.rateLimits.emailSent)) {
		throw tooManyRequests('over_email_send_rate_limit', 'email rate limit exceeded');
	}
	await transaction(ctx.pool, async (client) => {
		await audit(client, user, 'user_reauthenticate_requested', '');
		const otp = generateOtp(o.otpLength);
		const hash = tokenHash(email, otp);
		await client.query(
			'update auth.users set reauthentication_token = $2, reauthentication_sent_at = now() where id = $1',
			[user.id, hash]
		);
		await client.query(
			`delete from auth.one_time_tokens where user_id = $1 and token_type = 'reauthentication_token'`,
			[user.id]
		);
		await client.query(
			`insert into auth.one_time_tokens (id, user_id, token_type, token_hash, relates_to, created_at, updated_at)
			 values ($1, $2, 'reauthentication_token', $3, $4, now(), now())`,
			[crypto.randomUUID(), user.id, hash, email.toLowerCase()]
		);
		const w = REAUTH_MAIL[mailLocale(user.raw_user_meta_data)];
		const expiry = w.expiry(Math.round(o.otpExp / 60));
		// Sent last, inside the transaction: a mail that fails leaves no token behind.
		await ctx.mailer.sendMessage({
			to: email,
			subject: w.subject,
			text: `${w.intro} ${otp}\n\n${expiry}\n`,
			html: `<p>${w.intro} <strong>${otp}</strong></p>\n<p>${expiry}</p>`
		});
	});
	sendJson(ctx.res, 200, {});
}

/**
 * GoTrue's verifyReauthentication: the nonce must match the last code mailed and be younger than the
 * mail OTP lifetime; a match consumes it.
 * @param {import('pg').ClientBase} client @param {Ctx} ctx @param {any} user @param {string} nonce
 */
export async function verifyReauthentication(client, ctx, user, nonce) {
	const invalid = () =>
		unprocessable('reauthentication_not_valid', 'Nonce has expired or is invalid');
	if (!user.reauthentication_token || !user.reauthentication_sent_at) throw invalid();
	if (!user.email) throw invalid();
	const expected = Buffer.from(String(user.reauthentication_token));
	const given = Buffer.from(tokenHash(user.email, nonce));
	const fresh =
		new Date(user.reauthentication_sent_at).getTime() + ctx.opts.otpExp * 1000 >= Date.now();
	if (!fresh || expected.length !== given.length || !crypto.timingSafeEqual(expected, given))
		throw invalid();
	await client.query(
		`update auth.users set reauthentication_token = '', reauthentication_sent_at = null where id = $1`,
		[user.id]
	);
	await client.query(
		`delete from auth.one_time_tokens where user_id = $1 and token_type = 'reauthentication_token'`,
		[user.id]
	);
}

// --- routing ----------------------------------------------------------------------------------------

/**
 * Answers the MFA and reauthentication paths; null for any other path.
 * @param {Ctx} ctx @param {string} method @param {string} path
 * @returns {Promise<void> | null}
 */
export function route(ctx, method, path) {
	if (path === '/reauthenticate') {
		if (method === 'GET') return reauthenticate(ctx);
		return null;
	}
	if (path === '/factors' && method === 'POST') return enroll(ctx);
	let m = /^\/factors\/([^/]+)(?:\/(challenge|verify))?$/.exec(path);
	if (m) {
		const id = decodeURIComponent(m[1] ?? '');
		if (m[2] === 'challenge' && method === 'POST') return challenge(ctx, id);
		if (m[2] === 'verify' && method === 'POST') return verify(ctx, id);
		if (!m[2] && method === 'DELETE') return unenroll(ctx, id);
		return null;
	}
	m = /^\/admin\/users\/([^/]+)\/factors(?:\/([^/]+))?$/.exec(path);
	if (m) {
		const userId = decodeURIComponent(m[1] ?? '');
		const factorId = m[2] === undefined ? null : decodeURIComponent(m[2]);
		if (factorId === null && method === 'GET') return adminListFactors(ctx, userId);
		if (factorId !== null && method === 'PUT') return adminUpdateFactor(ctx, userId, factorId);
		if (factorId !== null && method === 'DELETE') return adminDeleteFactor(ctx, userId, factorId);
	}
	return null;
}

/**
 * GoTrue's rule for PUT /user: someone with a verified factor changes their password or address only
 * from an aal2 session.
 * @param {Db} db @param {any} user @param {any} session @param {Record<string, any>} body
 */
export async function requireAal2ForCredentialChange(db, user, session, body) {
	const changes =
		(typeof body.password === 'string' && body.password !== '') ||
		(typeof body.email === 'string' && body.email !== '' && body.email !== (user.email ?? '')) ||
		(typeof body.phone === 'string' && body.phone !== '' && body.phone !== (user.phone ?? ''));
	if (!changes || isAal2(session)) return;
	const { rows } = await db.query(
		`select 1 from auth.mfa_factors where user_id = $1 and status = 'verified' limit 1`,
		[user.id]
	);
	if (rows.length > 0) {
		throw new AuthError(
			401,
			'insufficient_aal',
			'AAL2 session is required to update email or password when MFA is enabled.'
		);
	}
}
