// @ts-check
// Manual identity linking (GOTRUE_SECURITY_MANUAL_LINKING_ENABLED): GET /user/identities/authorize
// (linkIdentity) and DELETE /user/identities/{id} (unlinkIdentity), after GoTrue's identity.go.
import { badRequest, forbidden, notFound, unprocessable } from './errors.js';
import { sendJson, transaction, UUID_RE } from './http.js';
import { authenticate } from './routes.js';
import { refreshProviders } from './new-users.js';
import { OAUTH_PROVIDERS } from './providers-config.js';
import { audit } from './audit.js';
import { findUserByEmail } from './users.js';

/** @typedef {import('./routes.js').Ctx} Ctx */

/** GoTrue checks the bearer token first, then whether manual linking is on. @param {Ctx} ctx */
async function authenticateForLinking(ctx) {
	const auth = await authenticate(ctx);
	if (!ctx.opts.providers.manualLinking)
		throw notFound('manual_linking_disabled', 'Manual linking is disabled');
	return auth;
}

/**
 * GET /user/identities/authorize?provider=…: the URL of the provider's consent page. The service
 * talks to no OAuth provider, so every provider is refused as GoTrue refuses one it cannot use.
 * @param {Ctx} ctx
 */
export async function linkIdentity(ctx) {
	await authenticateForLinking(ctx);
	const name = (ctx.url.searchParams.get('provider') ?? '').toLowerCase();
	const known = [...OAUTH_PROVIDERS, 'vercel_marketplace'].includes(name);
	if (!known)
		throw badRequest(
			'validation_failed',
			`Unsupported provider: Provider ${name} could not be found`
		);
	const why = ctx.opts.providers.oauth[name]
		? 'the local auth service does not sign in with OAuth providers'
		: 'provider is not enabled';
	throw badRequest('validation_failed', `Unsupported provider: ${why}`);
}

/**
 * DELETE /user/identities/{id}: removes one of the user's identities, never the last one.
 * @param {Ctx} ctx @param {string} identityId
 */
export async function unlinkIdentity(ctx, identityId) {
	const { user, claims } = await authenticateForLinking(ctx);
	if (!UUID_RE.test(identityId)) throw notFound('validation_failed', 'identity_id must be an UUID');
	const aud = Array.isArray(claims.aud) ? claims.aud[0] : claims.aud;
	if (!aud || aud !== ctx.opts.jwtAud)
		throw forbidden('unexpected_audience', "Token audience doesn't match request audience");
	await transaction(ctx.pool, async (client) => {
		const { rows: identities } = await client.query(
			'select * from auth.identities where user_id = $1 order by created_at for update',
			[user.id]
		);
		if (identities.length <= 1)
			throw unprocessable(
				'single_identity_not_deletable',
				'User must have at least 1 identity after unlinking'
			);
		const target = identities.find((/** @type {any} */ i) => i.id === identityId.toLowerCase());
		if (!target) throw unprocessable('identity_not_found', "Identity doesn't exist");
		await audit(client, user, 'identity_unlinked', ctx.ip, {
			identity_id: target.id,
			provider: target.provider,
			provider_id: target.provider_id
		});
		await client.query('delete from auth.identities where id = $1', [target.id]);
		const rest = identities.filter((/** @type {any} */ i) => i.id !== target.id);
		if (target.provider === 'phone') {
			await client.query(
				'update auth.users set phone = null, phone_confirmed_at = null, updated_at = now() where id = $1',
				[user.id]
			);
		} else if (!rest.some((/** @type {any} */ i) => (i.email ?? '') === (user.email ?? ''))) {
			// The address belonged to the removed identity: take the first remaining identity's
			// address that no other account uses.
			let primary = null;
			for (const i of rest) {
				const other = i.email ? await findUserByEmail(client, i.email, user.aud) : null;
				if (!other) {
					primary = i;
					break;
				}
			}
			if (!primary)
				throw unprocessable(
					'email_conflict_identity_not_deletable',
					'Unable to unlink identity due to email conflict'
				);
			await client.query(
				`update auth.users set email = $2, email_confirmed_at = case when $2::text is null then null else email_confirmed_at end,
				 updated_at = now() where id = $1`,
				[user.id, primary.email || null]
			);
		}
		await refreshProviders(client, user.id);
	});
	sendJson(ctx.res, 200, {});
}
