// @ts-check
// Passwordless e-mail and the mails that go with it, as GoTrue answers them: POST /otp (a magic link
// that also carries a one-time code; phone codes where GoTrue would ask its SMS provider), POST
// /resend (signup, email_change, sms, phone_change) and POST /invite (admin).
import crypto from 'node:crypto';
import {
	AuthError,
	alreadyRegistered,
	badRequest,
	tooManyRequests,
	unprocessable
} from './errors.js';
import { readBody, sendJson, str, transaction, validateEmail } from './http.js';
import { hashPassword } from './passwords.js';
import { resolveRedirect } from './redirect.js';
import {
	createFlowState,
	pkceParams,
	rateLimit,
	recoverUnknown as unknownAddressMail,
	sendTokenMail
} from './routes.js';
import { requireAdmin } from './admin.js';
import { generateOtp, tokenHash } from './tokens.js';
import { audit } from './audit.js';
import { findUserByEmail, findUserById, insertUser, loadUserJson } from './users.js';
import { mailLocale } from './mail.js';
import { findUserByPhone, sendPhoneCode, validatePhone } from './phone.js';

/** @typedef {import('./routes.js').Ctx} Ctx */

const isObject = (/** @type {unknown} */ v) =>
	Boolean(v) && typeof v === 'object' && !Array.isArray(v);

/**
 * The local stack has no SMS provider: where GoTrue would hand a code to one, it answers that it could
 * not get one (GoTrue's answer when GOTRUE_SMS_PROVIDER is unset or its credentials are missing).
 */
const noSmsProvider = () => new AuthError(500, 'unexpected_failure', 'Unable to get SMS provider');

/** @param {Ctx} ctx */
export async function otp(ctx) {
	const o = ctx.opts;
	rateLimit(ctx, 'otp', 'signInSignUps');
	const body = await readBody(ctx.req);
	const emailIn = str(body.email);
	const phoneIn = str(body.phone);
	if (emailIn && phoneIn) {
		throw badRequest(
			'validation_failed',
			'Only an email address or phone number should be provided'
		);
	}
	if (emailIn && str(body.channel)) {
		throw badRequest('validation_failed', 'Channel should only be specified with Phone OTP');
	}
	const pkce = pkceParams(body);
	const createUser = body.create_user !== false;
	const data = isObject(body.data) ? body.data : {};

	if (emailIn) {
		const email = validateEmail(emailIn);
		const user = await findUserByEmail(ctx.pool, email, o.jwtAud);
		if (!user && !createUser) {
			// GoTrue answers 422 otp_disabled. An app that hides who has an account shows this answer
			// like a sent link, so it comes after the same work and within the same limits as a mail.
			await unknownAddressMail(ctx, email);
			throw unprocessable('otp_disabled', 'Signups not allowed for otp');
		}
		const redirectTo = resolveRedirect(ctx.url.searchParams.get('redirect_to'), o);
		if (!user || !user.email_confirmed_at) {
			// A new or unconfirmed address signs up first (GoTrue runs its sign-up with a random
			// password): a confirmation mail, or with autoconfirm an account and then the magic link.
			if (o.disableSignup)
				throw unprocessable('signup_disabled', 'Signups not allowed for this instance');
			const confirmed = await signUpForOtp(ctx, user, email, data, pkce, redirectTo);
			if (!confirmed) return sendJson(ctx.res, 200, {});
			return sendMagicLink(ctx, confirmed, pkce, redirectTo);
		}
		return sendMagicLink(ctx, user, pkce, redirectTo);
	}
	if (phoneIn) {
		if (!o.providers.phone)
			throw badRequest('phone_provider_disabled', 'Unsupported phone provider');
		const channel = str(body.channel) || 'sms';
		const phone = validatePhone(phoneIn);
		if (channel !== 'sms' && channel !== 'whatsapp')
			throw badRequest(
				'validation_failed',
				'Invalid channel, supported values are sms or whatsapp'
			);
		const user = await findUserByPhone(ctx.pool, phone, o.jwtAud);
		if (!user && !createUser) throw unprocessable('otp_disabled', 'Signups not allowed for otp');
		if (!user) throw noSmsProvider();
		await transaction(ctx.pool, (client) =>
			sendPhoneCode(client, ctx, user, phone, 'confirmation')
		);
		return sendJson(ctx.res, 200, {});
	}
	throw badRequest('validation_failed', 'One of email or phone must be set');
}

