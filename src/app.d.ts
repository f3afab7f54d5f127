import type { SessionUser } from '$lib/server/auth/session-user';
import type { Db } from '$lib/server/supabase';
import type { Session } from '@supabase/supabase-js';

// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
			errorId?: string;
			/** The URL parameter a 400 is about (the search page drops it from its form). */
			param?: string;
		}
		interface Locals {
			supabase: Db;
			/**
			 * Reads the session cookie and verifies its access token (signature and expiry, against the
			 * auth server's public keys); never trust the cookie alone. See hooks.server.ts.
			 */
			safeGetSession: () => Promise<{ session: Session | null; user: SessionUser | null }>;
			session: Session | null;
			/** From the verified token; for the auth server's current word, currentUser(). */
			user: SessionUser | null;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
