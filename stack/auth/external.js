// @ts-check
// Sign-ins through outside providers the local auth service does not talk to (OpenID Connect ID
// tokens, Web3 wallets, SAML), answered as GoTrue answers when the provider is not configured, and
// GoTrue's /settings built from the configuration.
import { badRequest, notFound, unprocessable } from './errors.js';
import { readBody, sendJson, str } from './http.js';
import { OAUTH_PROVIDERS } from './providers-config.js';

/** @typedef {import('./routes.js').Ctx} Ctx */

/** GET /settings, GoTrue v2.176's fields. @param {import('./config.js').AuthOptions} opts */
export function settingsJson(opts) {
	const p = opts.providers;
	/** @type {Record<string, boolean>} */
	const external = { anonymous_users: p.anonymousUsers };
	for (const name of OAUTH_PROVIDERS) {
		if (name === 'zoom') {
			external.email = p.email;
			external.phone = p.phone;
		}
		external[name] = p.oauth[name] ?? false;
	}
	return {
		external,
		disable_signup: opts.disableSignup,
		mailer_autoconfirm: opts.mailerAutoconfirm,
		phone_autoconfirm: p.sms.autoconfirm,
		sms_provider: p.sms.provider,
		// The service has no SAML (see sso below), whatever GOTRUE_SAML_ENABLED says.
		saml_enabled: false
	};
}

/**
 * POST /token?grant_type=web3. The service verifies no wallet signatures, so Web3 is never enabled
 * here and every request gets GoTrue's answer for a disabled Web3 provider.
 * @param {Ctx} ctx
 */
export async function web3Grant(ctx) {
	await readBody(ctx.req);
	throw unprocessable('web3_provider_disabled', 'Web3 provider is disabled');
}

const APPLE_ISSUER = 'https://appleid.apple.com';
const AZURE_ISSUER = /^https:\/\/login\.microsoftonline\.com\/[^/]+\/v2\.0\/?$/;

/** The iss claim of an unverified token, or null. @param {string} token */
function issuerOf(token) {
	const parts = token.split('.');
	if (parts.length !== 3) return null;
	try {
		const iss = JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8')).iss;
		return typeof iss === 'string' ? iss : null;
	} catch {
		return null;
	}
}

/** @param {Ctx} ctx @param {number} status @param {string} error @param {string} description */
function oauthError(ctx, status, error, description) {
	sendJson(ctx.res, status, { error, error_description: description });
}

/**
 * POST /token?grant_type=id_token (signInWithIdToken). A provider that is not enabled gets GoTrue's
 * provider_disabled error. An enabled one cannot be checked here (its signing keys are on the
 * internet), so its tokens are refused as GoTrue refuses a token it cannot verify.
 * @param {Ctx} ctx
 */
export async function idTokenGrant(ctx) {
	const o = ctx.opts;
	const body = await readBody(ctx.req);
	const idToken = str(body.id_token);
	const provider = str(body.provider);
	const issuerParam = str(body.issuer);
	if (!idToken) return oauthError(ctx, 400, 'invalid request', 'id_token required');
	if (!provider && (!str(body.client_id) || !issuerParam)) {
		return oauthError(ctx, 400, 'invalid request', 'provider or client_id and issuer required');
	}
	/** @type {string} */
	let issuer;
	/** @type {boolean} */
	let enabled;
	if (provider === 'apple' || issuerParam.startsWith(APPLE_ISSUER)) {
		issuer = issuerParam;
		if (!issuer) {
			const detected = issuerOf(idToken);
			if (detected === null)
				throw badRequest(
					'validation_failed',
					'Unable to detect issuer in ID token for Apple provider'
				);
			if (!detected.startsWith(APPLE_ISSUER))
				throw badRequest(
					'validation_failed',
					'Detected ID token issuer is not an Apple ID token issuer'
				);
			issuer = detected;
		}
		enabled = o.providers.oauth.apple ?? false;
	} else if (provider === 'google' || issuerParam === 'https://accounts.google.com') {
		issuer = 'https://accounts.google.com';
		enabled = o.providers.oauth.google ?? false;
	} else if (provider === 'azure' || AZURE_ISSUER.test(issuerParam)) {
		issuer = issuerParam;
		if (!AZURE_ISSUER.test(issuer)) {
			const detected = issuerOf(idToken);
			if (detected === null)
				throw badRequest(
					'validation_failed',
					'Unable to detect issuer in ID token for Azure provider'
				);
			issuer = detected;
		}
		enabled = o.providers.oauth.azure ?? false;
	} else if (provider === 'facebook' || issuerParam === 'https://www.facebook.com') {
		issuer = 'https://www.facebook.com';
		enabled = o.providers.oauth.facebook ?? false;
	} else if (
		provider === 'keycloak' ||
		(o.providers.oauth.keycloak &&
			o.providers.keycloakUrl &&
			issuerParam === o.providers.keycloakUrl)
	) {
		issuer = o.providers.keycloakUrl;
		enabled = o.providers.oauth.keycloak ?? false;
	} else if (provider === 'kakao' || issuerParam === 'https://kauth.kakao.com') {
		issuer = 'https://kauth.kakao.com';
		enabled = o.providers.oauth.kakao ?? false;
	} else if (
		provider === 'vercel_marketplace' ||
		issuerParam === 'https://marketplace.vercel.com'
	) {
		issuer = 'https://marketplace.vercel.com';
		enabled = false;
	} else {
		// GoTrue's GOTRUE_EXTERNAL_ALLOWED_ID_TOKEN_ISSUERS is not supported: no issuer is allowed.
		throw badRequest('validation_failed', `Custom OIDC provider "${provider}" not allowed`);
	}
	if (!enabled)
		throw badRequest('provider_disabled', `Provider (issuer "${issuer}") is not enabled`);
	return oauthError(ctx, 400, 'invalid request', 'Bad ID token');
}

/**
 * Every /sso path (POST /sso, /sso/saml/metadata, /sso/saml/acs): the service has no SAML, which is
 * GoTrue with GOTRUE_SAML_ENABLED off.
 * @param {Ctx} _ctx
 */
export async function sso(_ctx) {
	throw notFound('saml_provider_disabled', 'SAML 2.0 is disabled');
}
