import { redirect } from '@sveltejs/kit';
import type { User } from '@supabase/supabase-js';
import type { SessionUser } from './session-user';

const signInPage = (url: URL) =>
	`/aanmelden?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`;

/**
 * The signed-in person in an (app) route. The hooks already redirect anonymous visitors; this narrows the
 * type and is a second line should a route ever move out of the (app) group.
 */
export function requireUser(locals: App.Locals, url: URL): SessionUser {
	if (!locals.user) redirect(303, signInPage(url));
	return locals.user;
}

/**
 * The signed-in person as the auth server knows them now (one round trip): for decisions that must not
 * rest on a token alone, which stays valid until it expires even after a sign-out elsewhere, and for the
 * fields a token does not carry (created_at, last_sign_in_at, ...). A session the server no longer
 * knows goes to the sign-in page.
 */
export async function currentUser(locals: App.Locals, url: URL): Promise<User> {
	const user = requireUser(locals, url);
	const { data, error } = await locals.supabase.auth.getUser();
	if (error || !data.user || data.user.id !== user.id) redirect(303, signInPage(url));
	return data.user;
}
