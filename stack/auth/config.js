// @ts-check
// Options of the local auth service, and how GoTrue's environment variables map onto them.

/**
 * @typedef {object} RateLimit
 * @property {number} events   requests allowed per window
 * @property {number} windowMs length of the window in milliseconds
 */

/**
 * @typedef {object} AuthOptions
 * @property {string} databaseUrl        Postgres URL; the service expects GoTrue's role `supabase_auth_admin`
 * @property {string} jwtSecret          HS256 secret shared with PostgREST (GOTRUE_JWT_SECRET)
 * @property {number} jwtExp             access token lifetime in seconds (GOTRUE_JWT_EXP)
 * @property {string} jwtAud             audience of issued tokens (GOTRUE_JWT_AUD)
 * @property {string} jwtIssuer          `iss` claim; defaults to `${apiExternalUrl}/auth/v1` (GOTRUE_JWT_ISSUER)
 * @property {string[]} jwtAdminRoles    roles allowed on /admin (GOTRUE_JWT_ADMIN_ROLES)
 * @property {string} siteUrl            default redirect target (GOTRUE_SITE_URL)
 * @property {string[]} uriAllowList     extra allowed redirect targets, globs allowed (GOTRUE_URI_ALLOW_LIST)
 * @property {string} apiExternalUrl     public base URL of the API gateway (API_EXTERNAL_URL)
 * @property {string} recoveryPath       path of the verify link in mails (GOTRUE_MAILER_URLPATHS_RECOVERY)
 * @property {boolean} mailerAutoconfirm sign-ups are confirmed at once (GOTRUE_MAILER_AUTOCONFIRM)
 * @property {boolean} disableSignup     (GOTRUE_DISABLE_SIGNUP)
 * @property {boolean} [phoneEnabled]    phone sign-ins are on (GOTRUE_EXTERNAL_PHONE_ENABLED); no SMS is ever sent
 * @property {number} passwordMinLength  (GOTRUE_PASSWORD_MIN_LENGTH)
 * @property {number} otpExp             lifetime of mailed links and codes, seconds (GOTRUE_MAILER_OTP_EXP)
 * @property {number} otpLength          digits of mailed codes (GOTRUE_MAILER_OTP_LENGTH)
 * @property {{ host: string, port: number, adminEmail: string, senderName: string, maxFrequencyMs: number }} smtp
 * @property {{ signInSignUps: RateLimit, tokenRefresh: RateLimit, emailSent: RateLimit, verify: RateLimit, header: string }} rateLimits
 *           per client IP, except emailSent which is global as in GoTrue. The per-IP limits apply only
 *           when `header` (GOTRUE_RATE_LIMIT_HEADER) names the header holding the client's address, or
 *           when sbForwardedForEnabled is on and a request carries a valid Sb-Forwarded-For.
 * @property {boolean} sbForwardedForEnabled (GOTRUE_SECURITY_SB_FORWARDED_FOR_ENABLED)
 * @property {boolean} updatePasswordRequireCurrentPassword a password change needs the current one,
 *           except in a session that began with a mailed link (GOTRUE_SECURITY_UPDATE_PASSWORD_REQUIRE_CURRENT_PASSWORD)
 * @property {boolean} refreshTokenRotationEnabled (GOTRUE_SECURITY_REFRESH_TOKEN_ROTATION_ENABLED)
 * @property {number} refreshTokenReuseInterval   seconds (GOTRUE_SECURITY_REFRESH_TOKEN_REUSE_INTERVAL)
 * @property {number} [poolMax]          pg pool size
 * @property {(msg: string) => void} [log]
 */

/** GoTrue's own defaults where it has one; the brief's where it has none. */
export const defaults = Object.freeze({
	jwtExp: 3600,
	jwtAud: 'authenticated',
	jwtAdminRoles: ['service_role', 'supabase_admin'],
	siteUrl: 'http://localhost:3000',
	apiExternalUrl: 'http://localhost:9999',
	recoveryPath: '/auth/v1/verify',
	mailerAutoconfirm: false,
	disableSignup: false,
	passwordMinLength: 6,
	otpExp: 3600,
	otpLength: 6,
	smtpPort: 587,
	smtpMaxFrequencyMs: 60_000,
	signInSignUps: { events: 30, windowMs: 5 * 60_000 },
	tokenRefresh: { events: 150, windowMs: 5 * 60_000 },
	emailSent: { events: 30, windowMs: 60 * 60_000 },
	verify: { events: 30, windowMs: 5 * 60_000 },
	refreshTokenRotationEnabled: true,
	refreshTokenReuseInterval: 10,
	sbForwardedForEnabled: false,
	updatePasswordRequireCurrentPassword: false
});

