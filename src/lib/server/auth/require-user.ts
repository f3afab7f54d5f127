import { redirect } from '@sveltejs/kit';
import type { User } from '@supabase/supabase-js';

/**
 * The signed-in person in an (app) route. The hooks already redirect anonymous visitors; this narrows the
 * type and is a second line should a route ever move out of the (app) group.
 */
export function requireUser(locals: App.Locals, url: URL): User {
	if (!locals.user) {
		redirect(303, `/aanmelden?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`);
	}
	return locals.user;
}
