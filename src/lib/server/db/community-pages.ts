// Everything the page of one community shows (a municipality's or a region's), in one API call
// (public.community_page(), security invoker: RLS decides as it did for the separate queries, and the
// parts that were functions are those functions). The rows come in the shape PostgREST gave the separate
// queries, so they are mapped by the same code as before; offers and requests come as the public lists'
// card rows (migration 20261215000100).
import type { Db } from '$lib/server/supabase';
import { summary as activitySummary, type SummaryRow as ActivityRow } from './activities';
import {
	administeredOf,
	administrableOf,
	countsOf,
	membershipOf,
	organisationsOf,
	toCommunity,
	type AdministeredOrganisation,
	type Community,
	type CommunityCounts,
	type CommunityOrganisation,
	type CommunityRow,
	type Municipality,
	type MyMembership
} from './communities';
import { agendaOf, eventSummary, type AgendaItem } from './events';
import type { OfferCardData, RequestCardData } from '$lib/exchange-cards';
import { offerCardOf, type CardRow as OfferCardRow } from './offers';
import { postSummariesOf, type PostSummary } from './posts';
import { requestCardOf, type CardRow as RequestCardRow } from './requests';

export type CommunityPageLocator =
	{ nis: string; slug?: undefined } | { slug: string; nis?: undefined };

export type CommunityPageViewer = {
	membership: MyMembership | null;
	organisations: AdministeredOrganisation[];
	isHost: boolean;
	block: { reason: string } | null;
};

export type CommunityPageData = {
	found: true;
	/** The municipality of a municipality's page (null for a region). */
	municipality: Municipality | null;
	/** Null for a municipality nobody joined yet. */
	community: Community | null;
	counts: CommunityCounts;
	organisations: CommunityOrganisation[];
	requests: RequestCardData[];
	offers: OfferCardData[];
	agenda: AgendaItem[];
	/** Null for an anonymous visitor. */
	viewer: CommunityPageViewer | null;
	posts: PostSummary[];
};

export type CommunityPageLookup = CommunityPageData | { found: false; currentNis: string | null };

/** What public.community_page() returns. */
type PageRow =
	| { found: false; current_nis: string | null }
	| {
			found: true;
			municipality: { nis: string; name_nl: string; province_nl: string | null } | null;
			community: CommunityRow | null;
			counts: { kind: string; members: number }[];
			organisations: Parameters<typeof organisationsOf>[0];
			requests: RequestCardRow[];
			offers: OfferCardRow[];
			events: Parameters<typeof eventSummary>[0][];
			agenda_activities: Parameters<typeof agendaOf>[1];
			activities: ActivityRow[];
			posts: Parameters<typeof postSummariesOf>[0];
			authors: { id: string; display_name: string }[];
			viewer: {
				membership: Parameters<typeof membershipOf>[0];
				organisations: Parameters<typeof administrableOf>[0];
				joined: string[];
				is_host: boolean;
				block: { reason: string } | null;
			} | null;
	  };

/**
 * The page of a municipality's community (by NIS code) or a region's (by slug), showing `limit` of each
 * list. A former (merged) municipality gives the `currentNis` to redirect to; an unknown one gives null.
 */
export async function getCommunityPage(
	db: Db,
	locator: CommunityPageLocator,
	today: string,
	limit: number
): Promise<CommunityPageLookup> {
	const { data, error } = await db.rpc('community_page', {
		p_nis: locator.nis,
		p_slug: locator.slug,
		p_today: today,
		p_limit: limit
	});
	if (error) throw error;
	const row = data as unknown as PageRow;
	if (!row.found) return { found: false, currentNis: row.current_nis };

	const community = row.community ? toCommunity(row.community) : null;
	const agenda = community
		? agendaOf(row.events.map(eventSummary), row.agenda_activities, limit)
		: row.activities.map(activitySummary).map((activity): AgendaItem => ({
				type: 'activity',
				id: activity.id,
				title: activity.title,
				startDate: activity.startDate,
				endDate: activity.endDate,
				place: activity.place.name,
				href: `/activiteiten/${activity.id}`
			}));
	const viewer = row.viewer && {
		membership: membershipOf(row.viewer.membership),
		organisations: administeredOf(
			administrableOf(row.viewer.organisations),
			new Set(row.viewer.joined)
		),
		isHost: row.viewer.is_host === true,
		block: row.viewer.block
	};
	return {
		found: true,
		municipality: row.municipality && {
			nis: row.municipality.nis,
			name: row.municipality.name_nl,
			provinceNl: row.municipality.province_nl
		},
		community,
		counts: countsOf(row.counts),
		organisations: organisationsOf(row.organisations),
		requests: row.requests.map(requestCardOf),
		offers: row.offers.map(offerCardOf),
		agenda,
		viewer,
		posts: postSummariesOf(
			row.posts,
			new Map(row.authors.map((author) => [author.id, author.display_name]))
		)
	};
}
