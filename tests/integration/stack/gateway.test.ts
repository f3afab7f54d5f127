// The gateway in front of PostgREST, Auth and Storage behaves like Supabase's: apikey, CORS, routing, and the
// client address it passes on.
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { anonKey, apiUrl, host, ports, serviceRoleKey } from '../../../stack/config.js';
import { createGateway } from '../../../stack/gateway.js';
import { ownAuthHandler, password, sql, uniqueEmail, userTracker } from '../auth/helpers.js';
import { anonClient, serviceClient } from '../support/supabase.js';

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
		const response = await fetch(`${apiUrl}/realtime/v1/api/tenants`, {
			headers: { apikey: anonKey }
		});
		expect(response.status).toBe(404);
	});

	it('passes Storage requests on without an apikey: Storage checks the JWT itself', async () => {
		const bucket = await fetch(`${apiUrl}/storage/v1/bucket`);
		expect(bucket.status).toBe(400);
		expect(await bucket.json()).toMatchObject({ statusCode: '403', code: 'AccessDenied' });
		const listed = await fetch(`${apiUrl}/storage/v1/bucket`, {
			headers: { apikey: serviceRoleKey }
		});
		expect(listed.status).toBe(200);
	});
});

describe('X-Forwarded-For, as the auth service sees it (the address its sessions record)', () => {
	const users = userTracker();
	afterAll(() => users.cleanup());

	/** Signs a new confirmed user in through a gateway and answers the session's recorded address. */
	async function sessionAddress(url: string, headers: Record<string, string>) {
		const email = uniqueEmail('gateway');
		const created = await serviceClient().auth.admin.createUser({
			email,
			password,
			email_confirm: true
		});
		users.add(created.data.user?.id);
		const res = await fetch(`${url}/auth/v1/token?grant_type=password`, {
			method: 'POST',
			headers: { apikey: anonKey, 'content-type': 'application/json', ...headers },
			body: JSON.stringify({ email, password })
		});
		expect(res.status).toBe(200);
		const { access_token } = (await res.json()) as { access_token: string };
		const claims = JSON.parse(Buffer.from(access_token.split('.')[1]!, 'base64url').toString());
		const [session] = await sql('select host(ip) as ip from auth.sessions where id = $1', [
			claims.session_id
		]);
		return session.ip as string;
	}

	it('from a trusted proxy (loopback: the app server, these tests) the first incoming value is kept', async () => {
		expect(await sessionAddress(apiUrl, { 'x-forwarded-for': '10.20.30.40' })).toBe('10.20.30.40');
		expect(await sessionAddress(apiUrl, { 'x-forwarded-for': '10.20.30.41, 10.9.9.9' })).toBe(
			'10.20.30.41'
		);
	});

	it('without an incoming value, or one that is no address, it is the socket address', async () => {
		expect(await sessionAddress(apiUrl, {})).toBe('127.0.0.1');
		expect(await sessionAddress(apiUrl, { 'x-forwarded-for': 'unknown, 10.9.9.9' })).toBe(
			'127.0.0.1'
		);
	});

	it('from a peer that is not a trusted proxy it is the socket address, whatever the peer claims', async () => {
		const authHandler = ownAuthHandler({ GOTRUE_SECURITY_SB_FORWARDED_FOR_ENABLED: 'true' });
		const gateway = createGateway({
			authHandler,
			postgrest: { host, port: ports.postgrest },
			apiKeys: [anonKey],
			trustedProxies: ['192.0.2.1']
		});
		await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', () => resolve()));
		try {
			const url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
			expect(await sessionAddress(url, { 'x-forwarded-for': '10.20.30.42' })).toBe('127.0.0.1');
			expect(await sessionAddress(url, { 'sb-forwarded-for': '203.0.113.42' })).toBe('127.0.0.1');
		} finally {
			await new Promise((r) => gateway.close(r));
			await authHandler.close();
		}
	});
});
