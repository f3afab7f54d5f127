// Pages for network staff only; who is staff is decided by Postgres (network_staff), not by the app.
import { m } from '$lib/paraglide/messages';
import { error, redirect } from '@sveltejs/kit';
import type { User } from '@supabase/supabase-js';
import type { Db } from '$lib/server/supabase';
import { aal2Redirect } from './mfa';
import { currentUser } from './require-user';

/** Whether the signed-in person is network staff. */
export async function isNetworkStaff(db: Db): Promise<boolean> {
	const { data, error: rpcError } = await db.rpc('is_network_staff');
	if (rpcError) throw rpcError;
	return data === true;
}

/**
 * The signed-in staff member at aal2, as the auth server knows them now (their pages change what others
 * see); anyone else gets a Dutch 403 page, staff at aal1 a redirect to the code step or its set-up.
 */
export async function requireStaff(locals: App.Locals, url: URL): Promise<User> {
	const user = await currentUser(locals, url);
	if (!(await isNetworkStaff(locals.supabase))) error(403, m.app_staff_only());
	// Staff pages need two-factor sign-in (aal2): the code step, or setting it up first.
	const target = aal2Redirect(locals, url, user);
	if (target) redirect(303, target);
	return user;
}
