import type { Db } from '$lib/server/supabase';
import type { Session, User } from '@supabase/supabase-js';

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
			/** Reads the session cookie and validates it with the auth server; never trust the cookie alone. */
			safeGetSession: () => Promise<{ session: Session | null; user: User | null }>;
			session: Session | null;
			user: User | null;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
