// The signed-in home: what waits for a person across their organisations, in one call
// (public.home_overview, security invoker, so RLS decides what they may read).
import { z } from 'zod';
import type { Db } from '$lib/server/supabase';

const list = <T extends z.ZodType>(item: T) =>
	z.object({ count: z.coerce.number(), items: z.array(item) });

const overviewSchema = z.object({
	organisations: z.array(
		z.object({
			id: z.string(),
			slug: z.string(),
			name: z.string(),
			kind: z.string(),
			role: z.string()
		})
	),
	proposals: list(
		z.object({
			id: z.string(),
			created_at: z.string(),
			request_title: z.string(),
			// Null on a person's proposal ("Ik wil helpen"): proposer_name is the person.
			offer_title: z.string().nullable(),
			proposer_name: z.string().nullable(),
			organisation_name: z.string()
		})
	),
	suggestions: list(
		z.object({
			request_id: z.string(),
			request_title: z.string(),
			suggestion_count: z.coerce.number()
		})
	),
	unread: list(
		z.object({
			id: z.number(),
			kind: z.string(),
			title: z.string().nullable(),
			params: z.unknown(),
			link: z.string(),
			created_at: z.string()
		})
	),
	bookings: list(
		z.object({
			id: z.string(),
			agreement_id: z.string(),
			day: z.string(),
			starts: z.string(),
			ends: z.string(),
			offer_title: z.string(),
			request_title: z.string()
		})
	),
	first_sessions: list(
		z.object({
			id: z.string(),
			day: z.string(),
			// Null on a person's agreement: the session is at academy_name.
			offer_title: z.string().nullable(),
			request_title: z.string(),
			academy_name: z.string()
		})
	),
	// The agreements in which the person helps themselves ("Ik wil helpen"), still proposed or accepted.
	helping: list(
		z.object({
			id: z.string(),
			status: z.string(),
			request_title: z.string(),
			academy_name: z.string()
		})
	),
	volunteers: list(
		z.object({
			id: z.string(),
			agreement_id: z.string(),
			volunteer_name: z.string(),
			state: z.string(),
			slug: z.string(),
			organisation_name: z.string()
		})
	),
	drafts: list(
		z.object({
			kind: z.enum(['activity', 'offer']),
			id: z.string(),
			title: z.string(),
			slug: z.string(),
			organisation_name: z.string()
		})
	)
});

export type HomeOverview = z.infer<typeof overviewSchema>;

/** The signed-in person's home: each list at most `limit` items, with its full count. */
export async function getHomeOverview(db: Db, limit = 5): Promise<HomeOverview> {
	const { data, error } = await db.rpc('home_overview', { p_limit: limit });
	if (error) throw error;
	return overviewSchema.parse(data);
}
