// @ts-check
// Which of the stack's URLs and keys reach the app: only what the environment leaves unset, and a key only
// with the stack's own address.
import { describe, expect, it } from 'vitest';
import { appEnvironment } from './app-env.js';
import {
	anonKey,
	apiUrl,
	host,
	meiliMasterKey,
	meiliUrl,
	ports,
	serviceRoleKey
} from './config.js';

const hosted = 'https://abcdefgh.supabase.co';
const meiliCloud = 'https://ms-123.meilisearch.io';

describe('appEnvironment', () => {
	it('gives an app without settings the running stack, wherever its ports are', () => {
		expect(appEnvironment({})).toEqual({
			PUBLIC_SUPABASE_URL: apiUrl,
			PUBLIC_SUPABASE_ANON_KEY: anonKey,
			SUPABASE_SERVICE_ROLE_KEY: serviceRoleKey,
			SUPABASE_REST_URL: `http://${host}:${ports.postgrest}`,
			MEILI_URL: meiliUrl,
			MEILI_MASTER_KEY: meiliMasterKey,
			SMTP_PORT: String(ports.mailboxSmtp)
		});
	});

	it('adds nothing the environment sets', () => {
		const env = {
			PUBLIC_SUPABASE_URL: apiUrl,
			PUBLIC_SUPABASE_ANON_KEY: 'own-anon-key',
			SUPABASE_SERVICE_ROLE_KEY: 'own-service-key',
			SUPABASE_REST_URL: 'http://10.0.0.5:3000',
			MEILI_URL: meiliUrl,
			MEILI_MASTER_KEY: 'own-meili-key',
			SMTP_PORT: '2525'
		};
		expect(appEnvironment(env)).toEqual({});
	});

	it('fills in the keys for the stack named by its own address, also with a trailing slash', () => {
		expect(
			appEnvironment({ PUBLIC_SUPABASE_URL: `${apiUrl}/`, MEILI_URL: `${meiliUrl}/` })
		).toEqual({
			PUBLIC_SUPABASE_ANON_KEY: anonKey,
			SUPABASE_SERVICE_ROLE_KEY: serviceRoleKey,
			SUPABASE_REST_URL: `http://${host}:${ports.postgrest}`,
			MEILI_MASTER_KEY: meiliMasterKey,
			SMTP_PORT: String(ports.mailboxSmtp)
		});
	});

	it('never sends the local keys to a hosted project or another Meilisearch', () => {
		const added = appEnvironment({ PUBLIC_SUPABASE_URL: hosted, MEILI_URL: meiliCloud });
		expect(added).not.toHaveProperty('PUBLIC_SUPABASE_ANON_KEY');
		expect(added).not.toHaveProperty('SUPABASE_SERVICE_ROLE_KEY');
		expect(added).not.toHaveProperty('SUPABASE_REST_URL');
		expect(added).not.toHaveProperty('MEILI_MASTER_KEY');
		expect(added).not.toHaveProperty('PUBLIC_SUPABASE_URL');
		expect(added).not.toHaveProperty('MEILI_URL');
	});

	it('leaves the mail port to a configured relay', () => {
		expect(appEnvironment({ SMTP_HOST: 'smtp.example.org' })).not.toHaveProperty('SMTP_PORT');
	});

	it('takes an empty value as unset, as the app does', () => {
		expect(appEnvironment({ SUPABASE_SERVICE_ROLE_KEY: '', MEILI_MASTER_KEY: '' })).toMatchObject({
			SUPABASE_SERVICE_ROLE_KEY: serviceRoleKey,
			MEILI_MASTER_KEY: meiliMasterKey
		});
	});
});
