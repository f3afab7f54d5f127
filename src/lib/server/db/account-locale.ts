// The language a person's mails are written in (account_locales; RLS: only their own row).
import type { Db } from '$lib/server/supabase';

/**
 * Remembers the language a signed-in person switched to, for the mails that reach them later: the app's
 * own mails read account_locales, the auth service's (a new password, a changed address) read
 * user_metadata.locale, as a hosted project's mail templates can. The metadata is a preference only.
 */
export async function saveAccountLocale(
	db: Db,
	userId: string,
	locale: 'nl' | 'en'
): Promise<void> {
	const { error } = await db
		.from('account_locales')
		.upsert(
			{ user_id: userId, locale, updated_at: new Date().toISOString() },
			{ onConflict: 'user_id' }
		);
	if (error) throw error;
	const { error: authError } = await db.auth.updateUser({ data: { locale } });
	if (authError) throw authError;
}