/**
 * Parses a Go duration ("1m30s", "500ms", "24h"); a bare number means seconds.
 * @param {string} text
 * @returns {number} milliseconds
 */
export function parseDuration(text) {
	const s = String(text).trim();
	if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s) * 1000;
	const units = /** @type {Record<string, number>} */ ({
		ns: 1e-6,
		us: 1e-3,
		µs: 1e-3,
		ms: 1,
		s: 1000,
		m: 60_000,
		h: 3_600_000
	});
	const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
	let total = 0;
	let matched = 0;
	let m;
	while ((m = re.exec(s))) {
		total += Number(m[1]) * (units[m[2] ?? ''] ?? 0);
		matched = re.lastIndex;
	}
	if (!s || matched !== s.length) throw new Error(`invalid duration "${text}"`);
	return total;
}

/**
 * GoTrue's rate limit values are events per its fixed window, or "events/duration".
 * @param {string | undefined} text @param {RateLimit} fallback
 * @returns {RateLimit}
 */
export function parseRateLimit(text, fallback) {
	if (text === undefined || text === '') return fallback;
	const [events, window] = String(text).split('/');
	const n = Number(events);
	if (!Number.isFinite(n) || n < 0) throw new Error(`invalid rate limit "${text}"`);
	return { events: n, windowMs: window ? parseDuration(window) : fallback.windowMs };
}

/** @param {string | undefined} v @param {boolean} fallback */
function bool(v, fallback) {
	if (v === undefined || v === '') return fallback;
	return /^(1|t|true|yes|on)$/i.test(v);
}

/** @param {string | undefined} v @param {number} fallback */
function num(v, fallback) {
	if (v === undefined || v === '') return fallback;
	const n = Number(v);
	if (!Number.isFinite(n)) throw new Error(`invalid number "${v}"`);
	return n;
}

/** @param {string | undefined} v */
function list(v) {
	return (v ?? '')
		.split(',')
		.map((x) => x.trim())
		.filter(Boolean);
}

/**
 * Builds options from GoTrue's environment variable names. `overrides` (e.g. the local stack's own
 * defaults) apply where the environment says nothing; explicit env wins.
 * @param {Record<string, string | undefined>} env
 * @param {Partial<AuthOptions>} [overrides]
 * @returns {AuthOptions}
 */
