// The gateway in front of PostgREST and Auth behaves like Supabase's: apikey, CORS, routing.
import { describe, expect, it } from 'vitest';
import { anonKey, apiUrl, serviceRoleKey } from '../../../stack/config.js';
import { anonClient } from '../support/supabase.js';

describe('API gateway', () => {
	it('refuses a request without an apikey', async () => {
		const response = await fetch(`${apiUrl}/rest/v1/municipalities?select=nis&limit=1`);
		expect(response.status).toBe(401);
		expect(await response.json()).toEqual({ message: 'No API key found in request' });
	});

	it('refuses an unknown apikey', async () => {
		const response = await fetch(`${apiUrl}/rest/v1/municipalities?select=nis&limit=1`, {
			headers: { apikey: 'not-a-key' }
		});
		expect(response.status).toBe(401);
		expect(await response.json()).toEqual({ message: 'Invalid API key' });
	});

	it('serves PostgREST as the anon role when only the anon key is given', async () => {
		const db = anonClient();
		const { data, error } = await db
			.from('municipalities')
			.select('nis, name_nl')
			.eq('nis', '44021')
			.single();
		expect(error).toBeNull();
		expect(data).toEqual({ nis: '44021', name_nl: 'Gent' });
	});

	it('passes a bearer token on to PostgREST, which checks its signature', async () => {
		const forged = `${serviceRoleKey.slice(0, -4)}AAAA`;
		const response = await fetch(`${apiUrl}/rest/v1/municipalities?select=nis&limit=1`, {
			headers: { apikey: anonKey, authorization: `Bearer ${forged}` }
		});
		expect(response.status).toBe(401);
	});

	it('answers a CORS preflight for the headers supabase-js sends', async () => {
		const response = await fetch(`${apiUrl}/rest/v1/profiles`, {
			method: 'OPTIONS',
			headers: {
				origin: 'http://example.test',
				'access-control-request-method': 'PATCH',
				'access-control-request-headers': 'apikey, authorization, content-type, x-client-info'
			}
		});
		expect(response.status).toBe(204);
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		expect(response.headers.get('access-control-allow-headers')).toContain('apikey');
		expect(response.headers.get('access-control-allow-methods')).toContain('PATCH');
	});

	it('lets e-mail links reach /auth/v1/verify without an apikey', async () => {
		const response = await fetch(`${apiUrl}/auth/v1/verify?token=nope&type=recovery`, {
			redirect: 'manual'
		});
		expect(response.status).not.toBe(401);
	});

	it('answers 404 for a path that is no service', async () => {
		const response = await fetch(`${apiUrl}/storage/v1/bucket`, { headers: { apikey: anonKey } });
		expect(response.status).toBe(404);
	});
});
