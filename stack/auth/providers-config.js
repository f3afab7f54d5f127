// @ts-check
// GoTrue's sign-in providers and their switches (GOTRUE_EXTERNAL_*, GOTRUE_SMS_*, GOTRUE_SAML_ENABLED,
// GOTRUE_SECURITY_MANUAL_LINKING_ENABLED), read from the environment like GoTrue reads them.

/** The OAuth providers GoTrue v2.176 reports in /settings, in its order. */
export const OAUTH_PROVIDERS = Object.freeze([
	'apple',
	'azure',
	'bitbucket',
	'discord',
	'facebook',
	'figma',
	'fly',
	'github',
	'gitlab',
	'google',
	'keycloak',
	'kakao',
	'linkedin',
	'linkedin_oidc',
	'notion',
	'spotify',
	'slack',
	'slack_oidc',
	'workos',
	'twitch',
	'twitter',
	'zoom'
]);

/**
 * @typedef {object} SmsOptions
 * @property {string} provider       GOTRUE_SMS_PROVIDER (twilio, twilio_verify, messagebird, textlocal, vonage)
 * @property {boolean} autoconfirm   phone sign-ups are confirmed at once (GOTRUE_SMS_AUTOCONFIRM)
 * @property {number} otpExp         seconds (GOTRUE_SMS_OTP_EXP, GoTrue's default 60)
 * @property {number} otpLength      digits (GOTRUE_SMS_OTP_LENGTH, 6 to 10, default 6)
 * @property {number} maxFrequencyMs (GOTRUE_SMS_MAX_FREQUENCY, default 1 minute)
 * @property {Record<string, string>} testOtp fixed codes per phone number, sent nowhere (GOTRUE_SMS_TEST_OTP)
 * @property {number | null} testOtpValidUntil ms since the epoch (GOTRUE_SMS_TEST_OTP_VALID_UNTIL)
 * @property {Record<string, string>} credentials the provider's settings (GOTRUE_SMS_<PROVIDER>_*)
 */

/**
 * @typedef {object} ProviderOptions
 * @property {boolean} email            (GOTRUE_EXTERNAL_EMAIL_ENABLED, default on)
 * @property {boolean} phone            (GOTRUE_EXTERNAL_PHONE_ENABLED)
 * @property {boolean} anonymousUsers   (GOTRUE_EXTERNAL_ANONYMOUS_USERS_ENABLED)
 * @property {boolean} web3Solana       (GOTRUE_EXTERNAL_WEB3_SOLANA_ENABLED)
 * @property {boolean} saml             (GOTRUE_SAML_ENABLED)
 * @property {boolean} manualLinking    (GOTRUE_SECURITY_MANUAL_LINKING_ENABLED)
 * @property {Record<string, boolean>} oauth GOTRUE_EXTERNAL_<NAME>_ENABLED per OAuth provider
 * @property {string} keycloakUrl       (GOTRUE_EXTERNAL_KEYCLOAK_URL)
 * @property {SmsOptions} sms
 */

/** @param {string | undefined} v @param {boolean} fallback */
function bool(v, fallback) {
	if (v === undefined || v === '') return fallback;
	return /^(1|t|true|yes|on)$/i.test(v);
}

/** GoTrue keeps phone numbers without "+" and spaces. @param {string} phone */
export const formatPhone = (phone) => phone.replace(/^\+/, '').replaceAll(' ', '');

/** The fields each SMS provider needs, as GoTrue's configuration checks them. */
const SMS_CREDENTIALS = /** @type {Record<string, [string, string][]>} */ ({
	twilio: [
		['ACCOUNT_SID', 'missing Twilio account SID'],
		['AUTH_TOKEN', 'missing Twilio auth token'],
		['MESSAGE_SERVICE_SID', 'missing Twilio message service SID or Twilio phone number']
	],
	twilio_verify: [
		['ACCOUNT_SID', 'missing Twilio account SID'],
		['AUTH_TOKEN', 'missing Twilio auth token'],
		['MESSAGE_SERVICE_SID', 'missing Twilio message service SID or Twilio phone number']
	],
	messagebird: [
		['ACCESS_KEY', 'missing Messagebird access key'],
		['ORIGINATOR', 'missing Messagebird originator']
	],
	textlocal: [
		['API_KEY', 'missing Textlocal API key'],
		['SENDER', 'missing Textlocal sender']
	],
	vonage: [
		['API_KEY', 'missing Vonage API key'],
		['API_SECRET', 'missing Vonage API secret'],
		['FROM', 'missing Vonage from']
	]
});

