// @ts-check
// The GoTrue endpoints for end users: signup, token grants, user, logout, recover, verify.
import {
	alreadyRegistered,
	AuthError,
	badRequest,
	forbidden,
	notFound,
	tooManyRequests,
	unprocessable
} from './errors.js';
import {
	readBody,
	sendJson,
	redirect,
	transaction,
	str,
	validateEmail,
	header,
	UUID_RE
} from './http.js';
import { verifyAccessToken } from './jwt.js';
import {
	checkPasswordStrength,
	hashPassword,
	passwordMatches,
	verifyPassword
} from './passwords.js';
import { allowedRedirect, resolveRedirect } from './redirect.js';
import { rateLimitKey } from './rate-limit.js';
import { createSession, insertRefreshToken, logout, sessionResponse } from './sessions.js';
import {
	PKCE_PREFIX,
	generateOtp,
	isValidCodeChallenge,
	parseChallengeMethod,
	tokenHash,
	verifyCodeChallenge
} from './tokens.js';
import {
	confirmEmail,
	findUserByEmail,
	findUserById,
	insertUser,
	isBanned,
	loadUserJson,
	userJson
} from './users.js';
import { audit } from './audit.js';
import { mailLocale } from './mail.js';
import { phonePasswordGrant, phoneSignup, phoneVerify } from './phone.js';
import { anonymousSignup } from './anonymous.js';
import { idTokenGrant, web3Grant } from './external.js';
import { requireAal2ForCredentialChange, userJsonWithFactors } from './mfa.js';

/**
 * @typedef {object} Ctx
 * @property {import('./config.js').AuthOptions} opts
 * @property {import('pg').Pool} pool
 * @property {import('./rate-limit.js').RateLimiter} limiter
 * @property {import('./rate-limit.js').RecentRequests} unknownRecoveries when an address without an
 *           account last asked for a recovery mail
 * @property {ReturnType<typeof import('./mail.js').createMailer>} mailer
 * @property {import('node:http').IncomingMessage} req
 * @property {import('node:http').ServerResponse} res
 * @property {URL} url
 * @property {string} ip the client's address (GoTrue's GetIPAddress), for sessions and audit rows
 */

const FLOW_STATE_EXPIRY_MS = 300_000; // GoTrue's PKCE auth code lifetime

// --- shared helpers ---------------------------------------------------------------------------------

/** Which header and Sb-Forwarded-For setting name the client's address. @param {import('./config.js').AuthOptions} o */
export const forwarding = (o) => ({
	header: o.rateLimits.header,
	sbForwardedFor: o.sbForwardedForEnabled
});

/**
 * Counts the request against its client's budget in one bucket; GoTrue keeps a bucket per endpoint.
 * Requests without a client address (see rateLimitKey) are not limited.
 * @param {Ctx} ctx @param {string} bucket
 * @param {'signInSignUps' | 'tokenRefresh' | 'verify'} limit
 */
export function rateLimit(ctx, bucket, limit) {
	const key = rateLimitKey(ctx.req, forwarding(ctx.opts), ctx.opts.log);
	if (key === null) return;
	if (!ctx.limiter.allow(`${bucket}:${key}`, ctx.opts.rateLimits[limit])) {
		throw tooManyRequests('over_request_rate_limit', 'Request rate limit reached');
	}
}

/** GoTrue's message for a mail asked again within GOTRUE_SMTP_MAX_FREQUENCY. @param {number} leftMs */
const tooSoon = (leftMs) =>
	tooManyRequests(
		'over_email_send_rate_limit',
		`For security purposes, you can only request this after ${Math.floor(leftMs / 1000)} seconds.`
	);

