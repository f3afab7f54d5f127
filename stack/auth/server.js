// @ts-check
// createAuthHandler: a GoTrue-compatible HTTP handler for paths below the auth root (/auth/v1 stripped).
import pg from 'pg';
import { createMailer } from './mail.js';
import { RateLimiter, RecentRequests, clientIp } from './rate-limit.js';
import { notFound, AuthError } from './errors.js';
import { sendError, sendJson } from './http.js';
import { publicJwks } from './jwt.js';
import * as routes from './routes.js';
import * as admin from './admin.js';
import { settingsJson, sso } from './external.js';
import { linkIdentity, unlinkIdentity } from './identities.js';
import * as otp from './otp.js';
import * as mfa from './mfa.js';

export { authOptionsFromEnv } from './config.js';

const VERSION = 'v2.177.0-groeistoot-local';

/**
 * @param {import('./config.js').AuthOptions} options
 * @returns {((req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void) & { close: () => Promise<void> }}
 */
export function createAuthHandler(options) {
	const opts = options;
	const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolMax ?? 10 });
	// An idle client losing its connection must not crash the process.
	pool.on('error', (/** @type {Error} */ e) => opts.log?.(`auth: pg pool error: ${e.message}`));
	const limiter = new RateLimiter();
	const unknownRecoveries = new RecentRequests();
	const mailer = createMailer(opts.smtp);

	/** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
	async function handle(req, res) {
		const url = new URL(req.url ?? '/', 'http://auth.local');
		const path = url.pathname.replace(/\/+$/, '') || '/';
		const method = req.method ?? 'GET';
		/** @type {import('./routes.js').Ctx} */
		const ctx = {
			opts,
			pool,
			limiter,
			unknownRecoveries,
			mailer,
			req,
			res,
			url,
			ip: clientIp(req, routes.forwarding(opts))
		};

		if (method === 'GET' && path === '/health') {
			return sendJson(res, 200, {
				version: VERSION,
				name: 'GoTrue',
				description: 'GoTrue is a user registration and authentication API'
			});
		}
		if (method === 'GET' && path === '/settings') return sendJson(res, 200, settingsJson(opts));
		if (method === 'GET' && path === '/.well-known/jwks.json')
			return sendJson(res, 200, publicJwks(opts.jwtKeys), {
				'cache-control': 'public, max-age=600'
			});
		const mfaRoute = mfa.route(ctx, method, path);
		if (mfaRoute) return mfaRoute;
		if (method === 'POST' && path === '/signup') return routes.signup(ctx);
		if (method === 'POST' && path === '/token') return routes.token(ctx);
		if (method === 'GET' && path === '/user') return routes.getUser(ctx);
		if (method === 'PUT' && path === '/user') return routes.updateUser(ctx);
		if (method === 'POST' && path === '/logout') return routes.logoutRoute(ctx);
		if (method === 'POST' && path === '/recover') return routes.recover(ctx);
		if (method === 'POST' && path === '/otp') return otp.otp(ctx);
		if (method === 'POST' && path === '/resend') return otp.resend(ctx);
		if (method === 'POST' && path === '/invite') return otp.invite(ctx);
		if (method === 'GET' && path === '/verify') return routes.verifyGet(ctx);
		if (method === 'POST' && path === '/verify') return routes.verifyPost(ctx);
		if (method === 'GET' && path === '/user/identities/authorize') return linkIdentity(ctx);
		const identity = /^\/user\/identities\/([^/]+)$/.exec(path);
		if (method === 'DELETE' && identity)
			return unlinkIdentity(ctx, decodeURIComponent(identity[1] ?? ''));
		if (
			(method === 'POST' && (path === '/sso' || path === '/sso/saml/acs')) ||
			(method === 'GET' && path === '/sso/saml/metadata')
		)
			return sso(ctx);
		if (path === '/admin/users') {
			if (method === 'GET') return admin.listUsers(ctx);
			if (method === 'POST') return admin.createUser(ctx);
		}
		const m = /^\/admin\/users\/([^/]+)$/.exec(path);
		if (m) {
			const id = decodeURIComponent(m[1] ?? '');
			if (method === 'GET') return admin.getUserById(ctx, id);
			if (method === 'PUT') return admin.updateUserById(ctx, id);
			if (method === 'DELETE') return admin.deleteUserById(ctx, id);
		}
		if (method === 'POST' && path === '/admin/generate_link') return admin.generateLink(ctx);
		if (method === 'OPTIONS') {
			res.writeHead(204);
			return res.end();
		}
		throw notFound('unknown', 'Not Found');
	}

	const handler = /** @type {any} */ (
		(
			/** @type {import('node:http').IncomingMessage} */ req,
			/** @type {import('node:http').ServerResponse} */ res
		) => {
			// GoTrue answers every response with the API version it speaks.
			res.setHeader('X-Supabase-Api-Version', '2024-01-01');
			handle(req, res).catch((err) => {
				if (!(err instanceof AuthError))
					opts.log?.(`auth: ${req.method} ${req.url}: ${err?.stack ?? err}`);
				if (res.headersSent) return res.destroy();
				sendError(req, res, err);
			});
		}
	);
	handler.close = async () => {
		mailer.close();
		await pool.end();
	};
	return handler;
}