/**
 * @param {Ctx} ctx @param {any} existing an unconfirmed account for the address, or null
 * @param {string} email @param {Record<string, unknown>} data
 * @param {{ challenge: string, method: 's256' | 'plain' } | null} pkce @param {string} redirectTo
 * @returns {Promise<any>} the account when it is confirmed now (autoconfirm), else null
 */
async function signUpForOtp(ctx, existing, email, data, pkce, redirectTo) {
	const o = ctx.opts;
	const passwordHash = existing
		? ''
		: await hashPassword(crypto.randomBytes(33).toString('base64url'));
	return transaction(ctx.pool, async (client) => {
		let user = existing;
		if (!user) {
			const id = await insertUser(
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
			user = await findUserById(client, id);
			if (o.mailerAutoconfirm) {
				await audit(client, user, 'user_signedup', ctx.ip, { provider: 'email' });
				return user;
			}
		} else if (o.mailerAutoconfirm) {
			await client.query(
				`update auth.users set email_confirmed_at = now(), updated_at = now() where id = $1`,
				[user.id]
			);
			return findUserById(client, user.id);
		}
		await audit(client, user, 'user_confirmation_requested', ctx.ip, { provider: 'email' });
		if (pkce) await createFlowState(client, user.id, 'email/signup', pkce);
		await sendTokenMail(client, ctx, user, 'signup', { redirectTo, pkce: Boolean(pkce) });
		return null;
	});
}

/**
 * @param {Ctx} ctx @param {any} user a confirmed account
 * @param {{ challenge: string, method: 's256' | 'plain' } | null} pkce @param {string} redirectTo
 */
async function sendMagicLink(ctx, user, pkce, redirectTo) {
	await transaction(ctx.pool, async (client) => {
		const { rows } = await client.query('select * from auth.users where id = $1 for update', [
			user.id
		]);
		if (pkce) await createFlowState(client, user.id, 'magiclink', pkce);
		await audit(client, user, 'user_recovery_requested', ctx.ip);
		await sendTokenMail(client, ctx, rows[0], 'magiclink', { redirectTo, pkce: Boolean(pkce) });
	});
	sendJson(ctx.res, 200, {});
}

const RESEND_TYPES = ['signup', 'email_change', 'sms', 'phone_change'];

/** @param {Ctx} ctx */
export async function resend(ctx) {
	const o = ctx.opts;
	rateLimit(ctx, 'resend', 'signInSignUps');
	const body = await readBody(ctx.req);
	const type = str(body.type);
	if (!RESEND_TYPES.includes(type)) {
		throw badRequest(
			'validation_failed',
			'Missing one of these types: signup, email_change, sms, phone_change'
		);
	}
	const pkce = type === 'signup' || type === 'email_change' ? pkceParams(body) : null;
	const emailIn = str(body.email);
	const phoneIn = str(body.phone);
	if (!emailIn && type === 'signup')
		throw badRequest('validation_failed', 'Type provided requires an email address');
	if (!phoneIn && type === 'sms')
		throw badRequest('validation_failed', 'Type provided requires a phone number');
	if (emailIn && phoneIn) {
		throw badRequest(
			'validation_failed',
			'Only an email address or phone number should be provided.'
		);
	}
	if (!emailIn && !phoneIn)
		throw badRequest('validation_failed', 'Missing email address or phone number');

	if (phoneIn) {
		if (!o.providers.phone)
			throw badRequest('phone_provider_disabled', 'Phone logins are disabled');
		const phone = validatePhone(phoneIn);
		const user = await findUserByPhone(ctx.pool, phone, o.jwtAud);
		if (!user) return sendJson(ctx.res, 200, {});
		if (type === 'sms' && user.phone_confirmed_at) return sendJson(ctx.res, 200, {});
		if (type === 'phone_change' && !user.phone_change) return sendJson(ctx.res, 200, {});
		if (type === 'signup' && user.email_confirmed_at) return sendJson(ctx.res, 200, {});
		if (type === 'email_change' && !user.email_change) return sendJson(ctx.res, 200, {});
		if (type === 'sms' || type === 'phone_change') {
			const otpType = type === 'sms' ? 'confirmation' : 'phone_change';
			const to = type === 'sms' ? phone : user.phone_change;
			await transaction(ctx.pool, (client) => sendPhoneCode(client, ctx, user, to, otpType));
			return sendJson(ctx.res, 200, {});
		}
		return resendMail(ctx, user, type, pkce);
	}

	const email = validateEmail(emailIn);
	const user = await findUserByEmail(ctx.pool, email, o.jwtAud);
	// No mail to send (no account, already confirmed, no pending change): GoTrue answers {} at once.
	// Here the answer also comes after the work and within the limits of a mail, so that it does not
	// tell whether the address has an account waiting for a confirmation.
	const nothingToSend =
		!user ||
		(type === 'signup' && user.email_confirmed_at) ||
		(type === 'email_change' && !user.email_change) ||
		type === 'sms' ||
		(type === 'phone_change' && !user.phone_change);
	if (nothingToSend) {
		await unknownAddressMail(ctx, email);
		return sendJson(ctx.res, 200, {});
	}
	if (type === 'phone_change') throw noSmsProvider();
	return resendMail(ctx, user, type, pkce);
}

/**
 * @param {Ctx} ctx @param {any} user @param {string} type signup or email_change
 * @param {{ challenge: string, method: 's256' | 'plain' } | null} pkce
 */
async function resendMail(ctx, user, type, pkce) {
	const redirectTo = resolveRedirect(ctx.url.searchParams.get('redirect_to'), ctx.opts);
	await transaction(ctx.pool, async (client) => {
		const { rows } = await client.query('select * from auth.users where id = $1 for update', [
			user.id
		]);
		const fresh = rows[0];
		if (type === 'signup') {
			await audit(client, fresh, 'user_confirmation_requested', ctx.ip, { provider: 'email' });
			if (pkce) await createFlowState(client, fresh.id, 'email/signup', pkce);
			await sendTokenMail(client, ctx, fresh, 'signup', { redirectTo, pkce: Boolean(pkce) });
		} else {
			if (pkce) await createFlowState(client, fresh.id, 'email_change', pkce);
			await sendTokenMail(client, ctx, fresh, 'email_change', {
				redirectTo,
				pkce: Boolean(pkce),
				newEmail: fresh.email_change
			});
		}
	});
	sendJson(ctx.res, 200, {});
}

/** POST /invite (admin): an account without a password and a mail with a link that confirms it. @param {Ctx} ctx */
export async function invite(ctx) {
	const admin = requireAdmin(ctx);
	const o = ctx.opts;
	const body = await readBody(ctx.req);
	const email = validateEmail(str(body.email));
	const data = isObject(body.data) ? body.data : {};
	const redirectTo = resolveRedirect(ctx.url.searchParams.get('redirect_to'), o);
	const existing = await findUserByEmail(ctx.pool, email, o.jwtAud);
	if (existing?.email_confirmed_at) {
		throw unprocessable(
			'email_exists',
			'A user with this email address has already been registered'
		);
	}
	const user = await transaction(ctx.pool, async (client) => {
		let id = existing?.id;
		if (!id) {
			try {
				id = await insertUser(client, {
					email,
					passwordHash: '',
					aud: o.jwtAud,
					role: 'authenticated',
					userMetadata: data,
					confirmed: false
				});
			} catch (e) {
				if (/** @type {any} */ (e).code === '23505')
					throw unprocessable(
						'email_exists',
						'A user with this email address has already been registered'
					);
				throw e;
			}
		}
		const invited = await findUserById(client, id);
		await audit(client, admin, 'user_invited', ctx.ip, { user_id: id, user_email: email });
		// GoTrue keeps no per-address frequency for invites; the global mail budget still counts.
		if (!ctx.limiter.allow('email', o.rateLimits.emailSent)) {
			throw tooManyRequests('over_email_send_rate_limit', 'email rate limit exceeded');
		}
		const code = generateOtp(o.otpLength);
		const hash = tokenHash(email, code);
		await client.query(
			`update auth.users set confirmation_token = $2, confirmation_sent_at = now(), invited_at = now(),
			 updated_at = now() where id = $1`,
			[id, hash]
		);
		await client.query(
			`delete from auth.one_time_tokens where user_id = $1 and token_type = 'confirmation_token'`,
			[id]
		);
		await client.query(
			`insert into auth.one_time_tokens (id, user_id, token_type, token_hash, relates_to, created_at, updated_at)
			 values (gen_random_uuid(), $1, 'confirmation_token', $2, $3, now(), now())`,
			[id, hash, email]
		);
		await ctx.mailer.send('invite', {
			to: email,
			link: `${o.apiExternalUrl}${o.recoveryPath}?token=${hash}&type=invite&redirect_to=${encodeURIComponent(redirectTo)}`,
			otp: code,
			expiresInMinutes: Math.round(o.otpExp / 60),
			locale: mailLocale(invited.raw_user_meta_data)
		});
		return loadUserJson(client, id);
	});
	sendJson(ctx.res, 200, user);
}
