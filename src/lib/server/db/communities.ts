// Local communities: a municipality's (created on its first join) and regional ones. RLS and the core's
// functions (20261203000000_communities.sql) decide every read and write; these functions shape the rows
// for the pages and turn refusals into messages next to the right field.
import { isOneOf, ORGANISATION_KINDS, type OrganisationKind } from '$lib/vocabulary';
import {
	COMMUNITY_ROLES,
	PERSON_KINDS,
	type CommunityRole,
	type CommunityStatus,
	type PersonKind
} from '$lib/community-vocabulary';
import { BRUSSELS_NIS_PREFIX, provinceBySlug } from '$lib/public/provinces';
import { pageCount } from '$lib/paging';
import type { Db } from '$lib/server/supabase';
import { raiseDbError } from './db-errors';
import type { Page } from './paging';

export type CommunityPlace = { nis: string; name: string };

export type Community = {
	id: string;
	kind: 'municipality' | 'region';
	name: string;
	description: string;
	status: CommunityStatus;
	/** A municipality's community: its NIS code. */
	nis: string | null;
	/** A region: its address (/regios/<slug>). */
	slug: string | null;
	decisionNote: string | null;
	/** The municipalities it covers, by name. */
	places: CommunityPlace[];
};

export type Municipality = { nis: string; name: string; provinceNl: string | null };

/** A community_pages row (read with `*`: an embed of its places cost PostgREST more than twice the CPU). */
export type CommunityRow = {
	id: string;
	kind: string;
	name: string;
	description: string;
	status: string;
	municipality_nis: string | null;
	slug: string | null;
	decision_note: string | null;
	places: { municipality_nis: string; municipality: { name_nl: string } | null }[];
};

export function toCommunity(row: CommunityRow): Community {
	return {
		id: row.id,
		kind: row.kind === 'region' ? 'region' : 'municipality',
		name: row.name,
		description: row.description,
		status: row.status === 'proposed' || row.status === 'declined' ? row.status : 'active',
		nis: row.municipality_nis,
		slug: row.slug,
		decisionNote: row.decision_note,
		places: row.places
			.map((place) => ({
				nis: place.municipality_nis,
				name: place.municipality?.name_nl ?? place.municipality_nis
			}))
			.sort((a, b) => a.name.localeCompare(b.name, 'nl'))
	};
}

export type CommunityByNis =
	| { found: true; municipality: Municipality; community: Community | null }
	| { found: false; currentNis: string | null };

/**
 * A current municipality and its community (null until its first join). A former (merged) municipality
 * gives the `currentNis` to redirect to; an unknown code gives `currentNis: null`.
 */
export async function communityByNis(db: Db, nis: string): Promise<CommunityByNis> {
	const [place, community] = await Promise.all([
		db
			.from('municipalities')
			.select('nis, name_nl, province_nl, valid_to')
			.eq('nis', nis)
			.maybeSingle(),
		db.from('community_pages').select('*').eq('municipality_nis', nis).maybeSingle()
	]);
	if (place.error) throw place.error;
	if (community.error) throw community.error;
	if (!place.data) return { found: false, currentNis: null };
	if (place.data.valid_to !== null) {
		const { data: current, error } = await db.rpc('current_nis', { nis });
		if (error) throw error;
		return { found: false, currentNis: current && current !== nis ? current : null };
	}
	return {
		found: true,
		municipality: {
			nis: place.data.nis,
			name: place.data.name_nl,
			provinceNl: place.data.province_nl
		},
		community: community.data ? toCommunity(community.data as CommunityRow) : null
	};
}

/** A regional community by its address: active ones for everyone, proposed ones for proposer and staff. */
export async function communityBySlug(db: Db, slug: string): Promise<Community | null> {
	const { data, error } = await db
		.from('community_pages')
		.select('*')
		.eq('kind', 'region')
		.eq('slug', slug)
		.maybeSingle();
	if (error) throw error;
	return data ? toCommunity(data as CommunityRow) : null;
}

export type CommunityCounts = {
	organisations: Record<OrganisationKind, number>;
	people: Record<PersonKind, number>;
	peopleTotal: number;
	total: number;
};

