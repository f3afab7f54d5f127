// @ts-check
// Phone sign-up, phone password sign-in and phone code verification (GoTrue's phone.go, the phone parts
// of signup.go, token.go and verify.go). The service sends no SMS: with SMS autoconfirm no message is
// needed; otherwise a code is "sent" only to numbers listed in GOTRUE_SMS_TEST_OTP, and any other number
// gets the answer GoTrue gives when its provider cannot send (500 when the provider's settings are
// incomplete, as with the auth-js suite's empty Twilio credentials; 422 sms_send_failed otherwise).
import { AuthError, badRequest, forbidden, tooManyRequests, unprocessable } from './errors.js';
import { sendJson, str, transaction } from './http.js';
import { hashPassword, passwordMatches } from './passwords.js';
import { formatPhone, smsProviderProblem, testOtpFor } from './providers-config.js';
import { tokenHash } from './tokens.js';
import { findUserById, isBanned, loadUserJson } from './users.js';
import { insertUserWithoutEmail, refreshProviders } from './new-users.js';
import { audit } from './audit.js';
import { lookAlikeUser } from './routes.js';

/** @typedef {import('./routes.js').Ctx} Ctx */

const E164 = /^[1-9][0-9]{1,14}$/;
/** GoTrue's global budget of SMS per hour (GOTRUE_RATE_LIMIT_SMS_SENT's default). */
const SMS_SENT = { events: 30, windowMs: 3_600_000 };

/** GoTrue's validatePhone: "+" and spaces dropped, then E.164 digits. @param {string} phone */
export function validatePhone(phone) {
	const formatted = formatPhone(phone);
	if (!E164.test(formatted))
		throw badRequest('validation_failed', 'Invalid phone number format (E.164 required)');
	return formatted;
}

/** @param {import('pg').ClientBase | import('pg').Pool} db @param {string} phone @param {string} aud */
export async function findUserByPhone(db, phone, aud) {
	const { rows } = await db.query(
		`select * from auth.users where instance_id = '00000000-0000-0000-0000-000000000000'
		 and phone = $1 and aud = $2 and is_sso_user = false`,
		[phone, aud]
	);
	return rows[0] ?? null;
}

/**
 * GoTrue's message channels: sms always, whatsapp only with Twilio.
 * @param {Ctx} ctx @param {string} channel
 */
function checkChannel(ctx, channel) {
	const provider = ctx.opts.providers.sms.provider;
	const ok =
		channel === 'sms' ||
		(channel === 'whatsapp' && (provider === 'twilio' || provider === 'twilio_verify'));
	if (!ok)
		throw badRequest(
			'validation_failed',
			"Invalid channel, supported values are 'sms' or 'whatsapp'"
		);
}

/**
 * Stores a phone code for the user and "sends" it (GoTrue's sendPhoneConfirmation).
 * @param {import('pg').ClientBase} client @param {Ctx} ctx @param {any} user
 * @param {string} phone @param {'confirmation' | 'phone_change' | 'reauthentication'} otpType
 */
