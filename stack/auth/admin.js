// @ts-check
// /admin endpoints, for tokens whose role is one of the admin roles (service_role).
import { AuthError, badRequest, forbidden, notFound, unprocessable } from './errors.js';
import { readBody, sendJson, transaction, str, validateEmail, UUID_RE } from './http.js';
import { hashPassword } from './passwords.js';
import { bearer, parseClaims, mergeMetadata } from './routes.js';
import { PKCE_PREFIX } from './tokens.js';
import { audit } from './audit.js';
import {
	INSTANCE_ID,
	confirmEmail,
	findIdentities,
	findUserByEmail,
	findUserById,
	insertUser,
	loadUserJson,
	userJson
} from './users.js';
import { parseDuration } from './config.js';
import { linkFor } from './generate-link.js';
import { findUserByPhone, validatePhone } from './phone.js';
import { attachPhone, insertUserWithoutEmail } from './new-users.js';

/** @typedef {import('./routes.js').Ctx} Ctx */

/** @param {Ctx} ctx */
export function requireAdmin(ctx) {
	const claims = parseClaims(ctx, bearer(ctx));
	if (!ctx.opts.jwtAdminRoles.includes(claims.role))
		throw forbidden('not_admin', 'User not allowed');
	// Audit rows need an actor; GoTrue uses the admin's role as its name.
	return {
		id:
			claims.sub && UUID_RE.test(claims.sub) ? claims.sub : '00000000-0000-0000-0000-000000000000',
		email: claims.role
	};
}

/** @param {unknown} v */
const isObject = (v) => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

/** @param {string} banDuration */
function banUntil(banDuration) {
	if (banDuration === 'none') return null;
	let ms;
	try {
		ms = parseDuration(banDuration);
	} catch (e) {
		throw badRequest(
			'validation_failed',
			`invalid format for ban duration: ${/** @type {Error} */ (e).message}`
		);
	}
	return new Date(Date.now() + ms);
}

/** @param {Ctx} ctx @param {string} id */
async function userOr404(ctx, id) {
	if (!UUID_RE.test(id)) throw notFound('validation_failed', 'user_id must be an UUID');
	const user = await findUserById(ctx.pool, id);
	if (!user) throw notFound('user_not_found', 'User not found');
	return user;
}

/** @param {Ctx} ctx */
export async function listUsers(ctx) {
	requireAdmin(ctx);
	const q = ctx.url.searchParams;
	const page = q.get('page') ? Number(q.get('page')) : 1;
	const perPage = q.get('per_page') ? Number(q.get('per_page')) : 50;
	if (!Number.isInteger(page) || page < 0 || !Number.isInteger(perPage) || perPage < 0) {
		throw badRequest('validation_failed', 'Bad Pagination Parameters: invalid syntax');
	}
	const effectivePage = Math.max(page, 1);
	const aud = ctx.opts.jwtAud;
	const filter = q.get('filter') ?? '';
	const where = `instance_id = $1 and aud = $2 ${filter ? `and (email ilike $3 or raw_user_meta_data->>'full_name' ilike $3)` : ''}`;
	const params = /** @type {unknown[]} */ ([INSTANCE_ID, aud]);
	if (filter) params.push(`%${filter}%`);
	const { rows: countRows } = await ctx.pool.query(
		`select count(*)::int as n from auth.users where ${where}`,
		params
	);
	const total = countRows[0].n;
	const { rows } = await ctx.pool.query(
		`select * from auth.users where ${where} order by created_at desc, id
		 limit ${perPage} offset ${(effectivePage - 1) * perPage}`,
		params
	);
	const ids = rows.map((/** @type {any} */ r) => r.id);
	const { rows: identities } = ids.length
		? await ctx.pool.query(
				'select * from auth.identities where user_id = any($1::uuid[]) order by created_at',
				[ids]
			)
		: { rows: [] };
	const users = rows.map((/** @type {any} */ u) =>
		userJson(
			u,
			identities.filter((/** @type {any} */ i) => i.user_id === u.id)
		)
	);

	const totalPages = perPage > 0 ? Math.ceil(total / perPage) : 0;
	const link = (/** @type {number} */ p) => {
		const u = new URL(ctx.url.toString());
		u.searchParams.set('page', String(p));
		return `<${u.pathname}${u.search}>`;
	};
	let linkHeader = '';
	if (totalPages > effectivePage) linkHeader += `${link(effectivePage + 1)}; rel="next", `;
	linkHeader += `${link(totalPages)}; rel="last"`;
	sendJson(ctx.res, 200, { users, aud }, { Link: linkHeader, 'X-Total-Count': String(total) });
}