/** Who is here, as counts per kind (public: community_counts). */
export async function communityCounts(db: Db, communityId: string): Promise<CommunityCounts> {
	const { data, error } = await db.rpc('community_counts', { p_community_id: communityId });
	if (error) throw error;
	return countsOf(data);
}

/** community_counts()'s rows as counts per kind. */
export function countsOf(data: { kind: string; members: number | string }[]): CommunityCounts {
	const counts: CommunityCounts = {
		organisations: { academy: 0, school: 0, company: 0, partner: 0 },
		people: { teacher: 0, volunteer: 0, parent: 0, officer: 0, other: 0 },
		peopleTotal: 0,
		total: 0
	};
	for (const row of data) {
		const members = Number(row.members);
		if (isOneOf(ORGANISATION_KINDS, row.kind)) counts.organisations[row.kind] += members;
		else if (isOneOf(PERSON_KINDS, row.kind)) {
			counts.people[row.kind] += members;
			counts.peopleTotal += members;
		}
		counts.total += members;
	}
	return counts;
}

export type CommunityOrganisation = {
	memberId: string;
	id: string;
	name: string;
	slug: string;
	kind: OrganisationKind;
	role: CommunityRole;
};

/** The organisations in a community (public), by name. */
export async function communityOrganisations(
	db: Db,
	communityId: string
): Promise<CommunityOrganisation[]> {
	const { data, error } = await db
		.from('community_members')
		.select('id, role, organisation:organisations(id, name, slug, kind)')
		.eq('community_id', communityId)
		.not('organisation_id', 'is', null);
	if (error) throw error;
	return organisationsOf(data);
}