export async function sendPhoneCode(client, ctx, user, phone, otpType) {
	const sms = ctx.opts.providers.sms;
	const column = {
		confirmation: 'confirmation',
		phone_change: 'phone_change',
		reauthentication: 'reauthentication'
	}[otpType];
	const sentAt = user[`${column}_sent_at`];
	if (sentAt && new Date(sentAt).getTime() + sms.maxFrequencyMs > Date.now()) {
		const left = Math.floor((new Date(sentAt).getTime() + sms.maxFrequencyMs - Date.now()) / 1000);
		throw tooManyRequests(
			'over_sms_send_rate_limit',
			`For security purposes, you can only request this after ${left} seconds.`
		);
	}
	let otp = testOtpFor(sms, phone);
	if (otp === null) {
		if (!sms.autoconfirm && !ctx.limiter.allow('sms', SMS_SENT))
			throw tooManyRequests('over_sms_send_rate_limit', 'SMS rate limit exceeded');
		// A real provider would be given a fresh code (generateOtp) here; none is reachable from here.
		if (smsProviderProblem(sms))
			throw new AuthError(500, 'unexpected_failure', 'Unable to get SMS provider');
		throw unprocessable(
			'sms_send_failed',
			`Error sending ${otpType} OTP to provider: the local auth service does not send SMS (list the number in GOTRUE_SMS_TEST_OTP)`
		);
	}
	const hash = tokenHash(phone, otp);
	const ottType = `${column}_token`;
	if (otpType === 'phone_change') {
		await client.query(
			`update auth.users set phone_change = $2, phone_change_token = $3, phone_change_sent_at = now() where id = $1`,
			[user.id, phone, hash]
		);
	} else {
		await client.query(
			`update auth.users set ${column}_token = $2, ${column}_sent_at = now() where id = $1`,
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
		[user.id, ottType, hash, phone]
	);
}

/**
 * POST /signup with a phone number; the common checks (password, strength, not both) are done.
 * @param {Ctx} ctx @param {Record<string, any>} body
 * @param {(client: import('pg').ClientBase, ctx: Ctx, userId: string, method: string) => Promise<any>} issueSession
 */
export async function phoneSignup(ctx, body, issueSession) {
	const o = ctx.opts;
	const channel = str(body.channel) || 'sms';
	checkChannel(ctx, channel);
	if (str(body.code_challenge))
		throw badRequest('validation_failed', 'PKCE not supported for phone signups');
	if (!o.providers.phone) throw badRequest('phone_provider_disabled', 'Phone signups are disabled');
	const phone = validatePhone(str(body.phone));
	const data =
		body.data && typeof body.data === 'object' && !Array.isArray(body.data) ? body.data : {};
	const autoconfirm = o.providers.sms.autoconfirm;
	// Hashed whether or not the number is taken, as for an email sign-up: a taken number must cost
	// what a new one costs, or the answer time tells which numbers have an account.
	const passwordHash = await hashPassword(str(body.password));
	const existing = await findUserByPhone(ctx.pool, phone, o.jwtAud);
	if (existing?.phone_confirmed_at) {
		await audit(ctx.pool, existing, 'user_repeated_signup', ctx.ip, { provider: 'phone' });
		if (o.mailerAutoconfirm || autoconfirm)
			throw unprocessable('user_already_exists', 'User already registered');
		const look = lookAlikeUser(existing, o.jwtAud, data);
		return sendJson(ctx.res, 200, {
			...look,
			email: '',
			app_metadata: { provider: 'phone', providers: ['phone'] }
		});
	}
	const result = await transaction(ctx.pool, async (client) => {
		let userId = existing?.id;
		if (!userId) {
			try {
				userId = await insertUserWithoutEmail(client, {
					phone,
					passwordHash,
					aud: o.jwtAud,
					userMetadata: data
				});
			} catch (e) {
				if (/** @type {any} */ (e).code === '23505')
					throw unprocessable('phone_exists', 'Phone number already registered by another user');
				throw e;
			}
		}
		const user = await findUserById(client, userId);
		if (autoconfirm) {
			await audit(client, user, 'user_signedup', ctx.ip, { provider: 'phone', channel });
			await confirmPhone(client, userId);
			await audit(client, user, 'login', ctx.ip, { provider: 'phone' });
			return { session: await issueSession(client, ctx, userId, 'password') };
		}
		await audit(client, user, 'user_confirmation_requested', ctx.ip, { provider: 'phone' });
		await sendPhoneCode(client, ctx, user, phone, 'confirmation');
		return { user: await loadUserJson(client, userId) };
	});
	sendJson(ctx.res, 200, result.session ?? result.user);
}

/** @param {import('pg').ClientBase} db @param {string} userId */
async function confirmPhone(db, userId) {
	await db.query(
		`update auth.users set phone_confirmed_at = coalesce(phone_confirmed_at, now()), confirmation_token = '',
		 updated_at = now() where id = $1`,
		[userId]
	);
	await db.query(
		`update auth.identities set identity_data = identity_data || '{"phone_verified": true}'::jsonb, updated_at = now()
		 where user_id = $1 and provider = 'phone'`,
		[userId]
	);
	await db.query(
		`delete from auth.one_time_tokens where user_id = $1 and token_type = 'confirmation_token'`,
		[userId]
	);
}

/**
 * POST /token?grant_type=password with a phone number.
 * @param {Ctx} ctx @param {Record<string, any>} body
 * @param {(client: import('pg').ClientBase, ctx: Ctx, userId: string, method: string) => Promise<any>} issueSession
 */
export async function phonePasswordGrant(ctx, body, issueSession) {
	const o = ctx.opts;
	if (!o.providers.phone)
		throw unprocessable('phone_provider_disabled', 'Phone logins are disabled');
	const phone = formatPhone(str(body.phone));
	const user = await findUserByPhone(ctx.pool, phone, o.jwtAud);
	if (user?.encrypted_password && isBanned(user)) throw badRequest('user_banned', 'User is banned');
	if (!(await passwordMatches(user, str(body.password))))
		throw badRequest('invalid_credentials', 'Invalid login credentials');
	if (!user.phone_confirmed_at) throw badRequest('phone_not_confirmed', 'Phone not confirmed');
	const session = await transaction(ctx.pool, async (client) => {
		await audit(client, user, 'login', ctx.ip, { provider: 'phone' });
		return issueSession(client, ctx, user.id, 'password');
	});
	sendJson(ctx.res, 200, session);
}

/**
 * POST /verify with a phone number and a code (types sms and phone_change).
 * @param {Ctx} ctx @param {Record<string, any>} body
 * @param {(client: import('pg').ClientBase, ctx: Ctx, userId: string, method: string) => Promise<any>} issueSession
 */
export async function phoneVerify(ctx, body, issueSession) {
	const o = ctx.opts;
	const type = str(body.type);
	const otp = str(body.token);
	const phone = validatePhone(str(body.phone));
	const invalid = () => forbidden('otp_expired', 'Token has expired or is invalid');
	const session = await transaction(ctx.pool, async (client) => {
		const column = type === 'phone_change' ? 'phone_change' : 'phone';
		if (type !== 'sms' && type !== 'phone_change') throw invalid();
		const { rows } = await client.query(
			`select * from auth.users where ${column} = $1 and aud = $2 and is_sso_user = false for update`,
			[phone, o.jwtAud]
		);
		const user = rows[0];
		if (!user) throw invalid();
		if (isBanned(user)) throw forbidden('user_banned', 'User is banned');
		const fixed = testOtpFor(o.providers.sms, phone);
		if (fixed === null || fixed !== otp) {
			const expected = type === 'sms' ? user.confirmation_token : user.phone_change_token;
			const sentAt = type === 'sms' ? user.confirmation_sent_at : user.phone_change_sent_at;
			const valid =
				expected &&
				sentAt &&
				new Date(sentAt).getTime() + o.providers.sms.otpExp * 1000 >= Date.now() &&
				expected === tokenHash(type === 'sms' ? phone : user.phone_change, otp);
			if (!valid) throw invalid();
		}
		if (type === 'sms') {
			await audit(client, user, 'user_signedup', ctx.ip);
			await confirmPhone(client, user.id);
		} else {
			await audit(client, user, 'user_modified', ctx.ip);
			const { rowCount } = await client.query(
				`update auth.identities set identity_data = identity_data || jsonb_build_object('phone', $2::text, 'phone_verified', true),
				 updated_at = now() where user_id = $1 and provider = 'phone'`,
				[user.id, phone]
			);
			if (!rowCount) {
				await client.query(
					`insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
					 values ($1::text, $1::uuid, $2, 'phone', now(), now(), now())`,
					[user.id, JSON.stringify({ sub: user.id, phone, phone_verified: true })]
				);
			}
			await client.query(
				`update auth.users set phone = phone_change, phone_change = '', phone_change_token = '',
				 phone_change_sent_at = null, phone_confirmed_at = now(), updated_at = now() where id = $1`,
				[user.id]
			);
			await client.query(
				`delete from auth.one_time_tokens where user_id = $1 and token_type = 'phone_change_token'`,
				[user.id]
			);
		}
		if (user.is_anonymous)
			await client.query('update auth.users set is_anonymous = false where id = $1', [user.id]);
		await refreshProviders(client, user.id);
		return issueSession(client, ctx, user.id, 'otp');
	});
	sendJson(ctx.res, 200, session);
}
