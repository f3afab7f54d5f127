// The language a person's mails are written in (account_locales; RLS: only their own row).
import type { Db } from '$lib/server/supabase';

/** Remembers the language a signed-in person switched to, for the mails that reach them later. */
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
}