export function authOptionsFromEnv(env, overrides = {}) {
	const o = /** @type {Partial<AuthOptions>} */ (overrides);
	const apiExternalUrl = (
		env.API_EXTERNAL_URL ||
		o.apiExternalUrl ||
		defaults.apiExternalUrl
	).replace(/\/+$/, '');
	const jwtSecret = env.GOTRUE_JWT_SECRET || o.jwtSecret;
	if (!jwtSecret) throw new Error('GOTRUE_JWT_SECRET is required');
	const databaseUrl = env.DATABASE_URL || env.GOTRUE_DB_DATABASE_URL || o.databaseUrl;
	if (!databaseUrl) throw new Error('DATABASE_URL is required');
	const rl = o.rateLimits;
	return {
		databaseUrl,
		jwtSecret,
		jwtExp: num(env.GOTRUE_JWT_EXP, o.jwtExp ?? defaults.jwtExp),
		jwtAud: env.GOTRUE_JWT_AUD || o.jwtAud || defaults.jwtAud,
		jwtIssuer: env.GOTRUE_JWT_ISSUER || o.jwtIssuer || `${apiExternalUrl}/auth/v1`,
		jwtAdminRoles: env.GOTRUE_JWT_ADMIN_ROLES
			? list(env.GOTRUE_JWT_ADMIN_ROLES)
			: (o.jwtAdminRoles ?? [...defaults.jwtAdminRoles]),
		siteUrl: env.GOTRUE_SITE_URL || o.siteUrl || defaults.siteUrl,
		uriAllowList:
			env.GOTRUE_URI_ALLOW_LIST !== undefined
				? list(env.GOTRUE_URI_ALLOW_LIST)
				: (o.uriAllowList ?? []),
		apiExternalUrl,
		recoveryPath: env.GOTRUE_MAILER_URLPATHS_RECOVERY || o.recoveryPath || defaults.recoveryPath,
		mailerAutoconfirm: bool(
			env.GOTRUE_MAILER_AUTOCONFIRM,
			o.mailerAutoconfirm ?? defaults.mailerAutoconfirm
		),
		disableSignup: bool(env.GOTRUE_DISABLE_SIGNUP, o.disableSignup ?? defaults.disableSignup),
		phoneEnabled: bool(env.GOTRUE_EXTERNAL_PHONE_ENABLED, o.phoneEnabled ?? false),
		passwordMinLength: num(
			env.GOTRUE_PASSWORD_MIN_LENGTH,
			o.passwordMinLength ?? defaults.passwordMinLength
		),
		otpExp: num(env.GOTRUE_MAILER_OTP_EXP, o.otpExp ?? defaults.otpExp),
		otpLength: num(env.GOTRUE_MAILER_OTP_LENGTH, o.otpLength ?? defaults.otpLength),
		smtp: {
			host: env.GOTRUE_SMTP_HOST || o.smtp?.host || '127.0.0.1',
			port: num(env.GOTRUE_SMTP_PORT, o.smtp?.port ?? defaults.smtpPort),
			adminEmail: env.GOTRUE_SMTP_ADMIN_EMAIL || o.smtp?.adminEmail || 'admin@example.com',
			senderName: env.GOTRUE_SMTP_SENDER_NAME || o.smtp?.senderName || '',
			maxFrequencyMs: env.GOTRUE_SMTP_MAX_FREQUENCY
				? parseDuration(env.GOTRUE_SMTP_MAX_FREQUENCY)
				: (o.smtp?.maxFrequencyMs ?? defaults.smtpMaxFrequencyMs)
		},
		rateLimits: {
			signInSignUps: parseRateLimit(
				env.GOTRUE_RATE_LIMIT_SIGN_IN_SIGN_UPS,
				rl?.signInSignUps ?? defaults.signInSignUps
			),
			tokenRefresh: parseRateLimit(
				env.GOTRUE_RATE_LIMIT_TOKEN_REFRESH,
				rl?.tokenRefresh ?? defaults.tokenRefresh
			),
			emailSent: parseRateLimit(
				env.GOTRUE_RATE_LIMIT_EMAIL_SENT,
				rl?.emailSent ?? defaults.emailSent
			),
			verify: parseRateLimit(env.GOTRUE_RATE_LIMIT_VERIFY, rl?.verify ?? defaults.verify),
			header: env.GOTRUE_RATE_LIMIT_HEADER ?? rl?.header ?? ''
		},
		refreshTokenRotationEnabled: bool(
			env.GOTRUE_SECURITY_REFRESH_TOKEN_ROTATION_ENABLED,
			o.refreshTokenRotationEnabled ?? defaults.refreshTokenRotationEnabled
		),
		refreshTokenReuseInterval: num(
			env.GOTRUE_SECURITY_REFRESH_TOKEN_REUSE_INTERVAL,
			o.refreshTokenReuseInterval ?? defaults.refreshTokenReuseInterval
		),
		sbForwardedForEnabled: bool(
			env.GOTRUE_SECURITY_SB_FORWARDED_FOR_ENABLED,
			o.sbForwardedForEnabled ?? defaults.sbForwardedForEnabled
		),
		updatePasswordRequireCurrentPassword: bool(
			env.GOTRUE_SECURITY_UPDATE_PASSWORD_REQUIRE_CURRENT_PASSWORD,
			o.updatePasswordRequireCurrentPassword ?? defaults.updatePasswordRequireCurrentPassword
		),
		poolMax: o.poolMax,
		log: o.log
	};
}
