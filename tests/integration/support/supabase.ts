// supabase-js clients for tests against the running local stack, as a new user of the API would make them.
import { randomBytes } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import ws from 'ws';
import { anonKey, apiUrl, serviceRoleKey } from '../../../stack/config.js';

// Node 20 has no native WebSocket, which supabase-js's realtime client wants at construction.
const options = {
	auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
	realtime: { transport: ws as never }
};

/**
 * A made-up client address in 10.0.0.0/8. The auth service limits sign-ins, sign-ups, refreshes and
 * verifications per client address, as a real deployment does, and every test runs on this one
 * machine: each client claims its own address (the gateway keeps X-Forwarded-For from loopback), so
 * hundreds of sign-ins never share one budget.
 */
export function clientAddress(): string {
	const [a, b, c] = randomBytes(3);
	return `10.${a}.${b}.${c}`;
}

/** A visitor's client: anon key, no session until it signs in, its own client address. */
export const anonClient = (url = apiUrl, address = clientAddress()): SupabaseClient =>
	createClient(url, anonKey, { ...options, global: { headers: { 'X-Forwarded-For': address } } });

/** A server job's client: service-role key, bypasses RLS. */
export const serviceClient = (url = apiUrl): SupabaseClient =>
	createClient(url, serviceRoleKey, options);
