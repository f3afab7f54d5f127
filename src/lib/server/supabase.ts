// Supabase clients; the ONLY module that reads the service-role key (the search worker asks it here).
import { env as privateEnv } from '$env/dynamic/private';
import { env as publicEnv } from '$env/dynamic/public';
import type { Database } from '$lib/types/database';
import { createServerClient } from '@supabase/ssr';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Cookies } from '@sveltejs/kit';
import { keepAliveFetch } from './keep-alive-fetch.js';
import ws from 'ws';

export type Db = SupabaseClient<Database>;

// The Supabase CLI's well-known local defaults, so `npm run dev` works against the local stack without a .env.
const LOCAL_API_URL = 'http://127.0.0.1:54321';
const LOCAL_ANON_KEY =
	'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0';

const LOCAL_SERVICE_ROLE_KEY =
	'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU';

/** The API gateway's URL, without a trailing slash, so the prefixes below match what supabase-js asks. */
export function supabaseUrl(): string {
	return (publicEnv.PUBLIC_SUPABASE_URL || LOCAL_API_URL).replace(/\/+$/, '');
}

function anonKey(): string {
	return publicEnv.PUBLIC_SUPABASE_ANON_KEY || LOCAL_ANON_KEY;
}

// supabase-js builds its realtime client eagerly and wants a WebSocket, which Node 20 only has as `ws`.
const realtime = { transport: (globalThis.WebSocket ?? ws) as unknown as typeof WebSocket };

/**
 * Where this server sends its PostgREST calls: SUPABASE_REST_URL when the server can reach PostgREST
 * itself (beside the local stack, or inside a self-hosted one's network), which saves each call the
 * gateway's proxy hop; otherwise the gateway's /rest/v1. The gateway adds nothing PostgREST needs from this
 * server: its apikey check guards a key the server holds, and PostgREST checks the JWT in Authorization
 * itself (a JWT-format key; an opaque publishable key needs the gateway to translate it). No SQL reads the
 * client's address from the request headers, which only the gateway would add. The auth calls, Storage
 * and the service-role client still go through the gateway.
 */
export function restBase(configured: string | undefined, apiUrl: string): string {
	return (configured || `${apiUrl}/rest/v1`).replace(/\/+$/, '') + '/';
}

/**
 * fetch for one person's requests. PostgREST calls go to restBase() over kept-alive node:http
 * connections (keep-alive-fetch.js: a fraction of the global fetch's CPU per call); postgrest-js passes
 * its URL as a string, and a URL or Request object goes to the gateway. Auth calls tell the auth service
 * who the client is (X-Forwarded-For), so that its per-address limits count each person and not the app
 * server as one; the gateway of the local stack keeps this header from the app (a loopback peer), see the
 * README for a hosted project. Other calls (Storage) go out unchanged.
 */
function clientFetch(address: string | null): typeof fetch {
	const rest = `${supabaseUrl()}/rest/v1/`;
	const restTarget = restBase(privateEnv.SUPABASE_REST_URL, supabaseUrl());
	const auth = `${supabaseUrl()}/auth/v1/`;
	return (input, init) => {
		if (typeof input === 'string' && input.startsWith(rest)) {
			return keepAliveFetch(restTarget + input.slice(rest.length), init);
		}
		const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
		if (url.startsWith(rest)) return keepAliveFetch(input, init);
		if (!address || !url.startsWith(auth)) return fetch(input, init);
		const request = new Request(input, init);
		request.headers.set('X-Forwarded-For', address);
		return fetch(request);
	};
}

/**
 * A client acting as the person making this request: their session cookies, so RLS decides.
 * `clientAddress` (null when unknown) goes to the auth service with each of its calls.
 */
export function createRequestClient(
	cookies: Cookies,
	setHeaders: (headers: Record<string, string>) => void,
	clientAddress: string | null = null
): Db {
	return createServerClient<Database>(supabaseUrl(), anonKey(), {
		realtime,
		global: { fetch: clientFetch(clientAddress) },
		cookies: {
			getAll: () => cookies.getAll(),
			setAll: (cookiesToSet, headers) => {
				for (const { name, value, options } of cookiesToSet) {
					cookies.set(name, value, { ...options, path: '/' });
				}
				setHeaders(headers);
			}
		}
	});
}

/**
 * A client with no cookies and no stored session: for asking the auth service whether a password is right
 * without touching the request's own session. `clientAddress` (null when unknown) goes to the auth
 * service like the request client's does.
 */
export function createSessionlessClient(clientAddress: string | null = null): Db {
	return createClient<Database>(supabaseUrl(), anonKey(), {
		realtime,
		global: { fetch: clientFetch(clientAddress) },
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }
	});
}

/**
 * The key that bypasses RLS, for the service client and the search worker (server only). Against the local
 * stack the Supabase CLI's well-known local key applies; anywhere else it must be set.
 */
export function serviceRoleKey(): string {
	const key =
		privateEnv.SUPABASE_SERVICE_ROLE_KEY ||
		(supabaseUrl() === LOCAL_API_URL ? LOCAL_SERVICE_ROLE_KEY : undefined);
	if (!key) throw new Error('SUPABASE_SERVICE_ROLE_KEY is not set');
	return key;
}

/**
 * A client that bypasses RLS. Only for search sync, seeding and admin jobs, and for the sign-in throttle
 * (auth_throttle_hit, which nothing else may call); never to read or write data for a person's request.
 */
export function createServiceClient(): Db {
	return createClient<Database>(supabaseUrl(), serviceRoleKey(), {
		realtime,
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }
	});
}
