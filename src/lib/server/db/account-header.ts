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

/** account_header()'s answer (also a page function's `account`: src/lib/server/page-header.ts). */
export function parseAccountHeader(answer: unknown): AccountHeader {
	const header = headerSchema.parse(answer);
	return { displayName: header.display_name, staff: header.staff, unread: header.unread };
}

export async function getAccountHeader(db: Db): Promise<AccountHeader> {
	const { data, error } = await db.rpc('account_header');
	if (error) throw error;
	return parseAccountHeader(data);
}