/** @param {Ctx} ctx */
export async function createUser(ctx) {
	const admin = requireAdmin(ctx);
	const o = ctx.opts;
	const body = await readBody(ctx.req);
	if (!str(body.email) && !str(body.phone)) {
		throw badRequest('validation_failed', 'Cannot create a user without either an email or phone');
	}
	const email = str(body.email) ? validateEmail(str(body.email)) : '';
	const aud = str(body.aud) || o.jwtAud;
	// GoTrue's admin API makes phone users whether or not the phone provider is on.
	const phone = str(body.phone) ? validatePhone(str(body.phone)) : '';
	if (email && (await findUserByEmail(ctx.pool, email, aud))) {
		throw unprocessable(
			'email_exists',
			'A user with this email address has already been registered'
		);
	}
	if (phone && (await findUserByPhone(ctx.pool, phone, aud)))
		throw unprocessable('phone_exists', 'Phone number already registered by another user');
	if (body.password !== undefined && body.password !== null && str(body.password_hash)) {
		throw badRequest('validation_failed', 'Only a password or a password hash should be provided');
	}
	if (body.id !== undefined && (typeof body.id !== 'string' || !UUID_RE.test(body.id))) {
		throw badRequest('validation_failed', 'ID must conform to the uuid v4 format');
	}
	const bannedUntil = str(body.ban_duration) ? banUntil(str(body.ban_duration)) : null;
	// Admin-created users without a password get an unguessable one, as in GoTrue.
	const passwordHash =
		str(body.password_hash) ||
		(await hashPassword(str(body.password) || crypto.randomUUID() + crypto.randomUUID()));
	const appMetadata = isObject(body.app_metadata) ? body.app_metadata : {};
	const userMetadata = isObject(body.user_metadata)
		? body.user_metadata
		: isObject(body.data)
			? body.data
			: {};
	const user = await transaction(ctx.pool, async (client) => {
		let id;
		try {
			if (!email) {
				id = await insertUserWithoutEmail(client, {
					id: body.id,
					phone,
					passwordHash,
					aud,
					userMetadata,
					phoneConfirmed: Boolean(body.phone_confirm)
				});
				await client.query(
					`update auth.users set role = $2, raw_app_meta_data = raw_app_meta_data || $3::jsonb, banned_until = $4
					 where id = $1`,
					[id, str(body.role) || 'authenticated', JSON.stringify(appMetadata), bannedUntil]
				);
			} else
				id = await insertUser(client, {
					id: body.id,
					email,
					passwordHash,
					aud,
					role: str(body.role) || 'authenticated',
					userMetadata,
					appMetadata,
					confirmed: Boolean(body.email_confirm),
					bannedUntil
				});
		} catch (e) {
			if (/** @type {any} */ (e).code === '23505') {
				throw unprocessable(
					'email_exists',
					'A user with this email address has already been registered'
				);
			}
			throw e;
		}
		if (email && phone) await attachPhone(client, id, phone, Boolean(body.phone_confirm));
		await audit(client, admin, 'user_signedup', ctx.ip, {
			user_id: id,
			user_email: email,
			user_phone: phone,
			provider: 'email'
		});
		return loadUserJson(client, id);
	});
	sendJson(ctx.res, 200, user);
}

/** @param {Ctx} ctx @param {string} id */
export async function getUserById(ctx, id) {
	requireAdmin(ctx);
	const user = await userOr404(ctx, id);
	sendJson(ctx.res, 200, userJson(user, await findIdentities(ctx.pool, id)));
}

