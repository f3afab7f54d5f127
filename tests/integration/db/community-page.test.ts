// A community's page in one call (public.community_page(), security invoker): for a municipality's
// community, a region and a municipality nobody joined yet, what anonymous visitors, a signed-in stranger,
// a member (who administers a joined organisation), a host and a blocked person get is exactly what the
// separate queries the page made before gave them. An unknown code or slug finds nothing, a merged
// municipality names its successor, and a call without (or with both) locators is refused with a hint.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { offerCard, requestCard } from '$lib/exchange-cards';
import { todayInBelgium } from '$lib/public/format';
import { listUpcomingActivitiesIn } from '$lib/server/db/activities';
import {
	administeredOrganisations,
	communityByNis,
	communityBySlug,
	communityCounts,
	communityOfferIds,
	communityOrganisations,
	hostsCommunity,
	myBlock,
	myMembership,
	type Community,
	type CommunityCounts
} from '$lib/server/db/communities';
import { getCommunityPage, type CommunityPageLocator } from '$lib/server/db/community-pages';
import { communityAgenda, type AgendaItem } from '$lib/server/db/events';
import { listActiveOffersByIds } from '$lib/server/db/offers';
import { latestPosts } from '$lib/server/db/posts';
import { listLiveRequestsIn } from '$lib/server/db/requests';
import type { Db } from '$lib/server/supabase';
import { anonymousClient, testPeople, type Person } from './people.js';

// The activities' mapper builds photo addresses from the app's environment (SvelteKit's $env): both ways
// of loading use the same one.
vi.mock('$env/dynamic/private', () => ({ env: {} }));
vi.mock('$env/dynamic/public', () => ({ env: {} }));

const people = testPeople('community-page');
const SHOWN = 6;
let municipalityNis: string;
let municipalityCommunity: string;
let regionSlug: string;
let regionCommunity: string;
let emptyNis: string;
let mergedNis: string;
let successorNis: string;
let stranger: Person;
let member: Person;
let host: Person;
let blocked: Person;

const EMPTY_COUNTS: CommunityCounts = {
	organisations: { academy: 0, school: 0, company: 0, partner: 0 },
	people: { teacher: 0, volunteer: 0, parent: 0, officer: 0, other: 0 },
	peopleTotal: 0,
	total: 0
};

/** The newest active offers seated in a municipality: what /aanbod filtered on it listed first. */
async function newestActiveOfferIds(db: Db, nis: string | undefined): Promise<string[]> {
	if (nis === undefined) return [];
	const { data, error } = await db
		.from('offers')
		.select('id')
		.eq('status', 'active')
		.eq('municipality_nis', nis)
		.order('created_at', { ascending: false })
		.order('id')
		.limit(SHOWN);
	if (error) throw error;
	return data.map((row) => row.id);
}

/** What the page loaded before, query by query (the former loadCommunityPage()). */
async function separately(db: Db, locator: CommunityPageLocator, userId: string | null) {
	let community: Community | null;
	let places: string[];
	if (locator.nis !== undefined) {
		const found = await communityByNis(db, locator.nis);
		if (!found.found) return { found: false as const, currentNis: found.currentNis };
		community = found.community;
		places = [found.municipality.nis];
	} else {
		community = await communityBySlug(db, locator.slug);
		if (!community) return { found: false as const, currentNis: null };
		places = community.places.map((place) => place.nis);
	}
	const id = community?.id ?? null;
	const today = todayInBelgium();
	const [counts, organisations, requests, offers, agenda, viewer, posts] = await Promise.all([
		id ? communityCounts(db, id) : EMPTY_COUNTS,
		id ? communityOrganisations(db, id) : [],
		// as their cards show them (community_page() answers the cards' fields only)
		listLiveRequestsIn(db, places, SHOWN).then((rows) => rows.map(requestCard)),
		(id ? communityOfferIds(db, id, SHOWN) : newestActiveOfferIds(db, places[0]))
			.then((ids) => listActiveOffersByIds(db, ids))
			.then((rows) => rows.map(offerCard)),
		id
			? communityAgenda(db, id, SHOWN)
			: listUpcomingActivitiesIn(db, places, today, SHOWN).then((page) =>
					page.rows.map((activity): AgendaItem => ({
						type: 'activity',
						id: activity.id,
						title: activity.title,
						startDate: activity.startDate,
						endDate: activity.endDate,
						place: activity.place.name,
						href: `/activiteiten/${activity.id}`
					}))
				),
		userId
			? Promise.all([
					id ? myMembership(db, id, userId) : null,
					administeredOrganisations(db, userId, id),
					id ? hostsCommunity(db, id) : false,
					id ? myBlock(db, id, userId) : null
				]).then(([membership, adminOrganisations, isHost, block]) => ({
					membership,
					organisations: adminOrganisations,
					isHost,
					block
				}))
			: null,
		id ? latestPosts(db, id, SHOWN) : []
	]);
	return { community, counts, organisations, requests, offers, agenda, viewer, posts };
}

