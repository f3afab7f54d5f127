// @ts-check
// Unit tests for the provider switches, phone number rules and /settings of the auth service.
import { describe, expect, it } from 'vitest';
import { authOptionsFromEnv } from './config.js';
import { settingsJson } from './external.js';
import { validatePhone } from './phone.js';
import {
	formatPhone,
	providerOptionsFromEnv,
	smsProviderProblem,
	testOtpFor
} from './providers-config.js';

const base = { GOTRUE_JWT_SECRET: 's', DATABASE_URL: 'postgres://x' };

describe('provider options', () => {
	it("GoTrue's defaults: email on, everything else off", () => {
		const p = providerOptionsFromEnv({});
		expect(p).toMatchObject({
			email: true,
			phone: false,
			anonymousUsers: false,
			manualLinking: false,
			saml: false
		});
		expect(Object.values(p.oauth).every((on) => on === false)).toBe(true);
		expect(p.sms).toMatchObject({ provider: '', autoconfirm: false, otpExp: 60, otpLength: 6 });
		expect(p.sms.maxFrequencyMs).toBe(60_000);
	});

	it('reads the switches of the auth-js compose file', () => {
		const p = providerOptionsFromEnv({
			GOTRUE_EXTERNAL_PHONE_ENABLED: 'true',
			GOTRUE_SMS_PROVIDER: 'twilio',
			GOTRUE_SMS_TWILIO_ACCOUNT_SID: '',
			GOTRUE_SMS_AUTOCONFIRM: 'false',
			GOTRUE_EXTERNAL_GOOGLE_ENABLED: 'true',
			GOTRUE_EXTERNAL_EMAIL_ENABLED: 'false',
			GOTRUE_EXTERNAL_ANONYMOUS_USERS_ENABLED: 'true',
			GOTRUE_SMS_OTP_LENGTH: '4'
		});
		expect(p).toMatchObject({ phone: true, email: false, anonymousUsers: true });
		expect(p.oauth.google).toBe(true);
		expect(p.oauth.github).toBe(false);
		expect(p.sms.provider).toBe('twilio');
		// Out of GoTrue's 6..10 range: its default.
		expect(p.sms.otpLength).toBe(6);
		expect(smsProviderProblem(p.sms)).toBe('missing Twilio account SID');
	});

	it('knows when an SMS provider has what it needs', () => {
		const complete = providerOptionsFromEnv({
			GOTRUE_SMS_PROVIDER: 'twilio',
			GOTRUE_SMS_TWILIO_ACCOUNT_SID: 'AC1',
			GOTRUE_SMS_TWILIO_AUTH_TOKEN: 't',
			GOTRUE_SMS_TWILIO_MESSAGE_SERVICE_SID: 'MG1'
		});
		expect(smsProviderProblem(complete.sms)).toBeNull();
		expect(smsProviderProblem(providerOptionsFromEnv({ GOTRUE_SMS_PROVIDER: 'duif' }).sms)).toBe(
			'sms Provider duif could not be found'
		);
	});

	it('test codes are kept per formatted number and stop at their end time', () => {
		const p = providerOptionsFromEnv({
			GOTRUE_SMS_TEST_OTP: '+32 470 000000:123456, 32471:654321'
		});
		expect(testOtpFor(p.sms, '32470000000')).toBe('123456');
		expect(testOtpFor(p.sms, '32471')).toBe('654321');
		expect(testOtpFor(p.sms, '32472')).toBeNull();
		const expired = providerOptionsFromEnv({
			GOTRUE_SMS_TEST_OTP: '32470000000:123456',
			GOTRUE_SMS_TEST_OTP_VALID_UNTIL: '2020-01-01T00:00:00Z'
		});
		expect(testOtpFor(expired.sms, '32470000000')).toBeNull();
	});
});

describe('phone numbers', () => {
	it('drops "+" and spaces and wants E.164 digits', () => {
		expect(formatPhone('+32 470 00 00 00')).toBe('32470000000');
		expect(validatePhone('+32 470 00 00 00')).toBe('32470000000');
		for (const bad of ['', '0470000000', '12-34', '1234567890123456', '+32abc'])
			expect(() => validatePhone(bad)).toThrow('Invalid phone number format (E.164 required)');
	});
});

describe('GET /settings', () => {
	it("has GoTrue v2.176's fields, from the configuration", () => {
		const opts = authOptionsFromEnv({
			...base,
			GOTRUE_EXTERNAL_PHONE_ENABLED: 'true',
			GOTRUE_SMS_AUTOCONFIRM: 'true',
			GOTRUE_SMS_PROVIDER: 'twilio',
			GOTRUE_MAILER_AUTOCONFIRM: 'true'
		});
		const s = settingsJson(opts);
		expect(Object.keys(s)).toEqual([
			'external',
			'disable_signup',
			'mailer_autoconfirm',
			'phone_autoconfirm',
			'sms_provider',
			'saml_enabled'
		]);
		expect(Object.keys(s.external)).toHaveLength(25);
		expect(s.external).toMatchObject({ email: true, phone: true, anonymous_users: false });
		expect(s).toMatchObject({
			phone_autoconfirm: true,
			sms_provider: 'twilio',
			mailer_autoconfirm: true
		});
	});
});
