// supabase-js clients for tests against the running local stack, as a new user of the API would make them.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import ws from 'ws';
import { anonKey, apiUrl, serviceRoleKey } from '../../../stack/config.js';

// Node 20 has no native WebSocket, which supabase-js's realtime client wants at construction.
const options = {
	auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
	realtime: { transport: ws as never }
};

/** A visitor's client: anon key, no session until it signs in. */
export const anonClient = (url = apiUrl): SupabaseClient => createClient(url, anonKey, options);

/** A server job's client: service-role key, bypasses RLS. */
export const serviceClient = (url = apiUrl): SupabaseClient =>
	createClient(url, serviceRoleKey, options);
