// The header of every signed-in page in one API round trip (public.account_header, security invoker):
// the person's display name, whether they are network staff, how many notifications they have not read.
import { z } from 'zod';
import type { Db } from '$lib/server/supabase';

const headerSchema = z.object({
	display_name: z.string().nullable(),
	staff: z.boolean(),
	unread: z.coerce.number()
});

export type AccountHeader = { displayName: string | null; staff: boolean; unread: number };

export async function getAccountHeader(db: Db): Promise<AccountHeader> {
	const { data, error } = await db.rpc('account_header');
	if (error) throw error;
	const header = headerSchema.parse(data);
	return { displayName: header.display_name, staff: header.staff, unread: header.unread };
}