/**
 * Why the configured SMS provider cannot be used, or null when its settings are complete.
 * @param {SmsOptions} sms
 */
export function smsProviderProblem(sms) {
	const fields = SMS_CREDENTIALS[sms.provider];
	if (!fields) return `sms Provider ${sms.provider} could not be found`;
	for (const [field, message] of fields) if (!sms.credentials[field]) return message;
	return null;
}

/**
 * @param {Record<string, string | undefined>} env
 * @param {Partial<ProviderOptions>} [o] the caller's defaults where env says nothing
 * @returns {ProviderOptions}
 */
export function providerOptionsFromEnv(env, o = {}) {
	const oauth = /** @type {Record<string, boolean>} */ ({});
	for (const name of OAUTH_PROVIDERS) {
		oauth[name] = bool(
			env[`GOTRUE_EXTERNAL_${name.toUpperCase()}_ENABLED`],
			o.oauth?.[name] ?? false
		);
	}
	const provider = env.GOTRUE_SMS_PROVIDER ?? o.sms?.provider ?? '';
	const credentials = /** @type {Record<string, string>} */ ({});
	for (const [field] of SMS_CREDENTIALS[provider] ?? []) {
		credentials[field] = env[`GOTRUE_SMS_${provider.toUpperCase()}_${field}`] ?? '';
	}
	const testOtp = /** @type {Record<string, string>} */ ({ ...(o.sms?.testOtp ?? {}) });
	for (const pair of (env.GOTRUE_SMS_TEST_OTP ?? '').split(',')) {
		const [phone, code] = pair.split(':').map((x) => x.trim());
		if (phone && code) testOtp[formatPhone(phone)] = code;
	}
	const validUntil = env.GOTRUE_SMS_TEST_OTP_VALID_UNTIL
		? Date.parse(env.GOTRUE_SMS_TEST_OTP_VALID_UNTIL)
		: (o.sms?.testOtpValidUntil ?? null);
	const otpLength = Number(env.GOTRUE_SMS_OTP_LENGTH || o.sms?.otpLength || 6);
	const maxFrequency = env.GOTRUE_SMS_MAX_FREQUENCY;
	return {
		email: bool(env.GOTRUE_EXTERNAL_EMAIL_ENABLED, o.email ?? true),
		phone: bool(env.GOTRUE_EXTERNAL_PHONE_ENABLED, o.phone ?? false),
		anonymousUsers: bool(env.GOTRUE_EXTERNAL_ANONYMOUS_USERS_ENABLED, o.anonymousUsers ?? false),
		web3Solana: bool(env.GOTRUE_EXTERNAL_WEB3_SOLANA_ENABLED, o.web3Solana ?? false),
		saml: bool(env.GOTRUE_SAML_ENABLED, o.saml ?? false),
		manualLinking: bool(env.GOTRUE_SECURITY_MANUAL_LINKING_ENABLED, o.manualLinking ?? false),
		oauth,
		keycloakUrl: env.GOTRUE_EXTERNAL_KEYCLOAK_URL ?? o.keycloakUrl ?? '',
		sms: {
			provider,
			autoconfirm: bool(env.GOTRUE_SMS_AUTOCONFIRM, o.sms?.autoconfirm ?? false),
			otpExp: Number(env.GOTRUE_SMS_OTP_EXP || o.sms?.otpExp || 60),
			otpLength: otpLength >= 6 && otpLength <= 10 ? otpLength : 6,
			maxFrequencyMs: maxFrequency ? parseSeconds(maxFrequency) : (o.sms?.maxFrequencyMs ?? 60_000),
			testOtp,
			testOtpValidUntil: Number.isFinite(validUntil) ? validUntil : null,
			credentials
		}
	};
}

/** "60s", "1m", "500ms" or a number of seconds, in milliseconds. @param {string} text */
function parseSeconds(text) {
	const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
	if (!m) throw new Error(`invalid duration "${text}"`);
	const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] ?? 's'] ?? 1000;
	return Number(m[1]) * unit;
}

/**
 * The fixed code for a phone number while GOTRUE_SMS_TEST_OTP applies, else null.
 * @param {SmsOptions} sms @param {string} phone
 */
export function testOtpFor(sms, phone) {
	if (sms.testOtpValidUntil !== null && Date.now() >= sms.testOtpValidUntil) return null;
	return sms.testOtp[phone] ?? null;
}