/** The one call, in the same terms. */
async function together(db: Db, locator: CommunityPageLocator) {
	const page = await getCommunityPage(db, locator, todayInBelgium(), SHOWN);
	if (!page.found) return page;
	const { community, counts, organisations, requests, offers, agenda, viewer, posts } = page;
	return { community, counts, organisations, requests, offers, agenda, viewer, posts };
}

const clients = (): [string, SupabaseClient, string | null][] => [
	['anonymous', anonymousClient(), null],
	['a signed-in stranger', stranger.client, stranger.id],
	['a member', member.client, member.id],
	['a host', host.client, host.id],
	['a blocked person', blocked.client, blocked.id]
];

afterAll(() => people.remove());

beforeAll(async () => {
	const [busiest] = await people.query<{ id: string; nis: string }>(
		`select c.id, c.municipality_nis as nis from public.communities c
		 where c.kind = 'municipality' and c.status = 'active'
		 order by (select count(*) from public.community_members m where m.community_id = c.id) desc, c.id
		 limit 1`
	);
	const [region] = await people.query<{ id: string; slug: string }>(
		`select c.id, c.slug from public.communities c
		 where c.kind = 'region' and c.status = 'active'
		 order by (select count(*) from public.community_members m where m.community_id = c.id) desc, c.id
		 limit 1`
	);
	const [empty] = await people.query<{ nis: string }>(
		`select m.nis from public.municipalities m
		 where m.valid_to is null and m.region = 'VLG'
			and not exists (select 1 from public.communities c where c.municipality_nis = m.nis)
		 order by (select count(*) from public.activities a where a.municipality_nis = m.nis) desc, m.nis
		 limit 1`
	);
	const [merged] = await people.query<{ nis: string; current: string }>(
		`select m.nis, public.current_nis(m.nis) as current from public.municipalities m
		 where m.valid_to is not null and public.current_nis(m.nis) <> m.nis
		 order by m.nis limit 1`
	);
	if (!busiest || !region || !empty || !merged)
		throw new Error('load the seed: npm run stack:reset');
	municipalityNis = busiest.nis;
	municipalityCommunity = busiest.id;
	regionSlug = region.slug;
	regionCommunity = region.id;
	emptyNis = empty.nis;
	mergedNis = merged.nis;
	successorNis = merged.current;

	[stranger, member, host, blocked] = await Promise.all([
		people.signUp('vreemde'),
		people.signUp('lid'),
		people.signUp('gastheer'),
		people.signUp('geblokkeerd')
	]);
	// The member administers a school that joined both communities and a partner that joined neither;
	// the partner has an offer in the municipality nobody joined yet.
	const school = await people.organisation([[member, 'admin']], {
		municipality_nis: municipalityNis
	});
	const partner = await people.organisation([[member, 'owner']], {
		kind: 'partner',
		municipality_nis: emptyNis
	});
	await people.offer(partner.id, { municipality_nis: emptyNis, kind: 'volunteers' });
	for (const community of [municipalityCommunity, regionCommunity]) {
		await people.query(
			`insert into public.community_members (community_id, user_id, person_kind, in_directory, role)
			 values ($1, $2, 'teacher', true, 'member'), ($1, $3, 'volunteer', false, 'host')`,
			[community, member.id, host.id]
		);
		await people.query(
			`insert into public.community_members (community_id, organisation_id, role) values ($1, $2, 'member')`,
			[community, school.id]
		);
		await people.query(
			`insert into public.community_blocks (community_id, user_id, reason, blocked_by)
			 values ($1, $2, 'Herhaald ongepaste berichten', $3)`,
			[community, blocked.id, host.id]
		);
	}
});

