// Pages for network staff only; who is staff is decided by Postgres (network_staff), not by the app.
import { m } from '$lib/paraglide/messages';
import { error } from '@sveltejs/kit';
import type { User } from '@supabase/supabase-js';
import type { Db } from '$lib/server/supabase';
import { currentUser } from './require-user';

/** Whether the signed-in person is network staff. */
export async function isNetworkStaff(db: Db): Promise<boolean> {
	const { data, error: rpcError } = await db.rpc('is_network_staff');
	if (rpcError) throw rpcError;
	return data === true;
}

/**
 * The signed-in staff member, as the auth server knows them now (their pages change what others see);
 * anyone else gets a Dutch 403 page.
 */
export async function requireStaff(locals: App.Locals, url: URL): Promise<User> {
	const user = await currentUser(locals, url);
	if (!(await isNetworkStaff(locals.supabase))) error(403, m.app_staff_only());
	return user;
}
