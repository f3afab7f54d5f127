// Pages for network staff only; who is staff is decided by Postgres (network_staff), not by the app.
import { m } from '$lib/paraglide/messages';
import { error } from '@sveltejs/kit';
import type { User } from '@supabase/supabase-js';
import { requireUser } from './require-user';

/** The signed-in staff member; anyone else gets a Dutch 403 page. */
export async function requireStaff(locals: App.Locals, url: URL): Promise<User> {
	const user = requireUser(locals, url);
	const { data, error: rpcError } = await locals.supabase.rpc('is_network_staff');
	if (rpcError) throw rpcError;
	if (data !== true) error(403, m.app_staff_only());
	return user;
}
