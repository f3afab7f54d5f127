// @ts-check
// Anonymous sign-ins (GOTRUE_EXTERNAL_ANONYMOUS_USERS_ENABLED): POST /signup without an email address
// or phone number makes a user with no identity, is_anonymous set and role authenticated, and opens a
// session whose amr is "anonymous". Such a user becomes permanent by adding an address or number later.
import { unprocessable } from './errors.js';
import { sendJson, transaction } from './http.js';
import { insertUserWithoutEmail } from './new-users.js';
import { rateLimit } from './routes.js';

/** @typedef {import('./routes.js').Ctx} Ctx */

/**
 * @param {Ctx} ctx @param {Record<string, any>} body
 * @param {(client: import('pg').ClientBase, ctx: Ctx, userId: string, method: string) => Promise<any>} issueSession
 */
export async function anonymousSignup(ctx, body, issueSession) {
	const o = ctx.opts;
	if (!o.providers.anonymousUsers)
		throw unprocessable('anonymous_provider_disabled', 'Anonymous sign-ins are disabled');
	rateLimit(ctx, 'anonymous', 'signInSignUps');
	if (o.disableSignup)
		throw unprocessable('signup_disabled', 'Signups not allowed for this instance');
	const data =
		body.data && typeof body.data === 'object' && !Array.isArray(body.data) ? body.data : {};
	const session = await transaction(ctx.pool, async (client) => {
		const userId = await insertUserWithoutEmail(client, { aud: o.jwtAud, userMetadata: data });
		return issueSession(client, ctx, userId, 'anonymous');
	});
	sendJson(ctx.res, 200, session);
}
