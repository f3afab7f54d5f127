// What waits for one organisation, for its overview page: one call to organisation_overview() (security
// invoker, so RLS decides), read into plain types.
import type { Db } from '$lib/server/supabase';
import { isOneOf, VERIFICATION_STATUSES, type VerificationStatus } from '$lib/vocabulary';
import { z } from 'zod';

const counted = <Item extends z.ZodType>(item: Item) =>
	z.object({ count: z.number(), items: z.array(item) });

const overviewSchema = z.object({
	verification_status: z.string(),
	proposals: counted(
		z.object({
			id: z.string(),
			request_title: z.string(),
			/** Null for a person who offers to help ("Ik wil helpen"). */
			offer_title: z.string().nullable(),
			proposer_name: z.string().nullable()
		})
	),
	requests: counted(z.object({ id: z.string(), title: z.string(), suggestion_count: z.number() })),
	drafts: counted(
		z.object({ kind: z.enum(['activity', 'offer']), id: z.string(), title: z.string() })
	),
	volunteers_without_check: z.number(),
	open_invitations: z.number()
});

export type OrganisationOverview = {
	verificationStatus: VerificationStatus;
	proposals: {
		count: number;
		items: {
			id: string;
			requestTitle: string;
			/** Null for a person's offer to help; proposerName is then the person. */
			offerTitle: string | null;
			proposerName: string | null;
		}[];
	};
	requests: { count: number; items: { id: string; title: string; suggestionCount: number }[] };
	drafts: { count: number; items: { kind: 'activity' | 'offer'; id: string; title: string }[] };
	volunteersWithoutCheck: number;
	openInvitations: number;
};

/** The organisation's to-do list; null when the caller is not one of its members. */
export async function getOrganisationOverview(
	db: Db,
	organisationId: string
): Promise<OrganisationOverview | null> {
	const { data, error } = await db.rpc('organisation_overview', {
		p_organisation_id: organisationId
	});
	if (error) throw error;
	if (data === null) return null;
	const row = overviewSchema.parse(data);
	return {
		verificationStatus: isOneOf(VERIFICATION_STATUSES, row.verification_status)
			? row.verification_status
			: 'unverified',
		proposals: {
			count: row.proposals.count,
			items: row.proposals.items.map((item) => ({
				id: item.id,
				requestTitle: item.request_title,
				offerTitle: item.offer_title,
				proposerName: item.proposer_name
			}))
		},
		requests: {
			count: row.requests.count,
			items: row.requests.items.map((item) => ({
				id: item.id,
				title: item.title,
				suggestionCount: item.suggestion_count
			}))
		},
		drafts: row.drafts,
		volunteersWithoutCheck: row.volunteers_without_check,
		openInvitations: row.open_invitations
	};
}