describe('community_page: one call gives what the separate queries gave', () => {
	it('for a municipality’s community, to everyone', async () => {
		for (const [who, client, userId] of clients()) {
			const one = await together(client, { nis: municipalityNis });
			const before = await separately(client, { nis: municipalityNis }, userId);
			expect(one, who).toEqual(before);
			expect('community' in one ? one.community?.id : null, who).toBe(municipalityCommunity);
		}
		// the cards compared above are there to compare
		const page = await together(anonymousClient(), { nis: municipalityNis });
		if (!('community' in page)) throw new Error('not found');
		expect(page.requests.length).toBeGreaterThan(0);
		expect(page.offers.length).toBeGreaterThan(0);
	});

	it('for a region, to everyone', async () => {
		for (const [who, client, userId] of clients()) {
			const one = await together(client, { slug: regionSlug });
			const before = await separately(client, { slug: regionSlug }, userId);
			expect(one, who).toEqual(before);
		}
	});

	it('for a municipality nobody joined yet: its own offers and activities, no viewer parts', async () => {
		for (const [who, client, userId] of clients()) {
			const one = await together(client, { nis: emptyNis });
			const before = await separately(client, { nis: emptyNis }, userId);
			expect(one, who).toEqual(before);
		}
		const page = await together(anonymousClient(), { nis: emptyNis });
		if (!('community' in page)) throw new Error('not found');
		expect(page.community).toBeNull();
		expect(page.offers.length).toBeGreaterThan(0);
	});

	it('tells each viewer what is theirs: membership, organisations, host, block', async () => {
		const mine = async (client: SupabaseClient) => {
			const page = await getCommunityPage(
				client,
				{ nis: municipalityNis },
				todayInBelgium(),
				SHOWN
			);
			if (!page.found) throw new Error('not found');
			return page.viewer;
		};
		expect(await mine(anonymousClient())).toBeNull();
		const forStranger = await mine(stranger.client);
		expect(forStranger).toEqual({
			membership: null,
			organisations: [],
			isHost: false,
			block: null
		});
		const forMember = await mine(member.client);
		expect(forMember?.membership).toMatchObject({ personKind: 'teacher', role: 'member' });
		expect(forMember?.organisations.map((o) => [o.kind, o.joined])).toEqual(
			expect.arrayContaining([
				['school', true],
				['partner', false]
			])
		);
		expect(forMember?.isHost).toBe(false);
		expect((await mine(host.client))?.isHost).toBe(true);
		expect((await mine(blocked.client))?.block).toEqual({ reason: 'Herhaald ongepaste berichten' });
	});
});

describe('community_page: what it does not find and what it refuses', () => {
	it('finds no unknown code or slug, and names a merged municipality’s successor', async () => {
		const anonymous = anonymousClient();
		const today = todayInBelgium();
		expect(await getCommunityPage(anonymous, { nis: '99999' }, today, SHOWN)).toEqual({
			found: false,
			currentNis: null
		});
		expect(
			await getCommunityPage(anonymous, { slug: 'geen-bestaande-regio' }, today, SHOWN)
		).toEqual({ found: false, currentNis: null });
		expect(await getCommunityPage(anonymous, { nis: mergedNis }, today, SHOWN)).toEqual({
			found: false,
			currentNis: successorNis
		});
		// A municipality's code is no region's slug.
		expect(await getCommunityPage(anonymous, { slug: municipalityNis }, today, SHOWN)).toEqual({
			found: false,
			currentNis: null
		});
	});

	it('refuses a call without a locator or with both, with a hint', async () => {
		const today = todayInBelgium();
		const neither = await anonymousClient().rpc('community_page', { p_today: today });
		expect(neither.error?.code).toBe('22023');
		expect(neither.error?.hint).toBe('community_page_locator');
		const both = await stranger.client.rpc('community_page', {
			p_today: today,
			p_nis: municipalityNis,
			p_slug: regionSlug
		});
		expect(both.error?.hint).toBe('community_page_locator');
	});
});
