import { describe, expect, it } from 'vitest';
import { digestSettings, purgeSettings } from './script-settings.js';

const LOCAL_KEY =
	'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU';
const stack = {
	apiUrl: 'http://127.0.0.1:54321',
	serviceRoleKey: LOCAL_KEY,
	siteUrl: 'http://127.0.0.1:5173',
	smtpPort: 54325
};
const production = {
	PUBLIC_SUPABASE_URL: 'https://abc.supabase.co',
	SUPABASE_SERVICE_ROLE_KEY: 'real-service-role-key',
	ORIGIN: 'https://groeistoot.be/',
	EMAIL_LINK_SECRET: 'x'.repeat(40),
	SMTP_HOST: 'smtp.example.org'
};

describe('the scripts against the local stack', () => {
	it('use its well-known key, the dev origin and a local link secret', () => {
		const settings = digestSettings({}, stack);
		expect(settings).toMatchObject({
			supabaseUrl: stack.apiUrl,
			serviceRoleKey: LOCAL_KEY,
			origin: stack.siteUrl
		});
		expect(settings.linkSecret).toMatch(/^[0-9a-f]{64}$/);
		expect(purgeSettings({ PUBLIC_SUPABASE_URL: `${stack.apiUrl}/` }, stack).serviceRoleKey).toBe(
			LOCAL_KEY
		);
	});
});

describe('the scripts anywhere else', () => {
	it('take every value from the environment', () => {
		expect(digestSettings(production, stack)).toMatchObject({
			supabaseUrl: 'https://abc.supabase.co',
			serviceRoleKey: 'real-service-role-key',
			origin: 'https://groeistoot.be',
			linkSecret: 'x'.repeat(40)
		});
	});

	it('never fall back to the demo key, the dev origin, a local secret or the local mailbox', () => {
		const bare = { PUBLIC_SUPABASE_URL: 'https://abc.supabase.co' };
		expect(() => digestSettings(bare, stack)).toThrow(
			'set SUPABASE_SERVICE_ROLE_KEY, ORIGIN, EMAIL_LINK_SECRET, SMTP_HOST'
		);
		expect(() => purgeSettings(bare, stack)).toThrow('set SUPABASE_SERVICE_ROLE_KEY');
		const { EMAIL_LINK_SECRET: _secret, ...withoutSecret } = production;
		expect(() => digestSettings(withoutSecret, stack)).toThrow('set EMAIL_LINK_SECRET');
		// The demo key against a remote API is no local stack either.
		expect(() =>
			digestSettings({ ...withoutSecret, SUPABASE_SERVICE_ROLE_KEY: LOCAL_KEY }, stack)
		).toThrow('set EMAIL_LINK_SECRET');
	});
});