/** The organisation rows of a community (with their embedded organisation), by name. */
export function organisationsOf(
	data: {
		id: string;
		role: string;
		organisation: { id: string; name: string; slug: string; kind: string } | null;
	}[]
): CommunityOrganisation[] {
	return data
		.flatMap(({ id, role, organisation }) =>
			organisation && isOneOf(ORGANISATION_KINDS, organisation.kind)
				? [
						{
							memberId: id,
							id: organisation.id,
							name: organisation.name,
							slug: organisation.slug,
							kind: organisation.kind,
							role: isOneOf(COMMUNITY_ROLES, role) ? role : 'member'
						}
					]
				: []
		)
		.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

export type MyMembership = {
	id: string;
	personKind: PersonKind;
	inDirectory: boolean;
	role: CommunityRole;
};

/** The signed-in person's own row in a community, if they joined as a person. */
export async function myMembership(
	db: Db,
	communityId: string,
	userId: string
): Promise<MyMembership | null> {
	const { data, error } = await db
		.from('community_members')
		.select('id, person_kind, in_directory, role')
		.eq('community_id', communityId)
		.eq('user_id', userId)
		.maybeSingle();
	if (error) throw error;
	return membershipOf(data);
}

/** A person's community_members row as their membership. */
export function membershipOf(
	data: { id: string; person_kind: string | null; in_directory: boolean; role: string } | null
): MyMembership | null {
	if (!data) return null;
	return {
		id: data.id,
		personKind: isOneOf(PERSON_KINDS, data.person_kind) ? data.person_kind : 'other',
		inDirectory: data.in_directory,
		role: isOneOf(COMMUNITY_ROLES, data.role) ? data.role : 'member'
	};
}

export type AdministeredOrganisation = {
	id: string;
	name: string;
	kind: OrganisationKind;
	joined: boolean;
};

/**
 * The organisations the person administers (owner or admin), each with whether it is in the community:
 * the ones they may let join or leave.
 */
export async function administeredOrganisations(
	db: Db,
	userId: string,
	communityId: string | null
): Promise<AdministeredOrganisation[]> {
	const { data, error } = await db
		.from('memberships')
		.select('role, organisation:organisations(id, name, kind)')
		.eq('user_id', userId)
		.in('role', ['owner', 'admin']);
	if (error) throw error;
	const organisations = administrableOf(data);
	let joined = new Set<string>();
	if (communityId && organisations.length > 0) {
		const members = await db
			.from('community_members')
			.select('organisation_id')
			.eq('community_id', communityId)
			.in(
				'organisation_id',
				organisations.map((o) => o.id)
			);
		if (members.error) throw members.error;
		joined = new Set(members.data.flatMap((row) => row.organisation_id ?? []));
	}
	return administeredOf(organisations, joined);
}

/** The memberships rows (owner or admin, with their embedded organisation) as organisations. */
export function administrableOf(
	data: { organisation: { id: string; name: string; kind: string } | null }[]
): Omit<AdministeredOrganisation, 'joined'>[] {
	return data.flatMap(({ organisation }) =>
		organisation && isOneOf(ORGANISATION_KINDS, organisation.kind)
			? [{ id: organisation.id, name: organisation.name, kind: organisation.kind }]
			: []
	);
}

/** The administered organisations, each with whether it joined, by name. */
export function administeredOf(
	organisations: Omit<AdministeredOrganisation, 'joined'>[],
	joined: ReadonlySet<string>
): AdministeredOrganisation[] {
	return organisations
		.map((organisation) => ({ ...organisation, joined: joined.has(organisation.id) }))
		.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/** Whether the signed-in person hosts the community (to show the host's tools; RLS decides). */
export async function hostsCommunity(db: Db, communityId: string): Promise<boolean> {
	const { data, error } = await db.rpc('hosts_community', { p_community_id: communityId });
	if (error) throw error;
	return data === true;
}

/** Why the signed-in person is blocked from the community, or null. */
export async function myBlock(
	db: Db,
	communityId: string,
	userId: string
): Promise<{ reason: string } | null> {
	const { data, error } = await db
		.from('community_blocks')
		.select('reason')
		.eq('community_id', communityId)
		.eq('user_id', userId)
		.maybeSingle();
	if (error) throw error;
	return data;
}

export type JoinInput =
	{ communityId: string; nis?: undefined } | { communityId?: undefined; nis: string };

/**
 * Joins as a person (with the kind they come as and their directory choice), or for an organisation the
 * person administers. A municipality's community is created on its first join. Returns its id.
 */
export async function joinCommunity(
	db: Db,
	target: JoinInput,
	who:
		| { organisationId: string }
		| { organisationId?: undefined; personKind: PersonKind; inDirectory: boolean }
): Promise<string> {
	const { data, error } = await db.rpc('join_community', {
		p_community_id: target.communityId,
		p_nis: target.nis,
		...('personKind' in who
			? { p_person_kind: who.personKind, p_in_directory: who.inDirectory }
			: { p_organisation_id: who.organisationId })
	});
	if (error) raiseDbError(error);
	return data;
}

/** Leaves as a person, or takes an organisation the person administers out. */
export async function leaveCommunity(
	db: Db,
	communityId: string,
	organisationId?: string
): Promise<void> {
	const { error } = await db.rpc('leave_community', {
		p_community_id: communityId,
		p_organisation_id: organisationId
	});
	if (error) raiseDbError(error);
}

/** A person changes who they are here as and whether they appear in the directory. */
export async function updateMyMembership(
	db: Db,
	{
		communityId,
		userId,
		personKind,
		inDirectory
	}: { communityId: string; userId: string; personKind: PersonKind; inDirectory: boolean }
): Promise<boolean> {
	const { data, error } = await db
		.from('community_members')
		.update({ person_kind: personKind, in_directory: inDirectory })
		.eq('community_id', communityId)
		.eq('user_id', userId)
		.select('id');
	if (error) raiseDbError(error);
	return data.length > 0;
}

/** A host edits the description; false when RLS let nothing change (not a host). */
export async function updateCommunityDescription(
	db: Db,
	communityId: string,
	description: string
): Promise<boolean> {
	const { data, error } = await db
		.from('communities')
		.update({ description })
		.eq('id', communityId)
		.select('id');
	if (error) raiseDbError(error);
	return data.length > 0;
}

export type DirectoryPerson = {
	memberId: string;
	userId: string;
	name: string;
	personKind: PersonKind;
	role: CommunityRole;
	personas: string[];
	bio: string | null;
	/** Whether the reader may open the person's page (/mensen/[id]: a helper profile they can read). */
	hasPage: boolean;
};

/**
 * The people of a community who chose to appear in its directory, with their profile's public bits. RLS
 * gives these rows to the community's members only (and its hosts and staff).
 */
export async function communityDirectory(db: Db, communityId: string): Promise<DirectoryPerson[]> {
	return peopleOf(db, communityId, { directoryOnly: true });
}

/** Every person in a community (rows a host or staff reads), for the hosts' members page. */
export async function communityPeople(db: Db, communityId: string): Promise<DirectoryPerson[]> {
	return peopleOf(db, communityId, { directoryOnly: false });
}

async function peopleOf(
	db: Db,
	communityId: string,
	{ directoryOnly }: { directoryOnly: boolean }
): Promise<DirectoryPerson[]> {
	let query = db
		.from('community_members')
		.select('id, user_id, person_kind, role, in_directory')
		.eq('community_id', communityId)
		.not('user_id', 'is', null);
	if (directoryOnly) query = query.eq('in_directory', true);
	const { data: rows, error } = await query.limit(2000);
	if (error) throw error;
	const ids = rows.flatMap((row) => row.user_id ?? []);
	const profiles = new Map<string, { name: string; personas: string[]; bio: string | null }>();
	const withPage = new Set<string>();
	if (ids.length > 0) {
		const [{ data, error: profileError }, pages] = await Promise.all([
			db.from('profiles').select('id, display_name, personas, bio').in('id', ids),
			db.from('helper_profiles').select('user_id').in('user_id', ids)
		]);
		if (profileError) throw profileError;
		if (pages.error) throw pages.error;
		for (const page of pages.data) withPage.add(page.user_id);
		for (const profile of data) {
			profiles.set(profile.id, {
				name: profile.display_name,
				personas: profile.personas,
				bio: profile.bio
			});
		}
	}
	return rows
		.flatMap((row) => {
			if (!row.user_id) return [];
			const profile = profiles.get(row.user_id);
			return [
				{
					memberId: row.id,
					userId: row.user_id,
					name: profile?.name ?? '—',
					personKind: isOneOf(PERSON_KINDS, row.person_kind) ? row.person_kind : 'other',
					role: isOneOf(COMMUNITY_ROLES, row.role) ? row.role : 'member',
					personas: profile?.personas ?? [],
					bio: profile?.bio ?? null,
					hasPage: withPage.has(row.user_id)
				} satisfies DirectoryPerson
			];
		})
		.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/** A host or staff makes a member a host or a plain member. */
export async function setCommunityRole(
	db: Db,
	memberId: string,
	role: CommunityRole
): Promise<void> {
	const { error } = await db.rpc('set_community_role', { p_member_id: memberId, p_role: role });
	if (error) raiseDbError(error);
}

/** The ids of the active offers that reach one of the community's places, newest first. */
export async function communityOfferIds(
	db: Db,
	communityId: string,
	limit: number
): Promise<string[]> {
	const { data, error } = await db.rpc('community_offer_ids', {
		p_community_id: communityId,
		p_limit: limit
	});
	if (error) throw error;
	return data;
}

// The municipalities index ---------------------------------------------------------------------------

export const MUNICIPALITIES_PAGE_SIZE = 30;
export const MUNICIPALITY_SEARCH_MAX = 60;

export type MunicipalityIndexRow = Municipality & {
	academies: number;
	/** Its community, when someone joined: the number of members. */
	community: { id: string; members: number } | null;
};

/**
 * One page of the current municipalities of Flanders and Brussels by name: those whose name contains the
 * search (trigram index), in a province (slug; `brussel` for the Brussels-Capital Region), each with its
 * number of academies and its community. One call (municipality_index_page(); a page past the end is the
 * last one).
 */
export async function listMunicipalityIndex(
	db: Db,
	{ search, province, page }: { search: string; province: string | null; page: number }
): Promise<Page<MunicipalityIndexRow>> {
	const chosen = province ? provinceBySlug(province) : undefined;
	const { data, error } = await db.rpc('municipality_index_page', {
		p_page: page,
		p_page_size: MUNICIPALITIES_PAGE_SIZE,
		p_search: search,
		...(chosen?.provinceNl
			? { p_province_nl: chosen.provinceNl }
			: chosen
				? { p_nis_prefix: BRUSSELS_NIS_PREFIX }
				: {})
	});
	if (error) throw error;
	const answer = data as unknown as MunicipalityIndexAnswer;
	return {
		rows: answer.rows.map((row) => ({
			nis: row.nis,
			name: row.name_nl,
			provinceNl: row.province_nl,
			academies: row.academies,
			community: row.community
		})),
		total: answer.total,
		page: answer.page,
		pageCount: pageCount(answer.total, MUNICIPALITIES_PAGE_SIZE)
	};
}

/** What municipality_index_page() answers. */
type MunicipalityIndexAnswer = {
	total: number;
	page: number;
	rows: {
		nis: string;
		name_nl: string;
		province_nl: string | null;
		academies: number;
		community: { id: string; members: number } | null;
	}[];
};

// Regions ----------------------------------------------------------------------------------------------

export type RegionProposal = {
	id: string;
	name: string;
	slug: string;
	status: CommunityStatus;
	decisionNote: string | null;
	places: CommunityPlace[];
	proposedBy: string | null;
	createdAt: string;
};

const REGION_COLUMNS =
	'id, kind, name, description, status, municipality_nis, slug, decision_note, created_at, organisation:organisations!communities_proposed_by_organisation_fkey(name), places:community_municipalities(municipality_nis, municipality:municipalities(name_nl))';

/** An academy admin proposes a region; returns its id. */
export async function proposeRegion(
	db: Db,
	input: {
		organisationId: string;
		name: string;
		slug: string;
		municipalities: string[];
		description: string;
	}
): Promise<string> {
	const { data, error } = await db.rpc('propose_region', {
		p_organisation_id: input.organisationId,
		p_name: input.name,
		p_slug: input.slug,
		p_municipalities: input.municipalities,
		p_description: input.description
	});
	if (error) raiseDbError(error);
	return data;
}

/** The regions an organisation proposed, newest first, with their status. */
export async function regionsProposedBy(db: Db, organisationId: string): Promise<RegionProposal[]> {
	const { data, error } = await db
		.from('communities')
		.select(REGION_COLUMNS)
		.eq('kind', 'region')
		.eq('proposed_by_organisation', organisationId)
		.order('created_at', { ascending: false });
	if (error) throw error;
	return data.map(toProposal);
}

/** For network staff: the regions waiting for a decision, oldest first. */
export async function proposedRegions(db: Db): Promise<RegionProposal[]> {
	const { data, error } = await db
		.from('communities')
		.select(REGION_COLUMNS)
		.eq('kind', 'region')
		.eq('status', 'proposed')
		.order('created_at')
		.limit(200);
	if (error) throw error;
	return data.map(toProposal);
}

function toProposal(
	row: CommunityRow & { created_at: string; organisation: { name: string } | null }
): RegionProposal {
	const community = toCommunity(row);
	return {
		id: community.id,
		name: community.name,
		slug: community.slug ?? '',
		status: community.status,
		decisionNote: community.decisionNote,
		places: community.places,
		proposedBy: row.organisation?.name ?? null,
		createdAt: row.created_at
	};
}

/** Network staff approve or decline (with a reason) a proposed region. */
export async function decideRegion(
	db: Db,
	{ communityId, approve, note }: { communityId: string; approve: boolean; note: string }
): Promise<void> {
	const { error } = await db.rpc('decide_region', {
		p_community_id: communityId,
		p_approve: approve,
		p_note: note
	});
	if (error) raiseDbError(error);
}

/** A municipality's community in short, for its page: its id and number of members, or null. */
export async function municipalityCommunitySummary(
	db: Db,
	nis: string
): Promise<{ id: string; members: number } | null> {
	const { data, error } = await db.rpc('municipality_communities', { p_nis: [nis] });
	if (error) throw error;
	const row = data[0];
	return row ? { id: row.community_id, members: Number(row.members) } : null;
}

/**
 * Whether the signed-in person belongs to the community: as a person, or through an organisation they are
 * a member of that joined (as private.my_community_ids() counts them).
 */
export async function isCommunityMember(
	db: Db,
	communityId: string,
	userId: string
): Promise<boolean> {
	const [own, memberships] = await Promise.all([
		myMembership(db, communityId, userId),
		db.from('memberships').select('organisation_id').eq('user_id', userId)
	]);
	if (own) return true;
	if (memberships.error) throw memberships.error;
	const organisationIds = memberships.data.map((row) => row.organisation_id);
	if (organisationIds.length === 0) return false;
	const { count, error } = await db
		.from('community_members')
		.select('id', { count: 'exact', head: true })
		.eq('community_id', communityId)
		.in('organisation_id', organisationIds);
	if (error) throw error;
	return (count ?? 0) > 0;
}
