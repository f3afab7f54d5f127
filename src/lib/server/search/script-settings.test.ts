import { describe, expect, it } from 'vitest';
import { searchScriptSettings } from './script-settings.js';

const stack = {
	apiUrl: 'http://127.0.0.1:54321',
	serviceRoleKey: 'local-service-role-key',
	meiliUrl: 'http://127.0.0.1:7700',
	meiliMasterKey: 'local-meili-key'
};

describe('search:worker and search:reindex against the local stack', () => {
	it("use the stack's addresses and well-known keys", () => {
		expect(searchScriptSettings({}, stack)).toEqual({
			supabaseUrl: stack.apiUrl,
			serviceRoleKey: stack.serviceRoleKey,
			meiliUrl: stack.meiliUrl,
			meiliKey: stack.meiliMasterKey
		});
		expect(
			searchScriptSettings(
				{ PUBLIC_SUPABASE_URL: `${stack.apiUrl}/`, MEILI_URL: `${stack.meiliUrl}/` },
				stack
			)
		).toMatchObject({ serviceRoleKey: stack.serviceRoleKey, meiliKey: stack.meiliMasterKey });
	});
});

describe('search:worker and search:reindex anywhere else', () => {
	const production = {
		PUBLIC_SUPABASE_URL: 'https://abc.supabase.co',
		SUPABASE_SERVICE_ROLE_KEY: 'real-service-role-key',
		MEILI_URL: 'https://search.example.org/',
		MEILI_MASTER_KEY: 'real-meili-key'
	};

	it('take every value from the environment', () => {
		expect(searchScriptSettings(production, stack)).toEqual({
			supabaseUrl: 'https://abc.supabase.co',
			serviceRoleKey: 'real-service-role-key',
			meiliUrl: 'https://search.example.org',
			meiliKey: 'real-meili-key'
		});
	});

	it('never fall back to the demo keys or the local Meilisearch', () => {
		expect(() =>
			searchScriptSettings({ PUBLIC_SUPABASE_URL: 'https://abc.supabase.co' }, stack)
		).toThrow('set SUPABASE_SERVICE_ROLE_KEY, MEILI_URL, MEILI_MASTER_KEY');
		expect(() => searchScriptSettings({ ...production, MEILI_MASTER_KEY: '' }, stack)).toThrow(
			'set MEILI_MASTER_KEY'
		);
		// The local database with a Meilisearch elsewhere: that Meilisearch's key is needed too.
		expect(() => searchScriptSettings({ MEILI_URL: 'https://search.example.org' }, stack)).toThrow(
			'set MEILI_MASTER_KEY'
		);
	});
});
