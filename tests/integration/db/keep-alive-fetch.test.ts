// The app's PostgREST calls go over keepAliveFetch (src/lib/server/keep-alive-fetch.js) instead of the
// global fetch: the same answers through the real gateway and PostgREST, counts, refusals and errors
// included, and a call that gets no answer is an error result, as with fetch.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import ws from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepAliveFetch, send } from '../../../src/lib/server/keep-alive-fetch.js';
import { anonKey, apiUrl } from '../../../stack/config.js';
import { testPeople, type Person } from './people.js';

const people = testPeople('keep-alive');
const client = (fetch: typeof globalThis.fetch, url = apiUrl): SupabaseClient =>
	createClient(url, anonKey, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		realtime: { transport: ws as never },
		global: { fetch }
	});

let person: Person;

beforeAll(async () => {
	person = await people.signUp('lezer');
});

afterAll(() => people.remove());

describe('keepAliveFetch for PostgREST', () => {
	it('reads the same rows and count as fetch', async () => {
		const read = (db: SupabaseClient) =>
			db
				.from('municipalities')
				.select('nis, name_nl, province_nl', { count: 'exact' })
				.eq('province_nl', 'Provincie Limburg')
				.order('nis')
				.range(0, 9);
		const [kept, fetched] = await Promise.all([read(client(keepAliveFetch)), read(client(fetch))]);
		expect(kept.error).toBeNull();
		expect(kept.data).toHaveLength(10);
		expect(kept.count).toBeGreaterThan(10);
		expect(kept).toEqual(fetched);
	});

	it('sends a body (an RPC) whole, text outside Latin-1 included', async () => {
		const communities = (db: SupabaseClient) =>
			db.rpc('municipality_communities', { p_nis: ['44021', '71022'] });
		const [kept, fetched] = await Promise.all([
			communities(client(keepAliveFetch)),
			communities(client(fetch))
		]);
		expect(kept.error).toBeNull();
		expect(kept).toEqual(fetched);
		// The body's length counts bytes: a length in characters would cut the JSON short (PGRST102).
		const unknownToken = await client(keepAliveFetch).rpc('invitation_details', {
			p_token: 'géén — token ✓'
		});
		expect(unknownToken.error).toBeNull();
		expect(unknownToken.status).toBe(200);
	});

	it('carries the person’s session: RLS sees who asks', async () => {
		const signedIn = client(keepAliveFetch);
		const { error: signInError } = await signedIn.auth.signInWithPassword({
			email: person.email,
			password: 'groeistoot-test-wachtwoord'
		});
		expect(signInError).toBeNull();
		const own = await signedIn.from('profiles').select('id').eq('id', person.id);
		expect(own.data).toEqual([{ id: person.id }]);
		// A new account's profile is not public: without the session the same read finds nothing.
		const anonymous = await client(keepAliveFetch)
			.from('profiles')
			.select('id')
			.eq('id', person.id);
		expect(anonymous.data).toEqual([]);
	});

	it('answers a refusal with PostgREST’s status and code, as fetch does', async () => {
		const write = (db: SupabaseClient) =>
			db.from('organisations').insert({ kind: 'academy', name: 'Geweigerd', slug: 'geweigerd' });
		const [kept, fetched] = await Promise.all([
			write(client(keepAliveFetch)),
			write(client(fetch))
		]);
		expect(kept.status).toBe(401);
		expect(kept.error?.code).toBe('42501');
		expect(kept).toEqual(fetched);
	});

	it('answers "no row" for single() like fetch', async () => {
		const one = (db: SupabaseClient) =>
			db.from('municipalities').select('nis').eq('nis', 'geen-gemeente').single();
		const [kept, fetched] = await Promise.all([one(client(keepAliveFetch)), one(client(fetch))]);
		expect(kept.status).toBe(406);
		expect(kept.error?.code).toBe('PGRST116');
		expect(kept).toEqual(fetched);
	});

	it('stops a call when its signal aborts', async () => {
		const controller = new AbortController();
		controller.abort();
		const { data, error } = await client(keepAliveFetch)
			.from('municipalities')
			.select('nis')
			.abortSignal(controller.signal);
		expect(data).toBeNull();
		expect(error?.message).toMatch(/abort/i);
	});

	it('a gateway that breaks off is an error result, never a hang or a throw', async () => {
		const server = http.createServer((request, response) => {
			response.writeHead(200, { 'content-type': 'application/json' });
			response.write('[{"nis": "71022"');
			response.destroy();
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const { port } = server.address() as AddressInfo;
			const broken = client(keepAliveFetch, `http://127.0.0.1:${port}`);
			// A POST: PostgREST's client retries only reads.
			const { data, error } = await broken.rpc('resolve_municipality', { p_query: 'Gent' });
			expect(data).toBeNull();
			expect(error?.message).toBeTruthy();
		} finally {
			server.closeAllConnections();
			server.close();
		}
	});

	it('hands a non-text body to the global fetch', async () => {
		const server = http.createServer((request, response) => {
			const chunks: Buffer[] = [];
			request.on('data', (chunk: Buffer) => chunks.push(chunk));
			request.on('end', () => {
				response.writeHead(200, { 'content-type': 'text/plain' });
				response.end(`${request.headers['content-type']} ${Buffer.concat(chunks).length}`);
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const { port } = server.address() as AddressInfo;
			const response = await keepAliveFetch(`http://127.0.0.1:${port}/upload`, {
				method: 'POST',
				body: new Blob(['twaalf bytes'], { type: 'text/plain' })
			});
			expect(await response.text()).toBe('text/plain 12');
		} finally {
			server.closeAllConnections();
			server.close();
		}
	});

	it('closes an idle connection before the server does, and lets a slow answer finish', async () => {
		// keepAliveTimeout 2 s: Node's server announces "Keep-Alive: timeout=2" and closes after 2 s idle.
		const server = http.createServer((request, response) => {
			const answer = () => response.end(JSON.stringify({ url: request.url }));
			if (request.url === '/slow') setTimeout(answer, 1500);
			else answer();
		});
		server.keepAliveTimeout = 2000;
		const closedBy: Promise<'client' | 'server'>[] = [];
		server.on('connection', (socket) => {
			closedBy.push(
				new Promise((resolve) => {
					let ended = false;
					socket.on('end', () => (ended = true));
					socket.on('close', () => resolve(ended ? 'client' : 'server'));
				})
			);
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const { port } = server.address() as AddressInfo;
			const url = (path: string) => new URL(`http://127.0.0.1:${port}${path}`);
			expect((await send(url('/fast'), {})).text).toBe('{"url":"/fast"}');
			// The same connection again, idle for longer than its timeout (1 s) while the answer is made.
			expect((await send(url('/slow'), {})).text).toBe('{"url":"/slow"}');
			expect(closedBy).toHaveLength(1);
			// Then idle: this side closes it (it sends its end first), before the server's 2 s are up.
			expect(await closedBy[0]).toBe('client');
		} finally {
			server.closeAllConnections();
			server.close();
		}
	});
});