/** The bearer token of the request, or 401 no_authorization. @param {Ctx} ctx */
export function bearer(ctx) {
	const m = /^Bearer\s+(\S+)\s*$/i.exec(header(ctx.req, 'authorization') ?? '');
	if (!m)
		throw new AuthError(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
	return m[1] ?? '';
}

/** @param {Ctx} ctx @param {string} token */
export function parseClaims(ctx, token) {
	try {
		return verifyAccessToken(token, ctx.opts.jwtKeys);
	} catch (e) {
		throw forbidden(
			'bad_jwt',
			`invalid JWT: unable to parse or verify signature, ${/** @type {Error} */ (e).message}`
		);
	}
}

/**
 * GoTrue's requireAuthentication: a valid token, its user, and its session when it names one.
 * @param {Ctx} ctx
 */
export async function authenticate(ctx) {
	const claims = parseClaims(ctx, bearer(ctx));
	if (!claims.sub) throw forbidden('bad_jwt', 'invalid claim: missing sub claim');
	if (!UUID_RE.test(claims.sub))
		throw badRequest('bad_jwt', 'invalid claim: sub claim must be a UUID');
	const user = await findUserById(ctx.pool, claims.sub);
	if (!user) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist');
	/** @type {any} */
	let session = null;
	if (claims.session_id && claims.session_id !== '00000000-0000-0000-0000-000000000000') {
		if (!UUID_RE.test(claims.session_id))
			throw forbidden('bad_jwt', 'invalid claim: session_id claim must be a UUID');
		const { rows } = await ctx.pool.query('select * from auth.sessions where id = $1', [
			claims.session_id
		]);
		session = rows[0];
		if (!session)
			throw forbidden('session_not_found', 'Session from session_id claim in JWT does not exist');
	}
	if (isBanned(user)) throw forbidden('user_banned', 'User is banned');
	return { claims, user, session };
}

/** @param {Ctx} ctx */
const userAgent = (ctx) => header(ctx.req, 'user-agent') ?? '';

/**
 * Opens a session for the user and answers with GoTrue's session body.
 * @param {import('pg').ClientBase} client @param {Ctx} ctx @param {string} userId @param {string} method
 */
async function issueSession(client, ctx, userId, method) {
	const { sessionId, refreshToken } = await createSession(client, userId, {
		method,
		ip: ctx.ip,
		userAgent: userAgent(ctx)
	});
	return sessionResponse(client, ctx.opts, userId, sessionId, refreshToken);
}

/** @param {Record<string, any>} body */
function pkceParams(body) {
	const challenge = str(body.code_challenge);
	const method = str(body.code_challenge_method);
	if (!challenge && !method) return null;
	if (!challenge || !method) {
		throw badRequest(
			'validation_failed',
			'PKCE flow requires code_challenge_method and code_challenge'
		);
	}
	const parsed = parseChallengeMethod(method);
	if (!parsed)
		throw badRequest('validation_failed', `code challenge method not supported: ${method}`);
	if (!isValidCodeChallenge(challenge)) {
		throw badRequest(
			'validation_failed',
			challenge.length < 43 || challenge.length > 128
				? 'code challenge has to be between 43 and 128 characters'
				: 'code challenge can only contain alphanumeric characters, hyphens, periods, underscores and tildes'
		);
	}
	return { challenge, method: parsed };
}

/**
 * @param {import('pg').ClientBase} client @param {string} userId @param {string} authMethod
 * @param {{ challenge: string, method: 's256' | 'plain' }} pkce
 */
async function createFlowState(client, userId, authMethod, pkce) {
	await client.query(
		`insert into auth.flow_state (id, user_id, auth_code, code_challenge_method, code_challenge, provider_type,
			authentication_method, created_at, updated_at)
		 values (gen_random_uuid(), $1, gen_random_uuid()::text, $2, $3, 'email', $4, now(), now())`,
		[userId, pkce.method, pkce.challenge, authMethod]
	);
}

/**
 * Mails a link + code. Enforces the per-user frequency and the global hourly email budget, stores the
 * token hash on the user and in auth.one_time_tokens like GoTrue.
 * @param {import('pg').ClientBase} client @param {Ctx} ctx @param {any} user
 * @param {'recovery' | 'signup' | 'magiclink' | 'email_change'} type
 * @param {{ redirectTo: string, pkce: boolean, newEmail?: string }} p
 */
async function sendTokenMail(client, ctx, user, type, p) {
	const o = ctx.opts;
	const column =
		type === 'signup' ? 'confirmation' : type === 'email_change' ? 'email_change' : 'recovery';
	const sentAt = user[`${column}_sent_at`];
	if (sentAt && new Date(sentAt).getTime() + o.smtp.maxFrequencyMs > Date.now()) {
		throw tooSoon(new Date(sentAt).getTime() + o.smtp.maxFrequencyMs - Date.now());
	}
	if (!ctx.limiter.allow('email', o.rateLimits.emailSent)) {
		throw tooManyRequests('over_email_send_rate_limit', 'email rate limit exceeded');
	}
	const recipient = p.newEmail ?? user.email;
	const otp = generateOtp(o.otpLength);
	const hash = (p.pkce ? PKCE_PREFIX : '') + tokenHash(recipient, otp);
	const link = `${o.apiExternalUrl}${o.recoveryPath}?token=${hash}&type=${type}&redirect_to=${encodeURIComponent(p.redirectTo)}`;

	const ottType =
		type === 'signup'
			? 'confirmation_token'
			: type === 'email_change'
				? 'email_change_token_new'
				: 'recovery_token';
	if (type === 'signup') {
		await client.query(
			'update auth.users set confirmation_token = $2, confirmation_sent_at = now() where id = $1',
			[user.id, hash]
		);
	} else if (type === 'email_change') {
		await client.query(
			`update auth.users set email_change = $2, email_change_token_new = $3, email_change_sent_at = now(),
			 email_change_confirm_status = 0 where id = $1`,
			[user.id, recipient, hash]
		);
	} else {
		await client.query(
			'update auth.users set recovery_token = $2, recovery_sent_at = now() where id = $1',
			[user.id, hash]
		);
	}
	await client.query('delete from auth.one_time_tokens where user_id = $1 and token_type = $2', [
		user.id,
		ottType
	]);
	await client.query(
		`insert into auth.one_time_tokens (id, user_id, token_type, token_hash, relates_to, created_at, updated_at)
		 values (gen_random_uuid(), $1, $2, $3, $4, now(), now())`,
		[user.id, ottType, hash, recipient.toLowerCase()]
	);
	// Sent last, inside the transaction: a mail that fails to go out leaves no half-stored token behind.
	await ctx.mailer.send(type === 'email_change' ? 'signup' : type, {
		to: recipient,
		link,
		otp,
		expiresInMinutes: Math.round(o.otpExp / 60),
		locale: mailLocale(user.raw_user_meta_data)
	});
	return { otp, hash, link };
}

// --- endpoints --------------------------------------------------------------------------------------

/**
 * What GoTrue (sanitizeUser) answers a sign-up of an address that already has a confirmed account: the
 * account with a new id, no role, no identities, the metadata that was sent and the time of now, so
 * that the answer carries none of the account's data.
 * @param {any} existing auth.users row @param {string} aud @param {Record<string, unknown>} data
 */
export function lookAlikeUser(existing, aud, data) {
	const now = new Date();
	return userJson(
		{
			...existing,
			id: crypto.randomUUID(),
			aud,
			role: '',
			email_change: '',
			phone: '',
			created_at: now,
			updated_at: now,
			confirmation_sent_at: now,
			last_sign_in_at: null,
			confirmed_at: null,
			email_change_sent_at: null,
			email_confirmed_at: null,
			phone_confirmed_at: null,
			raw_app_meta_data: { provider: 'email', providers: ['email'] },
			raw_user_meta_data: data
		},
		[]
	);
}

/** @param {Ctx} ctx */
export async function signup(ctx) {
	const o = ctx.opts;
	const body = await readBody(ctx.req);
	// GoTrue: a sign-up with neither an address nor a number is an anonymous sign-in.
	if (!str(body.email) && !str(body.phone)) return anonymousSignup(ctx, body, issueSession);
	rateLimit(ctx, 'signInSignUps', 'signInSignUps');
	if (o.disableSignup)
		throw unprocessable('signup_disabled', 'Signups not allowed for this instance');
	const password = str(body.password);
	if (!password) throw badRequest('validation_failed', 'Signup requires a valid password');
	checkPasswordStrength(password, o.passwordMinLength);
	if (str(body.email) && str(body.phone)) {
		throw badRequest(
			'validation_failed',
			'Only an email address or phone number should be provided on signup.'
		);
	}
	if (str(body.phone)) return phoneSignup(ctx, body, issueSession);
	const pkce = pkceParams(body);
	if (!str(body.email))
		throw badRequest('validation_failed', 'Sign up only available with email provider');
	if (!o.providers.email) throw badRequest('email_provider_disabled', 'Email signups are disabled');
	const email = validateEmail(str(body.email));
	const data =
		body.data && typeof body.data === 'object' && !Array.isArray(body.data) ? body.data : {};
	const redirectTo = resolveRedirect(ctx.url.searchParams.get('redirect_to'), o);

	// Hashed whether or not the address is taken, outside any transaction (bcrypt is slow and should
	// not hold a connection): a taken address must cost what a new one costs.
	const passwordHash = await hashPassword(password);
	const existing = await findUserByEmail(ctx.pool, email, o.jwtAud);
	if (existing?.email_confirmed_at || (existing && o.mailerAutoconfirm)) {
		await audit(ctx.pool, existing, 'user_repeated_signup', ctx.ip, { provider: 'email' });
		if (o.mailerAutoconfirm) throw unprocessable('user_already_exists', 'User already registered');
		// A new sign-up sends a mail; this one sends none but spends the mail budget and talks to the
		// mail server all the same.
		if (!ctx.limiter.allow('email', o.rateLimits.emailSent)) {
			throw tooManyRequests('over_email_send_rate_limit', 'email rate limit exceeded');
		}
		await decoyMail(ctx);
		return sendJson(ctx.res, 200, lookAlikeUser(existing, o.jwtAud, data));
	}
	if (existing) {
		// Not confirmed yet: GoTrue mails the confirmation again (the password stays as it was, since
		// nobody has shown they own the address) and answers with the account.
		const user = await transaction(ctx.pool, async (client) => {
			await audit(client, existing, 'user_confirmation_requested', ctx.ip, { provider: 'email' });
			if (pkce) await createFlowState(client, existing.id, 'email/signup', pkce);
			await sendTokenMail(client, ctx, existing, 'signup', { redirectTo, pkce: Boolean(pkce) });
			return loadUserJson(client, existing.id);
		});
		return sendJson(ctx.res, 200, user);
	}

	const result = await transaction(ctx.pool, async (client) => {
		const userId = await insertUser(
			client,
			{
				email,
				passwordHash,
				aud: o.jwtAud,
				role: 'authenticated',
				userMetadata: data,
				confirmed: o.mailerAutoconfirm
			},
			alreadyRegistered
		);
		const user = await findUserById(client, userId);
		if (o.mailerAutoconfirm) {
			await audit(client, user, 'user_signedup', ctx.ip, { provider: 'email' });
			await audit(client, user, 'login', ctx.ip, { provider: 'email' });
			return { session: await issueSession(client, ctx, userId, 'password') };
		}
		await audit(client, user, 'user_confirmation_requested', ctx.ip, { provider: 'email' });
		if (pkce) await createFlowState(client, userId, 'email/signup', pkce);
		await sendTokenMail(client, ctx, user, 'signup', { redirectTo, pkce: Boolean(pkce) });
		return { user: await loadUserJson(client, userId) };
	});
	sendJson(ctx.res, 200, result.session ?? result.user);
}

/** @param {Ctx} ctx */
export async function token(ctx) {
	const grantType = ctx.url.searchParams.get('grant_type') ?? '';
	switch (grantType) {
		case 'password':
			rateLimit(ctx, 'signInSignUps', 'signInSignUps');
			return passwordGrant(ctx);
		case 'refresh_token':
			rateLimit(ctx, 'tokenRefresh', 'tokenRefresh');
			return refreshGrant(ctx);
		case 'pkce':
			rateLimit(ctx, 'signInSignUps', 'signInSignUps');
			return pkceGrant(ctx);
		case 'id_token':
			rateLimit(ctx, 'signInSignUps', 'signInSignUps');
			return idTokenGrant(ctx);
		case 'web3':
			rateLimit(ctx, 'web3', 'signInSignUps');
			return web3Grant(ctx);
		default:
			throw badRequest('invalid_credentials', 'unsupported_grant_type');
	}
}

/** @param {Ctx} ctx */
async function passwordGrant(ctx) {
	const o = ctx.opts;
	const body = await readBody(ctx.req);
	const email = str(body.email);
	const phone = str(body.phone);
	const password = str(body.password);
	if (email && phone) {
		throw badRequest(
			'validation_failed',
			'Only an email address or phone number should be provided on login.'
		);
	}
	if (phone) return phonePasswordGrant(ctx, body, issueSession);
	if (!email) throw badRequest('validation_failed', 'missing email or phone');
	if (!o.providers.email)
		throw unprocessable('email_provider_disabled', 'Email logins are disabled');
	const user = await findUserByEmail(ctx.pool, email, o.jwtAud);
	// GoTrue tells a banned account apart before it looks at the password.
	if (user?.encrypted_password && isBanned(user)) throw badRequest('user_banned', 'User is banned');
	// An unknown address costs a bcrypt comparison too (passwordMatches), so it answers as slowly.
	if (!(await passwordMatches(user, password)))
		throw badRequest('invalid_credentials', 'Invalid login credentials');
	if (!user.email_confirmed_at && !user.phone_confirmed_at)
		throw badRequest('email_not_confirmed', 'Email not confirmed');
	const session = await transaction(ctx.pool, async (client) => {
		await audit(client, user, 'login', ctx.ip, { provider: 'email' });
		return issueSession(client, ctx, user.id, 'password');
	});
	sendJson(ctx.res, 200, session);
}

/** @param {Ctx} ctx */
async function refreshGrant(ctx) {
	const o = ctx.opts;
	const body = await readBody(ctx.req);
	const refreshToken = str(body.refresh_token);
	if (!refreshToken) {
		// GoTrue answers this one in OAuth2's error format.
		return sendJson(ctx.res, 400, {
			error: 'invalid_request',
			error_description: 'refresh_token required'
		});
	}
	const outcome = await transaction(ctx.pool, async (client) => {
		// Locking the token row serialises concurrent refreshes of the same token.
		const { rows } = await client.query(
			`select rt.*, s.id as s_id from auth.refresh_tokens rt
			 left join auth.sessions s on s.id = rt.session_id
			 where rt.token = $1 for update of rt`,
			[refreshToken]
		);
		const token = rows[0];
		if (!token)
			throw badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
		const user = await findUserById(client, token.user_id);
		if (!user)
			throw badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
		if (isBanned(user)) throw badRequest('user_banned', 'Invalid Refresh Token: User Banned');
		if (!token.s_id) {
			await client.query('delete from auth.refresh_tokens where id = $1', [token.id]);
			return {
				error: badRequest('session_not_found', 'Invalid Refresh Token: No Valid Session Found')
			};
		}
		const sessionId = token.session_id;
		let issued = '';
		if (token.revoked) {
			const { rows: active } = await client.query(
				`select * from auth.refresh_tokens where session_id = $1 and revoked = false order by id desc limit 1`,
				[sessionId]
			);
			if (active[0] && active[0].parent === token.token) {
				// The client lost the response of its last refresh: hand out the child it was given.
				issued = active[0].token;
			} else {
				const reuseUntil =
					new Date(token.updated_at).getTime() + o.refreshTokenReuseInterval * 1000;
				if (Date.now() > reuseUntil) {
					if (o.refreshTokenRotationEnabled) {
						// Possible token theft: revoke the whole family so neither party can continue.
						await client.query(
							'update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = $1',
							[sessionId]
						);
						await audit(client, user, 'token_revoked', ctx.ip);
					}
					return {
						error: badRequest('refresh_token_already_used', 'Invalid Refresh Token: Already Used')
					};
				}
			}
		}
		await audit(client, user, 'token_refreshed', ctx.ip);
		if (!issued) {
			await client.query(
				'update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1',
				[token.id]
			);
			issued = await insertRefreshToken(client, user.id, sessionId, token.token);
		}
		await client.query(
			`update auth.sessions set refreshed_at = now() at time zone 'utc', updated_at = now(), user_agent = $2, ip = $3
			 where id = $1`,
			[
				sessionId,
				userAgent(ctx) || null,
				/^[0-9a-fA-F:.]+$/.test(ctx.ip.replace(/^::ffff:/, ''))
					? ctx.ip.replace(/^::ffff:/, '')
					: null
			]
		);
		return { session: await sessionResponse(client, o, user.id, sessionId, issued) };
	});
	// Revocations above must be committed even though the request fails.
	if (outcome.error) throw outcome.error;
	sendJson(ctx.res, 200, outcome.session);
}

/** @param {Ctx} ctx */
async function pkceGrant(ctx) {
	const body = await readBody(ctx.req);
	const authCode = str(body.auth_code);
	const verifier = str(body.code_verifier);
	if (!authCode || !verifier) {
		throw badRequest(
			'validation_failed',
			'invalid request: both auth code and code verifier should be non-empty'
		);
	}
	const session = await transaction(ctx.pool, async (client) => {
		const { rows } = await client.query(
			'select * from auth.flow_state where auth_code = $1 for update',
			[authCode]
		);
		const flow = rows[0];
		if (!flow)
			throw notFound('flow_state_not_found', 'invalid flow state, no valid flow state found');
		const issuedAt = new Date(flow.auth_code_issued_at ?? flow.created_at).getTime();
		if (issuedAt + FLOW_STATE_EXPIRY_MS < Date.now()) {
			throw unprocessable('flow_state_expired', 'invalid flow state, flow state has expired');
		}
		if (
			!verifyCodeChallenge(
				verifier,
				flow.code_challenge ?? '',
				flow.code_challenge_method ?? 'plain'
			)
		) {
			throw badRequest(
				'bad_code_verifier',
				'code challenge does not match previously saved code verifier'
			);
		}
		const user = flow.user_id ? await findUserById(client, flow.user_id) : null;
		if (!user) throw notFound('user_not_found', 'User not found');
		if (isBanned(user)) throw badRequest('user_banned', 'User is banned');
		await audit(client, user, 'login', ctx.ip, { provider_type: flow.provider_type });
		const s = await issueSession(client, ctx, user.id, flow.authentication_method);
		await client.query('delete from auth.flow_state where id = $1', [flow.id]);
		return s;
	});
	sendJson(ctx.res, 200, session);
}

/** @param {Ctx} ctx */
export async function getUser(ctx) {
	const { user, claims } = await authenticate(ctx);
	if (
		claims.aud !== undefined &&
		claims.aud !== user.aud &&
		!(Array.isArray(claims.aud) && claims.aud.includes(user.aud))
	) {
		throw badRequest('validation_failed', "Token audience doesn't match request audience");
	}
	sendJson(ctx.res, 200, await userJsonWithFactors(ctx.pool, user));
}

/**
 * Merges metadata like GoTrue: keys with null are removed.
 * @param {Record<string, any> | null} current @param {Record<string, any>} updates
 */
export function mergeMetadata(current, updates) {
	const out = { ...(current ?? {}) };
	for (const [k, v] of Object.entries(updates)) {
		if (v === null) delete out[k];
		else out[k] = v;
	}
	return out;
}

/**
 * GoTrue's Session.IsRecovery: the session began with a mailed link or code (a recovery, a magic
 * link, or any other `otp` verification), so its owner proved they read the address's mail.
 * @param {import('pg').Pool} pool @param {any} session auth.sessions row, or null for a token without one
 */
async function isRecoverySession(pool, session) {
	if (!session) return false;
	const { rows } = await pool.query(
		`select 1 from auth.mfa_amr_claims where session_id = $1
		 and authentication_method in ('otp', 'magiclink', 'recovery') limit 1`,
		[session.id]
	);
	return rows.length > 0;
}

/** @param {Ctx} ctx */
export async function updateUser(ctx) {
	const o = ctx.opts;
	const { user, session } = await authenticate(ctx);
	rateLimit(ctx, 'user', 'signInSignUps');
	const body = await readBody(ctx.req);
	if (body.app_metadata !== undefined && body.app_metadata !== null) {
		throw forbidden('not_admin', 'Updating app_metadata requires admin privileges');
	}
	await requireAal2ForCredentialChange(ctx.pool, user, session, body);
	const password = typeof body.password === 'string' ? body.password : null;
	let email = str(body.email);
	if (email) email = validateEmail(email);
	const data =
		body.data && typeof body.data === 'object' && !Array.isArray(body.data) ? body.data : null;
	if (email && email !== user.email) {
		const other = await findUserByEmail(ctx.pool, email, o.jwtAud);
		if (other && other.id !== user.id) {
			throw unprocessable(
				'email_exists',
				'A user with this email address has already been registered'
			);
		}
	}
	/** @type {string | null} */
	let passwordHash = null;
	if (password !== null) {
		checkPasswordStrength(password, o.passwordMinLength);
		if (user.encrypted_password) {
			// Someone holding a stolen session must not be able to lock its owner out.
			if (o.updatePasswordRequireCurrentPassword && !(await isRecoverySession(ctx.pool, session))) {
				const current = str(body.current_password);
				if (!current) {
					throw badRequest(
						'current_password_required',
						'Current password required when setting new password.'
					);
				}
				if (!(await verifyPassword(current, user.encrypted_password))) {
					throw badRequest(
						'current_password_invalid',
						'Current password required when setting new password.'
					);
				}
			}
			if (await verifyPassword(password, user.encrypted_password)) {
				throw unprocessable(
					'same_password',
					'New password should be different from the old password.'
				);
			}
		}
		passwordHash = await hashPassword(password);
	}
	const pkce = pkceParams(body);
	const redirectTo = resolveRedirect(ctx.url.searchParams.get('redirect_to'), o);

	const result = await transaction(ctx.pool, async (client) => {
		if (passwordHash) {
			// A new password voids every outstanding link and every other session, as in GoTrue.
			await client.query(
				`update auth.users set encrypted_password = $2, confirmation_token = '', confirmation_sent_at = null,
				 recovery_token = '', recovery_sent_at = null, email_change_token_current = '', email_change_token_new = '',
				 email_change_sent_at = null, phone_change_token = '', phone_change_sent_at = null,
				 reauthentication_token = '', reauthentication_sent_at = null, updated_at = now() where id = $1`,
				[user.id, passwordHash]
			);
			await client.query('delete from auth.one_time_tokens where user_id = $1', [user.id]);
			if (session) await logout.others(client, user.id, session.id);
			else await logout.global(client, user.id);
			await audit(client, user, 'user_updated_password', ctx.ip);
		}
		if (data) {
			await client.query(
				'update auth.users set raw_user_meta_data = $2, updated_at = now() where id = $1',
				[user.id, JSON.stringify(mergeMetadata(user.raw_user_meta_data, data))]
			);
		}
		if (email && email !== user.email) {
			const fresh = await findUserById(client, user.id);
			if (pkce) await createFlowState(client, user.id, 'email_change', pkce);
			await sendTokenMail(client, ctx, fresh, 'email_change', {
				redirectTo,
				pkce: Boolean(pkce),
				newEmail: email
			});
		}
		await audit(client, user, 'user_modified', ctx.ip);
		return loadUserJson(client, user.id);
	});
	sendJson(ctx.res, 200, result);
}

/** @param {Ctx} ctx */
export async function logoutRoute(ctx) {
	const { user, session } = await authenticate(ctx);
	const scope = ctx.url.searchParams.get('scope') ?? '';
	if (!['', 'global', 'local', 'others'].includes(scope)) {
		throw badRequest('validation_failed', `Unsupported logout scope "${scope}"`);
	}
	await transaction(ctx.pool, async (client) => {
		await audit(client, user, 'logout', ctx.ip);
		if (session && scope === 'local') await logout.local(client, session.id);
		else if (session && scope === 'others') await logout.others(client, user.id, session.id);
		else await logout.global(client, user.id);
	});
	ctx.res.writeHead(204);
	ctx.res.end();
}

const ZERO_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * The work of storing a mailed token and sending the mail (the statements of sendTokenMail and an
 * SMTP conversation), for an answer that must take as long as one that mails: the statements touch no
 * row and are rolled back, the conversation ends before a message is sent.
 * @param {Ctx} ctx
 */
async function decoyMail(ctx) {
	const client = await ctx.pool.connect();
	try {
		await client.query('begin');
		await client.query('select * from auth.users where id = $1 for update', [ZERO_UUID]);
		await client.query(
			`update auth.users set recovery_token = '', recovery_sent_at = now() where id = $1`,
			[ZERO_UUID]
		);
		await client.query('delete from auth.one_time_tokens where user_id = $1', [ZERO_UUID]);
		await client.query(
			`insert into auth.audit_log_entries (instance_id, id, payload, created_at, ip_address)
			 values ($1, gen_random_uuid(), '{}', now(), '')`,
			[ZERO_UUID]
		);
	} finally {
		await client.query('rollback').catch(() => {});
		client.release();
	}
	await ctx.mailer.probe();
}

/**
 * Stands in for the mail an address with an account would get, so that an unknown address answers
 * the same way and after about the same work: GOTRUE_SMTP_MAX_FREQUENCY is kept per address (in
 * memory), the global mail budget is spent, a transaction and a conversation with the mail server
 * are held as for a real mail.
 * @param {Ctx} ctx @param {string} email
 */
async function recoverUnknown(ctx, email) {
	const o = ctx.opts;
	const last = ctx.unknownRecoveries.last(email);
	if (last !== undefined && last + o.smtp.maxFrequencyMs > Date.now()) {
		throw tooSoon(last + o.smtp.maxFrequencyMs - Date.now());
	}
	if (!ctx.limiter.allow('email', o.rateLimits.emailSent)) {
		throw tooManyRequests('over_email_send_rate_limit', 'email rate limit exceeded');
	}
	ctx.unknownRecoveries.record(email, o.smtp.maxFrequencyMs);
	await decoyMail(ctx);
}

/** @param {Ctx} ctx */
export async function recover(ctx) {
	const o = ctx.opts;
	// GoTrue limits /recover per client with its OTP limit (the local stack's sign-in/sign-up limit);
	// each mail also counts against the global hourly e-mail budget.
	rateLimit(ctx, 'recover', 'signInSignUps');
	if (!o.providers.email) throw badRequest('email_provider_disabled', 'Email logins are disabled');
	const body = await readBody(ctx.req);
	if (!str(body.email))
		throw badRequest('validation_failed', 'Password recovery requires an email');
	const email = validateEmail(str(body.email));
	const pkce = pkceParams(body);
	const redirectTo = resolveRedirect(
		ctx.url.searchParams.get('redirect_to') ?? str(body.redirect_to),
		o
	);
	const user = await findUserByEmail(ctx.pool, email, o.jwtAud);
	// Unknown addresses get the same answers: the endpoint must not reveal who has an account.
	if (!user) {
		await recoverUnknown(ctx, email);
		return sendJson(ctx.res, 200, {});
	}
	await transaction(ctx.pool, async (client) => {
		const fresh = await client.query('select * from auth.users where id = $1 for update', [
			user.id
		]);
		if (pkce) await createFlowState(client, user.id, 'recovery', pkce);
		await audit(client, user, 'user_recovery_requested', ctx.ip);
		await sendTokenMail(client, ctx, fresh.rows[0], 'recovery', {
			redirectTo,
			pkce: Boolean(pkce)
		});
	});
	sendJson(ctx.res, 200, {});
}

/** @type {Record<string, string[]>} */
const OTT_TYPES = {
	recovery: ['recovery_token'],
	magiclink: ['recovery_token'],
	signup: ['confirmation_token'],
	invite: ['confirmation_token'],
	email_change: ['email_change_token_new', 'email_change_token_current'],
	email: ['confirmation_token', 'recovery_token']
};

/** GoTrue's authentication method names for flow_state / amr, per verification type. */
const AUTH_METHOD = /** @type {Record<string, string>} */ ({
	recovery: 'recovery',
	magiclink: 'magiclink',
	signup: 'email/signup',
	invite: 'invite',
	email_change: 'email_change',
	email: 'otp'
});

/**
 * Finds the user a mailed token belongs to and applies its effect (confirm, recover, change email).
 * @param {import('pg').ClientBase} client @param {Ctx} ctx
 * @param {{ type: string, tokenHash?: string, email?: string, otp?: string }} p
 */
async function consumeToken(client, ctx, p) {
	const o = ctx.opts;
	const types = OTT_TYPES[p.type];
	if (!types) throw badRequest('validation_failed', 'Unsupported verification type');
	/** @type {any} */
	let user;
	let hash = p.tokenHash ?? '';
	let type = p.type;
	if (p.tokenHash) {
		const { rows } = await client.query(
			`select user_id, token_type from auth.one_time_tokens where token_hash = $1 and token_type = any($2::auth.one_time_token_type[])
			 limit 1`,
			[p.tokenHash, types]
		);
		if (!rows[0]) throw forbidden('otp_expired', 'Email link is invalid or has expired');
		user = await findUserById(client, rows[0].user_id);
		if (p.type === 'email') type = rows[0].token_type === 'recovery_token' ? 'magiclink' : 'signup';
	} else {
		user = await findUserByEmail(client, p.email ?? '', o.jwtAud);
		const expired = () => forbidden('otp_expired', 'Token has expired or is invalid');
		if (!user) throw expired();
		const recipient = p.type === 'email_change' ? user.email_change || user.email : user.email;
		const computed = tokenHash(recipient, p.otp ?? '');
		/** @type {Record<string, string>} */
		const columns = {
			recovery_token: 'recovery_token',
			confirmation_token: 'confirmation_token',
			email_change_token_new: 'email_change_token_new',
			email_change_token_current: 'email_change_token_current'
		};
		const match = types.find((t) => {
			const stored = user[columns[t] ?? ''];
			return stored && (stored === computed || stored === PKCE_PREFIX + computed);
		});
		if (!match) throw expired();
		hash = user[columns[match] ?? ''];
		if (p.type === 'email') type = match === 'recovery_token' ? 'magiclink' : 'signup';
	}
	if (!user) throw forbidden('otp_expired', 'Email link is invalid or has expired');
	if (isBanned(user)) throw forbidden('user_banned', 'User is banned');
	const sentAt =
		type === 'signup' || type === 'invite'
			? user.confirmation_sent_at
			: type === 'email_change'
				? user.email_change_sent_at
				: user.recovery_sent_at;
	if (!sentAt || new Date(sentAt).getTime() + o.otpExp * 1000 < Date.now()) {
		throw forbidden(
			'otp_expired',
			p.tokenHash ? 'Email link is invalid or has expired' : 'Token has expired or is invalid'
		);
	}

	if (type === 'recovery' || type === 'magiclink') {
		await client.query(
			`update auth.users set recovery_token = '', updated_at = now() where id = $1`,
			[user.id]
		);
		await client.query('delete from auth.one_time_tokens where user_id = $1', [user.id]);
		if (!user.email_confirmed_at) {
			await audit(client, user, 'user_signedup', ctx.ip, { provider: 'email' });
			await confirmEmail(client, user.id);
		} else {
			await audit(client, user, 'login', ctx.ip);
		}
	} else if (type === 'signup' || type === 'invite') {
		await audit(client, user, 'user_signedup', ctx.ip, { provider: 'email' });
		await confirmEmail(client, user.id);
		await client.query(
			`delete from auth.one_time_tokens where user_id = $1 and token_type = 'confirmation_token'`,
			[user.id]
		);
	} else if (type === 'email_change') {
		const newEmail = user.email_change;
		await client.query(
			`update auth.users set email = $2, email_change = '', email_change_token_new = '', email_change_token_current = '',
			 email_change_sent_at = null, email_change_confirm_status = 0, email_confirmed_at = now(), updated_at = now()
			 where id = $1`,
			[user.id, newEmail]
		);
		await client.query(
			`update auth.identities set identity_data = identity_data || jsonb_build_object('email', $2::text, 'email_verified', true),
			 updated_at = now() where user_id = $1 and provider = 'email'`,
			[user.id, newEmail]
		);
		await client.query(
			`delete from auth.one_time_tokens where user_id = $1 and token_type in ('email_change_token_new', 'email_change_token_current')`,
			[user.id]
		);
		await audit(client, user, 'user_modified', ctx.ip);
	}
	return { user, type, hash };
}

/** @param {Ctx} ctx */
export async function verifyGet(ctx) {
	const o = ctx.opts;
	rateLimit(ctx, 'verify', 'verify');
	const q = ctx.url.searchParams;
	const type = q.get('type') ?? '';
	const tokenParam = q.get('token') ?? '';
	if (!type) throw badRequest('validation_failed', 'Verify requires a verification type');
	if (!tokenParam) throw badRequest('validation_failed', 'Verify requires a token or a token hash');
	// As GoTrue's GetReferrer: redirect_to if allowed, else the Referer if allowed, else the site URL.
	const redirectTo =
		allowedRedirect(q.get('redirect_to'), o) ??
		allowedRedirect(header(ctx.req, 'referer'), o) ??
		o.siteUrl;
	const pkce = tokenParam.startsWith(PKCE_PREFIX);
	let location;
	try {
		location = await transaction(ctx.pool, async (client) => {
			const { user, type: appliedType } = await consumeToken(client, ctx, {
				type,
				tokenHash: tokenParam
			});
			if (pkce) {
				const { rows } = await client.query(
					`update auth.flow_state set auth_code_issued_at = now(), updated_at = now()
					 where id = (select id from auth.flow_state where user_id = $1 and authentication_method = $2
					             order by created_at desc limit 1)
					 returning auth_code`,
					[user.id, AUTH_METHOD[appliedType]]
				);
				if (!rows[0])
					throw badRequest(
						'flow_state_not_found',
						'No associated flow state found. flow state not found'
					);
				const u = new URL(redirectTo);
				u.searchParams.set('code', rows[0].auth_code);
				return u.toString();
			}
			const s = await issueSession(client, ctx, user.id, 'otp');
			const fragment = new URLSearchParams(
				Object.entries({
					access_token: s.access_token,
					expires_at: String(s.expires_at),
					expires_in: String(s.expires_in),
					refresh_token: s.refresh_token,
					sb: '',
					token_type: s.token_type,
					type
				})
			);
			return `${redirectTo}#${fragment.toString()}`;
		});
	} catch (e) {
		if (!(e instanceof AuthError)) throw e;
		location = errorRedirect(redirectTo, e, pkce);
	}
	redirect(ctx.res, location);
}

/**
 * GoTrue reports verification failures to the browser in the redirect's fragment (and, for PKCE,
 * also in its query).
 * @param {string} target @param {AuthError} err @param {boolean} pkce
 */
export function errorRedirect(target, err, pkce) {
	/** @type {Record<number, string>} */
	const oauthError = {
		400: 'invalid_request',
		401: 'unauthorized_client',
		403: 'access_denied',
		500: 'server_error',
		503: 'temporarily_unavailable'
	};
	let u;
	try {
		u = new URL(target);
	} catch {
		return target;
	}
	const entries = /** @type {[string, string][]} */ ([]);
	const oauth = oauthError[err.status];
	if (oauth) entries.push(['error', oauth]);
	entries.push(['error_code', err.errorCode], ['error_description', err.message]);
	if (pkce) for (const [k, v] of entries) u.searchParams.set(k, v);
	const fragment = new URLSearchParams([...entries, ['sb', '']]);
	u.hash = '';
	return `${u.toString()}#${fragment.toString()}`;
}

/** @param {Ctx} ctx */
export async function verifyPost(ctx) {
	rateLimit(ctx, 'verify', 'verify');
	const body = await readBody(ctx.req);
	const type = str(body.type);
	const otp = str(body.token);
	const hash = str(body.token_hash);
	if (!type) throw badRequest('validation_failed', 'Verify requires a verification type');
	if ((!otp && !hash) || (otp && hash)) {
		throw badRequest('validation_failed', 'Verify requires either a token or a token hash');
	}
	/** @type {string | undefined} */
	let email;
	if (otp && str(body.phone) && !str(body.email)) return phoneVerify(ctx, body, issueSession);
	if (otp) {
		if (str(body.phone) && str(body.email))
			throw badRequest(
				'validation_failed',
				'Only an email address or phone number should be provided on verify'
			);
		try {
			email = validateEmail(str(body.email));
		} catch {
			throw unprocessable('validation_failed', 'Invalid email format');
		}
	} else if (str(body.email) || str(body.phone) || str(body.redirect_to)) {
		throw badRequest('validation_failed', 'Only the token_hash and type should be provided');
	}
	const session = await transaction(ctx.pool, async (client) => {
		const { user } = await consumeToken(
			client,
			ctx,
			hash ? { type, tokenHash: hash } : { type, email, otp }
		);
		return issueSession(client, ctx, user.id, 'otp');
	});
	sendJson(ctx.res, 200, session);
}

export { sendTokenMail, issueSession, pkceParams, createFlowState, recoverUnknown };
