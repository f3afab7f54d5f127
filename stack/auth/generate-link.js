// @ts-check
// POST /admin/generate_link (GoTrue's adminGenerateLink): stores a mailed token without sending the mail
// and answers with the user, the action link, the code and its hash. Types: signup, magiclink (a
// sign-up when the address has no account), recovery, email_change_current and email_change_new
// (GoTrue's secure email change, on by default there).
import crypto from 'node:crypto';
import { badRequest, notFound, unprocessable } from './errors.js';
import { str, transaction, validateEmail } from './http.js';
import { checkPasswordStrength, hashPassword } from './passwords.js';
import { resolveRedirect } from './redirect.js';
import { generateOtp, tokenHash } from './tokens.js';
import { audit } from './audit.js';
import { findUserByEmail, findUserById, insertUser, loadUserJson } from './users.js';

/** @typedef {import('./routes.js').Ctx} Ctx */

const TYPES = ['signup', 'magiclink', 'recovery', 'email_change_current', 'email_change_new'];

/** @param {unknown} v */
const isObject = (v) => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

/**
 * @param {import('pg').ClientBase} client @param {string} userId @param {string} type
 * @param {string} hash @param {string} relatesTo
 */
async function storeToken(client, userId, type, hash, relatesTo) {
	await client.query('delete from auth.one_time_tokens where user_id = $1 and token_type = $2', [
		userId,
		type
	]);
	await client.query(
		`insert into auth.one_time_tokens (id, user_id, token_type, token_hash, relates_to, created_at, updated_at)
		 values (gen_random_uuid(), $1, $2, $3, $4, now(), now())`,
		[userId, type, hash, relatesTo.toLowerCase()]
	);
}

/**
 * @param {Ctx} ctx @param {Record<string, any>} body
 * @returns {Promise<Record<string, unknown>>}
 */
export async function linkFor(ctx, body) {
	const o = ctx.opts;
	let type = str(body.type);
	const email = validateEmail(str(body.email));
	const redirectTo = resolveRedirect(
		str(body.redirect_to) || ctx.url.searchParams.get('redirect_to'),
		o
	);
	let user = await findUserByEmail(ctx.pool, email, o.jwtAud);
	let password = str(body.password);
	if (!user) {
		if (type === 'magiclink') {
			// GoTrue makes the account, with a password nobody knows.
			type = 'signup';
			password = crypto.randomBytes(48).toString('base64url');
		} else if (['recovery', 'email_change_current', 'email_change_new'].includes(type)) {
			throw notFound('user_not_found', 'User with this email not found');
		}
	}
	if (!TYPES.includes(type))
		throw badRequest('validation_failed', `Invalid email action link type requested: ${type}`);
	if (type === 'signup' && !user && !password)
		throw badRequest('validation_failed', 'Signup requires a valid password');
	if (type === 'signup' && !user && str(body.password))
		checkPasswordStrength(password, o.passwordMinLength);
	let newEmail = '';
	if (type.startsWith('email_change_')) newEmail = validateEmail(str(body.new_email));
	const passwordHash = type === 'signup' && !user ? await hashPassword(password) : '';
	const otp = generateOtp(o.otpLength);
	const hash = tokenHash(email, otp);

	return transaction(ctx.pool, async (client) => {
		/** @type {string} */
		let linkToken = hash;
		if (type === 'signup') {
			if (user?.email_confirmed_at)
				throw unprocessable(
					'email_exists',
					'A user with this email address has already been registered'
				);
			if (!user) {
				const id = await insertUser(client, {
					email,
					passwordHash,
					aud: o.jwtAud,
					role: 'authenticated',
					userMetadata: isObject(body.data) ? body.data : {},
					confirmed: false
				});
				user = await findUserById(client, id);
			} else if (isObject(body.data)) {
				await client.query(
					`update auth.users set raw_user_meta_data = coalesce(raw_user_meta_data, '{}'::jsonb) || $2::jsonb where id = $1`,
					[user.id, JSON.stringify(body.data)]
				);
			}
			await client.query(
				'update auth.users set confirmation_token = $2, confirmation_sent_at = now() where id = $1',
				[user.id, hash]
			);
			await storeToken(client, user.id, 'confirmation_token', hash, email);
		} else if (type === 'magiclink' || type === 'recovery') {
			await audit(client, user, 'user_recovery_requested', ctx.ip);
			await client.query(
				'update auth.users set recovery_token = $2, recovery_sent_at = now() where id = $1',
				[user.id, hash]
			);
			await storeToken(client, user.id, 'recovery_token', hash, email);
		} else {
			const other = await findUserByEmail(client, newEmail, user.aud);
			if (other && other.id !== user.id)
				throw unprocessable(
					'email_exists',
					'A user with this email address has already been registered'
				);
			const current = type === 'email_change_current' ? hash : '';
			const next = type === 'email_change_new' ? tokenHash(newEmail, otp) : '';
			linkToken = current || next;
			await client.query(
				`update auth.users set email_change = $2, email_change_token_current = $3, email_change_token_new = $4,
				 email_change_sent_at = now(), email_change_confirm_status = 0 where id = $1`,
				[user.id, newEmail, current, next]
			);
			if (current) await storeToken(client, user.id, 'email_change_token_current', current, email);
			if (next) await storeToken(client, user.id, 'email_change_token_new', next, newEmail);
		}
		const linkType = type.startsWith('email_change_') ? 'email_change' : type;
		// GoTrue puts redirect_to into the link as it is, without percent-encoding it.
		const actionLink = `${o.apiExternalUrl}${o.recoveryPath}?token=${linkToken}&type=${linkType}&redirect_to=${redirectTo}`;
		return {
			...(await loadUserJson(client, user.id)),
			action_link: actionLink,
			email_otp: otp,
			hashed_token: hash,
			verification_type: type,
			redirect_to: redirectTo
		};
	});
}