/** @param {Ctx} ctx @param {string} id */
export async function updateUserById(ctx, id) {
	const admin = requireAdmin(ctx);
	const user = await userOr404(ctx, id);
	const body = await readBody(ctx.req);
	const email = str(body.email) ? validateEmail(str(body.email)) : '';
	if (email && email !== user.email) {
		const other = await findUserByEmail(ctx.pool, email, user.aud);
		if (other && other.id !== id)
			throw unprocessable(
				'email_exists',
				'A user with this email address has already been registered'
			);
	}
	const passwordHash =
		typeof body.password === 'string' && body.password ? await hashPassword(body.password) : null;
	const banned =
		typeof body.ban_duration === 'string' && body.ban_duration
			? { until: banUntil(body.ban_duration) }
			: null;
	const result = await transaction(ctx.pool, async (client) => {
		if (str(body.role))
			await client.query('update auth.users set role = $2 where id = $1', [id, body.role]);
		if (passwordHash) {
			await client.query('update auth.users set encrypted_password = $2 where id = $1', [
				id,
				passwordHash
			]);
			await audit(client, user, 'user_updated_password', ctx.ip);
		}
		if (email && email !== user.email) {
			await client.query(
				`update auth.users set email = $2, email_change = '', email_change_token_new = '' where id = $1`,
				[id, email]
			);
			await client.query(
				`update auth.identities set identity_data = identity_data || jsonb_build_object('email', $2::text), updated_at = now()
				 where user_id = $1 and provider = 'email'`,
				[id, email]
			);
		}
		if (body.email_confirm === true) await confirmEmail(client, id);
		if (isObject(body.user_metadata)) {
			await client.query('update auth.users set raw_user_meta_data = $2 where id = $1', [
				id,
				JSON.stringify(mergeMetadata(user.raw_user_meta_data, body.user_metadata))
			]);
		}
		if (isObject(body.app_metadata)) {
			await client.query('update auth.users set raw_app_meta_data = $2 where id = $1', [
				id,
				JSON.stringify(mergeMetadata(user.raw_app_meta_data, body.app_metadata))
			]);
		}
		if (banned) {
			await client.query('update auth.users set banned_until = $2 where id = $1', [
				id,
				banned.until
			]);
			// A ban ends the user's sessions at once, so refresh tokens stop working too.
			if (banned.until) await client.query('delete from auth.sessions where user_id = $1', [id]);
		}
		await client.query('update auth.users set updated_at = now() where id = $1', [id]);
		await audit(client, admin, 'user_modified', ctx.ip, {
			user_id: id,
			user_email: email || user.email,
			user_phone: user.phone ?? ''
		});
		return loadUserJson(client, id);
	});
	sendJson(ctx.res, 200, result);
}

/** @param {Ctx} ctx @param {string} id */
export async function deleteUserById(ctx, id) {
	const admin = requireAdmin(ctx);
	const user = await userOr404(ctx, id);
	const body = await readBody(ctx.req);
	await transaction(ctx.pool, async (client) => {
		await audit(client, admin, 'user_deleted', ctx.ip, {
			user_id: id,
			user_email: user.email,
			user_phone: user.phone ?? ''
		});
		if (body.should_soft_delete === true) {
			// Soft delete keeps the row (for foreign keys) but frees the address and ends all access.
			await client.query(
				`update auth.users set email = null, phone = null, encrypted_password = '', confirmation_token = '',
				 recovery_token = '', email_change_token_new = '', email_change_token_current = '', email_change = '',
				 phone_change_token = '', phone_change = '', raw_user_meta_data = '{}', raw_app_meta_data = '{}',
				 deleted_at = now(), updated_at = now() where id = $1`,
				[id]
			);
			await client.query('delete from auth.identities where user_id = $1', [id]);
			await client.query('delete from auth.sessions where user_id = $1', [id]);
			await client.query('delete from auth.mfa_factors where user_id = $1', [id]);
		} else {
			await client.query('delete from auth.users where id = $1', [id]);
		}
	});
	sendJson(ctx.res, 200, {});
}

/**
 * Builds an action link without sending mail, for tests and admin tooling.
 * @param {Ctx} ctx
 */
export async function generateLink(ctx) {
	requireAdmin(ctx);
	const body = await readBody(ctx.req);
	const link = await linkFor(ctx, body);
	sendJson(ctx.res, 200, link);
}

export { AuthError, PKCE_PREFIX };
